package cn.rtms.training;

/** Where a training base (培训基地) stands with the provincial authority. */
public enum TrainingBaseStatus {

	/** 草稿: being prepared by the institution. */
	DRAFT("草稿"),

	/** 已提交: submitted to the province. */
	SUBMITTED("已提交"),

	/** 专家评审中: under expert review. */
	UNDER_REVIEW("专家评审中"),

	/** 已退回: returned to the institution for changes. */
	RETURNED("已退回"),

	/** 已备案: filed (or designated) by the province; may train. */
	FILED("已备案"),

	/** 不予备案: rejected. */
	REJECTED("不予备案"),

	/** 已撤销: filing revoked. */
	REVOKED("已撤销"),

	/** 已撤回: withdrawn by the institution before a decision. */
	WITHDRAWN("已撤回");

	private final String label;

	TrainingBaseStatus(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
