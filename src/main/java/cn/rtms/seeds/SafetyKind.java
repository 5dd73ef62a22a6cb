package cn.rtms.seeds;

/** The radiation-safety records of G07 三(七) and how often each is due. */
public enum SafetyKind {

	/** 放射防护培训: a person's radiation-protection training, at most 2 years apart. */
	TRAINING("放射防护培训", 24, true),

	/** 职业健康检查: a person's occupational health examination, at most 2 years apart. */
	HEALTH_EXAM("职业健康检查", 24, true),

	/**
	 * 环境检查: the ecology and environment authority's inspection of the institution,
	 * yearly.
	 */
	ENV_INSPECTION("生态环境部门环境检查", 12, false);

	private final String label;

	private final int months;

	private final boolean personal;

	SafetyKind(String label, int months, boolean personal) {
		this.label = label;
		this.months = months;
		this.personal = personal;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return the longest interval to the next one, in months
	 */
	public int months() {
		return this.months;
	}

	/**
	 * @return whether it is about a person (else the institution)
	 */
	public boolean personal() {
		return this.personal;
	}

}
