package cn.rtms.institutions;

/** Hospital level and grade (医院等级). */
public enum InstitutionLevel {

	/** 三级甲等. */
	TERTIARY_A("三级甲等"),
	/** 三级乙等. */
	TERTIARY_B("三级乙等"),
	/** 三级丙等. */
	TERTIARY_C("三级丙等"),
	/** 三级（未定等）. */
	TERTIARY("三级"),
	/** 二级甲等. */
	SECONDARY_A("二级甲等"),
	/** 二级乙等. */
	SECONDARY_B("二级乙等"),
	/** 二级丙等. */
	SECONDARY_C("二级丙等"),
	/** 二级（未定等）. */
	SECONDARY("二级"),
	/** 一级甲等. */
	PRIMARY_A("一级甲等"),
	/** 一级乙等. */
	PRIMARY_B("一级乙等"),
	/** 一级丙等. */
	PRIMARY_C("一级丙等"),
	/** 一级. */
	PRIMARY("一级"),
	/** 未定级. */
	UNRATED("未定级");

	private final String label;

	InstitutionLevel(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
