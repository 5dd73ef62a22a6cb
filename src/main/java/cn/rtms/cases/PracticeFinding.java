package cn.rtms.cases;

/**
 * One reason a procedure was (or would be) performed outside the rules, or a note about
 * it.
 *
 * @param code stable machine code, see {@link PracticeRights}
 * @param blocking whether it is a violation (true) or only informative (false)
 * @param message what was found, in Chinese, with the dates that decide it
 */
public record PracticeFinding(String code, boolean blocking, String message) {

	/**
	 * No filing of the technology was in force on the day (none active, or the active one
	 * suspended: 中止), nor pending in time: 未备案开展. The message names a suspension.
	 */
	public static final String UNFILED = "UNFILED";

	/**
	 * The day lies after the first case of a filing submitted in time, before its
	 * activation.
	 */
	public static final String FILING_PENDING = "FILING_PENDING";

	/**
	 * The operator held no effective authorization for the technology at the institution.
	 */
	public static final String UNAUTHORIZED = "UNAUTHORIZED";

	/** The operator's authorization does not cover the sub-technique: 超范围. */
	public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

}
