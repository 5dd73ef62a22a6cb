package cn.rtms.audit;

import cn.rtms.identity.UserEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records identity's events (logins, failures, lockouts, password and user changes) in
 * the audit trail, synchronously, in the publisher's transaction when there is one.
 */
@Component
class IdentityEventsAuditor {

	private final AuditTrail audit;

	IdentityEventsAuditor(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(UserEvent event) {
		String actorId = event.actorId() != null ? event.actorId().toString()
				: event.userId() != null ? event.userId().toString() : null;
		this.audit.recordAs(actorId, event.username(), event.action(), "User",
				event.userId() != null ? event.userId().toString() : event.username(), event.before(), event.after());
	}

}
