package cn.rtms.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Catches up on the daily jobs at start-up ({@code rtms.jobs.catch-up-on-start}, default
 * true; ADR 0041): each {@link DailyJob} whose trigger today has already passed, or that
 * never finished on this database (a new deployment, the demo's first start), runs now,
 * in the order of the triggers (the revocation check before the alerts, the alerts before
 * the reminders); one that a node already ran today is skipped by
 * {@link ClusterJobs#oncePerDay}. Without it, a platform started after 06:30, or for the
 * first time at any hour, would show no alerts, revocation suggestions or reminders until
 * the next trigger. A job that fails is logged and left to its next trigger; start-up
 * goes on.
 */
@Component
public class MissedDailyJobs {

	private static final Logger log = LoggerFactory.getLogger(MissedDailyJobs.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ObjectProvider<DailyJob> jobs;

	private final Predicate<String> everRan;

	private final Clock clock;

	private final boolean enabled;

	@Autowired
	MissedDailyJobs(ObjectProvider<DailyJob> jobs, ClusterJobs cluster, Clock clock,
			@Value("${rtms.jobs.catch-up-on-start:true}") boolean enabled) {
		this(jobs, cluster::everRan, clock, enabled);
	}

	MissedDailyJobs(ObjectProvider<DailyJob> jobs, Predicate<String> everRan, Clock clock, boolean enabled) {
		this.jobs = jobs;
		this.everRan = everRan;
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
	 * Runs every job whose trigger today has passed or that never ran, earliest trigger
	 * first.
	 * @return the names of the jobs that were due (each ran, or was skipped because a
	 * node ran it today)
	 */
	public List<String> catchUp() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZONE));
		record Due(DailyJob job, ZonedDateTime trigger, boolean first) {
		}
		List<Due> due = this.jobs.orderedStream().flatMap((job) -> nextTrigger(job.cron(), now).flatMap((trigger) -> {
			boolean passed = trigger.toLocalDate().equals(now.toLocalDate()) && !trigger.isAfter(now);
			if (passed) {
				return Optional.of(new Due(job, trigger, false));
			}
			return this.everRan.test(job.jobName()) ? Optional.empty() : Optional.of(new Due(job, trigger, true));
		}).stream()).sorted(Comparator.comparing((Due d) -> d.trigger().toLocalTime())).toList();
		for (Due d : due) {
			try {
				log.info(d.first() ? "启动时执行从未运行过的作业 {}（定时 {}）" : "启动时补跑今日已过触发时间的作业 {}（定时 {}）", d.job().jobName(),
						d.trigger().toLocalTime());
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
	 * @return the cron's first trigger from the start of {@code now}'s day on (today's,
	 * or a later day's for a job that does not run today), empty when disabled
	 */
	static Optional<ZonedDateTime> nextTrigger(String cron, ZonedDateTime now) {
		if (cron == null || cron.isBlank() || "-".equals(cron.strip())) {
			return Optional.empty();
		}
		ZonedDateTime midnight = now.toLocalDate().atStartOfDay(now.getZone());
		return Optional.ofNullable(CronExpression.parse(cron.strip()).next(midnight.minusNanos(1)));
	}

}
