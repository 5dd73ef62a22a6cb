package cn.rtms.rules;

import java.util.List;

import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The edition diff's clause alignment (docs/what-if.md): on hand-built editions, one rule
 * of the alignment per test, and on the two technologies with two editions.
 */
class SpecDiffsTests {

	private static final SpecLoader LOADER = new SpecLoader();

	private static RequirementSpec spec(String edition, String clauses) {
		return LOADER.load("X01-" + edition + ".yaml", """
				technology: X01
				edition: "%s"
				title: 测试规范（%s 年版）
				level: NATIONAL
				jurisdiction: "000000"
				issuedOn: %s-01-01
				effectiveFrom: %s-01-01
				source: {file: a.txt, document: 测试}
				truncated: false
				scope: 测试。
				clauses:
				%s
				""".formatted(edition, edition, edition, edition, clauses.indent(2)));
	}

	private static final String BEDS_30 = """
			- {ref: 一(一), section: INSTITUTION, subject: INSTITUTION, text: 肿瘤治疗床位不少于 30 张。, rule: {kind: beds, min: 30}}
			""";

	private static final String TWO_PHYSICIANS = """
			- {ref: 一(二), section: INSTITUTION, subject: INSTITUTION, text: 有至少 2 名具备临床应用能力的医师。, rule: {kind: qualifiedStaff, role: PHYSICIAN, min: 2}}
			""";

	@Test
	void identicalTextUnderAnotherNumberIsRenumberedNotChanged() {
		RequirementSpec older = spec("2022", BEDS_30);
		RequirementSpec newer = spec("2023", BEDS_30.replace("一(一)", "(三)3").replace("30 张", "30张"));
		SpecDiff diff = SpecDiffs.diff(older, newer);
		assertThat(diff.changes()).isEmpty();
		assertThat(diff.renumbered()).singleElement().satisfies(r -> {
			assertThat(r.fromRef()).isEqualTo("一(一)");
			assertThat(r.toRef()).isEqualTo("(三)3");
			assertThat(r.subjectLabel()).isEqualTo("医疗机构");
		});
		assertThat(diff.unchanged()).isZero();
	}

	@Test
	void sameNumberWithAnotherThresholdIsChangedWithOldAndNewValues() {
		RequirementSpec older = spec("2022", BEDS_30 + TWO_PHYSICIANS);
		RequirementSpec newer = spec("2023",
				BEDS_30 + TWO_PHYSICIANS.replace("至少 2 名", "至少 3 名").replace("min: 2", "min: 3"));
		SpecDiff diff = SpecDiffs.diff(older, newer);
		assertThat(diff.unchanged()).isEqualTo(1);
		assertThat(diff.changes()).singleElement().satisfies(c -> {
			assertThat(c.kind()).isEqualTo("CHANGED");
			assertThat(c.kindLabel()).isEqualTo("变更");
			assertThat(c.fromRef()).isEqualTo("一(二)");
			assertThat(c.toRef()).isEqualTo("一(二)");
			assertThat(c.fromCitation()).isEqualTo("X01/2022 一(二)");
			assertThat(c.toCitation()).isEqualTo("X01/2023 一(二)");
			assertThat(c.differences()).containsExactly("条文", "可核验要求");
			assertThat(c.fromRequirement()).contains("2");
			assertThat(c.toRequirement()).contains("3").isNotEqualTo(c.fromRequirement());
			assertThat(c.summary()).contains("条文、可核验要求有变化");
		});
	}

	@Test
	void renumberedAndReworded_isPairedByTheMostSimilarText() {
		RequirementSpec older = spec("2022", BEDS_30 + TWO_PHYSICIANS);
		RequirementSpec newer = spec("2023",
				TWO_PHYSICIANS.replace("一(二)", "(三)7").replace("医师。", "医师，并经过培训。") + BEDS_30.replace("一(一)", "(三)3"));
		SpecDiff diff = SpecDiffs.diff(older, newer);
		assertThat(diff.changes()).singleElement().satisfies(c -> {
			assertThat(c.kind()).isEqualTo("CHANGED");
			assertThat(c.fromRef()).isEqualTo("一(二)");
			assertThat(c.toRef()).isEqualTo("(三)7");
			assertThat(c.differences()).containsExactly("条文");
		});
		assertThat(diff.renumbered()).extracting(SpecDiff.RenumberedClause::toRef).containsExactly("(三)3");
	}

