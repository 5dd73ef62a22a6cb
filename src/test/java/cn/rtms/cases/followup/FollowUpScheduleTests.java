package cn.rtms.cases.followup;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.cases.followup.FollowUpSchedule.Death;
import cn.rtms.cases.followup.FollowUpSchedule.Planned;
import cn.rtms.cases.followup.FollowUpSchedule.Point;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FollowUpScheduleTests {

	@Test
	void dueDateIsTheOperationDatePlusThePeriod() {
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 3, 15), "P6M")).isEqualTo(LocalDate.of(2026, 9, 15));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 3, 15), "P1Y")).isEqualTo(LocalDate.of(2027, 3, 15));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 3, 15), "P1M")).isEqualTo(LocalDate.of(2026, 4, 15));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 3, 15), "P30D")).isEqualTo(LocalDate.of(2026, 4, 14));
	}

	@Test
	void aDayMissingInTheTargetMonthBecomesItsLastDay() {
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2025, 8, 31), "P6M")).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2027, 8, 31), "P6M")).as("2028 is a leap year")
			.isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 1, 31), "P1M")).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 3, 31), "P6M")).isEqualTo(LocalDate.of(2026, 9, 30));
	}

	@Test
	void leapDayPlusYearsIsTheLastDayOfFebruaryUnlessLeapAgain() {
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2024, 2, 29), "P1Y")).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2024, 2, 29), "P4Y")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2024, 2, 29), "P5Y")).isEqualTo(LocalDate.of(2029, 2, 28));
	}

	@Test
	void monthsAreAddedBeforeDays() {
		assertThat(FollowUpSchedule.dueDate(LocalDate.of(2026, 1, 31), "P1M1D")).as("31 Jan → 28 Feb → 1 Mar")
			.isEqualTo(LocalDate.of(2026, 3, 1));
	}

	@Test
	void rejectsPeriodsThatAreNotIsoOrNotAfterTheOperation() {
		assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.dueDate(LocalDate.of(2026, 1, 1), "6个月"))
			.withMessageContaining("ISO-8601");
		assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.dueDate(LocalDate.of(2026, 1, 1), "P0D"))
			.withMessageContaining("手术日之后");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FollowUpSchedule.dueDate(LocalDate.of(2026, 1, 1), "P-1M"));
	}

	@Test
	void pointsAfterTheDeathAreCancelledAndAllAreInDueDateOrder() {
		List<Planned> planned = FollowUpSchedule.plan(LocalDate.of(2025, 8, 31),
				List.of(new Point("P1Y", "术后1年"), new Point("P1M", "术后1个月"), new Point("P6M", "术后6个月")),
				LocalDate.of(2026, 2, 28));
		assertThat(planned).containsExactly(new Planned("P1M", "术后1个月", LocalDate.of(2025, 9, 30), false),
				new Planned("P6M", "术后6个月", LocalDate.of(2026, 2, 28), false),
				new Planned("P1Y", "术后1年", LocalDate.of(2026, 8, 31), true));
	}

	@Test
	void statusByDueDateAndToday() {
		LocalDate today = LocalDate.of(2026, 11, 22);
		assertThat(FollowUpStatus.of(today.minusDays(1), null, null, today)).isEqualTo(FollowUpStatus.OVERDUE);
		assertThat(FollowUpStatus.of(today, null, null, today)).isEqualTo(FollowUpStatus.DUE);
		assertThat(FollowUpStatus.of(today.plusDays(30), null, null, today)).isEqualTo(FollowUpStatus.DUE);
		assertThat(FollowUpStatus.of(today.plusDays(31), null, null, today)).isEqualTo(FollowUpStatus.UPCOMING);
		assertThat(FollowUpStatus.of(today.minusDays(9), today, null, today)).isEqualTo(FollowUpStatus.DONE);
		assertThat(FollowUpStatus.of(today.minusDays(9), null, today, today)).isEqualTo(FollowUpStatus.CANCELLED);
	}

	@Test
	void aPointCarriesTheDeathThatCancelledItWhileItPrecedesTheDueDateElseTheEarliestOrNone() {
		LocalDate due = LocalDate.of(2026, 7, 1);
		Death caseDeath = new Death(LocalDate.of(2026, 5, 1),
				FollowUpSchedule.deathReason(LocalDate.of(2026, 5, 1), "病例"));
		Death sixMonths = new Death(LocalDate.of(2026, 3, 1),
				FollowUpSchedule.deathReason(LocalDate.of(2026, 3, 1), "术后6个月随访"));
		assertThat(caseDeath.reason()).isEqualTo("患者已于 2026-05-01 死亡（病例记录）");
		assertThat(FollowUpSchedule.settledReason(due, null, List.of(caseDeath, sixMonths))).as("the earliest death")
			.isEqualTo(sixMonths.reason());
		assertThat(FollowUpSchedule.settledReason(due, caseDeath.reason(), List.of(caseDeath, sixMonths)))
			.as("the death that cancelled it still precedes it")
			.isEqualTo(caseDeath.reason());
		assertThat(FollowUpSchedule.settledReason(due, "患者已于 2026-02-01 死亡（术后3个月随访记录）", List.of(caseDeath)))
			.as("its death was corrected: another death covers it")
			.isEqualTo(caseDeath.reason());
		assertThat(FollowUpSchedule.settledReason(due, sixMonths.reason(), List.of())).as("no death left: open")
			.isNull();
		assertThat(FollowUpSchedule.settledReason(due, sixMonths.reason(),
				List.of(new Death(due, FollowUpSchedule.deathReason(due, "病例")))))
			.as("a death on the due date leaves it open")
			.isNull();
		assertThat(FollowUpSchedule.settledReason(LocalDate.of(2026, 4, 1), caseDeath.reason(), List.of(caseDeath)))
			.as("the death moved after the due date")
			.isNull();
		assertThat(FollowUpSchedule.settledReason(due, "病例已撤销", List.of())).as("another reason stays")
			.isEqualTo("病例已撤销");
		assertThat(FollowUpSchedule.settledReason(due, null, List.of())).isNull();
	}

}
