package cn.rtms.authorization.domain;

/** The terms of a record that is no longer pending cannot change. */
public class AuthorizationNotEditable extends RuntimeException {

	private final AuthorizationStatus status;

	/**
	 * @param status the record's state
	 */
	public AuthorizationNotEditable(AuthorizationStatus status) {
		super(status == AuthorizationStatus.GRANTED ? "已授权的记录不可修改，只能撤销"
				: "授权记录当前为“" + status.label() + "”，不可修改（只有“待审批”的记录可以修改）");
		this.status = status;
	}

	/**
	 * @return the record's state
	 */
	public AuthorizationStatus status() {
		return this.status;
	}

}
