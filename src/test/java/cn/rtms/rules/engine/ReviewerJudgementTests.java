package cn.rtms.rules.engine;

import java.time.LocalDate;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.FactsReader;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import cn.rtms.rules.engine.spec.SpecValidationException;
import cn.rtms.rules.engine.spec.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Judgements a spec leaves to the reviewer ("执业范围为开展本技术相关专业", "肿瘤诊疗临床工作经验"): what the
 * list names is met by the machine, what it does not is NEEDS_ATTESTATION until the
 * reviewer confirms the clause ({@code attestation.when: UNDECIDED}), never NOT_MET by
 * the list alone; and the loader keeps the feature to clauses where that is sound.
 */
class ReviewerJudgementTests {

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
			clauses:
			""";

	private static final RequirementSpec SPEC = new SpecLoader().load("X01-2022.yaml", HEADER + """
			  - ref: 二(一)1
			    section: PERSONNEL
			    subject: PHYSICIAN
			    text: 取得《医师执业证书》，执业范围为开展本技术相关专业。
			    rule: {kind: physicianLicence, scopeAnyOf: [内科专业, 外科专业], unlistedScopes: REVIEW}
			    attestation: {evidence: 执业范围与本技术相关的说明, when: UNDECIDED}
			  - ref: 二(一)2
			    section: PERSONNEL
			    subject: PHYSICIAN
			    text: 有 5 年以上肿瘤诊疗临床工作经验。
			    rule: {kind: clinicalExperience, minYears: 5, specialtyAnyOf: [肿瘤], otherSpecialties: REVIEW}
			    attestation: {evidence: 肿瘤诊疗临床工作经历证明, when: UNDECIDED}
			""");

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private final EligibilityEngine engine = new EligibilityEngine();

	private static Facts physician(String scope, String specialties, String clinicalStart, String attestations) {
		return FactsReader.fromYaml("""
				person:
				  name: 测试医师
				  roles: [PHYSICIAN]
				  licence: {number: '110220000012345', issuedOn: 2008-08-01, scopes: [%s]}
				  clinicalStart: %s
				  specialties: %s
				  attestations: %s
				""".formatted(scope, clinicalStart, specialties, attestations));
	}

	private Outcome evaluate(Facts facts) {
		Outcome outcome = this.engine.evaluate(SPEC, Subject.PHYSICIAN, facts, AS_OF);
		assertThat(this.engine.status(SPEC, Subject.PHYSICIAN, null, facts, AS_OF))
			.as("explained and status-only verdicts agree")
			.isEqualTo(outcome.status());
		return outcome;
	}

	@Test
	void aListedScopeAndExperienceAreMetWithoutAnyConfirmation() {
		Outcome outcome = evaluate(physician("外科专业", "[{name: 肿瘤外科, since: 2010-01-01}]", "2008-07-01", "[]"));
		assertThat(outcome.clause("二(一)1").status()).isEqualTo(Status.MET);
		assertThat(outcome.clause("二(一)2").status()).isEqualTo(Status.MET);
		assertThat(outcome.status()).isEqualTo(Status.MET);
	}

	@Test
	void anUnlistedScopeOrExperienceWaitsForTheReviewerInsteadOfFailing() {
		Outcome outcome = evaluate(physician("眼耳鼻咽喉科专业", "[{name: 肝胆外科, since: 2010-01-01}]", "2008-07-01", "[]"));
		ClauseOutcome scope = outcome.clause("二(一)1");
		assertThat(scope.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(scope.explanation()).contains("执业范围：眼耳鼻咽喉科专业", "不在列举的相关专业", "待审核人确认", "待人工确认：执业范围与本技术相关的说明");
		ClauseOutcome experience = outcome.clause("二(一)2");
		assertThat(experience.status()).isEqualTo(Status.NEEDS_ATTESTATION);
		assertThat(experience.explanation()).contains("无肿瘤专业临床工作经历", "全部临床工作", "待审核人确认");
		assertThat(outcome.status()).isEqualTo(Status.NEEDS_ATTESTATION);
	}

	@Test
	void theReviewersConfirmationSettlesIt() {
		Outcome outcome = evaluate(physician("眼耳鼻咽喉科专业", "[{name: 肝胆外科, since: 2010-01-01}]", "2008-07-01", """
				[{clause: X01/2022 二(一)1, confirmedBy: 周审核, confirmedOn: 2026-05-20, evidence: 甲状腺消融},
				 {clause: X01/2022 二(一)2, confirmedBy: 周审核, confirmedOn: 2026-05-20, evidence: 肝胆肿瘤诊疗}]"""));
		assertThat(outcome.clause("二(一)1").status()).isEqualTo(Status.MET);
		assertThat(outcome.clause("二(一)1").explanation()).contains("审核确认：已由 周审核 于 2026-05-20 确认");
		assertThat(outcome.clause("二(一)2").status()).isEqualTo(Status.MET);
		assertThat(outcome.status()).isEqualTo(Status.MET);
	}

	@Test
	void aConfirmationDoesNotRescueWhatTheTextRulesOut() {
		Outcome outcome = evaluate(physician("眼耳鼻咽喉科专业", "[{name: 肝胆外科, since: 2024-01-01}]", "2023-07-01", """
				[{clause: X01/2022 二(一)2, confirmedBy: 周审核, confirmedOn: 2026-05-20, evidence: 肝胆肿瘤诊疗}]"""));
		assertThat(outcome.clause("二(一)2").status()).as("three years of clinical work in all: short whatever it was")
			.isEqualTo(Status.NOT_MET);
		assertThat(outcome.clause("二(一)2").explanation()).contains("也不足 5 年");
		Outcome unknown = evaluate(physician("外科专业", "[{name: 肝胆外科}]", "null", "[]"));
		assertThat(unknown.clause("二(一)2").status()).as("no start recorded for the whole clinical work")
			.isEqualTo(Status.UNKNOWN);
	}

	@Test
	void theLoaderKeepsReviewToClausesWhoseConfirmationCanSettleIt() {
		SpecLoader loader = new SpecLoader();
		assertThatExceptionOfType(SpecValidationException.class)
			.isThrownBy(() -> loader.load("X01-2022.yaml", HEADER + """
					  - ref: 二(一)1
					    section: PERSONNEL
					    subject: PHYSICIAN
					    text: 执业范围相关。
					    rule: {kind: physicianLicence, scopeAnyOf: [内科专业], unlistedScopes: REVIEW}
					"""))
			.withMessageContaining("when: UNDECIDED")
			.withMessageContaining("clauses[0].rule");
		assertThatExceptionOfType(SpecValidationException.class)
			.isThrownBy(() -> loader.load("X01-2022.yaml", HEADER + """
					  - ref: 一(一)
					    section: INSTITUTION
					    subject: INSTITUTION
					    text: 有 2 名医师。
					    rule: {kind: qualifiedStaff, role: PHYSICIAN, min: 2}
					    attestation: {evidence: 名单, when: UNDECIDED}
					"""))
			.withMessageContaining("qualifiedStaff");
		assertThatExceptionOfType(SpecValidationException.class)
			.isThrownBy(() -> loader.load("X01-2022.yaml", HEADER + """
					  - ref: 二(一)1
					    section: PERSONNEL
					    subject: PHYSICIAN
					    text: 执业范围相关。
					    rule: {kind: physicianLicence, unlistedScopes: REVIEW}
					    attestation: {evidence: 说明, when: UNDECIDED}
					"""));
	}

}
