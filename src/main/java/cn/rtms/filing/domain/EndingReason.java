package cn.rtms.filing.domain;

/** Why a filing is suspended or revoked (吉卫医发〔2022〕12号 一). */
public enum EndingReason {

	/** 2年以上未开展. */
	NOT_PERFORMED_2_YEARS("2年以上未开展该技术"),
	/** 人员不再符合要求. */
	STAFF_NO_LONGER_QUALIFIED("人员变动，不再符合管理规范要求"),
	/** 设备无法使用. */
	EQUIPMENT_UNUSABLE("设备设施无法使用或不再符合要求"),
	/**
	 * 其他条件不再符合 (level, registered subjects, licences…: the notice's "等情况").
	 */
	CONDITIONS_NO_LONGER_MET("医疗机构条件不再符合管理规范要求"),
	/** 发生严重不良事件. */
	SERIOUS_ADVERSE_EVENT("发生严重不良事件"),
	/** 医疗机构主动注销 (on the hospital's request). */
	VOLUNTARY_CANCELLATION("医疗机构主动申请注销");

	private final String label;

	EndingReason(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
