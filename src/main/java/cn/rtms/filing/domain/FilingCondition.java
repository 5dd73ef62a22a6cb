package cn.rtms.filing.domain;

import java.util.function.Predicate;

/**
 * What must hold, beyond the state, for a step to be possible at all; the aggregate
 * refuses it with {@code IllegalFilingTransition} otherwise and it is not offered. (What
 * a step needs of its input, like both committee opinions before a submission, is checked
 * when it is taken: {@link FilingTransitions.Transition#requirements()}.)
 */
public enum FilingCondition {

	/** Nothing beyond the state. */
	NONE("—", "—", filing -> true),

	/** The holder is below the review authority. */
	BELOW_REVIEW_LEVEL("未到审查层级", "holder is below the review authority", filing -> !filing.atReviewLevel()),

	/** The holder is the review authority. */
	AT_REVIEW_LEVEL("已到审查层级", "holder is the review authority", Filing::atReviewLevel),

	/** The holder is above the receiving authority. */
	ABOVE_RECEIVING_LEVEL("未到受理机关", "holder is above the receiving authority", filing -> !filing.atReceivingLevel()),

	/** The holder is the receiving authority. */
	AT_RECEIVING_LEVEL("已到受理机关", "holder is the receiving authority", Filing::atReceivingLevel),

	/** The frozen self-assessment has clauses that need an attestation. */
	CLAUSES_TO_ATTEST("自评结果中有需人工确认的条款", "the frozen self-assessment has `NEEDS_ATTESTATION` clauses",
			Filing::hasClausesToAttest),

	/**
	 * The filing was never submitted (no submission in its history, withdrawn or not).
	 */
	NEVER_SUBMITTED("从未提交", "never submitted (no `SUBMIT` step in its history)", filing -> !filing.everSubmitted()),

	/** The hospital has not asked to cancel yet. */
	NO_CANCELLATION_REQUESTED("尚未申请注销", "no cancellation requested yet", filing -> !filing.cancellationRequested()),

	/** The hospital asked to cancel. */
	CANCELLATION_REQUESTED("医疗机构已申请注销", "the hospital requested cancellation", Filing::cancellationRequested),

	/** An automatic revocation proposal is open. */
	REVOCATION_PROPOSAL_OPEN("有待处理的撤销建议", "a revocation proposal is open", Filing::hasOpenRevocationProposal),

	/** An assigned expert has not given an opinion yet. */
	EXPERT_OPINION_MISSING("有评审专家尚未提交意见", "an assigned expert has not given an opinion yet",
			Filing::expertOpinionMissing),

	/** No automatic revocation proposal is open. */
	NO_REVOCATION_PROPOSAL_OPEN("没有待处理的撤销建议", "no revocation proposal is open",
			filing -> !filing.hasOpenRevocationProposal());

	private final String label;

	private final String description;

	private final Predicate<Filing> test;

	FilingCondition(String label, String description, Predicate<Filing> test) {
		this.label = label;
		this.description = description;
		this.test = test;
	}

	/**
	 * @param filing a filing
	 * @return whether the condition holds
	 */
	public boolean holds(Filing filing) {
		return this.test.test(filing);
	}

	/**
	 * @return the Chinese name
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return in English, for docs/filing.md
	 */
	public String description() {
		return this.description;
	}

}
