package cn.rtms.cases.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case import as the UI polls it: progress while running, then the outcome.
 *
 * @param id import id
 * @param technology technology code
 * @param formKey case-form definition used
 * @param fileName uploaded file name
 * @param status QUEUED, RUNNING, DONE (committed) or FAILED (nothing imported)
 * @param validOnly whether only the valid rows were to be imported (仅导入有效行)
 * @param totalRows rows in the file (approximate while running), null when not yet known
 * @param processedRows rows checked so far
 * @param inserted cases imported (0 when FAILED)
 * @param duplicates rows skipped because the same case is already registered
 * @param invalidRows rows with at least one problem
 * @param problemCount number of problems found
 * @param findings imported cases by flag code (UNFILED, UNAUTHORIZED, …)
 * @param outcome Chinese summary, null while running
 * @param createdAt when uploaded
 * @param finishedAt when done, or null
 * @param problems the first problems (sheet, row, column, header, message), by row
 * @param annotatedCopy whether an annotated copy can be downloaded
 */
public record ImportJob(UUID id, String technology, String formKey, String fileName, String status, boolean validOnly,
		@Nullable Integer totalRows, int processedRows, int inserted, int duplicates, int invalidRows, int problemCount,
		Map<String, Integer> findings, @Nullable String outcome, Instant createdAt, @Nullable Instant finishedAt,
		List<CellProblem> problems, boolean annotatedCopy) {

	/** Queued, waiting for a worker. */
	public static final String QUEUED = "QUEUED";

	/** Being read and checked. */
	public static final String RUNNING = "RUNNING";

	/** Committed. */
	public static final String DONE = "DONE";

	/** Rolled back: nothing imported. */
	public static final String FAILED = "FAILED";

	/**
	 * @return whether the import has ended
	 */
	public boolean finished() {
		return DONE.equals(this.status) || FAILED.equals(this.status);
	}

}
