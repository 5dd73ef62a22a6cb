package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstitutionCasesRuleTests {

	private static final String VOLUMES = """
			caseVolumes:
			  - {technology: X08, year: 2023, cases: 400}
			  - {technology: X08, year: 2024, cases: 600}
			  - {technology: X08, year: 2025, cases: %d}
			  - {technology: X08, subTechnique: RFA, year: 2025, cases: %d}
			  - {technology: X08, subTechnique: MWA, year: 2025, cases: 100}
			  - {technology: X08, year: 2026, cases: 100}
			""";

	@Test
	void lastYearTotalAtTheBoundary() {
		InstitutionCasesRule rule = new InstitutionCasesRule(500, 1, VolumeMode.TOTAL, false, false);
		RuleResult met = evaluate(rule, institution(VOLUMES.formatted(500, 0)));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).isEqualTo("近 1 年（2025）本技术开展例数合计 500 例，要求合计不少于 500 例");
		assertThat(evaluate(rule, institution(VOLUMES.formatted(499, 0))).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void singleSubTechniqueSuffices() {
		InstitutionCasesRule rule = new InstitutionCasesRule(200, 1, VolumeMode.TOTAL, true, false);
		RuleResult met = evaluate(rule, institution(VOLUMES.formatted(300, 200)));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).contains("射频消融");
		assertThat(evaluate(rule, institution(VOLUMES.formatted(300, 199))).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void totalSinceStartIncludesTheCurrentYear() {
		InstitutionCasesRule rule = new InstitutionCasesRule(1500, 0, VolumeMode.TOTAL, false, true);
		RuleResult result = evaluate(rule, institution(VOLUMES.formatted(400, 0)));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("本技术累计开展 1500 例，要求累计不少于 1500 例");
		assertThat(evaluate(rule, institution(VOLUMES.formatted(399, 0))).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void totalSinceStartLeavesOutTheMonthsAfterTheReferenceDate() {
		// the registry's monthly rows of 2026; evaluated on 2026-06-30
		// (RuleFixtures.AS_OF)
		// the months from July on are after the day and do not count
		InstitutionCasesRule rule = new InstitutionCasesRule(1500, 0, VolumeMode.TOTAL, false, true);
		String volumes = """
				caseVolumes:
				  - {technology: X08, year: 2024, cases: 1000}
				  - {technology: X08, year: 2025, cases: 400}
				  - {technology: X08, year: 2026, month: 6, cases: 90}
				  - {technology: X08, year: 2026, month: 7, cases: 50}
				""";
		RuleResult result = evaluate(rule, institution(volumes));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).startsWith("本技术累计开展 1490 例");
	}

	@Test
	void eachYear() {
		InstitutionCasesRule rule = new InstitutionCasesRule(400, 3, VolumeMode.EACH_YEAR, false, false);
		assertThat(evaluate(rule, institution(VOLUMES.formatted(400, 0))).status()).isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution(VOLUMES.formatted(399, 0))).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void yearWithOnlySubTechniqueRowsIsTheirSum() {
		InstitutionCasesRule rule = new InstitutionCasesRule(300, 1, VolumeMode.TOTAL, false, false);
		RuleResult result = evaluate(rule, institution("""
				caseVolumes:
				  - {technology: X08, subTechnique: RFA, year: 2025, cases: 200}
				  - {technology: X08, subTechnique: MWA, year: 2025, cases: 100}
				"""));
		assertThat(result.status()).isEqualTo(Status.MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(new InstitutionCasesRule(1, 1, VolumeMode.TOTAL, false, false), anyInstitution()).status())
			.isEqualTo(Status.UNKNOWN);
	}

	private static final InstitutionCasesRule ROLLING_YEAR = new InstitutionCasesRule(500, 1, VolumeMode.TOTAL, false,
			false, WindowMode.ROLLING);

	@Test
	void rollingYearEndsTheDayBeforeTheReferenceDateAndCountsMonthsExactly() {
		// AS_OF 2026-06-30: the window is 2025-06-30 .. 2026-06-29; July 2025 .. May 2026
		// lie wholly inside
		String months = """
				caseVolumes:
				  - {technology: X08, year: 2025, month: 6, cases: 1000}
				  - {technology: X08, year: 2025, month: 7, cases: 100}
				  - {technology: X08, year: 2025, month: 12, cases: 150}
				  - {technology: X08, year: 2026, month: 1, cases: %d}
				  - {technology: X08, year: 2026, month: 6, cases: 1000}
				""";
		RuleResult met = evaluate(ROLLING_YEAR, institution(months.formatted(250)));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).isEqualTo("2025-06-30 至 2026-06-29本技术开展例数：完整落在该期间内的记录 500 例，"
				+ "与该期间部分重叠的记录合计 2500 例（年度例数无法拆分到该期间，需按月记录），要求合计不少于 500 例");
		assertThat(evaluate(ROLLING_YEAR, institution(months.formatted(249))).status())
			.as("the partly covered months may or may not hold the missing case")
			.isEqualTo(Status.UNKNOWN);
	}

	@Test
	void rollingYearIsNotTheLastCalendarYear() {
		String years = """
				caseVolumes:
				  - {technology: X08, year: 2025, cases: 600}
				  - {technology: X08, year: 2026, month: 1, cases: 100}
				""";
		assertThat(
				evaluate(new InstitutionCasesRule(500, 1, VolumeMode.TOTAL, false, false), institution(years)).status())
			.as("calendar reading: 2025 alone")
			.isEqualTo(Status.MET);
		assertThat(evaluate(ROLLING_YEAR, institution(years)).status())
			.as("rolling: 2025 only partly inside, so 100–700")
			.isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(ROLLING_YEAR,
				institution("caseVolumes: [{technology: X08, year: 2025, cases: 399}, "
						+ "{technology: X08, year: 2026, month: 3, cases: 100}]"))
			.status()).as("even the whole of 2025 and 2026 recorded so far stay below 500").isEqualTo(Status.NOT_MET);
	}

	@Test
	void rollingPerSubTechniqueAndCalendarYearsFromMonths() {
		String subs = """
				caseVolumes:
				  - {technology: X08, subTechnique: RFA, year: 2025, month: 8, cases: 120}
				  - {technology: X08, subTechnique: RFA, year: 2026, month: 2, cases: 80}
				  - {technology: X08, subTechnique: MWA, year: 2025, cases: 900}
				""";
		InstitutionCasesRule single = new InstitutionCasesRule(200, 1, VolumeMode.TOTAL, true, false,
				WindowMode.ROLLING);
		RuleResult met = evaluate(single, institution(subs));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).contains("射频消融");
		assertThat(
				evaluate(new InstitutionCasesRule(1020, 1, VolumeMode.TOTAL, false, false), institution(subs)).status())
			.as("calendar 2025 = MWA 900 + RFA months 120")
			.isEqualTo(Status.MET);
	}

}
