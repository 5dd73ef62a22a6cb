package cn.rtms.filing.domain;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTests {

	static WorkingDayCalendar china() {
		return WorkingDayCalendar
			.parse(new InputStreamReader(WorkingDayCalendarTests.class.getResourceAsStream("/filing/calendar-cn.txt"),
					StandardCharsets.UTF_8), "calendar-cn.txt");
	}

	private final WorkingDayCalendar calendar = china();

	@Test
	void skipsWeekendsAndPublicHolidays() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 20))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 1, 28))).isFalse();
	}

	@Test
	void countsAdjustedWeekendWorkingDays() {
		// 2026-10-10 is a Saturday worked in exchange for the National Day holiday
		assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek().getValue()).isEqualTo(6);
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2023, 6, 25))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2022, 1, 29))).isTrue();
	}

	@Test
	void addsFifteenWorkingDaysAcrossNationalDayWithAnAdjustedSaturday() {
		// first case on Tuesday 2026-09-29: working days 9-30 (1), 10-8 (2), 10-9 (3),
		// Sat 10-10 (4), 10-12…10-16 (9),
		// 10-19…10-23 (14), 10-26 (15)
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 9, 29), 15)).isEqualTo(LocalDate.of(2026, 10, 26));
	}

	@Test
	void addsWorkingDaysInAnOrdinaryFortnight() {
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 11, 2), 15)).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 0)).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void spansTheSpringFestivalOf2026() {
		// 2026-02-13 Friday; 02-14 Saturday is worked; 02-15…02-23 off; 02-24 Tuesday
		// next
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
	}

	@Test
	void coversTheYears2022To2027AndFallsBackToMondayToFriday() {
		assertThat(this.calendar.covers(LocalDate.of(2022, 1, 1))).isTrue();
		assertThat(this.calendar.covers(LocalDate.of(2027, 12, 31))).isTrue();
		assertThat(this.calendar.covers(LocalDate.of(2028, 1, 3))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2028, 10, 2))).isTrue();
	}

	@Test
	void refusesAWeekdayDeclaredAsAdjustedWorkingDay() {
		assertThatThrownBy(() -> WorkingDayCalendar.parse(new StringReader("2026-11-20 WORKDAY 错误\n"), "bad.txt"))
			.hasMessageContaining("bad.txt 第 1 行")
			.hasMessageContaining("不是周末");
		assertThatThrownBy(() -> WorkingDayCalendar.parse(new StringReader("2026-13-01 HOLIDAY x\n"), "bad.txt"))
			.hasMessageContaining("格式错误");
	}

	@Test
	void notesAPeriodThatReachesAnUncoveredYear() {
		WorkingDayCalendar calendar = china();
		assertThat(calendar.coverageNote(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 23))).isNull();
		assertThat(calendar.coverageNote(LocalDate.of(2027, 12, 20), LocalDate.of(2028, 1, 10)))
			.startsWith("节假日历未覆盖 2028 年")
			.contains("周一至周五", "2027 年节假日为暂定安排");
		assertThat(calendar.coverageNote(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 22)))
			.startsWith("2027 年节假日为暂定")
			.doesNotContain("未覆盖");
		assertThat(calendar.provisional(2027)).isTrue();
		assertThat(calendar.provisional(2026)).isFalse();
		assertThat(calendar.coverageNote(LocalDate.of(2030, 6, 15), LocalDate.of(2030, 6, 1)))
			.startsWith("节假日历未覆盖 2030 年");
		assertThat(calendar.addWorkingDays(LocalDate.of(2030, 6, 14), 1)).isEqualTo(LocalDate.of(2030, 6, 17));
	}

}
