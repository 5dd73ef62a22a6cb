package cn.rtms.filing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.Actor;
import cn.rtms.filing.domain.Filing.Committee;
import cn.rtms.filing.domain.Filing.DocumentRef;
import cn.rtms.filing.domain.Filing.ExpertReview;
import cn.rtms.rules.EligibilityReport;

/**
 * Filings built through their real transitions (public: the transition-table drift test
 * of the application layer uses them too).
 */
public final class FilingFixtures {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	public static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

	public static final Deadlines DEADLINES = new WorkingDayDeadlines(WorkingDayCalendarTests.china(),
			Map.ofEntries(Map.entry("FILING", 15), Map.entry("SUPPLEMENT", 20), Map.entry("RECEIVE", 20),
					Map.entry("ESCALATE", 20), Map.entry("ASSIGN_EXPERTS", 20), Map.entry("DECIDE", 20),
					Map.entry("NOTIFY_RESULT", 20), Map.entry("ACTIVATE", 20), Map.entry("EXPERT_OPINION", 20),
					Map.entry("REVOCATION_PROPOSAL", 20), Map.entry("CANCELLATION", 20)));

	public static final UUID EXPERT_1 = UUID.randomUUID();

	public static final UUID EXPERT_2 = UUID.randomUUID();

	private FilingFixtures() {
	}

	public static Act by(String role, String region) {
		return new Act(new Actor(UUID.randomUUID(), "测试" + role, role, role, region), NOW, TODAY, "意见");
	}

	public static Act hospital() {
		return by("HOSPITAL_CLERK", null);
	}

	public static Act expert(UUID id) {
		return new Act(new Actor(id, "专家", "EXPERT", "评审专家", null), NOW, TODAY, "同意");
	}

	public static Filing draft(String receiving, boolean national) {
		return Filing.start(UUID.randomUUID(), new Filing.InstitutionRef(UUID.randomUUID(), "测试医院", "220102"),
				new Filing.TechnologyRef(national ? "G08" : "S04", "测试技术", national ? "NATIONAL" : "PROVINCIAL"),
				AuthorityRoutingTests.JILIN.route(receiving, national), null, hospital(), DEADLINES);
	}

	public static EligibilityReport.ClauseResult clause(String ref, String status) {
		return new EligibilityReport.ClauseResult(ref, "G08/2022 " + ref, "INSTITUTION", "医疗机构基本要求", "条款原文", status,
				status, "说明", null, null, List.of(), null, null, List.of());
	}

	public static Filing.Assessment assessment(EligibilityReport.ClauseResult... clauses) {
		EligibilityReport report = new EligibilityReport("INSTITUTION", "医疗机构", null, "测试医院", "G08-2022", "G08 规范",
				"G08", "2022", TODAY, "MET", "符合", List.of(clauses), List.of(), List.of(), null, List.of());
		return new Filing.Assessment("G08-2022", NOW, report);
	}

	public static DocumentRef document() {
		return new DocumentRef(UUID.randomUUID(), "纪要.pdf", "application/pdf", 10, "0".repeat(64), null,
				hospital().actor(), NOW);
	}

	public static Filing readyToSubmit(String receiving, boolean national) {
		Filing filing = draft(receiving, national);
		filing.selfAssess(assessment(clause("一(一)", "MET"), clause("一(二)", "NEEDS_ATTESTATION")), hospital());
		filing.attest("一(二)", "现场核查记录", null, hospital());
		filing.recordCommitteeOpinion(Committee.TECHNOLOGY_MANAGEMENT, TODAY.minusDays(10), "同意", document(),
				hospital());
		filing.recordCommitteeOpinion(Committee.ETHICS, TODAY.minusDays(9), "同意", document(), hospital());
		return filing;
	}

