package cn.rtms.rules.engine.spec;

/**
 * Whether a spec is national or provincial.
 */
public enum SpecLevel {

	/** 国家级. */
	NATIONAL("国家"),
	/** 省级. */
	PROVINCIAL("省级");

	private final String label;

	SpecLevel(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label shown to users.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
