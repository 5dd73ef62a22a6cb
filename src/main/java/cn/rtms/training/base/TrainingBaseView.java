package cn.rtms.training.base;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

/**
 * A training base (培训基地) as its readers see it.
 *
 * @param id the base
 * @param institutionId the institution running it
 * @param institutionName its name
 * @param regionCode its region
 * @param regionName the region's name
 * @param technology technology code
 * @param technologyName its name
 * @param status where it stands
 * @param statusLabel in Chinese
 * @param designated whether the province designated it without an application
 * @param submittedOn last submission
 * @param filedOn day filed (or designated)
 * @param decidedOn day of the last decision (file, return, reject)
 * @param decisionReason the decision's reasons (return, reject) or note
 * @param revokedOn day revoked
 * @param revocationReason why revoked
 * @param verdictStatus the frozen verdict's overall status (at submission or designation)
 * @param verdict the frozen clause-by-clause verdict
 * @param unmetClauses the clauses not met (or undecided) when submitted
 * @param proposal an open revocation proposal, {@code null} when none
 * @param instructors the instructors (current and past)
 * @param experts assigned experts and their opinions
 * @param steps the history, oldest first
 * @param actions what the current user may do now
 * @param version for optimistic locking
 */
public record TrainingBaseView(UUID id, UUID institutionId, String institutionName, String regionCode,
		@Nullable String regionName, String technology, String technologyName, String status, String statusLabel,
		boolean designated, @Nullable LocalDate submittedOn, @Nullable LocalDate filedOn, @Nullable LocalDate decidedOn,
		@Nullable String decisionReason, @Nullable LocalDate revokedOn, @Nullable String revocationReason,
		@Nullable String verdictStatus, @Nullable EligibilityReport verdict, List<UnmetClause> unmetClauses,
		@Nullable Proposal proposal, List<Instructor> instructors, List<Expert> experts, List<Step> steps,
		List<String> actions, long version) {

	/**
	 * A clause that was not met (or could not be decided) when the base was submitted.
	 *
	 * @param citation e.g. G07/2022 四(二)1(3)
	 * @param status NOT_MET, UNKNOWN, ERROR or NEEDS_ATTESTATION
	 * @param statusLabel in Chinese
	 * @param actual what the facts show
	 * @param required what the clause requires
	 * @param explanation the engine's explanation
	 */
	public record UnmetClause(String citation, String status, String statusLabel, @Nullable String actual,
			@Nullable String required, String explanation) {
	}

	/**
	 * An open revocation proposal (the system's re-check).
	 *
	 * @param on day proposed
	 * @param reason the failing clauses
	 */
	public record Proposal(LocalDate on, String reason) {
	}

	/**
	 * An instructor (指导医师).
	 *
	 * @param personId the person
	 * @param name name
	 * @param title current title label, {@code null} when none recorded
	 * @param clinicalStart start of clinical practice
	 * @param specialties specialty names
	 * @param since instructor from
	 * @param until instructor until (inclusive), {@code null} while current
	 */
	public record Instructor(UUID personId, String name, @Nullable String title, @Nullable LocalDate clinicalStart,
			List<String> specialties, LocalDate since, @Nullable LocalDate until) {
	}

	/**
	 * An assigned expert.
	 *
	 * @param expertId the expert's account
	 * @param name display name
	 * @param recommendation FILE, RETURN or REJECT once given
	 * @param opinion the opinion
	 * @param opinionAt when given
	 */
	public record Expert(UUID expertId, String name, @Nullable String recommendation, @Nullable String opinion,
			@Nullable Instant opinionAt) {
	}

	/**
	 * One step of the history.
	 *
	 * @param action the action
	 * @param actionLabel in Chinese
	 * @param fromStatus state before ({@code null} on creation)
	 * @param toStatus state after
	 * @param actorName who
	 * @param actorRole the role
	 * @param note reasons, opinion or note
	 * @param at when
	 */
	public record Step(String action, String actionLabel, @Nullable String fromStatus, String toStatus,
			String actorName, @Nullable String actorRole, @Nullable String note, Instant at) {
	}

}
