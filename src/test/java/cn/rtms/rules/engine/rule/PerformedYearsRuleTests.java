package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PerformedYearsRuleTests {

	private final PerformedYearsRule rule = new PerformedYearsRule(5);

	@Test
	void metAtExactlyFiveYears() {
		RuleResult result = evaluate(this.rule, institution("firstCases: {X08: 2021-06-30}"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("已开展本技术 5 年（首例 2021-06-30），要求不少于 5 年");
	}

	@Test
	void notMetOneDayShort() {
		assertThat(evaluate(this.rule, institution("firstCases: {X08: 2021-07-01}")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void notMetWhenNeverPerformed() {
		assertThat(evaluate(this.rule, institution("firstCases: {G07: 2010-01-01}")).explanation())
			.startsWith("未开展本技术");
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
