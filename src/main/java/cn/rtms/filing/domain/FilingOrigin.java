package cn.rtms.filing.domain;

/** How a filing came to be. */
public enum FilingOrigin {

	/** Filed by the hospital and decided through the workflow on the platform. */
	WORKFLOW("平台备案"),

	/**
	 * Approved on paper before the platform existed and registered by the authority with
	 * its original approval date and document number (存量备案).
	 */
	PRIOR_REGISTRATION("存量备案（依批准文件登记）");

	private final String label;

	FilingOrigin(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label shown with the filing
	 */
	public String label() {
		return this.label;
	}

}
