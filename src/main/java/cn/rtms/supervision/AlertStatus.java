package cn.rtms.supervision;

/**
 * An alert's status as the viewer sees it: the condition holds and the viewer's side has
 * not acknowledged it (OPEN), has acknowledged it in the current episode (ACKNOWLEDGED),
 * or the condition no longer holds (CLOSED).
 */
public enum AlertStatus {

	/** 待处理. */
	OPEN("待处理"),

	/** 已确认. */
	ACKNOWLEDGED("已确认"),

	/** 已解除. */
	CLOSED("已解除");

	private final String label;

	AlertStatus(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
