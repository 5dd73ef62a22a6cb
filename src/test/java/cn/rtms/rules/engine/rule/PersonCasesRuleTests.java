package cn.rtms.rules.engine.rule;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PersonCasesRuleTests {

	private static final String FIVE_YEARS = """
			caseVolumes:
			  - {technology: X08, year: 2021, cases: 120}
			  - {technology: X08, year: 2022, cases: %d}
			  - {technology: X08, year: 2023, cases: 130}
			  - {technology: X08, year: 2024, cases: 140}
			  - {technology: X08, year: 2025, cases: 150}
			  - {technology: G07, year: 2022, cases: 500}
			""";

	private final PersonCasesRule eachYear = new PersonCasesRule(100, 5, VolumeMode.EACH_YEAR);

	@Test
	void metWhenEveryYearReachesExactlyTheMinimum() {
		RuleResult result = evaluate(this.eachYear, person(FIVE_YEARS.formatted(100)));
		assertThat(result.status()).isEqualTo(Status.MET);
	}

	@Test
	void notMetWhenOneYearIsOneShort() {
		RuleResult result = evaluate(this.eachYear, person(FIVE_YEARS.formatted(99)));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).isEqualTo("近 5 年（2021–2025）每年独立开展例数：2021 年 120 例、2022 年 99 例、2023 年 130 例、"
				+ "2024 年 140 例、2025 年 150 例，要求每年不少于 100 例");
	}

	@Test
	void missingYearCountsAsZero() {
		RuleResult result = evaluate(this.eachYear, person("caseVolumes: [{technology: X08, year: 2025, cases: 900}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void totalMode() {
		PersonCasesRule total = new PersonCasesRule(640, 5, VolumeMode.TOTAL);
		assertThat(evaluate(total, person(FIVE_YEARS.formatted(100))).status()).isEqualTo(Status.MET);
		assertThat(evaluate(total, person(FIVE_YEARS.formatted(99))).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(total, person(FIVE_YEARS.formatted(99))).explanation()).contains("合计 639 例");
	}

	@Test
	void windowIsTheCompleteYearsBeforeTheYearOfTheDate() {
		RuleResult result = this.eachYear.evaluate(at(person(FIVE_YEARS.formatted(100)), LocalDate.of(2027, 1, 1)));
		assertThat(result.explanation()).startsWith("近 5 年（2022–2026）");
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutVolumes() {
		assertThat(evaluate(this.eachYear, anyPerson()).status()).isEqualTo(Status.UNKNOWN);
	}

}
