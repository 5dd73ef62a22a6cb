package cn.rtms.training.trainee;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.training.trainee.TraineeModel.CaseEntry;
import cn.rtms.training.trainee.TraineeModel.CaseRole;
import cn.rtms.training.trainee.TraineeModel.ExamEntry;
import cn.rtms.training.trainee.TraineeModel.ExamKind;
import cn.rtms.training.trainee.TraineeModel.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the case log and the exams are counted as the specs count them, and what a
 * certificate upload may be.
 */
class TraineeTallyTests {

	static final LocalDate DAY = LocalDate.of(2026, 5, 1);

	static CaseEntry entry(CaseRole role) {
		return new CaseEntry(UUID.randomUUID(), DAY, role, role.label(), UUID.randomUUID(), "带教", null, null);
	}

	static ExamEntry exam(ExamKind kind, String score, LocalDate on) {
		BigDecimal s = new BigDecimal(score);
		return new ExamEntry(UUID.randomUUID(), kind, kind.label(), s, s.compareTo(TraineeModel.PASS_MARK) >= 0, on);
	}

	@Test
	void aSupervisedCaseCountsAsParticipatedAndIndependentAndFullCourseOnlyAsManaged() {
		Tally tally = TraineeFiles.tally(List.of(entry(CaseRole.PARTICIPATED), entry(CaseRole.SUPERVISED),
				entry(CaseRole.SUPERVISED), entry(CaseRole.FULL_COURSE)), List.of());
		assertThat(tally.participated()).isEqualTo(3);
		assertThat(tally.independent()).isEqualTo(2);
		assertThat(tally.fullCourse()).isEqualTo(1);
		assertThat(tally.theoryPassed()).isFalse();
		assertThat(tally.skillsPassed()).isFalse();
	}

	@Test
	void theLatestExamOfEachKindCountsWithAPassMarkOfSixty() {
		Tally tally = TraineeFiles.tally(List.of(), List.of(exam(ExamKind.THEORY, "59.9", DAY),
				exam(ExamKind.SKILLS, "60.0", DAY), exam(ExamKind.THEORY, "75", DAY.plusDays(3))));
		assertThat(tally.theoryPassed()).isTrue();
		assertThat(tally.skillsPassed()).isTrue();
		Tally retakenAndFailed = TraineeFiles.tally(List.of(),
				List.of(exam(ExamKind.THEORY, "80", DAY), exam(ExamKind.THEORY, "59.9", DAY.plusDays(1))));
		assertThat(retakenAndFailed.theoryPassed()).isFalse();
	}

	@Test
	void certificatesAreRecognisedByTheirContentNotTheirDeclaredType() {
		assertThat(OverseasTrainings.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("application/pdf");
		assertThat(OverseasTrainings.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEqualTo("image/png");
		assertThat(OverseasTrainings.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }))
			.isEqualTo("image/jpeg");
		assertThat(OverseasTrainings.sniff("<html>".getBytes(StandardCharsets.US_ASCII))).isNull();
	}

}
