package cn.rtms.equipment;

/** A unit's status. */
public enum EquipmentStatus {

	/** 在用. */
	IN_SERVICE("在用"),

	/** 停用. */
	OUT_OF_SERVICE("停用"),

	/** 维修中. */
	UNDER_REPAIR("维修中"),

	/** 报废. */
	SCRAPPED("报废");

	private final String label;

	EquipmentStatus(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
