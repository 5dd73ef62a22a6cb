package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.Title;
import cn.rtms.rules.engine.rule.InstructorGroupsRule.Group;
import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstructorGroupsRuleTests {

	private static final InstructorGroupsRule S05 = new InstructorGroupsRule(5, Title.ASSOCIATE_CHIEF,
			List.of(new Group("口腔颌面外科医师", List.of("口腔颌面外科"), 3, Title.CHIEF, 2, true),
					new Group("正畸医师", List.of("正畸"), 2, Title.ASSOCIATE_CHIEF, 1, false)));

	private static final String STAFF = """
			staff:
			  - {name: 王一, roles: [PHYSICIAN], titles: [{title: CHIEF, since: 2015-01-01}], specialties: [{name: 口腔颌面外科}]}
			  - {name: 李二, roles: [PHYSICIAN], titles: [{title: CHIEF, since: 2015-01-01}], specialties: [{name: 口腔颌面外科}]}
			  - {name: 张三, roles: [PHYSICIAN], titles: [{title: ASSOCIATE_CHIEF, since: 2015-01-01}], specialties: [{name: 口腔颌面外科}]}
			  - {name: 赵四, roles: [PHYSICIAN], titles: [{title: %s, since: 2015-01-01}], specialties: [{name: 口腔正畸}]}
			  - {name: 钱五, roles: [PHYSICIAN], titles: [{title: ASSOCIATE_CHIEF, since: 2015-01-01}], specialties: [{name: 口腔正畸}]}
			  - {name: 孙六, roles: [NURSE], specialties: [{name: 口腔正畸}]}
			""";

	/**
	 * The surgeons pass the PHYSICIAN clauses; the orthodontists cannot (no orthodontic
	 * experience there).
	 */
	private static StubEvaluator surgeonsEligible() {
		return new StubEvaluator().physician("王一", Status.MET).physician("李二", Status.MET).physician("张三", Status.MET);
	}

	private static RuleResult evaluate(InstitutionFacts institution, StubEvaluator evaluator) {
		return S05.evaluate(context(Facts.of(institution), AS_OF, evaluator));
	}

	@Test
	void threeSurgeonsAndTwoOrthodontistsMeetTheMix() {
		RuleResult result = evaluate(institution(STAFF.formatted("ASSOCIATE_CHIEF")), surgeonsEligible());
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.evidence()).containsExactly("王一", "李二", "张三", "赵四", "钱五");
		assertThat(result.explanation()).contains("口腔颌面外科医师 3 名（王一、李二、张三），其中主任医师及以上 2 名",
				"正畸医师 2 名（赵四、钱五），其中副主任医师及以上 2 名");
	}

	@Test
	void everyInstructorMustHoldTheTitle() {
		RuleResult result = evaluate(institution(STAFF.formatted("ATTENDING")), surgeonsEligible());
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.actual()).isEqualTo("4 名");
	}

	@Test
	void surgeonsMustBeEligibleAndTwoOfThemChiefs() {
		assertThat(evaluate(institution(STAFF.formatted("ASSOCIATE_CHIEF")),
				new StubEvaluator().physician("王一", Status.MET).physician("李二", Status.MET))
			.status()).as("张三 not eligible: 2 surgeons").isEqualTo(Status.NOT_MET);
		assertThat(evaluate(institution(STAFF.formatted("ASSOCIATE_CHIEF")),
				surgeonsEligible().physician("张三", Status.NEEDS_ATTESTATION))
			.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		String oneChief = STAFF.formatted("ASSOCIATE_CHIEF")
			.replace("{name: 李二, roles: [PHYSICIAN], titles: [{title: CHIEF",
					"{name: 李二, roles: [PHYSICIAN], titles: [{title: ASSOCIATE_CHIEF");
		assertThat(evaluate(institution(oneChief), surgeonsEligible()).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void fiveEligibleSurgeonsWithoutOrthodontistsDoNotMeetIt() {
		String surgeons = STAFF.formatted("ASSOCIATE_CHIEF").replace("口腔正畸", "口腔颌面外科");
		RuleResult result = evaluate(institution(surgeons),
				surgeonsEligible().physician("赵四", Status.MET).physician("钱五", Status.MET));
		assertThat(result.status()).isEqualTo(Status.NOT_MET);
		assertThat(result.explanation()).contains("正畸医师 0 名");
	}

	@Test
	void unrecordedSpecialtiesOrStaffAreUnknown() {
		String unrecorded = STAFF.formatted("ASSOCIATE_CHIEF").replace(", specialties: [{name: 口腔正畸}]}", "}");
		assertThat(evaluate(institution(unrecorded), surgeonsEligible()).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(anyInstitution(), surgeonsEligible()).status()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void summaryFollowsTheText() {
		assertThat(S05.summary())
			.isEqualTo("有不少于 5 名指导医师，均为副主任医师及以上，其中不少于 3 名口腔颌面外科医师（至少 2 名主任医师及以上），" + "不少于 2 名正畸医师（至少 1 名副主任医师及以上）");
	}

}
