package cn.rtms.rules.engine.facts;

/**
 * Role of a person at an institution; physicians and the other professional staff a spec
 * names.
 */
public enum StaffRole {

	/** 医师. */
	PHYSICIAN("医师"),
	/** 物理师. */
	PHYSICIST("物理师"),
	/** 护士. */
	NURSE("护士"),
	/** 技师. */
	TECHNICIAN("技师"),
	/** 治疗计划设计人员. */
	TREATMENT_PLANNER("治疗计划设计人员"),
	/** 其他专业技术人员. */
	OTHER("其他专业技术人员");

	private final String label;

	StaffRole(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label.
	 * @return e.g. 物理师
	 */
	public String label() {
		return this.label;
	}

}
