package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CompositeRuleTests {

	private static final Rule MET = new ClinicalExperienceRule(1, List.of());

	private static final Rule NOT_MET = new ClinicalExperienceRule(50, List.of());

	private static final Rule UNKNOWN = new TitleRule(cn.rtms.rules.engine.facts.Title.RESIDENT);

	private static final cn.rtms.rules.engine.facts.PersonFacts PERSON = person("clinicalStart: 2010-01-01");

	@Test
	void allOfNeedsEveryPart() {
		assertThat(evaluate(new AllOfRule(List.of(MET, MET)), PERSON).status()).isEqualTo(Status.MET);
		assertThat(evaluate(new AllOfRule(List.of(MET, NOT_MET, UNKNOWN)), PERSON).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(new AllOfRule(List.of(MET, UNKNOWN)), PERSON).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(new AllOfRule(List.of(MET, NOT_MET)), PERSON).explanation()).contains("；");
	}

	@Test
	void anyOfNeedsOnePart() {
		assertThat(evaluate(new AnyOfRule(List.of(NOT_MET, MET)), PERSON).status()).isEqualTo(Status.MET);
		assertThat(evaluate(new AnyOfRule(List.of(NOT_MET, UNKNOWN)), PERSON).status()).isEqualTo(Status.UNKNOWN);
		RuleResult notMet = evaluate(new AnyOfRule(List.of(NOT_MET, NOT_MET)), PERSON);
		assertThat(notMet.status()).isEqualTo(Status.NOT_MET);
		assertThat(notMet.explanation()).startsWith("以下备选条件均未满足（满足其一即可）：");
	}

	@Test
	void anyOfListsOnlyTheUnmetPartsOfEachAlternative() {
		Rule alternative = new AllOfRule(List.of(new ClinicalExperienceRule(2, List.of()), NOT_MET));
		RuleResult result = evaluate(new AnyOfRule(List.of(alternative, UNKNOWN)), PERSON);
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		String met = evaluate(new ClinicalExperienceRule(2, List.of()), PERSON).explanation();
		String notMet = evaluate(NOT_MET, PERSON).explanation();
		assertThat(result.explanation()).contains("备选条件未满足：" + notMet, "备选条件信息不全：")
			.doesNotContain(met)
			.doesNotContain("均未满足");
		assertThat(evaluate(new AnyOfRule(List.of(alternative, MET)), PERSON).status()).isEqualTo(Status.MET);
	}

	@Test
	void issueDateEvaluatesAtTheIssueDate() {
		Rule rule = new IssueDateRule(new ClinicalExperienceRule(10, List.of()));
		cn.rtms.rules.engine.facts.PersonFacts person = person("clinicalStart: 2012-04-20");
		RuleResult met = evaluate(rule, person);
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).startsWith("截至本规范印发之日（2022-04-20）：临床工作 10 年");
		assertThat(evaluate(rule, person("clinicalStart: 2012-04-21")).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluate(new ClinicalExperienceRule(10, List.of()), person("clinicalStart: 2012-04-21")).status())
			.isEqualTo(Status.MET);
	}

	@Test
	void issueDateRuleSaysWhenTheIssueDateIsAssumed() {
		Rule rule = new IssueDateRule(new ClinicalExperienceRule(10, List.of()));
		cn.rtms.rules.engine.facts.PersonFacts person = person("clinicalStart: 2012-04-20");
		assertThat(rule.evaluate(at(person, AS_OF).withIssuedOnAssumed()).explanation())
			.startsWith("截至本规范印发之日（2022-04-20，印发日期为推定）：");
		assertThat(evaluate(rule, person).explanation()).doesNotContain("推定");
	}

	@Test
	void issueDateIgnoresLaterFacts() {
		Rule rule = new IssueDateRule(new PersonCasesRule(100, 1, VolumeMode.TOTAL));
		RuleResult result = evaluate(rule, person("""
				caseVolumes: [{technology: X08, year: 2021, cases: 100}, {technology: X08, year: 2025, cases: 5}]
				"""));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("近 1 年（2021）");
	}

}
