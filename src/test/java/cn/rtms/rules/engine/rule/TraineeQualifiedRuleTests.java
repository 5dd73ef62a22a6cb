package cn.rtms.rules.engine.rule;

import java.util.List;

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
	void explainsWhyEachPathwayFails() {
		RuleResult result = evaluateWith(new StubEvaluator().findings("王强",
				new PathwayFinding("系统培训", Status.NOT_MET, List.of("四(一)2：培训基地未在省级备案、独立完成 24 例")),
				new PathwayFinding("免于培训", Status.UNKNOWN, List.of("四(一)3：未记录病例数"))));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).contains("系统培训途径不符合（四(一)2：培训基地未在省级备案、独立完成 24 例）", "免于培训途径信息不全（四(一)3：未记录病例数）");
		RuleResult notMet = evaluateWith(new StubEvaluator().findings("王强",
				new PathwayFinding("系统培训", Status.NOT_MET, List.of("四(一)2：独立完成 24 例，要求不少于 25 例"))));
		assertThat(notMet.status()).isEqualTo(Status.NOT_MET);
		assertThat(notMet.explanation()).startsWith("未满足本规范培训管理要求，各培训途径均不符合：系统培训途径不符合（四(一)2：独立完成 24 例");
	}

	@Test
	void namesThePathwayThatIsMet() {
		RuleResult met = evaluateWith(
				new StubEvaluator().findings("王强", new PathwayFinding("系统培训", Status.NOT_MET, List.of("四(一)2：无培训记录")),
						new PathwayFinding("免于培训", Status.MET, List.of())));
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).contains("免于培训途径");
	}

	@Test
	void specWithoutTrainingSectionIsUnknownAndSaysSo() {
		RuleResult result = evaluateWith(new StubEvaluator().findings("王强"));
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
		assertThat(result.explanation()).contains("本规范无培训要求");
	}

	@Test
	void unknownWithoutPerson() {
		assertThat(this.rule.evaluate(at(anyInstitution(), AS_OF)).status()).isEqualTo(Status.UNKNOWN);
	}

}
