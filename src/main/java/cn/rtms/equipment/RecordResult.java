package cn.rtms.equipment;

/** The result of a maintenance, inspection or safety test. */
public enum RecordResult {

	/** 合格. */
	QUALIFIED("合格"),

	/** 不合格. */
	UNQUALIFIED("不合格");

	private final String label;

	RecordResult(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
