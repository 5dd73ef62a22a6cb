package cn.rtms.rules.engine.rule;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TraineeQualifiedRuleTests {

	private final TraineeQualifiedRule rule = new TraineeQualifiedRule();

	private static RuleResult evaluateWith(StubEvaluator evaluator) {
		return new TraineeQualifiedRule()
			.evaluate(context(cn.rtms.rules.engine.facts.Facts.of(null, person("name: 王强")), AS_OF, evaluator));
	}

	@Test
	void followsTheTraineeEvaluation() {
		assertThat(evaluateWith(new StubEvaluator().trainee("王强", Status.MET)).status()).isEqualTo(Status.MET);
		assertThat(evaluateWith(new StubEvaluator().trainee("王强", Status.NOT_MET)).status()).isEqualTo(Status.NOT_MET);
		assertThat(evaluateWith(new StubEvaluator().trainee("王强", Status.UNKNOWN)).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluateWith(new StubEvaluator().trainee("王强", Status.NEEDS_ATTESTATION)).status())
			.isEqualTo(Status.NEEDS_ATTESTATION);
	}

	@Test
	void unknownWithoutPerson() {
		assertThat(this.rule.evaluate(at(anyInstitution(), AS_OF)).status()).isEqualTo(Status.UNKNOWN);
	}

}
