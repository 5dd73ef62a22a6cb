package cn.rtms.rules.engine.rule;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a rule found.
 *
 * @param status MET, NOT_MET, UNKNOWN or NEEDS_ATTESTATION (ERROR only for composites
 * whose part failed)
 * @param explanation Chinese sentence with actual versus required, e.g. "床位 24
 * 张（肿瘤科），要求不少于 30 张"
 * @param actual the actual value in short, e.g. "24 张"; {@code null} when unknown
 * @param required the requirement in short, e.g. "不少于 30 张"
 * @param evidence facts relied upon (names counted, licence numbers …)
 */
public record RuleResult(Status status, String explanation, @Nullable String actual, String required,
		List<String> evidence) {

	/**
	 * Copies the evidence list.
	 */
	public RuleResult {
		evidence = List.copyOf(evidence);
	}

	private static final RuleResult[] BARE = new RuleResult[Status.values().length];

	static {
		for (Status status : Status.values()) {
			BARE[status.ordinal()] = new RuleResult(status, "", null, "", List.of());
		}
	}

	/**
	 * A shared result carrying only a status, for contexts that do not explain
	 * ({@link EvaluationContext#explains()}).
	 * @param status the status
	 * @return the result
	 */
	public static RuleResult bare(Status status) {
		return BARE[status.ordinal()];
	}

	/**
	 * A result without evidence.
	 * @param status the status
	 * @param explanation the explanation
	 * @param actual the actual value
	 * @param required the requirement
	 * @return the result
	 */
	public static RuleResult of(Status status, String explanation, @Nullable String actual, String required) {
		return new RuleResult(status, explanation, actual, required, List.of());
	}

	/**
	 * MET or NOT_MET depending on {@code met}.
	 * @param met whether the requirement holds
	 * @param explanation the explanation
	 * @param actual the actual value
	 * @param required the requirement
	 * @return the result
	 */
	public static RuleResult check(boolean met, String explanation, @Nullable String actual, String required) {
		return of(met ? Status.MET : Status.NOT_MET, explanation, actual, required);
	}

	/**
	 * UNKNOWN because a fact is not recorded.
	 * @param explanation e.g. "未记录职称信息"
	 * @param required the requirement
	 * @return the result
	 */
	public static RuleResult unknown(String explanation, String required) {
		return of(Status.UNKNOWN, explanation, null, required);
	}

	/**
	 * Returns a copy with different evidence.
	 * @param evidence the evidence
	 * @return the copy
	 */
	public RuleResult withEvidence(List<String> evidence) {
		return new RuleResult(this.status, this.explanation, this.actual, this.required, evidence);
	}

}
