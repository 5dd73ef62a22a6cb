package cn.rtms.rules.engine.rule;

import cn.rtms.rules.engine.facts.Title;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TitleRuleTests {

	private final TitleRule rule = new TitleRule(Title.ASSOCIATE_CHIEF);

	@Test
	void metWithExactlyTheTitle() {
		RuleResult result = evaluate(this.rule, person("titles: [{title: ASSOCIATE_CHIEF, since: 2020-01-01}]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("现任副主任医师，要求副主任医师及以上");
	}

	@Test
	void notMetOneRankBelow() {
		RuleResult result = evaluate(this.rule, person("titles: [{title: ATTENDING, since: 2020-01-01}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).isEqualTo("现任主治医师，要求副主任医师及以上");
	}

	@Test
	void notMetWhenPromotedOnlyAfterTheDate() {
		assertThat(evaluate(this.rule, person("titles: [{title: CHIEF, since: 2026-07-01}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void notMetWithEmptyHistory() {
		assertThat(evaluate(this.rule, person("titles: []")).explanation()).startsWith("无专业技术职务任职资格");
	}

	@Test
	void unknownWithoutHistory() {
		assertThat(evaluate(this.rule, anyPerson()).status()).isEqualTo(Status.UNKNOWN);
	}

}
