package cn.rtms.rules.engine.rule;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.facts.Title;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class QualifiedStaffRuleTests {

	private static final InstitutionFacts HOSPITAL = institution("""
			staff:
			  - {name: 王强, roles: [PHYSICIAN], titles: [{title: CHIEF, since: 2015-01-01}]}
			  - {name: 李明, roles: [PHYSICIAN], titles: [{title: ATTENDING, since: 2015-01-01}]}
			  - {name: 赵丽, roles: [NURSE]}
			  - {name: 张伟, roles: [PHYSICIAN]}
			""");

	private static RuleResult evaluate(QualifiedStaffRule rule, StubEvaluator evaluator) {
		return rule.evaluate(context(Facts.of(HOSPITAL), AS_OF, evaluator));
	}

	@Test
	void metAtExactlyTheMinimumAndNamesThePeopleCounted() {
		RuleResult result = evaluate(new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, null, false, false, false),
				new StubEvaluator().physician("王强", Status.MET).physician("李明", Status.MET));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.evidence()).containsExactly("王强", "李明");
		assertThat(result.explanation()).isEqualTo("具备本技术临床应用能力的医师 2 名（王强、李明），要求不少于 2 名");
	}

	@Test
	void notMetOneShort() {
		RuleResult result = evaluate(new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, null, false, false, false),
				new StubEvaluator().physician("王强", Status.MET));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void pendingAndUnknownPeopleMakeTheCountUncertain() {
		QualifiedStaffRule rule = new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, null, false, false, false);
		assertThat(evaluate(rule,
				new StubEvaluator().physician("王强", Status.MET).physician("李明", Status.NEEDS_ATTESTATION))
			.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(evaluate(rule, new StubEvaluator().physician("王强", Status.MET).physician("张伟", Status.UNKNOWN))
			.status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void titleFilter() {
		RuleResult result = evaluate(new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, Title.CHIEF, false, false, false),
				new StubEvaluator().physician("王强", Status.MET).physician("李明", Status.MET));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.evidence()).containsExactly("王强");
	}

	@Test
	void staffRoleWithoutClausesCountsHoldersOfTheRole() {
		RuleResult result = evaluate(new QualifiedStaffRule(StaffRole.NURSE, 1, null, false, false, false),
				new StubEvaluator());
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.evidence()).containsExactly("赵丽");
	}

	@Test
	void trainedRequiresPassedTraining() {
		RuleResult result = evaluate(new QualifiedStaffRule(StaffRole.NURSE, 1, null, true, false, false),
				new StubEvaluator());
		assertThat(result.status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void unknownWithoutStaffList() {
		assertThat(new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, null, false, false, false)
			.evaluate(at(anyInstitution(), AS_OF))
			.status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void registeredHereCountsOnlyPhysiciansRegisteredAtThisInstitution() {
		InstitutionFacts hospital = institution(
				"""
						id: 11111111-1111-1111-1111-111111111111
						name: 长春市示例医院
						staff:
						  - {name: 王强, roles: [PHYSICIAN], licence: {number: '1', registeredInstitutionId: 11111111-1111-1111-1111-111111111111}}
						  - {name: 李明, roles: [PHYSICIAN], licence: {number: '2', registeredInstitution: 长春市示例医院}}
						  - {name: 张伟, roles: [PHYSICIAN], licence: {number: '3', registeredInstitution: 吉林省其他医院}}
						  - {name: 赵刚, roles: [PHYSICIAN], licence: {number: '4'}}
						""");
		StubEvaluator everyoneEligible = new StubEvaluator().physician("王强", Status.MET)
			.physician("李明", Status.MET)
			.physician("张伟", Status.MET)
			.physician("赵刚", Status.MET);
		QualifiedStaffRule rule = new QualifiedStaffRule(StaffRole.PHYSICIAN, 2, null, false, false, true);
		RuleResult two = rule.evaluate(context(Facts.of(hospital), AS_OF, everyoneEligible));
		assertThat(two.status()).isEqualTo(Status.MET);
		assertThat(two.evidence()).containsExactly("王强", "李明", "赵刚（信息不全）");
		assertThat(two.explanation()).startsWith("具备本技术临床应用能力的本医疗机构注册医师 2 名");
		QualifiedStaffRule three = new QualifiedStaffRule(StaffRole.PHYSICIAN, 3, null, false, false, true);
		assertThat(three.evaluate(context(Facts.of(hospital), AS_OF, everyoneEligible)).status())
			.as("the physician registered elsewhere never counts; the unrecorded one may")
			.isEqualTo(Status.UNKNOWN);
		QualifiedStaffRule four = new QualifiedStaffRule(StaffRole.PHYSICIAN, 4, null, false, false, true);
		assertThat(four.evaluate(context(Facts.of(hospital), AS_OF, everyoneEligible)).status())
			.isEqualTo(Status.NOT_MET);
	}

	@Test
	void perPerformingDepartmentMultipliesTheMinimum() {
		QualifiedStaffRule rule = new QualifiedStaffRule(StaffRole.PHYSICIAN, 1, null, false, true, false);
		StubEvaluator two = new StubEvaluator().physician("王强", Status.MET).physician("李明", Status.MET);
		String staff = """
				staff:
				  - {name: 王强, roles: [PHYSICIAN]}
				  - {name: 李明, roles: [PHYSICIAN]}
				""";
		RuleResult three = rule.evaluate(context(Facts.of(institution("""
				departments:
				  - {name: 泌尿外科, technologies: [X08]}
				  - {name: 妇科, technologies: [X08]}
				  - {name: 胸外科, technologies: [X08]}
				  - {name: 呼吸内科, technologies: []}
				""" + staff)), AS_OF, two));
		assertThat(three.status()).isEqualTo(Status.NOT_MET);
		assertThat(three.required()).isEqualTo("不少于 3 名（开展本技术的 3 个科室各 1 名）");
		assertThat(rule.evaluate(context(Facts.of(institution("""
				departments:
				  - {name: 泌尿外科, technologies: [X08]}
				  - {name: 妇科, technologies: [X08]}
				""" + staff)), AS_OF, two)).status()).isEqualTo(Status.MET);
		assertThat(rule.evaluate(context(Facts.of(institution("departments: [{name: 泌尿外科}]\n" + staff)), AS_OF, two))
			.status()).isEqualTo(Status.UNKNOWN);
	}

}
