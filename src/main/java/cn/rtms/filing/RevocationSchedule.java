package cn.rtms.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import cn.rtms.identity.IdentityManagement;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.platform.DailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the revocation check every day ({@code rtms.filing.revocation-check.cron},
 * Asia/Shanghai) as the system user, once a day across all nodes sharing the database
 * ({@link ClusterJobs#oncePerDay}: the node that takes the lock runs it and records the
 * day; the others, and a node started later the same day, skip it; a failed run is rolled
 * back and retried at the next trigger). Besides this daily run,
 * {@link EligibilityChangeListener} re-checks an institution's filings when its record or
 * its people change, and everything once at startup.
 */
@Component
class RevocationSchedule extends DailyJob {

	/** The trigger, with its default. */
	static final String CRON = "${rtms.filing.revocation-check.cron:0 30 2 * * *}";

	static final String JOB = "filing.revocation-check";

	private static final Logger log = LoggerFactory.getLogger(RevocationSchedule.class);

	private final RevocationCheck filings;

	private final IdentityManagement identity;

	private final ClusterJobs jobs;

	private final Clock clock;

	RevocationSchedule(RevocationCheck filings, IdentityManagement identity, ClusterJobs jobs, Clock clock,
			@Value(CRON) String cron) {
		super(JOB, cron);
		this.filings = filings;
		this.identity = identity;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * @return the day's result, empty when another node ran (or runs) today's check
	 */
	@Scheduled(cron = CRON, zone = "Asia/Shanghai")
	Optional<RevocationCheckResult> daily() {
		LocalDate today = LocalDate.now(this.clock);
		Optional<RevocationCheckResult> ran = this.jobs.oncePerDay(JOB, today,
				() -> this.identity.asSystem((Supplier<RevocationCheckResult>) this.filings::checkRevocations));
		ran.ifPresent(result -> log.info("备案撤销检查：检查 {} 项有效备案，新增撤销建议 {} 项，无法判断 {} 项，出错 {} 项", result.checked(),
				result.proposed().size(), result.undetermined().size(), result.errors().size()));
		return ran;
	}

	@Override
	public void runForToday() {
		daily();
	}

}