	@Test
	void clausesAboutDifferentSubjectsAreNeverPaired_andHeadingsAreLeftOut() {
		RequirementSpec older = spec("2022",
				"""
						- {ref: 一, section: INSTITUTION, subject: INSTITUTION, text: 医疗机构基本要求, heading: true}
						- {ref: 一(一), section: INSTITUTION, subject: INSTITUTION, text: 经过系统培训并考核合格。, attestation: {evidence: 培训证明}}
						""");
		RequirementSpec newer = spec("2023", """
				- {ref: (一), section: INSTITUTION, subject: INSTITUTION, text: 技术定义, heading: true}
				- {ref: 一(一), section: PERSONNEL, subject: PHYSICIAN, text: 经过系统培训并考核合格。, attestation: {evidence: 培训证明}}
				""");
		SpecDiff diff = SpecDiffs.diff(older, newer);
		assertThat(diff.changes()).extracting(SpecDiff.ClauseChange::kind, SpecDiff.ClauseChange::subject)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ADDED", "PHYSICIAN"),
					org.assertj.core.groups.Tuple.tuple("REMOVED", "INSTITUTION"));
		assertThat(diff.renumbered()).isEmpty();
	}

	@Test
	void unrelatedTextUnderAnotherNumberIsAddedAndRemoved() {
		RequirementSpec older = spec("2022", BEDS_30);
		RequirementSpec newer = spec("2023",
				"""
						- {ref: (三)5, section: INSTITUTION, subject: INSTITUTION, text: 有麻醉后监测治疗室（PACU）。, rule: {kind: facility, facility: PACU}}
						""");
		SpecDiff diff = SpecDiffs.diff(older, newer);
		assertThat(diff.changes()).extracting(SpecDiff.ClauseChange::kind).containsExactly("ADDED", "REMOVED");
		assertThat(diff.changes().get(0).summary()).isEqualTo("新版新增条款 (三)5（医疗机构）");
		assertThat(diff.changes().get(1).fromRequirement()).isNotNull();
	}

	@Test
	void similarityIsTheDiceCoefficientOfNormalisedBigrams() {
		assertThat(SpecDiffs.similarity("床位不少于 30 张", "床位不少于30张")).isEqualTo(1.0);
		assertThat(SpecDiffs.similarity("甲乙丙", "丁戊己")).isZero();
		assertThat(SpecDiffs.similarity("甲乙丙丁", "甲乙丙戊")).isEqualTo(2.0 * 2 / 6);
	}

	@Test
	void g08_2022_to_2023_isMostlyRenumbered_withTheQualityIndicatorsAddedAndTheTrainingBaseLeftOut() {
		SpecificationManagement specs = new SpecificationManagement("");
		SpecDiff diff = specs.diff("G08-2022", "G08-2023");
		assertThat(diff.technology()).isEqualTo("G08");
		assertThat(diff.renumbered()).extracting(r -> r.fromRef() + ">" + r.toRef())
			.contains("一(七)>(三)7", "一(六)1>(三)6(1)", "二(一)2>(四)1(2)", "四(一)2>(六)2");
		List<SpecDiff.ClauseChange> added = diff.changes().stream().filter(c -> c.kind().equals("ADDED")).toList();
		// the indicator definitions (七)1–(七)7 are statistics without a target, headings
		// in the spec; the one duty
		// among them, (七)8's pre-operative pathology, is the added condition
		assertThat(added).extracting(SpecDiff.ClauseChange::toRef).contains("(七)8").doesNotContain("(七)1", "(七)4");
		assertThat(diff.changes()).filteredOn(c -> c.kind().equals("REMOVED"))
			.extracting(SpecDiff.ClauseChange::fromRef)
			.contains("四(二)1(1)", "四(二)1(5)");
		assertThat(diff.changes()).filteredOn(c -> c.kind().equals("CHANGED")).anySatisfy(c -> {
			assertThat(c.fromRef()).isEqualTo("二(二)");
			assertThat(c.toRef()).isEqualTo("(四)2");
			assertThat(c.differences()).contains("条文");
			assertThat(c.summary()).contains("原条款的人工确认不再沿用");
		});
		assertThat(diff.changes()).allSatisfy(
				c -> assertThat(c.fromRef() == null || c.toRef() == null || c.subject().equals(c.subject())).isTrue());
	}

	@Test
	void s04_2017_to_2022_changesTheWordingUnderTheSameNumbers() {
		SpecDiff diff = new SpecificationManagement("").diff("S04-2017", "S04-2022");
		assertThat(diff.changes()).extracting(SpecDiff.ClauseChange::kind).containsOnly("CHANGED");
		assertThat(diff.changes()).anySatisfy(c -> {
			assertThat(c.fromRef()).isEqualTo("一(二)");
			assertThat(c.toRef()).isEqualTo("一(二)");
			assertThat(c.fromText()).contains("卫生计生");
			assertThat(c.toText()).contains("卫生健康");
		});
		assertThat(diff.from().effectiveUntil()).isNotNull();
		assertThat(diff.to().jurisdiction()).isEqualTo("220000");
	}

	@Test
	void refusesEditionsOfDifferentTechnologiesAndTheSameEditionTwice() {
		SpecificationManagement specs = new SpecificationManagement("");
		assertThatThrownBy(() -> specs.diff("G08-2022", "S04-2022")).isInstanceOf(InvalidEvaluationRequest.class)
			.hasMessageContaining("不同技术");
		assertThatThrownBy(() -> specs.diff("G08-2023", "G08-2023")).isInstanceOf(InvalidEvaluationRequest.class);
		assertThatThrownBy(() -> specs.diff("G08-2021", "G08-2023")).isInstanceOf(SpecNotFound.class);
	}

}
