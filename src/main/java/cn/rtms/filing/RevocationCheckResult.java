package cn.rtms.filing;

import java.util.List;

/**
 * The outcome of a revocation check.
 *
 * @param checked active filings re-evaluated
 * @param proposed filings that received a new proposal
 */
public record RevocationCheckResult(int checked, List<FilingSummary> proposed) {
}
