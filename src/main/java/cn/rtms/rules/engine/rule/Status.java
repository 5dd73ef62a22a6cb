package cn.rtms.rules.engine.rule;

/**
 * Verdict of a rule, a clause, a pathway or a whole evaluation.
 */
public enum Status {

	/** 符合: the requirement is satisfied. */
	MET("符合"),
	/** 不符合: the requirement is violated. */
	NOT_MET("不符合"),
	/** 信息不全: a fact needed to decide is not recorded. */
	UNKNOWN("信息不全"),
	/**
	 * 待确认: the machine-checkable part (if any) is met, a reviewer must still confirm the
	 * rest.
	 */
	NEEDS_ATTESTATION("待确认"),
	/** 不适用: a heading, or nothing applies to the subject. */
	NOT_APPLICABLE("不适用"),
	/** 评估出错: evaluation failed; never read as pass or fail. */
	ERROR("评估出错");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label shown to users.
	 * @return e.g. 符合
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Combines verdicts that must all hold: any ERROR, else any NOT_MET, else any
	 * UNKNOWN, else any NEEDS_ATTESTATION, else MET. NOT_APPLICABLE parts are ignored; if
	 * every part is NOT_APPLICABLE (or there are none) the result is NOT_APPLICABLE.
	 * @param statuses the parts
	 * @return the combined verdict
	 */
	public static Status allOf(Iterable<Status> statuses) {
		boolean error = false;
		boolean notMet = false;
		boolean unknown = false;
		boolean attestation = false;
		boolean any = false;
		for (Status status : statuses) {
			switch (status) {
				case ERROR -> error = true;
				case NOT_MET -> notMet = true;
				case UNKNOWN -> unknown = true;
				case NEEDS_ATTESTATION -> attestation = true;
				case MET -> {
				}
				case NOT_APPLICABLE -> {
					continue;
				}
			}
			any = true;
		}
		if (!any) {
			return NOT_APPLICABLE;
		}
		if (error) {
			return ERROR;
		}
		if (notMet) {
			return NOT_MET;
		}
		if (unknown) {
			return UNKNOWN;
		}
		return attestation ? NEEDS_ATTESTATION : MET;
	}

	/**
	 * Combines alternatives of which one suffices: any MET, else any ERROR, else any
	 * UNKNOWN, else any NEEDS_ATTESTATION, else NOT_MET. NOT_APPLICABLE alternatives are
	 * ignored; none at all gives NOT_APPLICABLE.
	 * @param statuses the alternatives
	 * @return the combined verdict
	 */
	public static Status anyOf(Iterable<Status> statuses) {
		boolean error = false;
		boolean unknown = false;
		boolean attestation = false;
		boolean any = false;
		for (Status status : statuses) {
			switch (status) {
				case MET -> {
					return MET;
				}
				case ERROR -> error = true;
				case UNKNOWN -> unknown = true;
				case NEEDS_ATTESTATION -> attestation = true;
				case NOT_MET -> {
				}
				case NOT_APPLICABLE -> {
					continue;
				}
			}
			any = true;
		}
		if (!any) {
			return NOT_APPLICABLE;
		}
		if (error) {
			return ERROR;
		}
		if (unknown) {
			return UNKNOWN;
		}
		return attestation ? NEEDS_ATTESTATION : NOT_MET;
	}

}
