package cn.rtms.personnel;

/** What a person does in a technology team. */
public enum StaffRole {

	/** 医师. */
	PHYSICIAN("医师"),
	/** 物理师. */
	PHYSICIST("物理师"),
	/** 护士. */
	NURSE("护士"),
	/** 技师. */
	TECHNICIAN("技师"),
	/** 治疗计划制订人员. */
	TREATMENT_PLANNER("治疗计划制订人员"),
	/** 其他专业技术人员. */
	OTHER("其他专业技术人员");

	private final String label;

	StaffRole(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
