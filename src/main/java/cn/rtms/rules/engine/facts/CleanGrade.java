package cn.rtms.rules.engine.facts;

/**
 * Cleanliness grade of an operating room (洁净手术室等级), {@code I} best to {@code IV}.
 */
public enum CleanGrade {

	/** Ⅰ级. */
	I("Ⅰ级"),
	/** Ⅱ级. */
	II("Ⅱ级"),
	/** Ⅲ级. */
	III("Ⅲ级"),
	/** Ⅳ级. */
	IV("Ⅳ级");

	private final String label;

	CleanGrade(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return e.g. Ⅲ级
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Whether this grade is at least as clean as the given one ({@code I} satisfies
	 * {@code III}).
	 * @param required the required grade
	 * @return {@code true} when this grade is equal or better
	 */
	public boolean isAtLeast(CleanGrade required) {
		return ordinal() <= required.ordinal();
	}

}
