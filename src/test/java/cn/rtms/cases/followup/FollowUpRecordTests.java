package cn.rtms.cases.followup;

import java.time.LocalDate;

import cn.rtms.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FollowUpRecordTests {

	private static final LocalDate OPERATED = LocalDate.of(2026, 3, 1);

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void acceptsAValidRecordAndTrimsTheNote() {
		FollowUpRecord clean = FollowUpManagement.validate(
				new FollowUpRecord(0, LocalDate.of(2026, 9, 2), "PHONE", "ALIVE", null, "NO_EVIDENCE", "  无不适  "),
				OPERATED, TODAY);
		assertThat(clean.note()).isEqualTo("无不适");
	}

	@Test
	void namesEveryBadFieldInChinese() {
		ProblemException problem = catchThrowableOfType(ProblemException.class,
				() -> FollowUpManagement.validate(
						new FollowUpRecord(0, TODAY.plusDays(1), "FAX", "DEAD", null, "CURED", "x".repeat(501)),
						OPERATED, TODAY));
		assertThat(problem.code()).isEqualTo("FOLLOW_UP_INVALID");
		assertThat(problem.errors()).extracting(ProblemException.FieldProblem::field)
			.containsExactly("performedOn", "method", "deathDate", "diseaseStatus", "note");
		assertThat(problem.errors().get(2).message()).isEqualTo("生存状态为死亡时必须填写死亡日期");
	}

	@Test
	void deathMustLieBetweenOperationAndFollowUp() {
		ProblemException before = catchThrowableOfType(ProblemException.class, () -> FollowUpManagement.validate(
				new FollowUpRecord(0, LocalDate.of(2026, 9, 2), "PHONE", "DEAD", LocalDate.of(2026, 2, 1), null, null),
				OPERATED, TODAY));
		assertThat(before.errors()).extracting(ProblemException.FieldProblem::field).containsExactly("deathDate");
		ProblemException after = catchThrowableOfType(ProblemException.class, () -> FollowUpManagement.validate(
				new FollowUpRecord(0, LocalDate.of(2026, 9, 2), "PHONE", "DEAD", LocalDate.of(2026, 9, 3), null, null),
				OPERATED, TODAY));
		assertThat(after.errors().get(0).message()).isEqualTo("死亡日期不能晚于随访日期");
		ProblemException alive = catchThrowableOfType(ProblemException.class, () -> FollowUpManagement.validate(
				new FollowUpRecord(0, LocalDate.of(2026, 9, 2), "PHONE", "ALIVE", LocalDate.of(2026, 9, 1), null, null),
				OPERATED, TODAY));
		assertThat(alive.errors().get(0).field()).isEqualTo("deathDate");
	}

}
