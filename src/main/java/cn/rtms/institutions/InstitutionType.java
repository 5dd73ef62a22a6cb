package cn.rtms.institutions;

/** General or specialty hospital (综合 / 专科). */
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
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
