package cn.rtms.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import cn.rtms.platform.ClusterJobs;
import cn.rtms.platform.DailyJob;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the alert checks once a day ({@code rtms.supervision.alerts.cron}, default 06:30
 * Asia/Shanghai: after the revocation check, before the reminders) as the system user,
 * once across all nodes ({@link ClusterJobs#oncePerDay}, job
 * {@value SupervisionManagement#JOB}); the node that takes the lock runs it and records
 * the day, a failed run is rolled back and retried at the next trigger.
 */
@Component
public class SupervisionSchedule extends DailyJob {

	/** The trigger, with its default. */
	static final String CRON = "${rtms.supervision.alerts.cron:0 30 6 * * *}";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final SupervisionManagement supervision;

	private final ClusterJobs jobs;

	private final Clock clock;

	SupervisionSchedule(SupervisionManagement supervision, ClusterJobs jobs, Clock clock, @Value(CRON) String cron) {
		super(SupervisionManagement.JOB, cron);
		this.supervision = supervision;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * Runs the day's checks unless another node ran (or runs) them today; public for the
	 * integration tests.
	 * @return the day's result, empty when skipped
	 */
	@Scheduled(cron = CRON, zone = "Asia/Shanghai")
	public Optional<RefreshResult> daily() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		return this.jobs.oncePerDay(SupervisionManagement.JOB, today, this.supervision::refreshAll);
	}

	@Override
	public void runForToday() {
		daily();
	}

}
