package cn.rtms.filing;

import java.util.List;

/**
 * The outcome of a revocation check. Nothing is silently passed: a filing that could not
 * be decided is listed as undetermined, one whose evaluation failed as an error.
 *
 * @param checked active filings re-evaluated
 * @param proposed filings that received a new proposal
 * @param undetermined filings for which a condition could not be decided (e.g. no case
 * volumes recorded, so "2 年以上未开展" is unknown; no spec in force), with why
 * @param errors filings whose check failed, with the error; never treated as passing
 */
public record RevocationCheckResult(int checked, List<FilingSummary> proposed, List<Finding> undetermined,
		List<Finding> errors) {

	/**
	 * Copies the lists.
	 */
	public RevocationCheckResult {
		proposed = List.copyOf(proposed);
		undetermined = List.copyOf(undetermined);
		errors = List.copyOf(errors);
	}

	/**
	 * A filing and what was found about it.
	 *
	 * @param filing the filing
	 * @param detail what could not be decided, or the error, in Chinese
	 */
	public record Finding(FilingSummary filing, String detail) {
	}

}
