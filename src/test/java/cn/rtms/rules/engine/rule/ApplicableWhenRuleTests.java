package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicableWhenRuleTests {

	private static final Rule RULE = new ApplicableWhenRule(new PerformsSubTechniqueRule(List.of("MWA")),
			new EquipmentRule(List.of(), List.of("DSA"), 1));

	@Test
	void appliesTheRuleWhenTheConditionHolds() {
		InstitutionFacts without = institution("subTechniques: {X08: [MWA]}\nequipment: [{kind: CT}]");
		RuleResult notMet = evaluate(RULE, without);
		assertThat(notMet.status()).isEqualTo(Status.NOT_MET);
		assertThat(notMet.explanation()).startsWith("本条适用").contains("数字减影血管造影（DSA）");
		assertThat(evaluate(RULE, institution("subTechniques: {X08: [MWA]}\nequipment: [{kind: DSA}]")).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void notApplicableWhenTheConditionFails() {
		RuleResult result = evaluate(RULE, institution("subTechniques: {X08: [RFA]}\nequipment: []"));
		assertThat(result.status()).isEqualTo(Status.NOT_APPLICABLE);
		assertThat(result.explanation()).startsWith("不适用：本条仅适用于开展微波消融的机构");
	}

	@Test
	void undecidedConditionIsNeverAPass() {
		RuleResult result = evaluate(RULE, institution("equipment: [{kind: DSA}]"));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).startsWith("无法判断本条是否适用");
		assertThat(RULE.evaluate(at(institution("equipment: []"), AS_OF).statusOnly()).status())
			.isEqualTo(Status.UNKNOWN);
	}

	@Test
	void statusOnlyEvaluationAgrees() {
		assertThat(RULE.evaluate(at(institution("subTechniques: {X08: [RFA]}"), AS_OF).statusOnly()).status())
			.isEqualTo(Status.NOT_APPLICABLE);
		assertThat(RULE.evaluate(at(institution("subTechniques: {X08: [MWA]}\nequipment: []"), AS_OF).statusOnly())
			.status()).isEqualTo(Status.NOT_MET);
	}

}
