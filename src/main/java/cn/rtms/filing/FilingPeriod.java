package cn.rtms.filing;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * When an institution may practise a technology under one filing: the dates that decide
 * whether a case on a given day was performed with an active filing (备案后开展), within the
 * filing period after the first case (首例后 15 个工作日内备案) or without a filing (未备案开展).
 *
 * @param filingId the filing
 * @param institutionId its institution
 * @param technology technology code
 * @param state current state (e.g. ACTIVE, REVOKED, SUBMITTED)
 * @param firstCaseDate first case date declared in the filing, when submitted
 * @param filingDeadline last day to file after the first case
 * @param firstSubmittedOn day of the first submission that was not withdrawn (a
 * resubmission after 退回补充 does not move it; for a prior filing its approval day)
 * @param activatedOn day it became active
 * @param revokedOn day it was revoked or ended
 */
public record FilingPeriod(UUID filingId, UUID institutionId, String technology, String state,
		@Nullable LocalDate firstCaseDate, @Nullable LocalDate filingDeadline, @Nullable LocalDate firstSubmittedOn,
		@Nullable LocalDate activatedOn, @Nullable LocalDate revokedOn) {

	/**
	 * @param day a day
	 * @return whether the filing was active on that day
	 */
	public boolean activeOn(LocalDate day) {
		LocalDate from = this.activatedOn;
		LocalDate until = this.revokedOn;
		return from != null && !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	/**
	 * @param day a day
	 * @return whether the day lies between the declared first case and the activation
	 * (or, while the filing is still under review, today) of a filing first submitted in
	 * time
	 */
	public boolean pendingOn(LocalDate day) {
		LocalDate first = this.firstCaseDate;
		LocalDate submitted = this.firstSubmittedOn;
		LocalDate deadline = this.filingDeadline;
		if (first == null || submitted == null || day.isBefore(first)) {
			return false;
		}
		if (deadline != null && submitted.isAfter(deadline)) {
			return false;
		}
		LocalDate from = this.activatedOn;
		return switch (this.state) {
			case "REJECTED" -> false;
			default -> from == null || day.isBefore(from);
		};
	}

}
