package cn.rtms.rules.engine.spec;

/**
 * Way a trainee can qualify; the trainee is qualified when all clauses of one pathway are
 * met.
 */
public enum Pathway {

	/** 经培训基地系统培训. */
	STANDARD("系统培训"),
	/** 境外培训. */
	ABROAD("境外培训"),
	/** 免于培训. */
	EXEMPTION("免于培训");

	private final String label;

	Pathway(String label) {
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
