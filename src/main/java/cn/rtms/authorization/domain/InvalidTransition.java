package cn.rtms.authorization.domain;

/** A transition the record's current state does not allow; names both states. */
public class InvalidTransition extends RuntimeException {

	private final AuthorizationStatus from;

	private final AuthorizationStatus to;

	/**
	 * @param from the current state
	 * @param to the state asked for
	 */
	public InvalidTransition(AuthorizationStatus from, AuthorizationStatus to) {
		super("授权记录当前为“" + from.label() + "”，不能变更为“" + to.label() + "”");
		this.from = from;
		this.to = to;
	}

	/**
	 * @return the current state
	 */
	public AuthorizationStatus from() {
		return this.from;
	}

	/**
	 * @return the state asked for
	 */
	public AuthorizationStatus to() {
		return this.to;
	}

}
