package cn.rtms.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.authorization.ReminderManagement;
import cn.rtms.authorization.Reminders;
import cn.rtms.filing.FilingDueDates;
import cn.rtms.filing.FilingDueDates.DueFiling;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.notifications.Notifications.Message;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.platform.DailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reminders (docs/notifications.md, "Reminders"): a filing step due within 3
 * working days tells the authority holding the filing (or the hospital, when a returned
 * filing waits for its supplement); a practice licence or another licence of an
 * institution expiring within {@code rtms.notifications.expiry-days} (default 30) tells
 * the hospital's clerks; a physician's authorization expiring within that horizon tells
 * the physician. Runs once a day across all nodes ({@link ClusterJobs#oncePerDay}, job
 * {@value #JOB}, {@code rtms.notifications.reminders.cron}, default 07:00 Asia/Shanghai)
 * as the system user, with today from the injected clock. Each message's event key names
 * the object and its due or expiry day, so one deadline or expiry makes one message per
 * recipient however often the job runs.
 */
@Component
public class ScheduledReminders extends DailyJob {

	/** The trigger, with its default. */
	static final String CRON = "${rtms.notifications.reminders.cron:0 0 7 * * *}";

	static final String JOB = "notifications.reminders";

	/** Working days ahead of a filing's due day. */
	static final int DEADLINE_WORKING_DAYS = 3;

	private static final Logger log = LoggerFactory.getLogger(ScheduledReminders.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Set<Role> AUTHORITY = FilingNotifications.AUTHORITY;

	private static final Set<Role> CLERKS = EnumSet.of(Role.HOSPITAL_CLERK);

	private final FilingDueDates filings;

	private final ReminderManagement expiries;

	private final UserManagement users;

	private final IdentityManagement identity;

	private final NotificationDelivery delivery;

	private final ClusterJobs jobs;

	private final Clock clock;

	private final int expiryDays;

	ScheduledReminders(FilingDueDates filings, ReminderManagement expiries, UserManagement users,
			IdentityManagement identity, NotificationDelivery delivery, ClusterJobs jobs, Clock clock,
			@Value("${rtms.notifications.expiry-days:30}") int expiryDays, @Value(CRON) String cron) {
		super(JOB, cron);
		this.filings = filings;
		this.expiries = expiries;
		this.users = users;
		this.identity = identity;
		this.delivery = delivery;
		this.jobs = jobs;
		this.clock = clock;
		this.expiryDays = expiryDays;
	}

	/**
	 * Runs the day's reminders unless another node ran (or runs) them today; public for
	 * the integration tests, which trigger it on the pinned day.
	 * @return the number of new messages, empty when another node ran (or runs) today's
	 * reminders
	 */
	@Scheduled(cron = CRON, zone = "Asia/Shanghai")
	public Optional<Integer> daily() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		Optional<Integer> sent = this.jobs.oncePerDay(JOB, today, this::remind);
		sent.ifPresent(count -> log.info("到期提醒：新增站内消息 {} 条", count));
		return sent;
	}

	/**
	 * Creates the reminders due today that do not exist yet.
	 * @return the number of new messages
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int remind() {
		return this.identity.asSystem(() -> deadlines() + expiries());
	}

	private int deadlines() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (DueFiling due : this.filings.dueWithin(DEADLINE_WORKING_DAYS)) {
			String holder = due.holderRegionCode();
			List<UUID> recipients = holder != null ? this.users.recipients(AUTHORITY, null, holder)
					: this.users.recipients(FilingNotifications.HOSPITAL, due.institutionId(), null);
			String left = due.workingDaysLeft() == 0 ? "今天到期" : "还剩 " + due.workingDaysLeft() + " 个工作日";
			String subject = due.institutionName() + "「" + due.technologyName() + "」";
			Message message = switch (due.task()) {
				case STEP -> new Message("FILING_DEADLINE_NEAR", "办理时限将至：" + subject,
						subject + " 的备案（" + due.stateLabel() + "）办理时限至 " + due.dueOn() + "，" + left + "，"
								+ (holder != null ? "请在办理时限内办理" : "请按审查意见补充材料后在时限内重新提交") + "。",
						"/filings/" + due.filingId(), "Filing", due.filingId());
				case SUBMIT -> new Message(
						"FILING_DEADLINE_NEAR", "备案提交期限将至：" + subject, subject + " 已开展首例，应在首例之日起 15 个工作日内提交备案，期限至 "
								+ due.dueOn() + "，" + left + "，请尽快完成自评并提交（逾期提交将标记为逾期备案）。",
						"/filings/" + due.filingId(), "Filing", due.filingId());
				case REVOCATION_PROPOSAL -> new Message("FILING_DEADLINE_NEAR", "撤销建议处理时限将至：" + subject,
						subject + " 的备案有待处理的撤销建议，处理时限至 " + due.dueOn() + "，" + left + "，请审核后撤销或驳回撤销建议。",
						"/filings/" + due.filingId(), "Filing", due.filingId());
			};
			String key = "Filing:" + due.filingId() + ":DUE:"
					+ (due.task() == FilingDueDates.Task.STEP ? "" : due.task().name() + ":") + due.state() + ":"
					+ due.dueOn();
			for (UUID recipient : recipients) {
				if (this.delivery.send(recipient, message, key, now)) {
					sent++;
				}
			}
		}
		return sent;
	}

	private int expiries() {
		Instant now = this.clock.instant();
		int sent = 0;
		Reminders reminders = this.expiries.upcoming(this.expiryDays);
		for (Reminders.Bucket bucket : reminders.buckets()) {
			for (Reminders.Item item : bucket.items()) {
				boolean authorization = "AUTHORIZATION".equals(item.kind());
				Set<UUID> recipients = new LinkedHashSet<>(authorization ? this.users.accountsOfPerson(item.subjectId())
						: this.users.recipients(CLERKS, item.institutionId(), null));
				String left = item.daysLeft() == 0 ? "今天到期" : "还剩 " + item.daysLeft() + " 天";
				boolean radiation = "RADIATION_SAFETY".equals(item.kind());
				Message message = radiation
						? new Message("RADIATION_SAFETY_DUE", "辐射安全记录即将到期：" + item.subjectName() + item.kindLabel(),
								item.institutionName() + " " + item.subjectName() + "的" + item.what() + "（" + left
										+ "），请及时安排并在辐射安全记录中登记。",
								"/seeds/safety", "RadiationSafetyRecord", item.referenceId())
						: authorization
								? new Message("AUTHORIZATION_EXPIRING", "授权即将到期：" + item.what(),
										"您在" + item.institutionName() + "的" + item.what() + "有效期至 " + item.expiresOn()
												+ "（" + left + "），到期后不得再以术者身份开展该技术，请及时申请重新授权。",
										"/authorizations", "Authorization", item.referenceId())
								: new Message("LICENCE_EXPIRING", "证照即将到期：" + item.institutionName() + item.kindLabel(),
										item.institutionName() + "的" + item.what() + "有效期至 " + item.expiresOn() + "（"
												+ left + "），请及时办理延续并更新机构信息。",
										"/institutions/" + item.institutionId(), "Institution", item.institutionId());
				String key = "Expiry:" + item.kind() + ":"
						+ (authorization && item.referenceId() != null ? item.referenceId() : item.subjectId()) + ":"
						+ Integer.toHexString(item.what().hashCode()) + ":" + item.expiresOn();
				for (UUID recipient : recipients) {
					if (this.delivery.send(recipient, message, key, now)) {
						sent++;
					}
				}
			}
		}
		return sent;
	}

	@Override
	public void runForToday() {
		daily();
	}

}
