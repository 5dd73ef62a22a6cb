package cn.rtms.rules.engine.spec;

/**
 * Who or what a clause (and an evaluation) is about.
 */
public enum Subject {

	/** 医疗机构. */
	INSTITUTION("医疗机构"),
	/** 开展本技术的医师. */
	PHYSICIAN("医师"),
	/** 其他相关专业技术人员 (by role). */
	STAFF("其他专业技术人员"),
	/** 拟开展本技术的医师（学员）. */
	TRAINEE("拟开展本技术的医师"),
	/** 培训基地. */
	TRAINING_BASE("培训基地");

	private final String label;

	Subject(String label) {
		this.label = label;
	}

	/**
	 * Returns the Chinese label shown to users.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
