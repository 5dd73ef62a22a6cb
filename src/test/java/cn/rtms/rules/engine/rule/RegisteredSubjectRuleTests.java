package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RegisteredSubjectRuleTests {

	private final RegisteredSubjectRule rule = new RegisteredSubjectRule(List.of("肿瘤科", "外科"));

	@Test
	void matchesByPrefix() {
		RuleResult result = evaluate(this.rule, institution("registeredSubjects: [内科, 外科／普通外科专业]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.evidence()).containsExactly("外科／普通外科专业");
	}

	@Test
	void notMetWithoutRelatedSubject() {
		assertThat(evaluate(this.rule, institution("registeredSubjects: [内科, 儿科]")).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(this.rule, institution("registeredSubjects: []")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
