package cn.rtms.filing;

import java.io.StringReader;
import java.time.LocalDate;

import cn.rtms.filing.domain.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The working days left to a due date, as the home pages show them. */
class FilingStatisticsTests {

	/** 2026: 10-01..10-07 off, Saturday 10-10 worked. */
	static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.parse(new StringReader("""
			YEARS 2026 2026
			2026-10-01 HOLIDAY 国庆节
			2026-10-02 HOLIDAY 国庆节
			2026-10-05 HOLIDAY 国庆节
			2026-10-06 HOLIDAY 国庆节
			2026-10-07 HOLIDAY 国庆节
			2026-10-10 WORKDAY 国庆节调休上班
			"""), "test");

	static int between(String from, String to) {
		return FilingStatistics.workingDaysBetween(CALENDAR, LocalDate.parse(from), LocalDate.parse(to));
	}

	@Test
	void countsWorkingDaysAfterTodayUpToTheDueDate() {
		// Sunday 2026-11-22 (the pinned test day) to Friday 11-27: Monday to Friday
		assertThat(between("2026-11-22", "2026-11-27")).isEqualTo(5);
		assertThat(between("2026-11-23", "2026-11-23")).as("due today").isZero();
		assertThat(between("2026-11-27", "2026-11-30")).as("over a weekend").isEqualTo(1);
	}

	@Test
	void skipsHolidaysAndCountsWorkedWeekends() {
		// 09-30 (Wed) to 10-12 (Mon): 10-08, 10-09, 10-10 (worked Saturday), 10-12
		assertThat(between("2026-09-30", "2026-10-12")).isEqualTo(4);
	}

	@Test
	void isNegativeWhenOverdue() {
		assertThat(between("2026-11-27", "2026-11-25")).isEqualTo(-2);
		assertThat(between("2026-10-12", "2026-09-30")).isEqualTo(-4);
	}

}
