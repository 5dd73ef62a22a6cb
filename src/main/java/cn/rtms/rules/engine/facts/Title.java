package cn.rtms.rules.engine.facts;

/**
 * Professional title (专业技术职务任职资格), ordered by rank:
 * {@code RESIDENT < ATTENDING < ASSOCIATE_CHIEF < CHIEF}.
 */
public enum Title {

	/** 住院医师. */
	RESIDENT("住院医师"),
	/** 主治医师. */
	ATTENDING("主治医师"),
	/** 副主任医师. */
	ASSOCIATE_CHIEF("副主任医师"),
	/** 主任医师. */
	CHIEF("主任医师");

	private final String label;

	Title(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return e.g. 主治医师
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Whether this title ranks at least as high as the given one.
	 * @param other the required title
	 * @return {@code true} when this rank is equal or higher
	 */
	public boolean isAtLeast(Title other) {
		return ordinal() >= other.ordinal();
	}

}
