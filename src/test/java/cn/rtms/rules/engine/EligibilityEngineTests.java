package cn.rtms.rules.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.FactsReader;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.EvaluationContext;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.rule.RuleResult;
import cn.rtms.rules.engine.rule.RuleScope;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.ClauseAttestation;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.Section;
import cn.rtms.rules.engine.spec.SpecLoader;
import cn.rtms.rules.engine.spec.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EligibilityEngineTests {

	private static final RequirementSpec SPEC = new SpecLoader()
		.load(Path.of("src/test/resources/rules-engine/specs/X08-2022.yaml"));

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private final EligibilityEngine engine = new EligibilityEngine();

	private static Facts facts(String yaml) {
		return FactsReader.fromYaml(yaml);
	}

	@Test
	void headingsAreNotApplicableAndIgnoredInTheOverallStatus() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts("institution: {name: 空白医院}"), AS_OF);
		assertThat(outcome.clause("一").status()).isEqualTo(Status.NOT_APPLICABLE);
		assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
		assertThat(outcome.statusLabel()).isEqualTo("信息不全");
		assertThat(outcome.specKey()).isEqualTo("X08-2022");
		assertThat(outcome.counts()).containsEntry(Status.NOT_APPLICABLE, 2);
	}

	@Test
	void notMetClausesNameTheKindsOfTheRulesThatFailed() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts("""
				institution:
				  name: 设备不全医院
				  level: TERTIARY_A
				  type: GENERAL
				  facilities: [{kind: PACS}]
				  equipment: []
				  operatingRooms: []
				  licences: []
				  staff: []
				"""), AS_OF);
		assertThat(outcome.clause("一(五)").failedRuleKinds()).containsExactly("facility");
		assertThat(outcome.clause("一(六)2").failedRuleKinds()).as("the met PACS part is not named")
			.containsExactly("equipment");
		assertThat(outcome.clause("一(四)").failedRuleKinds()).containsExactly("facility", "operatingRoom");
		assertThat(outcome.clause("一(七)").failedRuleKinds()).containsExactly("qualifiedStaff");
		assertThat(outcome.clause("一(八)").failedRuleKinds()).containsExactly("licence");
		assertThat(outcome.clause("一(二)").status()).isEqualTo(Status.UNKNOWN);
		assertThat(outcome.clause("一(二)").failedRuleKinds()).as("only NOT_MET clauses").isEmpty();
	}

	@Test
	void institutionSubjectIncludesTechnicalManagementClauses() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts("institution: {name: 空白医院}"), AS_OF);
		assertThat(outcome.clauses()).extracting(ClauseOutcome::ref)
			.contains("一(一)", "三(一)")
			.doesNotContain("二(一)1", "四(二)1(1)");
		assertThat(outcome.clause("三(一)").sectionLabel()).isEqualTo("技术管理基本要求");
	}

	@Test
	void aHospitalsOwnDeclarationDoesNotMakeAReviewerClauseMet() {
		String yaml = """
				institution:
				  name: 测试医院
				  attestations:
				    - {clause: "X08/2022 一(一)", confirmedBy: 王医务（医务科）, confirmedOn: 2026-03-01, evidence: 自评报告,
				       kind: SELF_DECLARATION}
				""";
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts(yaml), AS_OF);
		ClauseOutcome declared = outcome.clause("一(一)");
		assertThat(declared.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(declared.explanation()).startsWith("医院自评承诺：王医务（医务科） 于 2026-03-01 承诺符合（自评报告）")
			.contains("须经卫生健康行政部门或评审专家审核确认")
			.doesNotContain("已由");

		String reviewed = yaml + """
				    - {clause: "X08/2022 一(一)", confirmedBy: 李明（市（州）级卫生健康行政部门）, confirmedOn: 2026-03-05,
				       evidence: 现场核查, kind: REVIEW}
				""";
		ClauseOutcome met = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts(reviewed), AS_OF).clause("一(一)");
		assertThat(met.status()).isEqualTo(Status.MET);
		assertThat(met.explanation()).startsWith("审核确认：已由 李明（市（州）级卫生健康行政部门） 于 2026-03-05 确认");
	}

	@Test
	void attestationIsMatchedByCitationAndDate() {
		String yaml = """
				institution:
				  name: 测试医院
				  attestations:
				    - {clause: "X08/2022 一(一)", confirmedBy: 李明, confirmedOn: 2026-03-01, evidence: 自评材料}
				    - {clause: "X08/2022 三(一)", confirmedBy: 李明, confirmedOn: 2026-07-01, evidence: 制度文件}
				""";
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts(yaml), AS_OF);
		ClauseOutcome confirmed = outcome.clause("一(一)");
		assertThat(confirmed.status()).isEqualTo(Status.MET);
		assertThat(confirmed.explanation()).isEqualTo("审核确认：已由 李明 于 2026-03-01 确认（自评材料）");
		ClauseOutcome later = outcome.clause("三(一)");
		assertThat(later.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(later.explanation()).isEqualTo("待人工确认：技术操作规范及质控制度文件");
		assertThat(later.statusLabel()).isEqualTo("待确认");
	}

	@Test
	void ruleMetButNotAttestedNeedsAttestation() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION,
				facts("institution: {facilities: [{kind: TREATMENT_ROOM}]}"), AS_OF);
		ClauseOutcome clause = outcome.clause("一(四)");
		assertThat(clause.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(clause.explanation()).startsWith("有治疗室 1 个").contains("待人工确认：院感部门消毒和无菌操作条件检查记录");
	}

	@Test
	void exceptionInARuleBecomesAnErrorOutcome() {
		Rule failing = new Rule() {

			@Override
			public String kind() {
				return "failing";
			}

			@Override
			public String summary() {
				return "总是出错";
			}

			@Override
			public RuleScope scope() {
				return RuleScope.ANY;
			}

			@Override
			public RuleResult evaluate(EvaluationContext context) {
				throw new IllegalStateException("数据损坏");
			}

		};
		List<Clause> clauses = new ArrayList<>(SPEC.clauses());
		clauses.add(new Clause("五", "X08/2022 五", Section.INSTITUTION, Subject.INSTITUTION, List.of(), "出错条款", false,
				null, failing, new ClauseAttestation("任意")));
		RequirementSpec broken = new RequirementSpec(SPEC.technology(), "2099", SPEC.title(), SPEC.level(),
				SPEC.jurisdiction(), SPEC.issuedOn(), SPEC.effectiveFrom(), null, false, null, SPEC.source(), false,
				null, SPEC.notes(), SPEC.scope(), SPEC.subTechniques(), SPEC.routes(), SPEC.procedureCodes(),
				SPEC.parameters(), clauses);
		Outcome outcome = this.engine.evaluate(broken, Subject.INSTITUTION, facts("institution: {name: x}"), AS_OF);
		assertThat(outcome.clause("五").status()).isEqualTo(Status.ERROR);
		assertThat(outcome.clause("五").explanation()).isEqualTo("评估出错：数据损坏");
		assertThat(outcome.status()).isEqualTo(Status.ERROR);
		assertThat(outcome.statusLabel()).isEqualTo("评估出错");
	}

	@Test
	void staffNeedsARole() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.engine.evaluate(SPEC, Subject.STAFF, facts("person: {name: x}"), AS_OF));
		Outcome nurse = this.engine.evaluate(SPEC, Subject.STAFF, StaffRole.NURSE, facts("person: {name: x}"), AS_OF);
		assertThat(nurse.staffRole()).isEqualTo(StaffRole.NURSE);
		assertThat(nurse.clauses()).extracting(ClauseOutcome::ref).containsExactly("二(二)");
	}

	@Test
	void traineeOutcomeListsPathways() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.TRAINEE, facts("person: {name: x}"), AS_OF);
		assertThat(outcome.pathways()).extracting(PathwayOutcome::pathway)
			.containsExactly(cn.rtms.rules.engine.spec.Pathway.STANDARD, cn.rtms.rules.engine.spec.Pathway.EXEMPTION);
		assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
		assertThat(outcome.clause("四(一)3").pathway()).isEqualTo(cn.rtms.rules.engine.spec.Pathway.EXEMPTION);
	}

	@Test
	void institutionOutcomeListsItsPhysicians() {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.INSTITUTION, facts("""
				institution:
				  staff:
				    - {id: p1, name: 王强, roles: [PHYSICIAN]}
				    - {id: n1, name: 赵丽, roles: [NURSE]}
				"""), AS_OF);
		assertThat(outcome.physicians()).containsExactly(new PersonVerdict("p1", "王强", Status.UNKNOWN));
	}

	@Test
	void compiledSpecIsCachedPerSpecInstance() {
		assertThat(this.engine.compile(SPEC)).isSameAs(this.engine.compile(SPEC));
		RequirementSpec reloaded = new SpecLoader()
			.load(Path.of("src/test/resources/rules-engine/specs/X08-2022.yaml"));
		assertThat(this.engine.compile(reloaded)).isNotSameAs(this.engine.compile(SPEC));
	}

	@Test
	void repeatedEvaluationOfTheSameFactsIsDeterministic() {
		Facts facts = facts(
				"""
						institution:
						  name: 测试医院
						  level: TERTIARY_A
						  type: GENERAL
						  registeredSubjects: [肿瘤科]
						  departments: [{name: 肿瘤科, subjects: [肿瘤科], beds: 40}]
						  facilities: [{kind: PACU}, {kind: PACS}, {kind: TREATMENT_ROOM}]
						  equipment: [{kind: CT, count: 2}]
						  operatingRooms: [{name: 1号, cleanGrade: I}]
						  licences: [{kind: RADIOLOGY}]
						  attestations: []
						  staff:
						    - name: 王强
						      roles: [PHYSICIAN]
						      licence: {number: '1', scopes: [外科专业]}
						      titles: [{title: ATTENDING, since: 2013-12-01}]
						      specialties: [{name: 肿瘤, since: 2010-01-01}]
						      clinicalStart: 2008-07-01
						      trainings: [{technology: X08, baseFiled: true, abroad: false, startedOn: 2019-03-01, endedOn: 2019-09-01, independentCases: 26, passed: true}]
						      caseVolumes: []
						      adverseEvents: []
						""");
		CompiledSpec compiled = this.engine.compile(SPEC);
		Outcome first = this.engine.evaluate(compiled, Subject.INSTITUTION, null, facts, AS_OF);
		Outcome second = this.engine.evaluate(compiled, Subject.INSTITUTION, null, facts, AS_OF);
		assertThat(second).isEqualTo(first);
		assertThat(this.engine.status(compiled, Subject.INSTITUTION, null, facts, AS_OF)).isEqualTo(first.status());
	}

}
