package cn.rtms.authorization.domain;

/** The states of an authorization record. */
public enum AuthorizationStatus {

	/** 待审批: applied for by the physician or prepared by the clerk. */
	PENDING("待审批"),

	/** 已授权: granted by the hospital admin; never edited, only revoked. */
	GRANTED("已授权"),

	/** 已驳回: refused by the hospital admin, with a reason. Final. */
	REJECTED("已驳回"),

	/** 已撤销: a grant withdrawn, with a reason. Final. */
	REVOKED("已撤销");

	private final String label;

	AuthorizationStatus(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

}
