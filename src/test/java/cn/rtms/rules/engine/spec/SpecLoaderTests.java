package cn.rtms.rules.engine.spec;

import java.nio.file.Path;
import java.time.LocalDate;

import cn.rtms.rules.engine.rule.IssueDateRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpecLoaderTests {

	private static final Path FIXTURE = Path.of("src/test/resources/rules-engine/specs/X08-2022.yaml");

	private static final Path BROKEN = Path.of("src/test/resources/rules-engine/broken/X99-2022.yaml");

	private static final String HEADER = """
			technology: X01
			edition: "2022"
			title: 测试规范
			level: NATIONAL
			jurisdiction: "000000"
			issuedOn: 2022-04-20
			effectiveFrom: 2022-04-20
			source: {file: a.txt, document: 测试}
			truncated: false
			scope: 测试。
			""";

	private final SpecLoader loader = new SpecLoader();

	private SpecValidationException rejected(String yaml) {
		return rejected("X01-2022.yaml", yaml);
	}

	private SpecValidationException rejected(String file, String yaml) {
		return org.junit.jupiter.api.Assertions.assertThrows(SpecValidationException.class,
				() -> this.loader.load(file, yaml));
	}

	private static String clause(String yaml) {
		return HEADER + "clauses:\n  - " + yaml + "\n";
	}

	@Test
	void loadsTheFixture() {
		RequirementSpec spec = this.loader.load(FIXTURE);
		assertThat(spec.key()).isEqualTo("X08-2022");
		assertThat(spec.issuedOn()).isEqualTo(LocalDate.of(2022, 4, 20));
		assertThat(spec.parameters()).containsEntry("asaMax", 3);
		Clause clause = spec.clause("二(一)2");
		assertThat(clause).isNotNull();
		assertThat(clause.citation()).isEqualTo("X08/2022 二(一)2");
		assertThat(clause.section().label()).isEqualTo("人员基本要求");
		assertThat(clause.ruleSummary()).isEqualTo("肿瘤专业临床工作经验不少于 5 年；主治医师及以上任职不少于 5 年");
		assertThat(spec.clause("四(一)3").rule()).isInstanceOf(IssueDateRule.class);
		assertThat(spec.clause("四(一)3").pathway()).isEqualTo(Pathway.EXEMPTION);
		assertThat(spec.clause("四(一)2").pathway()).isEqualTo(Pathway.STANDARD);
		assertThat(spec.clause("一(一)").pathway()).isNull();
		assertThat(spec.ruleCount()).isPositive();
	}

	@Test
	void rejectsTheBrokenFixtureNamingFilePathAndProblem() {
		assertThatExceptionOfType(SpecValidationException.class).isThrownBy(() -> this.loader.load(BROKEN))
			.withMessage("规范文件 X99-2022.yaml 校验失败：$.clauses[3].rule.min：必须为非负整数")
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(new SpecProblem("X99-2022.yaml", "$.clauses[3].rule.min", "必须为非负整数")));
	}

	@Test
	void rejectsUnknownTopLevelField() {
		assertThat(rejected(HEADER
				+ "colour: red\nclauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n")
			.getMessage()).contains("colour");
	}

	@Test
	void rejectsMissingRequiredField() {
		SpecValidationException ex = rejected(HEADER.replace("scope: 测试。\n", "")
				+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(ex.problems()).anySatisfy((problem) -> assertThat(problem.message()).contains("scope"));
	}

	@Test
	void rejectsUnknownRuleKindAndUnknownParameter() {
		assertThat(rejected(
				clause("{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: bedz, min: 3}}"))
			.problems()).anySatisfy((p) -> assertThat(p.jsonPath()).isEqualTo("$.clauses[0].rule.kind"));
		assertThat(rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: beds, min: 3, max: 9}}"))
			.getMessage()).contains("$.clauses[0].rule", "max");
	}

	@Test
	void rejectsParameterOfWrongShape() {
		SpecValidationException ex = rejected(clause(
				"{ref: 一, section: PERSONNEL, subject: PHYSICIAN, text: x, rule: {kind: titleTenure, atLeast: BOSS, minYears: 5}}"));
		assertThat(ex.problems()).anySatisfy((p) -> assertThat(p.jsonPath()).isEqualTo("$.clauses[0].rule.atLeast"));
	}

	@Test
	void rejectsNestedProblemsWithTheirPath() {
		SpecValidationException ex = rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: allOf, rules: [{kind: beds, min: 1}, {kind: beds, min: -2}]}}"));
		assertThat(ex.problems()).anySatisfy((p) -> {
			assertThat(p.jsonPath()).isEqualTo("$.clauses[0].rule.rules[1].min");
			assertThat(p.message()).isEqualTo("必须为非负整数");
		});
	}

	@Test
	void checksTheNestedRulesOfApplicableWhenAndTheSpecialtyCodes() {
		SpecValidationException ex = rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: applicableWhen, condition: {kind: title, atLeast: CHIEF}, rule: {kind: institutionSpecialty, anyOf: [DENTAL]}}}"));
		assertThat(ex.problems())
			.anySatisfy((p) -> assertThat(p.jsonPath()).isEqualTo("$.clauses[0].rule.condition.kind"));
		assertThat(ex.problems()).anySatisfy((p) -> {
			assertThat(p.jsonPath()).isEqualTo("$.clauses[0].rule.rule.anyOf");
			assertThat(p.message()).contains("未知的专科类别“DENTAL”");
		});
	}

	@Test
	void rejectsDuplicateRefs() {
		SpecValidationException ex = rejected(HEADER + """
				clauses:
				  - {ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}
				  - {ref: 一, section: INSTITUTION, subject: INSTITUTION, text: y, heading: true}
				""");
		assertThat(ex.getMessage()).contains("$.clauses[1].ref：条款编号 一 重复");
	}

	@Test
	void rejectsClauseWithoutHeadingRuleOrAttestation() {
		assertThat(rejected(clause("{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x}")).getMessage())
			.contains("$.clauses[0]：条款 一 既不是标题，也没有 rule 或 attestation");
		assertThat(rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true, attestation: {evidence: e}}"))
			.getMessage()).contains("标题条款");
	}

	@Test
	void rejectsProcedureCodeWithSpaceAndUndeclaredSubTechnique() {
		SpecValidationException spaced = rejected(HEADER
				+ "procedureCodes: [{code: \"52. 2200x007\", name: 经胰腺病损冷冻消融术}]\nclauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(spaced.problems()).anySatisfy((p) -> {
			assertThat(p.jsonPath()).isEqualTo("$.procedureCodes[0].code");
			assertThat(p.message()).contains("不含空格");
		});
		SpecValidationException undeclared = rejected(HEADER
				+ "procedureCodes: [{code: \"54.4x00x055\", name: 纳米刀, subTechnique: IRE}]\nclauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(undeclared.getMessage()).contains("$.procedureCodes[0].subTechnique：子技术 IRE 未在 subTechniques 中声明");
	}

	@Test
	void rejectsEffectiveBeforeIssueAndTruncatedWithoutNote() {
		String yaml = HEADER.replace("effectiveFrom: 2022-04-20", "effectiveFrom: 2022-04-19")
			.replace("truncated: false", "truncated: true")
				+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n";
		SpecValidationException ex = rejected(yaml);
		assertThat(ex.getMessage()).contains("$.effectiveFrom：生效日期 2022-04-19 早于印发日期 2022-04-20")
			.contains("$.truncationNote");
	}

	@Test
	void readsAnEndAndAnAssumedIssueDate() {
		RequirementSpec spec = this.loader.load("X01-2022.yaml", HEADER.replace("effectiveFrom: 2022-04-20",
				"effectiveFrom: 2022-04-20\neffectiveUntil: 2023-12-31\nissuedOnAssumed: true\nissuedOnNote: 原文未载明")
				+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(spec.effectiveUntil()).isEqualTo(LocalDate.of(2023, 12, 31));
		assertThat(spec.appliesOn(LocalDate.of(2023, 12, 31))).isTrue();
		assertThat(spec.appliesOn(LocalDate.of(2024, 1, 1))).isFalse();
		assertThat(spec.appliesOn(LocalDate.of(2022, 4, 19))).isFalse();
		assertThat(spec.issuedOnAssumed()).isTrue();
		assertThat(spec.issuedOnAssumption()).contains("2022-04-20 为推定日期", "原文未载明");
		RequirementSpec plain = this.loader.load("X01-2022.yaml",
				HEADER + "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(plain.effectiveUntil()).isNull();
		assertThat(plain.issuedOnAssumption()).isNull();
	}

	@Test
	void rejectsEndBeforeStartAndAssumedIssueDateWithoutNote() {
		SpecValidationException ex = rejected(HEADER.replace("effectiveFrom: 2022-04-20",
				"effectiveFrom: 2022-04-20\neffectiveUntil: 2022-04-19\nissuedOnAssumed: true")
				+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(ex.getMessage()).contains("$.effectiveUntil：最后适用日 2022-04-19 早于生效日期 2022-04-20")
			.contains("$.issuedOnNote");
		SpecValidationException note = rejected(
				HEADER.replace("effectiveFrom: 2022-04-20", "effectiveFrom: 2022-04-20\nissuedOnNote: 无依据")
						+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n");
		assertThat(note.getMessage()).contains("$.issuedOnNote");
	}

	@Test
	void rejectsPathwayOutsideTraineeAndPersonRuleOnInstitution() {
		assertThat(rejected(clause(
				"{ref: 一, section: PERSONNEL, subject: PHYSICIAN, text: x, pathway: ABROAD, attestation: {evidence: e}}"))
			.getMessage()).contains("$.clauses[0].pathway：只有主体为 TRAINEE 的条款才能填写 pathway");
		assertThat(rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: titleTenure, atLeast: CHIEF, minYears: 1}}"))
			.getMessage()).contains("人员规则 titleTenure 不能用于主体为 INSTITUTION 的条款");
		assertThat(rejected(
				clause("{ref: 一, section: PERSONNEL, subject: PHYSICIAN, text: x, rule: {kind: traineeQualified}}"))
			.getMessage()).contains("不能使用 traineeQualified");
	}

	@Test
	void rejectsFileNameNotMatchingKey() {
		assertThat(rejected("G08-2022.yaml",
				clause("{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}"))
			.getMessage()).isEqualTo("规范文件 G08-2022.yaml 校验失败：$：文件名应为 X01-2022.yaml（<technology>-<edition>.yaml）");
	}

	@Test
	void rejectsUnquotedEditionAndBadRef() {
		assertThat(rejected(HEADER.replace("edition: \"2022\"", "edition: 2022")
				+ "clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]\n")
			.getMessage()).contains("$.edition");
		assertThat(
				rejected(clause("{ref: '二（一）2', section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}"))
					.getMessage())
			.contains("$.clauses[0].ref");
	}

	@Test
	void rejectsDuplicateYamlKeys() {
		assertThat(rejected(clause(
				"{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: licence, kind: RADIOLOGY}}"))
			.getMessage()).contains("YAML 语法错误");
	}

	@Test
	void reportsEveryProblemAtOnce() {
		SpecValidationException ex = rejected(HEADER + """
				clauses:
				  - {ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, rule: {kind: beds, min: -1}}
				  - {ref: 二, section: NOWHERE, subject: INSTITUTION, text: x, heading: true}
				""");
		assertThat(ex.problems()).hasSizeGreaterThanOrEqualTo(2);
	}

}
