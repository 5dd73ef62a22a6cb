package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PerformsSubTechniqueRuleTests {

	private static final PerformsSubTechniqueRule MICROWAVE = new PerformsSubTechniqueRule(List.of("MWA"));

	@Test
	void metWhenTheInstitutionPerformsTheSubTechnique() {
		RuleResult result = evaluate(MICROWAVE, institution("subTechniques: {X08: [RFA, MWA]}"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("射频消融、微波消融");
	}

	@Test
	void notMetWhenOnlyOtherSubTechniquesArePerformed() {
		RuleResult result = evaluate(MICROWAVE, institution("subTechniques: {X08: [RFA]}"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.required()).isEqualTo("开展微波消融");
	}

	@Test
	void unknownWhenNotRecordedOrRecordedAsNoneForTheTechnology() {
		assertThat(evaluate(MICROWAVE, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(MICROWAVE, institution("subTechniques: {X08: []}")).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(MICROWAVE, institution("subTechniques: {S04: [MWA]}")).status()).isEqualTo(Status.UNKNOWN);
	}

}
