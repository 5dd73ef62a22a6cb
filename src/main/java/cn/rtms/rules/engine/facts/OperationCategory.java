package cn.rtms.rules.engine.facts;

/**
 * A category of operations wider than one restricted technology, counted for a person as
 * operator (术者) when a spec sets a yearly minimum for it (e.g. S01 二(一)3).
 */
public enum OperationCategory {

	/** 皮肤组织缺损修复重建手术（包括皮肤软组织创伤、整形及修复重建手术等）. */
	SKIN_DEFECT_REPAIR("皮肤组织缺损修复重建手术");

	private final String label;

	OperationCategory(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return e.g. 皮肤组织缺损修复重建手术
	 */
	public String label() {
		return this.label;
	}

}
