package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.StaffRole;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class QualifiedTeamRuleTests {

	private static final QualifiedTeamRule TEAM = new QualifiedTeamRule(
			List.of(StaffRole.PHYSICIAN, StaffRole.NURSE, StaffRole.TECHNICIAN), 4, 6, List.of("外科／心脏大血管外科专业"));

	private static final String STAFF = """
			staff:
			  - {name: 王强, roles: [PHYSICIAN]}
			  - {name: 李明, roles: [PHYSICIAN, TECHNICIAN]}
			  - {name: 赵丽, roles: [NURSE]}
			  - {name: 钱芳, roles: [NURSE]}
			  - {name: 孙杰, roles: [TECHNICIAN]}
			""";

	private static final StubEvaluator FOUR = new StubEvaluator().physician("王强", Status.MET)
		.physician("李明", Status.MET)
		.staff("李明", Status.MET)
		.staff("赵丽", Status.MET)
		.staff("钱芳", Status.MET)
		.staff("孙杰", Status.NOT_MET);

	private static RuleResult evaluate(String departments, StubEvaluator evaluator) {
		return TEAM.evaluate(context(Facts.of(institution(departments + STAFF)), AS_OF, evaluator));
	}

	@Test
	void countsEachEligiblePersonOnceAcrossRoles() {
		RuleResult result = evaluate("departments: [{name: 泌尿外科, subjects: [外科／泌尿外科专业], technologies: [X08]}]\n", FOUR);
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.evidence()).containsExactly("王强", "李明", "赵丽", "钱芳");
		assertThat(evaluate("departments: [{name: 泌尿外科, subjects: [外科／泌尿外科专业], technologies: [X08]}]\n",
				new StubEvaluator().physician("王强", Status.MET)
					.physician("李明", Status.MET)
					.staff("李明", Status.MET)
					.staff("赵丽", Status.MET)
					.staff("钱芳", Status.NOT_MET)
					.staff("孙杰", Status.NOT_MET))
			.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void cardiacSurgeryNeedsTheLargerTeam() {
		RuleResult result = evaluate("departments: [{name: 心脏大血管外科, subjects: [外科／心脏大血管外科专业], technologies: [X08]}]\n",
				FOUR);
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.required()).startsWith("不少于 6 名");
	}

	@Test
	void unknownWhenTheSizeDependsOnUnmarkedDepartments() {
		assertThat(evaluate("departments: [{name: 心脏大血管外科, subjects: [外科／心脏大血管外科专业]}]\n", FOUR).status())
			.isEqualTo(Status.UNKNOWN);
		StubEvaluator one = new StubEvaluator().physician("王强", Status.MET)
			.staff("李明", Status.NOT_MET)
			.staff("赵丽", Status.NOT_MET)
			.staff("钱芳", Status.NOT_MET)
			.staff("孙杰", Status.NOT_MET);
		assertThat(evaluate("departments: [{name: 心脏大血管外科, subjects: [外科／心脏大血管外科专业]}]\n", one).status())
			.as("below even the smaller minimum")
			.isEqualTo(Status.NOT_MET);
	}

}
