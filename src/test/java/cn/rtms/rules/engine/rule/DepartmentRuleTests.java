package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class DepartmentRuleTests {

	private static final String DEPARTMENTS = """
			departments:
			- {name: 耳鼻咽喉科, subjects: [耳鼻咽喉科], beds: 30, since: 2016-06-30, technologies: [X08]}
			- {name: 神经外科, subjects: [外科／神经外科专业], beds: 20, since: 2020-01-01, technologies: []}
			- {name: 头颈肿瘤外科, subjects: [肿瘤科], beds: 40, technologies: [X08]}
			""";

	@Test
	void findsAPerformingDepartmentOfTheKind() {
		DepartmentRule ent = new DepartmentRule(List.of("耳鼻咽喉科"), List.of(), true, 30, 10, false);
		RuleResult result = evaluate(ent, institution(DEPARTMENTS));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("耳鼻咽喉科（床位 30 张，自 2016-06-30 开展诊疗工作，已 10 年）");
		assertThat(evaluate(new DepartmentRule(List.of("耳鼻咽喉科"), List.of(), true, 31, null, false),
				institution(DEPARTMENTS))
			.status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(new DepartmentRule(List.of("耳鼻咽喉科"), List.of(), true, null, 11, false),
				institution(DEPARTMENTS))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void notMetWhenTheDepartmentDoesNotPerformTheTechnology() {
		RuleResult result = evaluate(new DepartmentRule(List.of("外科／神经外科专业"), List.of(), true, null, null, false),
				institution(DEPARTMENTS));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).startsWith("无开展本技术的外科／神经外科专业科室");
		assertThat(evaluate(new DepartmentRule(List.of("外科／神经外科专业"), List.of(), false, null, null, false),
				institution(DEPARTMENTS))
			.status()).isEqualTo(Status.MET);
	}

	@Test
	void matchesByAWordInTheName() {
		assertThat(evaluate(new DepartmentRule(List.of("肿瘤科"), List.of("头颈"), false, 40, null, false),
				institution(DEPARTMENTS))
			.status()).isEqualTo(Status.MET);
		assertThat(evaluate(new DepartmentRule(List.of("肿瘤科"), List.of("胸部"), false, null, null, false),
				institution(DEPARTMENTS))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void eachPerformingDepartmentMustMeetTheMinimums() {
		DepartmentRule each = new DepartmentRule(List.of(), List.of(), true, 30, null, true);
		assertThat(evaluate(each, institution(DEPARTMENTS)).status()).isEqualTo(Status.MET);
		DepartmentRule eachTenYears = new DepartmentRule(List.of(), List.of(), true, null, 10, true);
		assertThat(evaluate(eachTenYears, institution(DEPARTMENTS)).status()).as("头颈肿瘤外科 has no start date")
			.isEqualTo(Status.UNKNOWN);
	}

	@Test
	void unknownWhenDepartmentsOrTheirTechnologiesAreNotRecorded() {
		DepartmentRule ent = new DepartmentRule(List.of("耳鼻咽喉科"), List.of(), true, null, null, false);
		assertThat(evaluate(ent, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
		RuleResult result = evaluate(ent, institution("departments: [{name: 耳鼻咽喉科, subjects: [耳鼻咽喉科], beds: 30}]"));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).isEqualTo("未标明哪些科室开展本技术");
	}

	@Test
	void checksTheDepartmentsAnnualOperations() {
		String departments = "departments: [{name: 泌尿外科, beds: 50, technologies: [X08], annualOperations: %s}]";
		DepartmentRule rule = new DepartmentRule(List.of(), List.of(), true, 50, null, 1000, true);
		assertThat(evaluate(rule, institution(departments.formatted("1000"))).status()).isEqualTo(Status.MET);
		assertThat(evaluate(rule, institution(departments.formatted("999"))).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(rule, institution(departments.formatted("null"))).status()).isEqualTo(Status.UNKNOWN);
	}

}
