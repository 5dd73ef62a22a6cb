package cn.rtms.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which daily jobs {@link MissedDailyJobs} runs at start-up, and in which order.
 */
class MissedDailyJobsTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** Sunday 2026-11-22, 10:00 in Shanghai. */
	private static final ZonedDateTime SUNDAY_10 = LocalDateTime.of(2026, 11, 22, 10, 0).atZone(SHANGHAI);

	@Test
	void theNextTriggerCountsFromTheStartOfTheDay() {
		assertThat(MissedDailyJobs.nextTrigger("0 30 6 * * *", SUNDAY_10))
			.contains(LocalDateTime.of(2026, 11, 22, 6, 30).atZone(SHANGHAI));
		assertThat(MissedDailyJobs.nextTrigger("0 0 23 * * *", SUNDAY_10))
			.contains(LocalDateTime.of(2026, 11, 22, 23, 0).atZone(SHANGHAI));
		// midnight itself belongs to the day
		assertThat(MissedDailyJobs.nextTrigger("0 0 0 * * *", SUNDAY_10))
			.contains(LocalDateTime.of(2026, 11, 22, 0, 0).atZone(SHANGHAI));
		// a weekly job: its next day
		assertThat(MissedDailyJobs.nextTrigger("0 0 6 * * MON", SUNDAY_10))
			.contains(LocalDateTime.of(2026, 11, 23, 6, 0).atZone(SHANGHAI));
		assertThat(MissedDailyJobs.nextTrigger("-", SUNDAY_10)).isEmpty();
	}

	@Test
	void runsWhatIsPassedTodayOrNeverRanEarliestTriggerFirstAndGoesOnAfterAFailure() {
		List<String> ran = new ArrayList<>();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("fresh", job("fresh", "0 0 23 * * *", ran, false));
		beans.addBean("reminders", job("reminders", "0 0 7 * * *", ran, false));
		beans.addBean("alerts", job("alerts", "0 30 6 * * *", ran, true));
		beans.addBean("revocation", job("revocation", "0 30 2 * * *", ran, false));
		beans.addBean("evening", job("evening", "0 0 22 * * *", ran, false));
		beans.addBean("weekly", job("weekly", "0 0 6 * * MON", ran, false));
		beans.addBean("disabled", job("disabled", "-", ran, false));
		Set<String> ranBefore = Set.of("reminders", "alerts", "revocation", "evening", "weekly");
		MissedDailyJobs missed = new MissedDailyJobs(beans.getBeanProvider(DailyJob.class), ranBefore::contains,
				Clock.fixed(SUNDAY_10.toInstant(), SHANGHAI), true);

		// evening (22:00) and weekly (Monday) ran before and are not due yet; fresh never
		// ran
		assertThat(missed.catchUp()).containsExactly("revocation", "alerts", "reminders", "fresh");
		assertThat(ran).containsExactly("revocation", "alerts", "reminders", "fresh");
	}

	private static DailyJob job(String name, String cron, List<String> ran, boolean fails) {
		return new DailyJob(name, cron) {

			@Override
			public void runForToday() {
				ran.add(name);
				if (fails) {
					throw new IllegalStateException("数据库不可用");
				}
			}
		};
	}

}
