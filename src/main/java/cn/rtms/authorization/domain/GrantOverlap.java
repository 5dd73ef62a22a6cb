package cn.rtms.authorization.domain;

/**
 * The store refused a second grant with overlapping validity for the same physician and
 * technology.
 */
public class GrantOverlap extends RuntimeException {

	/**
	 * @param cause the store's error
	 */
	public GrantOverlap(Throwable cause) {
		super("该医师对该技术已有有效期重叠的授权", cause);
	}

}
