package cn.rtms.whatif;

/** The what-if scenarios. */
public enum ScenarioKind {

	/** 人员离开本机构. */
	PERSON_LEAVES("人员离开"),
	/** 设备停用. */
	EQUIPMENT_OUT_OF_SERVICE("设备停用"),
	/** 新版管理规范施行. */
	EDITION_TAKES_EFFECT("新版规范施行");

	private final String label;

	ScenarioKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
