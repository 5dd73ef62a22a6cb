package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class BedsRuleTests {

	private final BedsRule rule = new BedsRule(30, List.of("肿瘤科"));

	private static final String DEPARTMENTS = """
			departments:
			  - {name: 肿瘤科, subjects: [肿瘤科], beds: %d}
			  - {name: 普外科, subjects: [外科／普通外科专业], beds: 60}
			""";

	@Test
	void metAtExactlyTheMinimum() {
		RuleResult result = evaluate(this.rule, institution(DEPARTMENTS.formatted(30)));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("床位 30 张（肿瘤科），要求不少于 30 张");
	}

	@Test
	void notMetOneBelow() {
		RuleResult result = evaluate(this.rule, institution(DEPARTMENTS.formatted(29)));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).isEqualTo("床位 29 张（肿瘤科），要求不少于 30 张");
	}

	@Test
	void sumsAllDepartmentsWhenNoneNamed() {
		RuleResult result = evaluate(new BedsRule(80, List.of()), institution(DEPARTMENTS.formatted(24)));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("床位 84 张（全院），要求不少于 80 张");
	}

	@Test
	void matchesDepartmentSubjectsByPrefix() {
		assertThat(evaluate(new BedsRule(60, List.of("外科")), institution(DEPARTMENTS.formatted(0))).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(this.rule, institution("departments: [{name: 肿瘤科, subjects: [肿瘤科]}]")).status())
			.isEqualTo(Status.UNKNOWN);
		assertThat(this.rule.evaluate(at(anyPerson(), AS_OF)).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void notMetWithoutMatchingDepartment() {
		assertThat(evaluate(this.rule, institution("departments: []")).explanation())
			.isEqualTo("床位 0 张（无相关科室），要求不少于 30 张");
	}

	@Test
	void countsOnlyDepartmentsThatCarryOutTheTechnology() {
		BedsRule performing = new BedsRule(50, List.of(), List.of(), true);
		String departments = """
				departments:
				  - {name: 肿瘤介入科, subjects: [肿瘤科], beds: 30, technologies: [X08]}
				  - {name: 肝胆外科, subjects: [外科／普通外科专业], beds: %d, technologies: [X08]}
				  - {name: 心血管内科, subjects: [内科], beds: 200, technologies: []}
				""";
		RuleResult met = evaluate(performing, institution(departments.formatted(20)));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).isEqualTo("床位 50 张（肿瘤介入科、肝胆外科），要求不少于 50 张");
		assertThat(evaluate(performing, institution(departments.formatted(19))).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(performing, institution(DEPARTMENTS.formatted(30))).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void countsOnlyDepartmentsWhoseNameContainsTheWord() {
		BedsRule headAndNeck = new BedsRule(30, List.of("肿瘤科"), List.of("头颈"), false);
		String departments = """
				departments:
				  - {name: 头颈肿瘤外科, subjects: [肿瘤科], beds: 29}
				  - {name: 肿瘤内科, subjects: [肿瘤科], beds: 100}
				""";
		RuleResult result = evaluate(headAndNeck, institution(departments));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).isEqualTo("床位 29 张（头颈肿瘤外科），要求不少于 30 张");
	}

}
