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

}
