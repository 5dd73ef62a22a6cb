package cn.rtms.filing.domain;

/** The states of a filing (备案), in workflow order. */
public enum FilingState {

	/** 草稿. */
	DRAFT("草稿"),
	/** 已自评: the engine's result frozen into the filing. */
	SELF_ASSESSED("已自评"),
	/** 已提交 to the receiving authority. */
	SUBMITTED("已提交"),
	/** 已受理 by the receiving authority. */
	RECEIVED("已受理"),
	/** 已逐级上报: held by an authority above the receiving one. */
	ESCALATED("已逐级上报"),
	/** 专家审查中. */
	UNDER_EXPERT_REVIEW("专家审查中"),
	/** 审查通过, not yet passed down. */
	APPROVED("审查通过"),
	/** 退回补充: back with the hospital. */
	RETURNED_FOR_SUPPLEMENT("退回补充"),
	/** 不予备案 (final). */
	REJECTED("不予备案"),
	/** 已逐级通知: the result on its way down. */
	RESULT_NOTIFIED("已逐级通知"),
	/** 备案有效: noted on the licence. */
	ACTIVE("备案有效"),
	/** 已中止. */
	SUSPENDED("已中止"),
	/** 已撤销 (final). */
	REVOKED("已撤销");

	private final String label;

	FilingState(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return whether no transition leaves this state
	 */
	public boolean isFinal() {
		return this == REJECTED || this == REVOKED;
	}

}
