package cn.rtms.filing.domain;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayDeadlinesTests {

	@Test
	void refusesAConfigurationThatMissesAStepAtStartupNotAtItsFirstUse() {
		Map<String, Integer> days = new HashMap<>();
		for (Deadline step : Deadline.values()) {
			days.put(step.name(), 20);
		}
		days.remove(Deadline.NOTIFY_RESULT.name());
		assertThatThrownBy(() -> new WorkingDayDeadlines(WorkingDayCalendarTests.china(), days))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("NOTIFY_RESULT");
	}

	@Test
	void countsEveryStepInWorkingDays() {
		assertThat(FilingFixtures.DEADLINES.due(Deadline.RECEIVE, FilingFixtures.TODAY))
			.isAfter(FilingFixtures.TODAY.plusDays(20));
	}

}
