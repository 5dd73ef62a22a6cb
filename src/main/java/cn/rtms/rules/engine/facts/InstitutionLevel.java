package cn.rtms.rules.engine.facts;

/**
 * Hospital level (级) and grade (等). Values without a grade suffix ({@code TERTIARY}) mean
 * "that level, not graded" when they describe an institution, and "any grade of that
 * level" when a rule requires them.
 */
public enum InstitutionLevel {

	/** 三级甲等. */
	TERTIARY_A(3, 3, "三级甲等"),
	/** 三级乙等. */
	TERTIARY_B(3, 2, "三级乙等"),
	/** 三级丙等. */
	TERTIARY_C(3, 1, "三级丙等"),
	/** 三级（未定等）. */
	TERTIARY(3, 0, "三级"),
	/** 二级甲等. */
	SECONDARY_A(2, 3, "二级甲等"),
	/** 二级乙等. */
	SECONDARY_B(2, 2, "二级乙等"),
	/** 二级丙等. */
	SECONDARY_C(2, 1, "二级丙等"),
	/** 二级（未定等）. */
	SECONDARY(2, 0, "二级"),
	/** 一级甲等. */
	PRIMARY_A(1, 3, "一级甲等"),
	/** 一级乙等. */
	PRIMARY_B(1, 2, "一级乙等"),
	/** 一级丙等. */
	PRIMARY_C(1, 1, "一级丙等"),
	/** 一级（未定等）. */
	PRIMARY(1, 0, "一级"),
	/** 未定级. */
	UNRATED(0, 0, "未定级");

	private final int tier;

	private final int grade;

	private final String label;

	InstitutionLevel(int tier, int grade, String label) {
		this.tier = tier;
		this.grade = grade;
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return e.g. 三级甲等
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Whether an institution of this level satisfies a requirement of "at least
	 * {@code required}". A higher level always satisfies a lower one ({@code TERTIARY_C}
	 * satisfies {@code SECONDARY_A}); within the same level the grade must be at least
	 * the required grade, and an ungraded requirement ({@code TERTIARY}) accepts any
	 * grade.
	 * @param required the required level
	 * @return {@code true} when satisfied
	 */
	public boolean isAtLeast(InstitutionLevel required) {
		if (this.tier != required.tier) {
			return this.tier > required.tier;
		}
		return this.grade >= required.grade;
	}

}
