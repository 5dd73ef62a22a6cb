package cn.rtms.filing;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A filing approved outside the platform, registered by the authority with its original
 * dates (存量备案登记, see docs/filing.md "Prior filings").
 *
 * @param institutionId the institution that holds the approval
 * @param technology catalogue code of the technology
 * @param approvedOn the original approval date: the filing is active from this day
 * @param documentNo the approval's document number (批准文号/备案号), 1..100 characters
 * @param firstCaseDate the first case, when known
 * @param note the authority's remark, at most 1,000 characters
 * @param approvalDocument the scanned approval, checked like every filing document
 */
public record PriorFiling(UUID institutionId, String technology, LocalDate approvedOn, String documentNo,
		@Nullable LocalDate firstCaseDate, @Nullable String note, @Nullable Upload approvalDocument) {
}
