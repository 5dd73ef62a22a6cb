package cn.rtms.supervision;

/** How serious an alert is; the list sorts the most serious first. */
public enum AlertSeverity {

	/**
	 * 高: a legal condition of practice is not met (unfiled practice, spec no longer met,
	 * expired licence).
	 */
	HIGH("高"),

	/** 中: needs action (unreported cases, an indicator outside its threshold). */
	MEDIUM("中"),

	/** 低: to watch (a few recent overdue follow-ups). */
	LOW("低");

	private final String label;

	AlertSeverity(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
