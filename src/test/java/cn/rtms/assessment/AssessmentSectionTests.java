package cn.rtms.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which section an indicator of the engine lands in, the period bounds, and the PDF's
 * section numbering.
 */
class AssessmentSectionTests {

	@Test
	void placesTheTextsIndicatorsInTheSectionsTheRegulationNames() {
		assertThat(AssessmentSection.of("G08.INDICATION", "肿瘤消融治疗指征正确率")).isEqualTo(AssessmentSection.CASE_SELECTION);
		assertThat(AssessmentSection.of("G08.THYROID_BENIGN", "甲状腺良性结节消融治疗占比"))
			.isEqualTo(AssessmentSection.CASE_SELECTION);
		assertThat(AssessmentSection.of("G07.PLANNING", "术前计划率")).isEqualTo(AssessmentSection.CASE_SELECTION);
		assertThat(AssessmentSection.of("G08.COMPLETE_ABLATION", "完全消融率")).isEqualTo(AssessmentSection.EFFECTIVENESS);
		assertThat(AssessmentSection.of("G07.DOSE_VERIFICATION", "术后剂量验证率")).isEqualTo(AssessmentSection.EFFECTIVENESS);
		assertThat(AssessmentSection.of("G07.RECIST", "RECIST 客观缓解率")).isEqualTo(AssessmentSection.EFFECTIVENESS);
		assertThat(AssessmentSection.of("G08.COMPLICATION_30D", "术后30天内严重并发症发生率"))
			.as("a complication rate, although it names a 30-day window like mortality")
			.isEqualTo(AssessmentSection.SERIOUS_COMPLICATIONS);
		assertThat(AssessmentSection.of("HOSPITAL.MORTALITY_30D", "30天内死亡率")).isEqualTo(AssessmentSection.DEATHS);
		assertThat(AssessmentSection.of("G07.SURVIVAL_1Y", "1年生存率")).as("survival is follow-up, not a death figure")
			.isEqualTo(AssessmentSection.FOLLOW_UP);
		assertThat(AssessmentSection.of("G08.FOLLOW_UP_6M", "术后6个月随访率")).isEqualTo(AssessmentSection.FOLLOW_UP);
		assertThat(AssessmentSection.of("G08.LOS", "平均住院日")).isEqualTo(AssessmentSection.POST_OPERATIVE);
		assertThat(AssessmentSection.of("HOSPITAL.REPORTING", "系统填报率")).isEqualTo(AssessmentSection.RECORD_QUALITY);
		assertThat(AssessmentSection.of("HOSPITAL.FILING_COMPLETION", "备案完成率"))
			.as("unfiled practice is an adverse event")
			.isEqualTo(AssessmentSection.ADVERSE_EVENTS);
		assertThat(AssessmentSection.of("G08.COMPLETION", "肿瘤消融治疗完成率")).isEqualTo(AssessmentSection.EFFECTIVENESS);
		assertThat(AssessmentSection.of("G08.LOCAL_CONTROL", "肿瘤消融治疗后局部病灶有效控制率"))
			.isEqualTo(AssessmentSection.EFFECTIVENESS);
		assertThat(AssessmentSection.of("X.Y", "某项新指标")).isEqualTo(AssessmentSection.OTHER);
	}

	@Test
	void boundsThePeriodToTwoYearsEndingNoLaterThanToday() {
		LocalDate today = LocalDate.of(2026, 11, 22);
		assertThat(errors(LocalDate.of(2024, 11, 23), today, today)).isEmpty();
		assertThat(errors(LocalDate.of(2024, 11, 22), today, today)).extracting(FieldProblem::field)
			.containsExactly("to");
		assertThat(errors(LocalDate.of(2026, 1, 1), today.plusDays(1), today)).extracting(FieldProblem::field)
			.containsExactly("to");
		assertThat(errors(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 1), today)).extracting(FieldProblem::field)
			.containsExactly("from");
		assertThat(errors(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), today)).as("one day").isEmpty();
	}

	private static List<FieldProblem> errors(LocalDate from, LocalDate to, LocalDate today) {
		List<FieldProblem> errors = new ArrayList<>();
		AssessmentManagement.validatePeriod(new AssessmentRequest(UUID.randomUUID(), null, "G08", from, to), today,
				errors);
		return errors;
	}

	@Test
	void numbersPdfSectionsPastTen() {
		assertThat(AssessmentPdf.numeral(1)).isEqualTo("一");
		assertThat(AssessmentPdf.numeral(10)).isEqualTo("十");
		assertThat(AssessmentPdf.numeral(11)).isEqualTo("十一");
		assertThat(AssessmentPdf.numeral(12)).isEqualTo("十二");
		assertThat(AssessmentPdf.numeral(20)).isEqualTo("二十");
	}

	@Test
	void showsRatiosWithTwoDecimals() {
		assertThat(CaseSections.ratio(1, 3)).isEqualTo("1 / 3（33.33%）");
		assertThat(CaseSections.ratio(0, 0)).isEqualTo("0 / 0");
	}

}
