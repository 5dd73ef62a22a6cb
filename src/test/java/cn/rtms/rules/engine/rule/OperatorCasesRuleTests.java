package cn.rtms.rules.engine.rule;

import java.time.LocalDate;

import cn.rtms.rules.engine.facts.OperationCategory;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class OperatorCasesRuleTests {

	private static final String THREE_YEARS = """
			operatorVolumes:
			  - {category: SKIN_DEFECT_REPAIR, year: 2023, cases: 160}
			  - {category: SKIN_DEFECT_REPAIR, year: 2024, cases: %d}
			  - {category: SKIN_DEFECT_REPAIR, year: 2025, cases: 150}
			caseVolumes:
			  - {technology: X08, year: 2024, cases: 900}
			""";

	private final OperatorCasesRule eachYear = new OperatorCasesRule(OperationCategory.SKIN_DEFECT_REPAIR, 150, 3,
			VolumeMode.EACH_YEAR);

	@Test
	void metWhenEveryYearReachesExactlyTheMinimum() {
		RuleResult result = evaluate(this.eachYear, person(THREE_YEARS.formatted(150)));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation())
			.isEqualTo("近 3 年（2023–2025）每年作为术者完成皮肤组织缺损修复重建手术：2023 年 160 例、2024 年 150 例、2025 年 150 例，要求每年不少于 150 例");
	}

	@Test
	void notMetWhenOneYearIsOneShortWhateverTheTechnologyCases() {
		RuleResult result = evaluate(this.eachYear, person(THREE_YEARS.formatted(149)));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.actual()).contains("2024 年 149 例");
	}

	@Test
	void missingYearCountsAsZero() {
		assertThat(evaluate(this.eachYear,
				person("operatorVolumes: [{category: SKIN_DEFECT_REPAIR, year: 2025, cases: 900}]"))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void totalMode() {
		OperatorCasesRule total = new OperatorCasesRule(OperationCategory.SKIN_DEFECT_REPAIR, 460, 3, VolumeMode.TOTAL);
		assertThat(evaluate(total, person(THREE_YEARS.formatted(150))).status()).isEqualTo(Status.MET);
		RuleResult short1 = evaluate(total, person(THREE_YEARS.formatted(149)));
		assertThat(short1.status()).isEqualTo(Status.NOT_MET);
		assertThat(short1.explanation()).contains("合计 459 例");
	}

	@Test
	void windowIsTheCompleteYearsBeforeTheYearOfTheDate() {
		RuleResult result = this.eachYear.evaluate(at(person(THREE_YEARS.formatted(150)), LocalDate.of(2027, 1, 1)));
		assertThat(result.explanation()).startsWith("近 3 年（2024–2026）");
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutOperatorVolumesEvenWithTechnologyCases() {
		RuleResult result = evaluate(this.eachYear, person("caseVolumes: [{technology: X08, year: 2025, cases: 900}]"));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).isEqualTo("未记录本人作为术者完成的皮肤组织缺损修复重建手术例数");
		assertThat(evaluate(this.eachYear, person("operatorVolumes: []")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void summaryNamesTheCategory() {
		assertThat(this.eachYear.summary()).isEqualTo("近 3 年作为术者每年完成皮肤组织缺损修复重建手术不少于 150 例");
	}

}
