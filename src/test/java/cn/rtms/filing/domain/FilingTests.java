package cn.rtms.filing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.FilingIncomplete;
import cn.rtms.filing.FilingPeriod;
import cn.rtms.filing.FilingStateChanged;
import cn.rtms.filing.FirstCaseDateFrozen;
import cn.rtms.filing.IllegalFilingTransition;
import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.DecisionKind;
import cn.rtms.filing.domain.Filing.ExpertReview;
import cn.rtms.filing.domain.Filing.Verdict;
import cn.rtms.identity.Role;
import cn.rtms.filing.domain.Filing.Actor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static cn.rtms.filing.domain.FilingFixtures.DEADLINES;
import static cn.rtms.filing.domain.FilingFixtures.EXPERT_1;
import static cn.rtms.filing.domain.FilingFixtures.EXPERT_2;
import static cn.rtms.filing.domain.FilingFixtures.NOW;
import static cn.rtms.filing.domain.FilingFixtures.TODAY;
import static cn.rtms.filing.domain.FilingFixtures.by;
import static cn.rtms.filing.domain.FilingFixtures.expert;
import static cn.rtms.filing.domain.FilingFixtures.hospital;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilingTests {

	@Test
	void nationalFilingTravelsUpToTheProvinceAndTheResultBackDown() {
		Filing filing = FilingFixtures.underReviewAtProvince();
		assertThat(filing.holder()).isEqualTo("220000");
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		filing.decide(DecisionKind.APPROVED, "符合规范", by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		assertThat(filing.state()).isEqualTo(FilingState.APPROVED);
		filing.notifyResult(by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		assertThat(filing.state()).isEqualTo(FilingState.RESULT_NOTIFIED);
		assertThat(filing.holder()).isEqualTo("220100");
		filing.activate("G08 肿瘤消融治疗技术 已备案", by("CITY_AUTHORITY", "220100"));
		assertThat(filing.state()).isEqualTo(FilingState.ACTIVE);
		assertThat(filing.data().activatedOn()).isEqualTo(TODAY);
		assertThat(filing.steps()).extracting(step -> step.action().name())
			.containsSubsequence("CREATE", "SELF_ASSESS", "SUBMIT", "RECEIVE", "ESCALATE", "START_EXPERT_REVIEW",
					"EXPERT_OPINION", "DECIDE_APPROVED", "NOTIFY_RESULT", "ACTIVATE");
	}

	@Test
	void recordsAnEventForEveryTransition() {
		Filing filing = FilingFixtures.readyToSubmit("220100", true);
		filing.drainEvents();
		filing.submit(TODAY, hospital(), DEADLINES);
		List<Object> events = filing.drainEvents();
		assertThat(events).singleElement().isInstanceOfSatisfying(FilingStateChanged.class, e -> {
			assertThat(e.from()).isEqualTo("SELF_ASSESSED");
			assertThat(e.to()).isEqualTo("SUBMITTED");
		});
	}

	@Test
	void refusesToEscalateBeyondTheReviewLevel() {
		Filing filing = FilingFixtures.readyToSubmit("220100", false);
		filing.submit(TODAY, hospital(), DEADLINES);
		filing.receive(by("CITY_AUTHORITY", "220100"), DEADLINES);
		assertThatThrownBy(() -> filing.escalate(by("CITY_AUTHORITY", "220100"), DEADLINES))
			.isInstanceOf(IllegalFilingTransition.class)
			.hasMessageContaining("审查层级");
	}

	@Test
	void refusesExpertReviewBelowTheReviewLevel() {
		Filing filing = FilingFixtures.readyToSubmit("220100", true);
		filing.submit(TODAY, hospital(), DEADLINES);
		filing.receive(by("CITY_AUTHORITY", "220100"), DEADLINES);
		assertThatThrownBy(
				() -> filing.startExpertReview(List.of(new Filing.ExpertReview(EXPERT_1, null, null, null, null)),
						by("CITY_AUTHORITY", "220100"), DEADLINES))
			.isInstanceOf(IllegalFilingTransition.class);
		assertThat(filing.state()).isEqualTo(FilingState.RECEIVED);
	}

	@Test
	void namesBothStatesWhenATransitionIsIllegal() {
		Filing filing = FilingFixtures.draft("220100", true);
		assertThatThrownBy(() -> filing.receive(by("CITY_AUTHORITY", "220100"), DEADLINES))
			.isInstanceOf(IllegalFilingTransition.class)
			.hasMessageContaining("草稿")
			.hasMessageContaining("已受理");
		assertThatThrownBy(() -> filing.activate("x", by("CITY_AUTHORITY", "220100")))
			.isInstanceOf(IllegalFilingTransition.class);
		assertThatThrownBy(() -> filing.revoke(EndingReason.SERIOUS_ADVERSE_EVENT, "x", by("CITY_AUTHORITY", "220100")))
			.isInstanceOf(IllegalFilingTransition.class)
			.hasMessageContaining("已撤销");
		assertThat(filing.state()).isEqualTo(FilingState.DRAFT);
	}

	@Test
	void refusesSubmissionWithUnconfirmedClausesOrMissingCommitteeOpinions() {
		Filing filing = FilingFixtures.draft("220100", true);
		filing.selfAssess(FilingFixtures.assessment(FilingFixtures.clause("一(二)", "NEEDS_ATTESTATION")), hospital());
		assertThatThrownBy(() -> filing.submit(TODAY, hospital(), DEADLINES)).isInstanceOf(FilingIncomplete.class)
			.hasMessageContaining("G08/2022 一(二)");
		filing.attest("一(二)", "证据", null, hospital());
		assertThatThrownBy(() -> filing.submit(TODAY, hospital(), DEADLINES)).isInstanceOf(FilingIncomplete.class)
			.hasMessageContaining("伦理委员会");
		assertThat(filing.state()).isEqualTo(FilingState.SELF_ASSESSED);
	}

	@Test
	void refusesAttestingAClauseTheEngineDecided() {
		Filing filing = FilingFixtures.draft("220100", true);
		filing.selfAssess(FilingFixtures.assessment(FilingFixtures.clause("一(一)", "NOT_MET"),
				FilingFixtures.clause("一(二)", "NEEDS_ATTESTATION")), hospital());
		assertThatThrownBy(() -> filing.attest("一(一)", "证据", null, hospital())).isInstanceOf(InvalidFilingRequest.class)
			.hasMessageContaining("无需人工确认");
	}

	@Test
	void refusesAttestingWhenTheAssessmentHasNothingToAttest() {
		Filing filing = FilingFixtures.draft("220100", true);
		filing.selfAssess(FilingFixtures.assessment(FilingFixtures.clause("一(一)", "NOT_MET")), hospital());
		assertThatThrownBy(() -> filing.attest("一(一)", "证据", null, hospital()))
			.isInstanceOf(IllegalFilingTransition.class)
			.hasMessageContaining("没有需要人工确认");
	}

	@Test
	void refusesADecisionBeforeEveryExpertGaveAnOpinion() {
		Filing filing = FilingFixtures.underReviewAtProvince();
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		assertThatThrownBy(
				() -> filing.decide(DecisionKind.APPROVED, "", by("PROVINCE_AUTHORITY", "220000"), DEADLINES))
			.isInstanceOf(FilingIncomplete.class)
			.hasMessageContaining("专家二");
	}

	/**
	 * An expert who cannot give an opinion is replaced: before, the decision waited for
	 * him for ever.
	 */
	@Test
	void anExpertWithoutAnOpinionIsReplacedAndTheReviewCanBeDecided() {
		Filing filing = FilingFixtures.underReviewAtProvince();
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		Act province = by("PROVINCE_AUTHORITY", "220000");
		UUID substitute = UUID.randomUUID();
		ExpertReview incoming = new ExpertReview(substitute, "专家三", null, null, null);

		assertThatThrownBy(() -> filing.replaceExpert(EXPERT_1, incoming, "出差", province, DEADLINES))
			.isInstanceOf(InvalidFilingRequest.class)
			.hasMessageContaining("已提交专家意见，不能更换");
		assertThatThrownBy(() -> filing.replaceExpert(EXPERT_2, new ExpertReview(EXPERT_1, "专家一", null, null, null),
				"出差", province, DEADLINES))
			.isInstanceOf(InvalidFilingRequest.class)
			.hasMessageContaining("已是本备案的评审专家");
		assertThatThrownBy(() -> filing.replaceExpert(EXPERT_2, incoming, " ", province, DEADLINES))
			.isInstanceOf(InvalidFilingRequest.class)
			.hasMessageContaining("原因");

		filing.replaceExpert(EXPERT_2, incoming, "专家二因病不能参加", province, DEADLINES);
		assertThat(filing.data().experts()).extracting(ExpertReview::userId).containsExactly(EXPERT_1, substitute);
		assertThat(filing.isAssignedExpert(EXPERT_2)).isFalse();
		assertThat(filing.state()).isEqualTo(FilingState.UNDER_EXPERT_REVIEW);
		assertThat(filing.data().steps().getLast().action()).isEqualTo(FilingStep.REPLACE_EXPERT);
		assertThat(filing.data().steps().getLast().opinion()).isEqualTo("专家二 → 专家三，原因：专家二因病不能参加");

		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(substitute), DEADLINES);
		assertThatThrownBy(() -> filing.replaceExpert(substitute, new ExpertReview(EXPERT_2, "专家二", null, null, null),
				"改派", province, DEADLINES))
			.as("every opinion given: nothing left to replace")
			.isInstanceOf(IllegalFilingTransition.class);
		filing.decide(DecisionKind.APPROVED, "", province, DEADLINES);
		assertThat(filing.state()).isEqualTo(FilingState.APPROVED);
	}

	@Test
	void returnedFilingGoesBackToTheHospitalAndCanBeResubmitted() {
		Filing filing = FilingFixtures.underReviewAtProvince();
		filing.recordExpertOpinion(Verdict.SUPPLEMENT, "补充设备材料", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		filing.decide(DecisionKind.RETURNED_FOR_SUPPLEMENT, "请补充设备材料", by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		assertThat(filing.state()).isEqualTo(FilingState.RETURNED_FOR_SUPPLEMENT);
		assertThat(filing.holder()).isNull();
		filing.submit(TODAY.minusDays(5), hospital(), DEADLINES);
		assertThat(filing.state()).isEqualTo(FilingState.SUBMITTED);
		assertThat(filing.holder()).isEqualTo("220100");
		assertThat(filing.data().experts()).isEmpty();
	}

	@Test
	void rejectionIsFinal() {
		Filing filing = FilingFixtures.underReviewAtProvince();
		filing.recordExpertOpinion(Verdict.DISAGREE, "不同意", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Verdict.DISAGREE, "不同意", expert(EXPERT_2), DEADLINES);
		assertThatThrownBy(
				() -> filing.decide(DecisionKind.REJECTED, " ", by("PROVINCE_AUTHORITY", "220000"), DEADLINES))
			.isInstanceOf(InvalidFilingRequest.class);
		filing.decide(DecisionKind.REJECTED, "人员不符合", by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		assertThat(filing.state().isFinal()).isTrue();
		assertThatThrownBy(() -> filing.submit(TODAY, hospital(), DEADLINES))
			.isInstanceOf(IllegalFilingTransition.class);
	}

	@Test
	void activeFilingIsSuspendedResumedAndRevokedWithAProposalClosed() {
		Filing filing = activeProvincial();
		assertThat(filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "无病例", by("SYSTEM", null), DEADLINES))
			.isTrue();
		assertThat(filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "无病例", by("SYSTEM", null), DEADLINES))
			.isFalse();
		filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", by("CITY_AUTHORITY", "220100"));
		assertThat(filing.state()).isEqualTo(FilingState.SUSPENDED);
		filing.resume(by("CITY_AUTHORITY", "220100"));
		assertThat(filing.state()).isEqualTo(FilingState.ACTIVE);
		filing.revoke(EndingReason.NOT_PERFORMED_2_YEARS, "2年未开展", by("CITY_AUTHORITY", "220100"));
		assertThat(filing.state()).isEqualTo(FilingState.REVOKED);
		assertThat(filing.data().revocationProposal()).isNull();
		assertThat(filing.data().revokedOn()).isEqualTo(TODAY);
	}

	@Test
	void flagsLateFilingAndOverdueSteps() {
		Filing filing = FilingFixtures.readyToSubmit("220100", true);
		filing.submit(TODAY.minusMonths(2), hospital(), DEADLINES);
		assertThat(filing.lateFiling(TODAY)).isTrue();
		assertThat(filing.overdue(TODAY)).isFalse();
		assertThat(filing.overdue(TODAY.plusMonths(2))).isTrue();
	}

	@Test
	void aDismissedRevocationProposalStandsAgainstTheSameFindingUntilItChangesOrHalfAYearPassed() {
		Filing filing = activeProvincial();
		Act now = system(NOW);
		assertThat(filing.proposeRevocation(EndingReason.STAFF_NO_LONGER_QUALIFIED, "S04 二(一) 不符合", now, DEADLINES))
			.isTrue();
		filing.dismissRevocationProposal("人员已补足，待复核", by("CITY_AUTHORITY", "220100"));
		Act nextDay = system(NOW.plus(Duration.ofDays(1)));
		assertThat(filing.proposeRevocation(EndingReason.STAFF_NO_LONGER_QUALIFIED, "S04 二(一) 不符合", nextDay, DEADLINES))
			.as("the same finding the day after its dismissal")
			.isFalse();
		assertThat(filing.data().revocationProposal()).isNull();
		assertThat(filing.proposeRevocation(EndingReason.STAFF_NO_LONGER_QUALIFIED, "S04 二(二) 不符合", nextDay, DEADLINES))
			.as("another clause no longer met")
			.isTrue();
		filing.dismissRevocationProposal("已核实", by("CITY_AUTHORITY", "220100"));
		Act later = system(NOW.plus(Filing.DISMISSAL_STANDS).plus(Duration.ofDays(1)));
		assertThat(filing.proposeRevocation(EndingReason.STAFF_NO_LONGER_QUALIFIED, "S04 二(一) 不符合", later, DEADLINES))
			.as("half a year after the dismissal the finding is proposed again")
			.isTrue();
	}

	@Test
	void aDismissedInactivityProposalStandsThoughItsDetailNamesEachDay() {
		Filing filing = activeProvincial();
		assertThat(filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "2024-11-23 至 2026-11-22 无 S04 已提交病例",
				system(NOW), DEADLINES))
			.isTrue();
		filing.dismissRevocationProposal("设备更换中，明年恢复开展", by("CITY_AUTHORITY", "220100"));
		assertThat(filing.proposeRevocation(EndingReason.NOT_PERFORMED_2_YEARS, "2024-11-24 至 2026-11-23 无 S04 已提交病例",
				system(NOW.plus(Duration.ofDays(1))), DEADLINES))
			.isFalse();
	}

	@Test
	void onlyTheAuthorityThatSuspendedAFilingOrOneAboveItResumesIt() {
		Filing filing = FilingFixtures.readyToSubmit("220102", true);
		filing.submit(TODAY, hospital(), DEADLINES);
		filing.receive(by("COUNTY_AUTHORITY", "220102"), DEADLINES);
		filing.escalate(by("COUNTY_AUTHORITY", "220102"), DEADLINES);
		filing.escalate(by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.startExpertReview(List.of(new Filing.ExpertReview(EXPERT_1, "专家一", null, null, null)),
				by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.decide(DecisionKind.APPROVED, "", by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		filing.notifyResult(by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		filing.notifyResult(by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.activate("G08 已备案", by("COUNTY_AUTHORITY", "220102"));
		Caller county = new Caller(UUID.randomUUID(), Role.COUNTY_AUTHORITY, null, "220102", "220102"::equals);
		Caller city = new Caller(UUID.randomUUID(), Role.CITY_AUTHORITY, null, "220100", r -> r.startsWith("2201"));
		Caller province = new Caller(UUID.randomUUID(), Role.PROVINCE_AUTHORITY, null, "220000",
				r -> r.startsWith("22"));

		filing.suspend(EndingReason.SERIOUS_ADVERSE_EVENT, "发生严重并发症", by("PROVINCE_AUTHORITY", "220000"));
		assertThat(FilingTransitions.allowed(county, filing)).doesNotContain(FilingAction.RESUME);
		assertThat(FilingTransitions.allowed(city, filing)).doesNotContain(FilingAction.RESUME);
		assertThat(FilingTransitions.allowed(province, filing)).contains(FilingAction.RESUME);

		filing.resume(by("PROVINCE_AUTHORITY", "220000"));
		filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", by("COUNTY_AUTHORITY", "220102"));
		assertThat(FilingTransitions.allowed(county, filing)).contains(FilingAction.RESUME);
		assertThat(FilingTransitions.allowed(province, filing)).contains(FilingAction.RESUME);
	}

	private static Act system(Instant at) {
		return new Act(new Filing.Actor(UUID.randomUUID(), "系统自动检查", "SYSTEM", "系统", null), at,
				at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), null);
	}

	@Test
	void aResubmissionAfterAReturnDoesNotMakeAFilingSubmittedInTimeLate() {
		Filing filing = returnedAfterSubmittingOn(SUBMITTED_ON);
		filing.submit(FIRST_CASE, on(RESUBMITTED_ON, "HOSPITAL_CLERK", null), DEADLINES);

		assertThat(filing.data().filingDeadline()).isEqualTo(LocalDate.of(2026, 3, 23));
		assertThat(filing.data().submittedOn()).as("the last submission").isEqualTo(RESUBMITTED_ON);
		assertThat(filing.firstSubmittedOn()).isEqualTo(SUBMITTED_ON);
		assertThat(filing.data().firstSubmittedOn()).isEqualTo(SUBMITTED_ON);
		assertThat(filing.lateFiling(RESUBMITTED_ON)).isFalse();

		FilingData d = filing.data();
		FilingPeriod period = new FilingPeriod(d.id(), d.institution().id(), d.technology().code(), d.state().name(),
				d.firstCaseDate(), d.filingDeadline(), d.firstSubmittedOn(), d.activatedOn(), d.revokedOn(), List.of());
		assertThat(period.pendingOn(LocalDate.of(2026, 4, 1))).isTrue();
		assertThat(period.pendingOn(RESUBMITTED_ON.plusDays(3))).as("while the resubmission is reviewed").isTrue();
	}

	@Test
	void aFilingFirstSubmittedLateStaysLateAfterAResubmission() {
		Filing filing = returnedAfterSubmittingOn(LocalDate.of(2026, 3, 30));
		filing.submit(FIRST_CASE, on(RESUBMITTED_ON, "HOSPITAL_CLERK", null), DEADLINES);
		assertThat(filing.firstSubmittedOn()).isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(filing.lateFiling(RESUBMITTED_ON)).isTrue();
	}

	@Test
	void aResubmissionKeepsTheFirstCaseDateTheAuthoritiesReceived() {
		Filing filing = returnedAfterSubmittingOn(SUBMITTED_ON);
		assertThatThrownBy(
				() -> filing.submit(FIRST_CASE.plusDays(14), on(RESUBMITTED_ON, "HOSPITAL_CLERK", null), DEADLINES))
			.isInstanceOf(FirstCaseDateFrozen.class)
			.hasMessageContaining("首例开展日期 2026-03-02")
			.hasMessageContaining("2026-03-20 的首次提交")
			.hasMessageContaining("不能改为 2026-03-16");
		assertThat(filing.state()).isEqualTo(FilingState.RETURNED_FOR_SUPPLEMENT);
		assertThat(filing.data().firstCaseDate()).isEqualTo(FIRST_CASE);
		assertThat(filing.data().filingDeadline()).isEqualTo(LocalDate.of(2026, 3, 23));
	}

	@Test
	void aWithdrawnFirstSubmissionFreezesNothing() {
		Filing filing = FilingFixtures.readyToSubmit("220100", true);
		filing.submit(FIRST_CASE, on(SUBMITTED_ON, "HOSPITAL_CLERK", null), DEADLINES);
		filing.withdraw(on(SUBMITTED_ON, "HOSPITAL_CLERK", null), DEADLINES);
		assertThat(filing.firstSubmittedOn()).isNull();
		filing.submit(FIRST_CASE.plusDays(1), on(SUBMITTED_ON.plusDays(1), "HOSPITAL_CLERK", null), DEADLINES);
		assertThat(filing.data().firstCaseDate()).isEqualTo(FIRST_CASE.plusDays(1));
		assertThat(filing.firstSubmittedOn()).isEqualTo(SUBMITTED_ON.plusDays(1));
	}

	@Test
	void recordsEverySuspensionFromTheDayOfTheSuspensionToTheDayOfTheResumption() {
		Filing filing = activeProvincial();
		LocalDate suspendedOn = LocalDate.of(2026, 12, 1);
		filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", on(suspendedOn, "CITY_AUTHORITY", "220100"));
		filing.resume(on(suspendedOn.plusDays(10), "CITY_AUTHORITY", "220100"));
		filing.suspend(EndingReason.SERIOUS_ADVERSE_EVENT, "严重不良事件",
				on(suspendedOn.plusDays(20), "CITY_AUTHORITY", "220100"));
		assertThat(filing.suspensions()).containsExactly(new Filing.Suspension(suspendedOn, suspendedOn.plusDays(10)),
				new Filing.Suspension(suspendedOn.plusDays(20), null));
		assertThat(filing.data().suspensions()).isEqualTo(filing.suspensions());
		assertThat(activeProvincial().suspensions()).isEmpty();
	}

	static final LocalDate FIRST_CASE = LocalDate.of(2026, 3, 2);

	static final LocalDate SUBMITTED_ON = LocalDate.of(2026, 3, 20);

	static final LocalDate RESUBMITTED_ON = LocalDate.of(2026, 5, 20);

	/** An act dated on its own day (10:00 in Shanghai). */
	static Act on(LocalDate day, String role, @Nullable String region) {
		return new Act(new Actor(UUID.randomUUID(), "测试" + role, role, role, region),
				day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), day, "意见");
	}

	/**
	 * A national filing of 长春市 (first case 2026-03-02, so due 2026-03-23) submitted on
	 * the day, reviewed by the province and returned for supplement on 2026-05-10.
	 */
	static Filing returnedAfterSubmittingOn(LocalDate submittedOn) {
		Filing filing = FilingFixtures.readyToSubmit("220100", true);
		filing.submit(FIRST_CASE, on(submittedOn, "HOSPITAL_CLERK", null), DEADLINES);
		filing.receive(on(submittedOn.plusDays(3), "CITY_AUTHORITY", "220100"), DEADLINES);
		filing.escalate(on(submittedOn.plusDays(5), "CITY_AUTHORITY", "220100"), DEADLINES);
		filing.startExpertReview(FilingFixtures.twoExperts(),
				on(submittedOn.plusDays(10), "PROVINCE_AUTHORITY", "220000"), DEADLINES);
		filing.recordExpertOpinion(Verdict.SUPPLEMENT, "补充设备材料", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		filing.decide(DecisionKind.RETURNED_FOR_SUPPLEMENT, "请补充设备材料",
				on(LocalDate.of(2026, 5, 10), "PROVINCE_AUTHORITY", "220000"), DEADLINES);
		return filing;
	}

	static Filing activeProvincial() {
		return FilingFixtures.activeProvincial();
	}

}
