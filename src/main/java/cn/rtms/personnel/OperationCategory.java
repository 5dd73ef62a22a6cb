package cn.rtms.personnel;

/**
 * Categories of operations recorded per year for a person as operator (术者), for
 * requirements wider than one technology (吉林 S01 二(一)3).
 */
public enum OperationCategory {

	/** 皮肤组织缺损修复重建手术（包括皮肤软组织创伤、整形及修复重建手术等）. */
	SKIN_DEFECT_REPAIR("皮肤组织缺损修复重建手术");

	private final String label;

	OperationCategory(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
