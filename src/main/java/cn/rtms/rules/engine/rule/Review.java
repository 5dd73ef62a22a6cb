package cn.rtms.rules.engine.rule;

/**
 * A spec parameter's value that leaves a judgement to the reviewer
 * ({@code unlistedScopes: REVIEW}, {@code otherSpecialties: REVIEW}): where the rule's
 * list does not settle a case, the rule answers NEEDS_ATTESTATION instead of NOT_MET, and
 * the clause's confirmation ({@code when: UNDECIDED}) settles it.
 */
public enum Review {

	/** Left to the reviewer. */
	REVIEW

}
