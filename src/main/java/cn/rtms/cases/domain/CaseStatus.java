package cn.rtms.cases.domain;

/**
 * States of a case report: a DRAFT is edited and deleted freely by its hospital; a
 * SUBMITTED case is checked, flagged, counted, and changed only by an amendment with a
 * reason.
 */
public enum CaseStatus {

	/** Being entered. */
	DRAFT("草稿"),

	/** Reported. */
	SUBMITTED("已提交");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	/**
	 * @return Chinese label
	 */
	public String label() {
		return this.label;
	}

}
