package cn.rtms.rules.engine.rule;

import cn.rtms.rules.engine.facts.InstitutionLevel;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstitutionLevelRuleTests {

	@Test
	void tertiaryAOnlyAcceptsGradeA() {
		InstitutionLevelRule rule = new InstitutionLevelRule(InstitutionLevel.TERTIARY_A);
		RuleResult met = evaluate(rule, institution("level: TERTIARY_A"));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).isEqualTo("医院等级为三级甲等，要求三级甲等及以上");
		assertThat(evaluate(rule, institution("level: TERTIARY_B")).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(rule, institution("level: TERTIARY")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void tertiaryAcceptsAnyTertiaryGrade() {
		InstitutionLevelRule rule = new InstitutionLevelRule(InstitutionLevel.TERTIARY);
		assertThat(evaluate(rule, institution("level: TERTIARY_C")).status()).isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution("level: TERTIARY")).status()).isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution("level: SECONDARY_A")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void higherLevelSatisfiesLowerGradedLevel() {
		assertThat(evaluate(new InstitutionLevelRule(InstitutionLevel.SECONDARY_A), institution("level: TERTIARY_C"))
			.status()).isEqualTo(Status.MET);
		assertThat(evaluate(new InstitutionLevelRule(InstitutionLevel.SECONDARY_A), institution("level: SECONDARY_B"))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutLevel() {
		assertThat(evaluate(new InstitutionLevelRule(InstitutionLevel.TERTIARY), anyInstitution()).status())
			.isEqualTo(Status.UNKNOWN);
	}

}
