package cn.rtms.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * When an institution may practise a technology under one filing: the dates that decide
 * whether a case on a given day was performed with a filing in force (备案后开展), within the
 * filing period after the first case (首例后 15 个工作日内备案) or without a filing (未备案开展). A
 * filing is in force from its activation until its revocation, except while the competent
 * authority had it suspended (中止).
 *
 * @param filingId the filing
 * @param institutionId its institution
 * @param technology technology code
 * @param state current state (e.g. ACTIVE, SUSPENDED, REVOKED, SUBMITTED)
 * @param firstCaseDate first case date declared in the filing, when submitted
 * @param filingDeadline last day to file after the first case
 * @param firstSubmittedOn day of the first submission that was not withdrawn (a
 * resubmission after 退回补充 does not move it; for a prior filing its approval day)
 * @param activatedOn day it became active
 * @param revokedOn day it was revoked or ended
 * @param suspensions the suspensions, oldest first (the last one open while the filing is
 * suspended)
 */
public record FilingPeriod(UUID filingId, UUID institutionId, String technology, String state,
		@Nullable LocalDate firstCaseDate, @Nullable LocalDate filingDeadline, @Nullable LocalDate firstSubmittedOn,
		@Nullable LocalDate activatedOn, @Nullable LocalDate revokedOn, List<Suspension> suspensions) {

	/**
	 * @param filingId the filing
	 * @param institutionId its institution
	 * @param technology technology code
	 * @param state current state
	 * @param firstCaseDate first case date declared in the filing
	 * @param filingDeadline last day to file after the first case
	 * @param firstSubmittedOn day of the first submission not withdrawn
	 * @param activatedOn day it became active
	 * @param revokedOn day it was revoked or ended
	 * @param suspensions the suspensions, oldest first
	 */
	public FilingPeriod {
		suspensions = List.copyOf(suspensions);
	}

	/**
	 * @param day a day
	 * @return whether the filing was in force on that day: active, not revoked and not
	 * suspended
	 */
	public boolean activeOn(LocalDate day) {
		return betweenActivationAndRevocation(day) && suspensionOn(day) == null;
	}

	/**
	 * @param day a day
	 * @return the suspension that kept the filing out of force on that day, null when the
	 * filing was not active on it anyway (before activation, after revocation) or not
	 * suspended
	 */
	public @Nullable Suspension suspensionOn(LocalDate day) {
		if (!betweenActivationAndRevocation(day)) {
			return null;
		}
		for (Suspension suspension : this.suspensions) {
			if (suspension.covers(day)) {
				return suspension;
			}
		}
		return null;
	}

	private boolean betweenActivationAndRevocation(LocalDate day) {
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

	/**
	 * A time the competent authority had the filing suspended (中止): from the day of the
	 * suspension up to, not including, the day it was lifted (恢复).
	 *
	 * @param from the day of the suspension (the first day out of force)
	 * @param until the day it was lifted (in force again from it), null while still
	 * suspended
	 */
	public record Suspension(LocalDate from, @Nullable LocalDate until) {

		/**
		 * @param day a day
		 * @return whether the filing was suspended on that day
		 */
		public boolean covers(LocalDate day) {
			LocalDate end = this.until;
			return !day.isBefore(this.from) && (end == null || day.isBefore(end));
		}

	}

}
