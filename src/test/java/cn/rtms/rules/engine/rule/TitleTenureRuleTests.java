package cn.rtms.rules.engine.rule;

import java.time.LocalDate;

import cn.rtms.rules.engine.facts.Title;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TitleTenureRuleTests {

	private final TitleTenureRule rule = new TitleTenureRule(Title.ATTENDING, 5);

	@Test
	void metAtExactlyFiveYears() {
		RuleResult result = evaluate(this.rule, person("titles: [{title: ATTENDING, since: 2021-06-30}]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("主治医师及以上任职 5 年（自 2021-06-30），要求不少于 5 年");
	}

	@Test
	void notMetOneMonthShort() {
		RuleResult result = evaluate(this.rule, person("titles: [{title: ATTENDING, since: 2021-07-30}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).startsWith("主治医师及以上任职 4 年 11 个月").endsWith("要求不少于 5 年");
	}

	@Test
	void notMetOneDayShort() {
		assertThat(evaluate(this.rule, person("titles: [{title: ATTENDING, since: 2021-07-01}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void countsFromFirstTitleOfAtLeastTheRank() {
		RuleResult result = evaluate(this.rule, person("""
				titles:
				  - {title: RESIDENT, since: 2010-01-01}
				  - {title: ASSOCIATE_CHIEF, since: 2019-01-01}
				  - {title: ATTENDING, since: 2014-01-01}
				"""));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("自 2014-01-01");
	}

	@Test
	void notMetWithoutTheRank() {
		RuleResult result = evaluate(this.rule, person("titles: [{title: RESIDENT, since: 2010-01-01}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).startsWith("未取得主治医师及以上职称");
	}

	@Test
	void ignoresTitlesObtainedAfterTheDate() {
		RuleResult result = this.rule
			.evaluate(at(person("titles: [{title: ATTENDING, since: 2015-01-01}]"), LocalDate.of(2014, 12, 31)));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutTitleHistory() {
		RuleResult result = evaluate(this.rule, person("name: 王强"));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).isEqualTo("未记录职称信息");
	}

	@Test
	void unknownWithoutPerson() {
		assertThat(this.rule.evaluate(at(anyInstitution(), AS_OF)).status()).isEqualTo(Status.UNKNOWN);
	}

}
