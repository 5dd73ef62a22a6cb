package cn.rtms.audit;

import cn.rtms.identity.ApiKeyChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records identity's API-key changes (created, rotated, revoked) in the audit trail,
 * synchronously, in the change's transaction.
 */
@Component
class ApiKeyEventsAuditor {

	private final AuditTrail audit;

	ApiKeyEventsAuditor(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(ApiKeyChanged event) {
		this.audit.recordAs(event.actorId().toString(), event.actorName(), event.action(), "ApiKey",
				event.keyId().toString(), event.before(), event.after());
	}

}
