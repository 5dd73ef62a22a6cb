package cn.rtms.equipment;

/** What an attached file is. */
public enum AttachmentPurpose {

	/** 生产企业提供的热分布图 (hyperthermia machines, S04 三(九)2). */
	HEAT_DISTRIBUTION_MAP("热分布图"),

	/** 生产企业提供的环境安全检测报告 (hyperthermia machines, S04 三(九)2). */
	MANUFACTURER_SAFETY_REPORT("生产企业环境安全检测报告"),

	/** 检测报告 of one record (a third-party safety test, an inspection). */
	TEST_REPORT("检测报告");

	private final String label;

	AttachmentPurpose(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
