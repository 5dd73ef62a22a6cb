package cn.rtms.rules.engine.facts;

/**
 * Type of institution.
 */
public enum InstitutionType {

	/** 综合医院. */
	GENERAL("综合"),
	/** 专科医院. */
	SPECIALTY("专科");

	private final String label;

	InstitutionType(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return 综合 or 专科
	 */
	public String label() {
		return this.label;
	}

}
