package cn.rtms.cases;

/**
 * What the submit checks found about a case, kept with it and shown to the hospital and
 * the authorities over it.
 *
 * @param code stable code (see the constants)
 * @param message Chinese explanation with the dates and codes that decide it
 * @param blocking true for a violation, false for information (FILING_PENDING,
 * CODE_NOT_IN_SPEC)
 */
public record CaseFlag(String code, String message, boolean blocking) {

	/** 未备案开展: no active filing of the technology on the operation date. */
	public static final String UNFILED = PracticeFinding.UNFILED;

	/** The filing was submitted in time and not yet active (informative). */
	public static final String FILING_PENDING = PracticeFinding.FILING_PENDING;

	/** 未授权: the operator held no effective authorization. */
	public static final String UNAUTHORIZED = PracticeFinding.UNAUTHORIZED;

	/** 超范围: the authorization does not cover the sub-technique. */
	public static final String OUT_OF_SCOPE = PracticeFinding.OUT_OF_SCOPE;

	/** 未记录知情同意. */
	public static final String NO_CONSENT = "NO_CONSENT";

	/** 甲状腺消融无术前病理. */
	public static final String NO_PREOP_PATHOLOGY = "NO_PREOP_PATHOLOGY";

	/** 使用过期器械: a device expired before the operation date. */
	public static final String DEVICE_EXPIRED = "DEVICE_EXPIRED";

	/** 手术编码不在规范编码表内 (informative). */
	public static final String CODE_NOT_IN_SPEC = "CODE_NOT_IN_SPEC";

	/**
	 * Not a flag: the case-list filter for a case carrying any blocking flag (问题病例, the
	 * workbench's count).
	 */
	public static final String ANY_BLOCKING = "BLOCKING";

}
