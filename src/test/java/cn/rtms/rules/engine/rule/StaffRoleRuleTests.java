package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.StaffRole;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class StaffRoleRuleTests {

	private final StaffRoleRule rule = new StaffRoleRule(List.of(StaffRole.PHYSICIST, StaffRole.PHYSICIAN));

	@Test
	void metWithOneOfTheRoles() {
		RuleResult result = evaluate(this.rule, person("roles: [NURSE, PHYSICIST]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("人员角色：护士、物理师，要求为物理师或医师");
	}

	@Test
	void notMetWithOtherRoles() {
		assertThat(evaluate(this.rule, person("roles: [NURSE]")).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(this.rule, person("roles: []")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutRoles() {
		assertThat(evaluate(this.rule, anyPerson()).status()).isEqualTo(Status.UNKNOWN);
	}

}
