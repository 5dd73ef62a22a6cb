package cn.rtms.cases.discharge;

/**
 * What the discharge scan counts and lets one drill into (docs/discharge-scan.md,
 * "Report"). One restricted procedure can be in several categories (not reported and
 * unfiled, say).
 */
public enum ScanCategory {

	/**
	 * Every restricted procedure found in the discharge records (denominator of 系统填报率).
	 */
	RESTRICTED("限制类技术手术"),
	/** A submitted case report matches (numerator of 系统填报率). */
	REPORTED("已填报病例"),
	/** No submitted case report matches: 未填报. */
	NOT_REPORTED("未填报病例"),
	/** No active filing on the operation day: 未备案开展. */
	UNFILED("未备案开展"),
	/** Within the filing period after the first case, before activation (informative). */
	FILING_PENDING("备案审核期内开展"),
	/** The operator held no effective authorization: 未授权. */
	UNAUTHORIZED("术者未授权"),
	/** The operator's authorization does not cover the sub-technique: 超范围. */
	OUT_OF_SCOPE("术者超范围"),
	/** The 术者 is blank, unknown at the institution or shared by several people. */
	OPERATOR_UNRESOLVED("术者无法识别"),
	/** A code column holds text that is no procedure code. */
	INVALID_CODE("编码无法识别"),
	/** A code close to a listed code but not on the list (not counted as restricted). */
	SUSPECT_CODE("疑似限制类编码"),
	/** A robotic-assistance code without a main procedure code. */
	ROBOTIC_WITHOUT_MAIN("机器人辅助编码无主手术");

	private final String label;

	ScanCategory(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
