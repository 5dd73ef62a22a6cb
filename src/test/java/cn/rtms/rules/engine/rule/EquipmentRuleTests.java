package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class EquipmentRuleTests {

	@Test
	void metWithAnyOfTheAlternatives() {
		EquipmentRule rule = new EquipmentRule(List.of("MRI", "CT", "ULTRASOUND"), List.of(), 1);
		assertThat(evaluate(rule, institution("equipment: [{kind: ULTRASOUND, count: 3}]")).status())
			.isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution("equipment: [{kind: DSA}]")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void allOfNeedsEveryKindWithTheMinimumUnits() {
		EquipmentRule rule = new EquipmentRule(List.of(), List.of("CT", "DSA"), 2);
		assertThat(evaluate(rule, institution("equipment: [{kind: CT, count: 2}, {kind: DSA, count: 2}]")).status())
			.isEqualTo(Status.MET);
		RuleResult result = evaluate(rule, institution("equipment: [{kind: CT, count: 2}, {kind: DSA, count: 1}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("缺少数字减影血管造影（DSA）");
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(new EquipmentRule(List.of("CT"), List.of(), 1), anyInstitution()).status())
			.isEqualTo(Status.UNKNOWN);
	}

}
