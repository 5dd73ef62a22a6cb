package cn.rtms.assessment;

/** The hospital's conclusion of a capability assessment. */
public enum Conclusion {

	/** 合格. */
	QUALIFIED("合格"),

	/** 基本合格: to be improved within a set time. */
	BASICALLY_QUALIFIED("基本合格"),

	/** 不合格. */
	UNQUALIFIED("不合格");

	private final String label;

	Conclusion(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
