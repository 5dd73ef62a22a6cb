/**
 * Notifications (站内消息, docs/notifications.md): a message per recipient for every filing
 * event that concerns a user — the hospital's clerks and administrators when their filing
 * is received, escalated, returned, approved, rejected, activated, suspended, resumed or
 * revoked; the authority that must act next when a filing is submitted or escalated to
 * it, or an automatic revocation is proposed; experts when assigned; a physician when the
 * hospital grants or revokes an authorization (and the hospital's clerks on a revocation,
 * {@link cn.rtms.notifications.AuthorizationNotifications}). Created by
 * {@link cn.rtms.notifications.FilingNotifications} from the filing module's events after
 * their transaction committed (the events go through Spring Modulith's JDBC event
 * publication registry, so a failed delivery is re-delivered). Each user reads and marks
 * only their own messages ({@link cn.rtms.notifications.NotificationManagement}). Owns
 * the {@code notifications} schema; refers to users and filings by id only. Also: a
 * filing withdrawn before receipt tells the receiving authority, an expert's opinion the
 * authority that assigned it, and the daily
 * {@link cn.rtms.notifications.ScheduledReminders} tells of deadlines within 3 working
 * days and of expiring licences and authorizations. E-mail or SMS are pluggable
 * {@link cn.rtms.notifications.NotificationChannel}s, off by default.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "authorization", "catalog", "filing", "identity", "personnel", "platform", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.notifications;
