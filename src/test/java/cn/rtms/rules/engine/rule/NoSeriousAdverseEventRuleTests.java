package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class NoSeriousAdverseEventRuleTests {

	private final NoSeriousAdverseEventRule rule = new NoSeriousAdverseEventRule(5);

	@Test
	void metWithoutEvents() {
		assertThat(evaluate(this.rule, person("adverseEvents: []")).status()).isEqualTo(Status.MET);
	}

	@Test
	void notMetWithSeriousEventInWindow() {
		RuleResult result = evaluate(this.rule,
				person("adverseEvents: [{technology: X08, occurredOn: 2021-01-01, serious: true, summary: 术后大出血}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("2021-01-01 术后大出血");
	}

	@Test
	void ignoresEventsBeforeTheWindowOtherTechnologiesAndMinorOnes() {
		RuleResult result = evaluate(this.rule, person("""
				adverseEvents:
				  - {technology: X08, occurredOn: 2020-12-31, serious: true}
				  - {technology: G07, occurredOn: 2023-01-01, serious: true}
				  - {technology: X08, occurredOn: 2023-01-01, serious: false}
				"""));
		assertThat(result.status()).isEqualTo(Status.MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(this.rule, anyPerson()).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void rollingWindowStartsExactlyYearsBeforeTheReferenceDate() {
		NoSeriousAdverseEventRule rolling = new NoSeriousAdverseEventRule(5, WindowMode.ROLLING);
		assertThat(
				evaluate(rolling, person("adverseEvents: [{technology: X08, occurredOn: 2021-06-29, serious: true}]"))
					.status())
			.as("AS_OF 2026-06-30: the window starts 2021-06-30")
			.isEqualTo(Status.MET);
		assertThat(
				evaluate(this.rule, person("adverseEvents: [{technology: X08, occurredOn: 2021-06-29, serious: true}]"))
					.status())
			.as("calendar reading: from 2021-01-01")
			.isEqualTo(Status.NOT_MET);
		assertThat(
				evaluate(rolling, person("adverseEvents: [{technology: X08, occurredOn: 2021-06-30, serious: true}]"))
					.status())
			.isEqualTo(Status.NOT_MET);
	}

}
