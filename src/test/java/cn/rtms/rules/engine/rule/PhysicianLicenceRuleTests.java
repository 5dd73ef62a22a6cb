package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PhysicianLicenceRuleTests {

	private final PhysicianLicenceRule rule = new PhysicianLicenceRule(List.of("内科专业", "外科专业"), false);

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
		assertThat(evaluate(new PhysicianLicenceRule(List.of(), false), person("licence: {number: '1'}")).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void unknownWithoutLicenceOrScopes() {
		assertThat(evaluate(this.rule, anyPerson()).explanation()).isEqualTo("未记录医师执业证书信息");
		assertThat(evaluate(this.rule, person("licence: {number: '1'}")).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void registeredHereComparesTheRegisteredInstitutionWithTheEvaluatedOne() {
		PhysicianLicenceRule registered = new PhysicianLicenceRule(List.of("外科专业"), true);
		InstitutionFacts hospital = institution("{id: 11111111-1111-1111-1111-111111111111, name: 长春市示例医院}");
		RuleResult byId = registered.evaluate(both(hospital, person(
				"licence: {number: '1', scopes: [外科专业], registeredInstitution: 旧名称, registeredInstitutionId: 11111111-1111-1111-1111-111111111111}")));
		assertThat(byId.status()).isEqualTo(Status.MET);
		RuleResult byName = registered
			.evaluate(both(hospital, person("licence: {number: '1', scopes: [外科专业], registeredInstitution: 长春市示例医院}")));
		assertThat(byName.status()).isEqualTo(Status.MET);
		assertThat(byName.explanation()).isEqualTo("持有医师执业证书（1），执业范围：外科专业，执业注册于本机构（长春市示例医院），要求执业范围为外科专业，为本医疗机构注册医师");
		RuleResult elsewhere = registered
			.evaluate(both(hospital, person("licence: {number: '1', scopes: [外科专业], registeredInstitution: 吉林省其他医院}")));
		assertThat(elsewhere.status()).isEqualTo(Status.NOT_MET);
		assertThat(elsewhere.explanation()).contains("执业注册于其他医疗机构（吉林省其他医院），非本医疗机构注册医师");
		RuleResult otherId = registered.evaluate(both(hospital, person(
				"licence: {number: '1', scopes: [外科专业], registeredInstitution: 长春市示例医院, registeredInstitutionId: 22222222-2222-2222-2222-222222222222}")));
		assertThat(otherId.status()).as("ids decide when both are known").isEqualTo(Status.NOT_MET);
	}

	@Test
	void registeredHereIsUnknownWhileTheRegistrationIsNotRecorded() {
		PhysicianLicenceRule registered = new PhysicianLicenceRule(List.of(), true);
		InstitutionFacts hospital = institution("name: 长春市示例医院");
		RuleResult unrecorded = registered.evaluate(both(hospital, person("licence: {number: '1'}")));
		assertThat(unrecorded.status()).isEqualTo(Status.UNKNOWN);
		assertThat(unrecorded.explanation()).contains("未记录执业注册机构");
		assertThat(registered.evaluate(at(person("licence: {number: '1', registeredInstitution: 长春市示例医院}"), AS_OF))
			.status()).as("no institution to compare with").isEqualTo(Status.UNKNOWN);
		assertThat(registered.evaluate(both(hospital, person("licence: {number: '1', scopes: [口腔专业]}"))).status())
			.as("without scopeAnyOf the scope does not matter")
			.isEqualTo(Status.UNKNOWN);
	}

	private static EvaluationContext both(InstitutionFacts institution, PersonFacts person) {
		return context(new Facts(institution, person), AS_OF, new StubEvaluator());
	}

}
