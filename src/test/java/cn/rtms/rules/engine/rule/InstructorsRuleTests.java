package cn.rtms.rules.engine.rule;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.Title;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstructorsRuleTests {

	private static final InstitutionFacts BASE = institution("""
			staff:
			  - {name: 甲, roles: [PHYSICIAN], titles: [{title: CHIEF, since: 2015-01-01}]}
			  - {name: 乙, roles: [PHYSICIAN], titles: [{title: ATTENDING, since: 2015-01-01}]}
			  - {name: 丙, roles: [PHYSICIAN], titles: [{title: ATTENDING, since: 2015-01-01}]}
			  - {name: 丁, roles: [PHYSICIAN], titles: [{title: ASSOCIATE_CHIEF, since: 2015-01-01}]}
			""");

	private final InstructorsRule rule = new InstructorsRule(4, Title.CHIEF, 1);

	private RuleResult evaluate(StubEvaluator evaluator) {
		return this.rule.evaluate(context(Facts.of(BASE), AS_OF, evaluator));
	}

	@Test
	void metWithFourEligibleIncludingAChief() {
		RuleResult result = evaluate(new StubEvaluator().physician("甲", Status.MET)
			.physician("乙", Status.MET)
			.physician("丙", Status.MET)
			.physician("丁", Status.MET));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).contains("其中主任医师及以上 1 名");
	}

	@Test
	void notMetWithThreeEligible() {
		assertThat(evaluate(
				new StubEvaluator().physician("甲", Status.MET).physician("乙", Status.MET).physician("丙", Status.MET))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void notMetWhenTheChiefIsNotEligible() {
		RuleResult result = evaluate(new StubEvaluator().physician("乙", Status.MET)
			.physician("丙", Status.MET)
			.physician("丁", Status.MET)
			.physician("甲", Status.NOT_MET));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWithoutStaffList() {
		assertThat(this.rule.evaluate(at(anyInstitution(), AS_OF)).status()).isEqualTo(Status.UNKNOWN);
	}

}
