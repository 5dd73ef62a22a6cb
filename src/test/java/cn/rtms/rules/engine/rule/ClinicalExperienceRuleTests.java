package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ClinicalExperienceRuleTests {

	@Test
	void metAtExactlyTheYearsFromClinicalStart() {
		RuleResult result = evaluate(new ClinicalExperienceRule(3, List.of()), person("clinicalStart: 2023-06-30"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("临床工作 3 年（自 2023-06-30），要求不少于 3 年");
	}

	@Test
	void notMetOneDayShort() {
		RuleResult result = evaluate(new ClinicalExperienceRule(3, List.of()), person("clinicalStart: 2023-07-01"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).startsWith("临床工作 2 年 11 个月");
	}

	@Test
	void countsFromTheEarliestMatchingSpecialty() {
		ClinicalExperienceRule rule = new ClinicalExperienceRule(5, List.of("肿瘤"));
		RuleResult result = evaluate(rule, person("""
				clinicalStart: 2005-01-01
				specialties: [{name: 普通外科, since: 2005-01-01}, {name: 肿瘤外科, since: 2021-08-01}]
				"""));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).isEqualTo("肿瘤专业临床工作 4 年 10 个月（自 2021-08-01），要求不少于 5 年");
	}

	@Test
	void aShortDatedSpecialtyBesideAnUndatedOneIsUnknownNotNotMet() {
		ClinicalExperienceRule rule = new ClinicalExperienceRule(3, List.of("肿瘤"));
		// 肿瘤内科 since 2024, 肿瘤外科 with no start date: the undated one may reach back
		// far enough, so the rule cannot say NOT_MET (it would be stricter than the text)
		RuleResult result = evaluate(rule, person("""
				specialties: [{name: 肿瘤内科, since: 2024-01-01}, {name: 肿瘤外科}]
				"""));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).contains("另有未记录起始日期", "自 2024-01-01");
		// a dated one long enough decides MET whatever the undated one
		assertThat(evaluate(rule, person("""
				specialties: [{name: 肿瘤内科, since: 2015-01-01}, {name: 肿瘤外科}]
				""")).status()).isEqualTo(Status.MET);
	}

	@Test
	void notMetWithoutMatchingSpecialty() {
		RuleResult result = evaluate(new ClinicalExperienceRule(5, List.of("肿瘤")),
				person("specialties: [{name: 普通外科, since: 2005-01-01}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutFacts() {
		assertThat(evaluate(new ClinicalExperienceRule(3, List.of()), anyPerson()).explanation())
			.isEqualTo("未记录临床工作起始日期");
		assertThat(evaluate(new ClinicalExperienceRule(3, List.of("肿瘤")), anyPerson()).status())
			.isEqualTo(Status.UNKNOWN);
	}

}
