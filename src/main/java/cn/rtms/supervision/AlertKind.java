package cn.rtms.supervision;

/** The kinds of supervision alert (docs/supervision.md). */
public enum AlertKind {

	/** 备案技术2年以上未开展: an active filing without a case in the 2 years before today. */
	INACTIVE_FILING("备案技术2年以上未开展"),

	/** 机构或人员不再符合管理规范: the engine's verdict for a filed technology is not met. */
	CONDITIONS_NOT_MET("机构或人员不再符合管理规范"),

	/** 证照、器械或授权过期: an expired licence, an expired device or authorization still used. */
	EXPIRED("证照、器械或授权过期"),

	/**
	 * 未备案开展或病例未填报: findings of the discharge scan, and submitted cases flagged 未备案开展
	 * (unfiled practice the hospital reported itself).
	 */
	DISCHARGE_SCAN("未备案开展或病例未填报"),

	/** 质控指标异常: an indicator past its threshold or far from the region's hospitals. */
	INDICATOR("质控指标异常"),

	/** 随访逾期: overdue follow-ups of a hospital. */
	FOLLOW_UP_OVERDUE("随访逾期"),

	/**
	 * 设备停用或维护、检测逾期: equipment of the register out of service, or its maintenance,
	 * inspection or safety test overdue (raised by the equipment module through an
	 * {@link AlertSource}).
	 */
	EQUIPMENT("设备停用或维护检测逾期"),

	/**
	 * 放射性粒子与辐射安全: seed-ledger discrepancies, open loss or leakage incidents, overdue
	 * physical counts, radiation-protection training or health examinations and radiation
	 * licences due (raised by the seed-ledger module through an {@link AlertSource}).
	 */
	RADIATION_SAFETY("放射性粒子与辐射安全");

	private final String label;

	AlertKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
