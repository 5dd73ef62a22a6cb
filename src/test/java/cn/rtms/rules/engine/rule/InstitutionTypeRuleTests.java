package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionType;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstitutionTypeRuleTests {

	private final InstitutionTypeRule rule = new InstitutionTypeRule(List.of(InstitutionType.GENERAL));

	@Test
	void metWithListedType() {
		assertThat(evaluate(this.rule, institution("type: GENERAL")).status()).isEqualTo(Status.MET);
	}

	@Test
	void notMetWithOtherType() {
		assertThat(evaluate(this.rule, institution("type: SPECIALTY")).explanation()).isEqualTo("医疗机构类型为专科，要求综合");
	}

	@Test
	void unknownWithoutType() {
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
