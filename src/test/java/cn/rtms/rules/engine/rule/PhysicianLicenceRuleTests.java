package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PhysicianLicenceRuleTests {

	private final PhysicianLicenceRule rule = new PhysicianLicenceRule(List.of("内科专业", "外科专业"));

	@Test
	void metWithMatchingScope() {
		RuleResult result = evaluate(this.rule,
				person("licence: {number: '110220000012345', issuedOn: 2008-08-01, scopes: [外科专业]}"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("持有医师执业证书（110220000012345），执业范围：外科专业，要求执业范围为内科专业或外科专业");
	}

	@Test
	void notMetWithOtherScope() {
		assertThat(evaluate(this.rule, person("licence: {number: '1', scopes: [口腔专业]}")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void notMetWhenIssuedAfterTheDate() {
		assertThat(evaluate(this.rule, person("licence: {number: '1', issuedOn: 2026-07-01, scopes: [外科专业]}")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void anyScopeWhenNoneRequired() {
		assertThat(evaluate(new PhysicianLicenceRule(List.of()), person("licence: {number: '1'}")).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void unknownWithoutLicenceOrScopes() {
		assertThat(evaluate(this.rule, anyPerson()).explanation()).isEqualTo("未记录医师执业证书信息");
		assertThat(evaluate(this.rule, person("licence: {number: '1'}")).status()).isEqualTo(Status.UNKNOWN);
	}

}
