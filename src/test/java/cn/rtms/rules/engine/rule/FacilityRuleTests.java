package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class FacilityRuleTests {

	@Test
	void metWhenPresent() {
		RuleResult result = evaluate(new FacilityRule("PACU", 1, null),
				institution("facilities: [{kind: PACU, count: 1, beds: 4}]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("麻醉后监测治疗室（PACU）");
	}

	@Test
	void notMetWhenAbsent() {
		assertThat(evaluate(new FacilityRule("PACU", 1, null), institution("facilities: [{kind: ICU}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void checksCountAndBedsAtTheBoundary() {
		FacilityRule rule = new FacilityRule("ICU", 2, 10);
		assertThat(evaluate(rule, institution("facilities: [{kind: ICU, count: 2, beds: 10}]")).status())
			.isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution("facilities: [{kind: ICU, count: 2, beds: 9}]")).status())
			.isEqualTo(Status.NOT_MET);
		assertThat(evaluate(rule, institution("facilities: [{kind: ICU, count: 1, beds: 10}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(new FacilityRule("PACU", 1, null), anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
