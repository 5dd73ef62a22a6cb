package cn.rtms.bulkload;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a bulk-load check or import.
 *
 * @param kind what was imported
 * @param fileName the uploaded file's name
 * @param status {@code VALID} (checked, no problem, nothing saved), {@code COMMITTED}
 * (saved) or {@code REJECTED} (problems, nothing saved)
 * @param rows data rows read per sheet
 * @param created records that would be or were created
 * @param updated records that would be or were changed
 * @param unchanged records equal to what is stored
 * @param problemCount all problems found
 * @param problems the first {@value BulkImport#MAX_PROBLEMS} problems, by sheet, row and
 * column
 */
public record BulkReport(BulkKind kind, String fileName, String status, Map<String, Integer> rows, int created,
		int updated, int unchanged, int problemCount, List<BulkProblem> problems) {

	/** Status of a check without problems (nothing saved). */
	public static final String VALID = "VALID";

	/** Status of a saved import. */
	public static final String COMMITTED = "COMMITTED";

	/** Status of a check or import with problems (nothing saved). */
	public static final String REJECTED = "REJECTED";

	/**
	 * @return the number of records created or changed
	 */
	public int changes() {
		return this.created + this.updated;
	}

}
