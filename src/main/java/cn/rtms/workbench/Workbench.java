package cn.rtms.workbench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.filing.FilingStatistics.Count;
import org.jspecify.annotations.Nullable;

/**
 * The current user's home page (工作台): what it shows depends on the role, and every number
 * is counted in the user's data scope (docs/workbench.md). Sections a role does not have
 * are null.
 *
 * @param role the user's role code
 * @param roleLabel the role in Chinese
 * @param scopeLabel the data scope in Chinese (institution or region name)
 * @param asOf today
 * @param todos the to-dos of hospital users, experts and physicians (counts with a link
 * to the filtered list), empty for others
 * @param inbox an authority's inbox by task and by deadline
 * @param statistics an authority's (or the system administrator's) filings by state,
 * technology and district
 * @param reviews an expert's assigned reviews still waiting for the expert's opinion
 * @param authorizations a physician's own authorizations
 * @param eligibility a physician's eligibility per technology
 */
public record Workbench(String role, String roleLabel, @Nullable String scopeLabel, LocalDate asOf, List<Todo> todos,
		@Nullable Inbox inbox, @Nullable Statistics statistics, @Nullable List<Review> reviews,
		@Nullable List<OwnAuthorization> authorizations, @Nullable Eligibility eligibility) {

	/**
	 * A to-do: a count and where the filtered list is.
	 *
	 * @param key stable key, e.g. {@code DRAFT_FILINGS}
	 * @param label in Chinese
	 * @param count how many
	 * @param tone {@code danger} (overdue or violation), {@code warning} (needs action
	 * soon) or {@code info}
	 * @param hint one line in Chinese saying where the number comes from
	 * @param link the list that shows them
	 */
	public record Todo(String key, String label, long count, String tone, String hint, Link link) {
	}

	/**
	 * A front-end route with its query.
	 *
	 * @param path route path, e.g. {@code /filings}
	 * @param query query parameters
	 */
	public record Link(String path, Map<String, String> query) {

		static Link to(String path) {
			return new Link(path, Map.of());
		}

		static Link to(String path, String key, String value) {
			return new Link(path, Map.of(key, value));
		}

	}

	/**
	 * An authority's inbox.
	 *
	 * @param total items
	 * @param overdue items past due
	 * @param byAction per task (inbox action code and label)
	 * @param byDeadline per deadline bucket: OVERDUE, DUE_3 (within 3 working days, today
	 * included), DUE_10 (4–10 working days), LATER, NO_LIMIT
	 * @param link the inbox page
	 */
	public record Inbox(long total, long overdue, List<Count> byAction, List<Count> byDeadline, Link link) {
	}

	/**
	 * Filings of a region.
	 *
	 * @param regionCode the region
	 * @param regionName its name
	 * @param total submitted filings
	 * @param byState per state
	 * @param byTechnology per technology
	 * @param byDistrict per child region
	 */
	public record Statistics(String regionCode, String regionName, long total, List<Count> byState,
			List<Count> byTechnology, List<Count> byDistrict) {
	}

	/**
	 * A review waiting for the expert's opinion.
	 *
	 * @param filingId the filing
	 * @param institutionName the hospital
	 * @param technology technology code
	 * @param technologyName its name
	 * @param dueOn the review's due date, when set
	 * @param workingDaysLeft working days to it (negative when overdue)
	 * @param overdue past due
	 */
	public record Review(UUID filingId, String institutionName, String technology, String technologyName,
			@Nullable LocalDate dueOn, @Nullable Integer workingDaysLeft, boolean overdue) {
	}

	/**
	 * One of the physician's authorizations.
	 *
	 * @param id the record
	 * @param technology technology code
	 * @param technologyName its name
	 * @param status PENDING, GRANTED, REJECTED or REVOKED
	 * @param statusLabel in Chinese
	 * @param effective effective today
	 * @param validFrom first valid day
	 * @param validUntil last valid day
	 * @param validityLabel e.g. 已过期, when the server says so
	 */
	public record OwnAuthorization(UUID id, String technology, String technologyName, String status, String statusLabel,
			boolean effective, LocalDate validFrom, LocalDate validUntil, @Nullable String validityLabel) {
	}

	/**
	 * A physician's eligibility (the rules engine's person matrix).
	 *
	 * @param personId the person record
	 * @param byStatus number of technologies per verdict (with Chinese labels)
	 * @param rows technologies with an encoded spec and their verdict
	 */
	public record Eligibility(UUID personId, List<Count> byStatus, List<Verdict> rows) {
	}

	/**
	 * One technology's verdict.
	 *
	 * @param technology code
	 * @param technologyName name
	 * @param status verdict code
	 * @param statusLabel in Chinese
	 */
	public record Verdict(String technology, String technologyName, String status, String statusLabel) {
	}

}