	public static Filing underReviewAtProvince() {
		Filing filing = readyToSubmit("220100", true);
		filing.submit(TODAY.minusDays(5), hospital(), DEADLINES);
		filing.receive(by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.escalate(by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.startExpertReview(
				List.of(new ExpertReview(EXPERT_1, "专家一", null, null, null),
						new ExpertReview(EXPERT_2, "专家二", null, null, null)),
				by("PROVINCE_AUTHORITY", "220000"), DEADLINES);
		return filing;
	}

	// --- one filing per state (and per routing situation the workflow distinguishes) ---

	/**
	 * An authority of the given region with the role that region's level implies.
	 */
	public static Act authority(String region) {
		String role = "220000".equals(region) ? "PROVINCE_AUTHORITY"
				: region.endsWith("00") ? "CITY_AUTHORITY" : "COUNTY_AUTHORITY";
		return by(role, region);
	}

	public static Act system() {
		return by("SYSTEM", null);
	}

	public static List<ExpertReview> twoExperts() {
		return List.of(new ExpertReview(EXPERT_1, "专家一", null, null, null),
				new ExpertReview(EXPERT_2, "专家二", null, null, null));
	}

	/** National, received by 长春市 (220100), reviewed by the province. */
	public static Filing submitted() {
		Filing filing = readyToSubmit("220100", true);
		filing.submit(TODAY.minusDays(5), hospital(), DEADLINES);
		return filing;
	}

	/** National at 长春市: the receiving authority is below the review level. */
	public static Filing receivedBelowReviewLevel() {
		Filing filing = submitted();
		filing.receive(authority("220100"), DEADLINES);
		return filing;
	}

	/** Provincial at 长春市: the receiving authority is the review authority. */
	public static Filing receivedAtReviewLevel() {
		Filing filing = readyToSubmit("220100", false);
		filing.submit(TODAY.minusDays(5), hospital(), DEADLINES);
		filing.receive(authority("220100"), DEADLINES);
		return filing;
	}

	/**
	 * National received by a county (220102), escalated to its city, not yet at the
	 * province.
	 */
	public static Filing escalatedBelowReviewLevel() {
		Filing filing = readyToSubmit("220102", true);
		filing.submit(TODAY.minusDays(5), hospital(), DEADLINES);
		filing.receive(authority("220102"), DEADLINES);
		filing.escalate(authority("220102"), DEADLINES);
		return filing;
	}

	/** National escalated from 长春市 to the province, the review level. */
	public static Filing escalatedAtReviewLevel() {
		Filing filing = receivedBelowReviewLevel();
		filing.escalate(authority("220100"), DEADLINES);
		return filing;
	}

	/** At the province with both assigned experts' opinions in. */
	public static Filing underReviewWithEveryOpinion() {
		Filing filing = underReviewAtProvince();
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		return filing;
	}

	/** Approved by the province; the receiving authority (长春市) is one level down. */
	public static Filing approvedAboveReceivingLevel() {
		Filing filing = underReviewWithEveryOpinion();
		filing.decide(Filing.DecisionKind.APPROVED, "符合规范", authority("220000"), DEADLINES);
		return filing;
	}

	/** Provincial approved by 长春市, which is also the receiving authority. */
	public static Filing approvedAtReceivingLevel() {
		Filing filing = receivedAtReviewLevel();
		filing.startExpertReview(twoExperts(), authority("220100"), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		filing.decide(Filing.DecisionKind.APPROVED, "符合规范", authority("220100"), DEADLINES);
		return filing;
	}

	/**
	 * National received by a county (220102): approved by the province and passed down to
	 * the city, one level above the receiving county.
	 */
	public static Filing resultNotifiedAboveReceivingLevel() {
		Filing filing = escalatedBelowReviewLevel();
		filing.escalate(authority("220100"), DEADLINES);
		filing.startExpertReview(twoExperts(), authority("220000"), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_2), DEADLINES);
		filing.decide(Filing.DecisionKind.APPROVED, "符合规范", authority("220000"), DEADLINES);
		filing.notifyResult(authority("220000"), DEADLINES);
		return filing;
	}

	/** Approved by the province and passed down to the receiving authority 长春市. */
	public static Filing resultNotifiedAtReceivingLevel() {
		Filing filing = approvedAboveReceivingLevel();
		filing.notifyResult(authority("220000"), DEADLINES);
		return filing;
	}

	public static Filing returnedForSupplement() {
		Filing filing = underReviewWithEveryOpinion();
		filing.decide(Filing.DecisionKind.RETURNED_FOR_SUPPLEMENT, "请补充设备材料", authority("220000"), DEADLINES);
		return filing;
	}

	public static Filing rejected() {
		Filing filing = underReviewWithEveryOpinion();
		filing.decide(Filing.DecisionKind.REJECTED, "人员不符合要求", authority("220000"), DEADLINES);
		return filing;
	}

	/** National, active at 长春市, no revocation proposal, no cancellation request. */
	public static Filing active() {
		Filing filing = resultNotifiedAtReceivingLevel();
		filing.activate("G08 肿瘤消融治疗技术 已备案", authority("220100"));
		return filing;
	}

	public static Filing activeWithRevocationProposal() {
		Filing filing = active();
		filing.proposeRevocation(EndingReason.STAFF_NO_LONGER_QUALIFIED, "人员不再符合", system(), DEADLINES);
		return filing;
	}

	public static Filing suspended() {
		Filing filing = active();
		filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", authority("220100"));
		return filing;
	}

	/** Suspended while an automatic revocation proposal was open (it stays open). */
	public static Filing suspendedWithRevocationProposal() {
		Filing filing = activeWithRevocationProposal();
		filing.suspend(EndingReason.EQUIPMENT_UNUSABLE, "设备故障", authority("220100"));
		return filing;
	}

	public static Filing revoked() {
		Filing filing = activeWithRevocationProposal();
		filing.revoke(EndingReason.STAFF_NO_LONGER_QUALIFIED, "人员不再符合", authority("220100"));
		return filing;
	}

	/** Self-assessed against a report with no clause that needs an attestation. */
	public static Filing selfAssessedWithNothingToAttest() {
		Filing filing = draft("220100", true);
		filing.selfAssess(assessment(clause("一(一)", "MET")), hospital());
		return filing;
	}

	/** Active at 长春市 after the hospital asked to cancel. */
	public static Filing activeWithCancellationRequested() {
		Filing filing = active();
		filing.requestCancellation("医院主动申请注销", hospital(), DEADLINES);
		return filing;
	}

	/**
	 * A provincial (S04) filing of 长春市, reviewed by 长春市 itself with one expert and
	 * activated.
	 */
	public static Filing activeProvincial() {
		Filing filing = readyToSubmit("220100", false);
		filing.submit(TODAY, hospital(), DEADLINES);
		filing.receive(by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.startExpertReview(List.of(new ExpertReview(EXPERT_1, "专家一", null, null, null)),
				by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.recordExpertOpinion(Filing.Verdict.AGREE, "同意", expert(EXPERT_1), DEADLINES);
		filing.decide(Filing.DecisionKind.APPROVED, "", by("CITY_AUTHORITY", "220100"), DEADLINES);
		filing.activate("S04 已备案", by("CITY_AUTHORITY", "220100"));
		return filing;
	}

}
