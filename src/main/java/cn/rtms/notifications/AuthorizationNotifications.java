package cn.rtms.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import cn.rtms.authorization.AuthorizationGranted;
import cn.rtms.authorization.AuthorizationRevoked;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.notifications.Notifications.Message;
import cn.rtms.personnel.PersonnelManagement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the hospital's authorization decisions (授权) into messages
 * (docs/notifications.md): a grant tells the physician (the accounts tied to the person
 * record); a revocation tells the physician and the hospital's clerks. Runs after the
 * authorization's transaction committed, in a transaction of its own, as the system user;
 * a re-delivered event creates no duplicate (one event key per record and decision).
 */
@Component
class AuthorizationNotifications {

	private static final Set<Role> CLERKS = EnumSet.of(Role.HOSPITAL_CLERK);

	private final UserManagement users;

	private final IdentityManagement identity;

	private final CatalogManagement catalog;

	private final PersonnelManagement people;

	private final NotificationDelivery notifications;

	private final Clock clock;

	AuthorizationNotifications(UserManagement users, IdentityManagement identity, CatalogManagement catalog,
			PersonnelManagement people, NotificationDelivery notifications, Clock clock) {
		this.users = users;
		this.identity = identity;
		this.catalog = catalog;
		this.people = people;
		this.notifications = notifications;
		this.clock = clock;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(AuthorizationGranted event) {
		String technology = technologyName(event.technology());
		Message message = new Message("AUTHORIZATION_GRANTED", "授权已批准：" + technology,
				"医院已授予您「" + technology + "」限制类技术临床应用权限，有效期 " + event.validFrom() + " 至 " + event.validUntil() + "。",
				link(event.authorizationId()), "Authorization", event.authorizationId());
		String key = "Authorization:" + event.authorizationId() + ":GRANTED";
		Instant now = Instant.now(this.clock);
		for (UUID recipient : this.users.accountsOfPerson(event.personId())) {
			this.notifications.send(recipient, message, key, now);
		}
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(AuthorizationRevoked event) {
		String technology = technologyName(event.technology());
		String physician = this.identity.asSystem(() -> this.people.get(event.personId()).name());
		Message message = new Message("AUTHORIZATION_REVOKED", "授权已撤销：" + physician + "「" + technology + "」",
				physician + " 的「" + technology + "」限制类技术授权" + (event.bySystem() ? "已由系统自动撤销" : "已被医院撤销") + "，撤销原因："
						+ event.reason() + "。撤销后不得再以术者身份开展该技术。",
				link(event.authorizationId()), "Authorization", event.authorizationId());
		String key = "Authorization:" + event.authorizationId() + ":REVOKED";
		Instant now = Instant.now(this.clock);
		Set<UUID> recipients = new LinkedHashSet<>(this.users.accountsOfPerson(event.personId()));
		recipients.addAll(this.users.recipients(CLERKS, event.institutionId(), null));
		for (UUID recipient : recipients) {
			this.notifications.send(recipient, message, key, now);
		}
	}

	private String technologyName(String code) {
		return this.catalog.find(code).map(RestrictedTechnology::name).orElse(code);
	}

	/** The ledger page (there is no page per record). */
	private static String link(UUID authorizationId) {
		return "/authorizations";
	}

}
