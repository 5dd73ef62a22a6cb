package cn.rtms.rules.engine.spec;

/**
 * Part of a spec a clause belongs to.
 */
public enum Section {

	/** 一、医疗机构基本要求. */
	INSTITUTION("医疗机构基本要求"),
	/** 二、人员基本要求. */
	PERSONNEL("人员基本要求"),
	/** 三、技术管理基本要求. */
	TECHNICAL_MANAGEMENT("技术管理基本要求"),
	/** 四、培训管理要求 (trainee part). */
	TRAINING("培训管理要求"),
	/** 培训基地要求. */
	TRAINING_BASE("培训基地要求"),
	/** 质量控制指标. */
	QUALITY_CONTROL("质量控制指标");

	private final String label;

	Section(String label) {
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
