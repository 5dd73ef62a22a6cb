package cn.rtms.seeds;

/** The kinds of movement of the seed ledger (docs/seed-ledger.md). */
public enum MovementKind {

	/** 入库: a lot received from the supplier (only by the receipt). */
	RECEIVED("入库"),

	/** 领用: seeds taken from the store for one procedure; opens an issue. */
	ISSUED("领用"),

	/** 植入: seeds of an issue implanted in the patient. */
	IMPLANTED("植入"),

	/** 退回: seeds of an issue not implanted and put back into the store. */
	RETURNED("退回入库"),

	/**
	 * 丢失: seeds lost, from the store or (with an issue) during the procedure; opens an
	 * incident.
	 */
	LOST("丢失"),

	/**
	 * 泄漏: seeds found leaking or damaged, from the store or an issue; opens an incident.
	 */
	LEAKED("泄漏"),

	/** 衰变处置: seeds leaving the store after decay (disposal or return to the supplier). */
	DISPOSED("衰变处置"),

	/**
	 * 转移: the lot's store moved to another storage place and/or custodian; balances
	 * unchanged, quantity = the seeds in store moved.
	 */
	RELOCATED("转移");

	private final String label;

	MovementKind(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return whether this movement opens a loss or leakage incident
	 */
	public boolean opensIncident() {
		return this == LOST || this == LEAKED;
	}

}
