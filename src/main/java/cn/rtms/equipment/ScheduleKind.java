package cn.rtms.equipment;

/** What a schedule plans. */
public enum ScheduleKind {

	/** 维护保养. */
	MAINTENANCE("维护保养"),

	/** 检测（计量、性能检测）. */
	INSPECTION("检测"),

	/** 第三方环境安全检测. */
	SAFETY_TEST("第三方环境安全检测");

	private final String label;

	ScheduleKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
