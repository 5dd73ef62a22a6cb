package cn.rtms.personnel;

/** Professional title ranks (专业技术职务任职资格), lowest first. */
public enum Title {

	/** 住院医师. */
	RESIDENT("住院医师"),
	/** 主治医师. */
	ATTENDING("主治医师"),
	/** 副主任医师. */
	ASSOCIATE_CHIEF("副主任医师"),
	/** 主任医师. */
	CHIEF("主任医师");

	private final String label;

	Title(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
