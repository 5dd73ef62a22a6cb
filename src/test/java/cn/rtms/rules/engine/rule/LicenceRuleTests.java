package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class LicenceRuleTests {

	private final LicenceRule rule = new LicenceRule("RADIOLOGY");

	@Test
	void metOnTheLastValidDay() {
		RuleResult result = evaluate(this.rule, institution(
				"licences: [{kind: RADIOLOGY, number: 吉放证字〔2021〕001号, validFrom: 2021-03-01, validUntil: 2026-06-30}]"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("放射诊疗许可证 吉放证字〔2021〕001号");
	}

	@Test
	void notMetTheDayAfterExpiry() {
		RuleResult result = evaluate(this.rule,
				institution("licences: [{kind: RADIOLOGY, validFrom: 2021-03-01, validUntil: 2026-06-29}]"));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("不在有效期内");
	}

	@Test
	void notMetWithoutThatKind() {
		assertThat(evaluate(this.rule, institution("licences: [{kind: RADIATION_SAFETY}]")).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenNotRecorded() {
		assertThat(evaluate(this.rule, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
