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

	@Test
	void rollingTotalBeforeTheIssueDateIsDecidedByTheBoundsOfYearlyFigures() {
		PersonCasesRule rolling = new PersonCasesRule(100, 5, VolumeMode.TOTAL, WindowMode.ROLLING);
		// issued 2022-04-20: the window is 2017-04-20 .. 2022-04-19; 2018–2021 lie wholly
		// inside
		String volumes = """
				caseVolumes:
				  - {technology: X08, year: 2017, cases: 30}
				  - {technology: X08, year: 2018, cases: 20}
				  - {technology: X08, year: 2019, cases: 20}
				  - {technology: X08, year: 2020, cases: 20}
				  - {technology: X08, year: 2021, cases: %d}
				  - {technology: X08, year: 2022, cases: %d}
				""";
		RuleResult met = rolling.evaluate(at(person(volumes.formatted(40, 0)), ISSUED_ON));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).startsWith("2017-04-20 至 2022-04-19独立开展例数：完整落在该期间内的记录 100 例");
		assertThat(rolling.evaluate(at(person(volumes.formatted(39, 0)), ISSUED_ON)).status())
			.as("2017 partly inside may hold the missing case")
			.isEqualTo(Status.UNKNOWN);
		assertThat(rolling.evaluate(at(person(volumes.formatted(9, 0)), ISSUED_ON)).status())
			.as("99 even counting all of 2017 and 2022")
			.isEqualTo(Status.NOT_MET);
		assertThat(
				new PersonCasesRule(100, 5, VolumeMode.TOTAL).evaluate(at(person(volumes.formatted(9, 0)), ISSUED_ON))
					.explanation())
			.as("the calendar reading counts 2017–2021")
			.contains("近 5 年（2017–2021）");
	}

}
