package cn.rtms.platform;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start-up catch-up of the daily jobs on the embedded PostgreSQL: with triggers at
 * 00:01, 00:02 and 00:03 (passed at the pinned moment) and one at 23:59:59 (not yet, but
 * never run on the new database), all four ran while the application started, in the
 * order of their triggers, each recorded once for the day; a second catch-up (another
 * node starting the same day) finds the three passed ones due but runs none of them
 * again, and no longer the fourth. Own context: it runs the jobs.
 */
@SpringBootTest(properties = { "rtms.test.context=MissedDailyJobsIT", "rtms.jobs.catch-up-on-start=true",
		"rtms.filing.revocation-check.cron=0 1 0 * * *", "rtms.training.base-recheck.cron=0 2 0 * * *",
		"rtms.supervision.alerts.cron=0 3 0 * * *", "rtms.notifications.reminders.cron=59 59 23 * * *" })
class MissedDailyJobsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MissedDailyJobs missed;

	@Test
	void theDaysPassedJobsRanAtStartInTriggerOrderOnceEach() {
		LocalTime now = TestClock.pinned().toLocalTime();
		assumeTrue(now.isAfter(LocalTime.of(0, 5)) && now.isBefore(LocalTime.of(23, 59)),
				"the pinned moment lies between 00:05 and 23:59");
		List<String> passed = List.of("filing.revocation-check", "training.base-recheck", "supervision.alerts");
		List<Map<String, Object>> runs = runs();
		assertThat(runs).extracting((r) -> r.get("job"))
			.containsExactly(passed.get(0), passed.get(1), passed.get(2), "notifications.reminders");
		assertThat(runs).allSatisfy((r) -> assertThat(r.get("finished")).as("finished").isEqualTo(true));

		assertThat(this.missed.catchUp()).containsExactlyElementsOf(passed);
		assertThat(runs()).as("a node starting later the same day runs nothing again").isEqualTo(runs);
	}

	private List<Map<String, Object>> runs() {
		return this.jdbc
			.sql("select job, started_at, finished_at is not null as finished from platform.job_run "
					+ "where run_day = ? order by started_at, job")
			.param(TestClock.today())
			.query()
			.listOfRows();
	}

}
