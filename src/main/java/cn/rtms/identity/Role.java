package cn.rtms.identity;

/** The roles of a user account; every account has exactly one. */
public enum Role {

	/** 医务科: maintains its own institution's data and files for it. */
	HOSPITAL_CLERK("医务科"),

	/** 医院管理员: like the clerk, plus the institution's own approvals. */
	HOSPITAL_ADMIN("医院管理员"),

	/** 医师: sees their own record and institution, read-only. */
	PHYSICIAN("医师"),

	/** 县级卫生健康行政部门: its county (district). */
	COUNTY_AUTHORITY("县级卫生健康行政部门"),

	/** 市（州）级卫生健康行政部门: its city and the counties below it. */
	CITY_AUTHORITY("市（州）级卫生健康行政部门"),

	/** 省级卫生健康行政部门: the whole province. */
	PROVINCE_AUTHORITY("省级卫生健康行政部门"),

	/** 评审专家: only the filings assigned for review. */
	EXPERT("评审专家"),

	/** 培训基地管理员: the training base of its institution. */
	TRAINING_BASE_ADMIN("培训基地管理员"),

	/** 系统管理员: everything, including user accounts. */
	SYSTEM_ADMIN("系统管理员");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label shown in the UI
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return whether this is one of the three health-authority roles
	 */
	public boolean isAuthority() {
		return this == COUNTY_AUTHORITY || this == CITY_AUTHORITY || this == PROVINCE_AUTHORITY;
	}

	/**
	 * @return whether this role belongs to an institution (hospital staff, physician,
	 * training base)
	 */
	public boolean isInstitutional() {
		return this == HOSPITAL_CLERK || this == HOSPITAL_ADMIN || this == PHYSICIAN || this == TRAINING_BASE_ADMIN;
	}

}
