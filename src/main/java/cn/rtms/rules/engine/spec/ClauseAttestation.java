package cn.rtms.rules.engine.spec;

/**
 * The part of a clause a machine cannot judge; a reviewer confirms it with evidence.
 *
 * @param evidence what evidence the reviewer should see, in Chinese
 * @param onlyWhenUndecided {@code when: UNDECIDED}: asked for only when the clause's rule
 * comes out NEEDS_ATTESTATION (a judgement the rule leaves to the reviewer, such as
 * whether an unlisted 执业范围 is 相关专业); a confirmation then settles the clause. A met rule
 * needs no confirmation. Otherwise ({@code ALWAYS}, the default) the attestation is asked
 * for whenever the rule is met or absent.
 */
public record ClauseAttestation(String evidence, boolean onlyWhenUndecided) {

	/**
	 * An attestation asked for whenever the rule is met or absent.
	 * @param evidence what evidence the reviewer should see
	 */
	public ClauseAttestation(String evidence) {
		this(evidence, false);
	}

}
