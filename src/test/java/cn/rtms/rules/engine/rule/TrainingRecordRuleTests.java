package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TrainingRecordRuleTests {

	private final TrainingRecordRule rule = new TrainingRecordRule(6, null, 25, null, null, false, true, true);

	private static String training(String startedOn, String endedOn, int independent, String passed) {
		return "trainings: [{technology: X08, base: 吉林大学第一医院, baseFiled: true, abroad: false, startedOn: " + startedOn
				+ ", endedOn: " + endedOn + ", independentCases: " + independent + ", passed: " + passed + "}]";
	}

	/**
	 * The end date is the training's last day, as a 结业证书 prints it: 03-01 to 08-31 is six
	 * months.
	 */
	@Test
	void metAtExactlySixMonthsAndTwentyFiveCases() {
		RuleResult result = evaluate(this.rule, person(training("2019-03-01", "2019-08-31", 25, "true")));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("在吉林大学第一医院培训 6 个月（2019-03-01 至 2019-08-31），独立完成 25 例")
			.contains("要求本技术系统培训（");
	}

	@Test
	void notMetOneDayShortOfSixMonths() {
		RuleResult result = evaluate(this.rule, person(training("2019-03-02", "2019-08-31", 25, "true")));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("培训时间不足 6 个月");
	}

	@Test
	void notMetOneCaseShort() {
		RuleResult result = evaluate(this.rule, person(training("2019-03-01", "2019-09-01", 24, "true")));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("独立完成不足 25 例");
	}

	@Test
	void notMetWhenFailedOrAbroad() {
		assertThat(evaluate(this.rule, person(training("2019-03-01", "2019-09-01", 30, "false"))).status())
			.isEqualTo(Status.NOT_MET);
		RuleResult abroad = evaluate(this.rule, person(
				"trainings: [{technology: X08, abroad: true, baseFiled: true, startedOn: 2019-01-01, endedOn: 2019-12-01, independentCases: 30, passed: true}]"));
		assertThat(abroad.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenARequiredFactIsMissing() {
		RuleResult result = evaluate(this.rule, person(training("2019-03-01", "2019-09-01", 30, "null")));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).contains("未记录考核结果");
	}

	@Test
	void oneGoodRecordSuffices() {
		RuleResult result = evaluate(this.rule,
				person("""
						trainings:
						  - {technology: X08, baseFiled: true, abroad: false, startedOn: 2018-01-01, endedOn: 2018-02-01, independentCases: 3, passed: false}
						  - {technology: X08, baseFiled: true, abroad: false, startedOn: 2019-01-01, endedOn: 2019-12-01, independentCases: 30, passed: true}
						"""));
		assertThat(result.status()).isEqualTo(Status.MET);
	}

	@Test
	void ignoresOtherTechnologiesAndUnfinishedTrainings() {
		assertThat(evaluate(this.rule, person(training("2026-01-01", "2026-07-01", 30, "true"))).status())
			.isEqualTo(Status.NOT_MET);
		assertThat(evaluate(this.rule, person(
				"trainings: [{technology: G07, baseFiled: true, abroad: false, startedOn: 2019-01-01, endedOn: 2019-12-01, independentCases: 30, passed: true}]"))
			.explanation()).startsWith("无本技术已完成的培训记录");
	}

	@Test
	void unknownWithoutTrainings() {
		assertThat(evaluate(this.rule, anyPerson()).status()).isEqualTo(Status.UNKNOWN);
	}

}
