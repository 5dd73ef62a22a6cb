package cn.rtms.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Catches up on today's daily jobs at start-up ({@code rtms.jobs.catch-up-on-start},
 * default true): each {@link DailyJob} whose trigger today has already passed runs now,
 * in the order of the triggers (the revocation check before the alerts, the alerts before
 * the reminders); one that a node already ran today is skipped by
 * {@link ClusterJobs#oncePerDay}. Without it, a platform started after 06:30 (a new
 * deployment, the demo, a restart after maintenance) would show no alerts, revocation
 * suggestions or reminders until the next morning. A job that fails is logged and left to
 * its next trigger; start-up goes on.
 */
@Component
public class MissedDailyJobs {

	private static final Logger log = LoggerFactory.getLogger(MissedDailyJobs.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ObjectProvider<DailyJob> jobs;

	private final Clock clock;

	private final boolean enabled;

	MissedDailyJobs(ObjectProvider<DailyJob> jobs, Clock clock,
			@Value("${rtms.jobs.catch-up-on-start:true}") boolean enabled) {
		this.jobs = jobs;
		this.clock = clock;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (this.enabled) {
			catchUp();
		}
	}

	/**
	 * Runs every job whose trigger today has passed, earliest trigger first.
	 * @return the names of the jobs that were due (each ran, or was skipped because a
	 * node ran it today)
	 */
	public List<String> catchUp() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZONE));
		record Due(DailyJob job, ZonedDateTime trigger) {
		}
		List<Due> due = this.jobs.orderedStream()
			.flatMap((job) -> triggerToday(job.cron(), now).map((trigger) -> new Due(job, trigger)).stream())
			.filter((d) -> !d.trigger().isAfter(now))
			.sorted(Comparator.comparing(Due::trigger))
			.toList();
		for (Due d : due) {
			try {
				log.info("启动时补跑今日已过触发时间（{}）的作业 {}", d.trigger().toLocalTime(), d.job().jobName());
				d.job().runForToday();
			}
			catch (RuntimeException ex) {
				log.error("补跑作业 {} 失败，待下次定时触发重试：{}", d.job().jobName(), ex.getMessage(), ex);
			}
		}
		return due.stream().map((d) -> d.job().jobName()).toList();
	}

	/**
	 * @param cron a Spring cron expression, or {@code -} (disabled)
	 * @param now the moment, in the jobs' zone
	 * @return the cron's first trigger on {@code now}'s day, empty when disabled or it
	 * does not trigger that day
	 */
	static Optional<ZonedDateTime> triggerToday(String cron, ZonedDateTime now) {
		if (cron == null || cron.isBlank() || "-".equals(cron.strip())) {
			return Optional.empty();
		}
		ZonedDateTime midnight = now.toLocalDate().atStartOfDay(now.getZone());
		ZonedDateTime next = CronExpression.parse(cron.strip()).next(midnight.minusNanos(1));
		return (next != null && next.toLocalDate().equals(now.toLocalDate())) ? Optional.of(next) : Optional.empty();
	}

}
