package cn.rtms.authorization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.filing.FilingStateChanged;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.personnel.PersonChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the ledger in step with the filing and the staff list (授权后动态管理, 吉卫医发〔2022〕12号 二):
 * when the institution's filing of a technology is revoked, or the authority decides not
 * to register it (不予备案), its grants of that technology are revoked; when a physician
 * leaves the institution (or is moved to another), his grants there are revoked and his
 * applications there still pending are rejected. Grants that have expired are left as
 * they are. The system revokes them, audited ({@code AUTHORIZATION_REVOKED}, actor 系统)
 * and published ({@link AuthorizationRevoked}) like a hospital's revocation. A suspension
 * leaves the grants alone: it is temporary, and the practice check treats a suspended
 * filing as not in force.
 * <p>
 * Runs after the change has committed, synchronously on the publishing thread, in a
 * transaction of its own. The events go through Spring Modulith's JDBC event publication
 * registry, so one that fails is re-delivered; only GRANTED records are revoked, so a
 * re-delivery revokes nothing twice and audits nothing twice.
 */
@Component
class GrantRevocationListener {

	private static final Logger log = LoggerFactory.getLogger(GrantRevocationListener.class);

	private final AuthorizationManagement authorizations;

	private final IdentityManagement identity;

	private final Clock clock;

	GrantRevocationListener(AuthorizationManagement authorizations, IdentityManagement identity, Clock clock) {
		this.authorizations = authorizations;
		this.identity = identity;
		this.clock = clock;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(FilingStateChanged event) {
		LocalDate day = LocalDate.ofInstant(event.at(), this.clock.getZone());
		int revoked;
		if ("REVOKE".equals(event.action())) {
			revoked = this.identity.asSystem(
					() -> this.authorizations.revokeForRevokedFiling(event.institutionId(), event.technology(), day));
		}
		else if ("DECIDE_REJECTED".equals(event.action())) {
			revoked = this.identity.asSystem(
					() -> this.authorizations.revokeForRejectedFiling(event.institutionId(), event.technology(), day));
		}
		else {
			return;
		}
		if (revoked > 0) {
			log.info("机构 {} 的 {} 备案{}，撤销该技术授权 {} 项", event.institutionId(), event.technology(),
					"REVOKE".equals(event.action()) ? "已撤销" : "不予备案", revoked);
		}
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PersonChanged event) {
		UUID left = event.previousInstitutionId();
		if (left == null || left.equals(event.institutionId())) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		int revoked = this.identity
			.asSystem(() -> this.authorizations.revokeForDeparture(event.personId(), left, today));
		int rejected = this.identity
			.asSystem(() -> this.authorizations.rejectPendingForDeparture(event.personId(), left, today));
		if (revoked + rejected > 0) {
			log.info("医师 {} 已离开机构 {}，撤销其在该机构的授权 {} 项、驳回待审申请 {} 项", event.personId(), left, revoked, rejected);
		}
	}

}
