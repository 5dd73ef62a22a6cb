package cn.rtms.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

/**
 * A filing as shown to a user who may read it (see docs/filing.md for every field).
 *
 * @param id id
 * @param version optimistic-lock version to send back with the next command
 * @param institutionId institution
 * @param institutionName its name
 * @param institutionRegionCode its region
 * @param technology technology code
 * @param technologyName its name
 * @param technologyLevel NATIONAL or PROVINCIAL
 * @param technologyLevelLabel 国家级 / 省级
 * @param state state code
 * @param stateLabel state in Chinese
 * @param receivingRegionCode licence issuer
 * @param receivingRegionName its name
 * @param reviewRegionCode review authority
 * @param reviewRegionName its name
 * @param holderRegionCode authority holding it now
 * @param holderRegionName its name
 * @param path receiving … review
 * @param firstCaseDate first case
 * @param filingDeadline 15 working days after the first case
 * @param submittedOn last submission
 * @param firstSubmittedOn first submission not withdrawn (what lateness is judged by; a
 * resubmission after 退回补充 does not move it)
 * @param lateFiling first submitted (or still unsubmitted) after the deadline
 * @param actionDueOn the holder's due date
 * @param overdue whether the holder is late
 * @param assessment frozen self-assessment
 * @param attestations confirmed clauses
 * @param pendingAttestations clauses still to confirm
 * @param committeeOpinions committee opinions
 * @param documents files
 * @param experts assigned experts and opinions
 * @param decision review decision
 * @param licenceNote note on the licence
 * @param activatedOn activation date
 * @param revokedOn revocation date
 * @param cancellationRequested hospital asked to cancel
 * @param ending suspension or revocation
 * @param revocationProposal open automatic proposal
 * @param steps workflow steps, oldest first
 * @param allowedActions what the current user may do now
 * @param calendarNote set when a deadline is counted in a year the holiday calendar does
 * not cover (weekends only)
 * @param origin {@code WORKFLOW} (filed on the platform) or {@code PRIOR_REGISTRATION}
 * (approved on paper before the platform, registered by the authority: 存量备案)
 * @param originLabel the origin in Chinese (平台备案 / 存量备案（依批准文件登记）)
 * @param documentNo the paper approval's document number (批准文号/备案号) of a prior filing,
 * else null
 * @param originNote the registering authority's remark on a prior filing, else null
 * @param holderAuthorityName the authority holding the filing, named as an authority
 * (长春市卫生健康委员会, 南关区卫生健康局), null when no authority holds it; what the hospital is told
 * after submitting
 * @param pathAuthorities the authorities of {@code path}, named as authorities, in the
 * same order (for the step bar of the filing page)
 */
public record FilingView(UUID id, long version, UUID institutionId, String institutionName,
		String institutionRegionCode, String technology, String technologyName, String technologyLevel,
		String technologyLevelLabel, String state, String stateLabel, String receivingRegionCode,
		@Nullable String receivingRegionName, String reviewRegionCode, @Nullable String reviewRegionName,
		@Nullable String holderRegionCode, @Nullable String holderRegionName, List<String> path,
		@Nullable LocalDate firstCaseDate, @Nullable LocalDate filingDeadline, @Nullable LocalDate submittedOn,
		@Nullable LocalDate firstSubmittedOn, boolean lateFiling, @Nullable LocalDate actionDueOn, boolean overdue,
		@Nullable AssessmentView assessment, List<AttestationView> attestations, List<String> pendingAttestations,
		List<CommitteeOpinionView> committeeOpinions, List<DocumentView> documents, List<ExpertView> experts,
		@Nullable DecisionView decision, @Nullable String licenceNote, @Nullable LocalDate activatedOn,
		@Nullable LocalDate revokedOn, boolean cancellationRequested, @Nullable EndingView ending,
		@Nullable ProposalView revocationProposal, List<StepView> steps, List<String> allowedActions,
		@Nullable String calendarNote, String origin, String originLabel, @Nullable String documentNo,
		@Nullable String originNote, @Nullable String holderAuthorityName, List<String> pathAuthorities) {

	/**
	 * @param userId user
	 * @param name name
	 * @param role role code
	 * @param roleLabel role in Chinese
	 */
	public record ActorView(UUID userId, String name, String role, String roleLabel) {
	}

	/**
	 * @param specKey edition
	 * @param assessedAt when
	 * @param status overall verdict
	 * @param statusLabel in Chinese
	 * @param report clause by clause
	 */
	public record AssessmentView(String specKey, Instant assessedAt, String status, String statusLabel,
			EligibilityReport report) {
	}

	/**
	 * @param clauseRef number
	 * @param citation citation
	 * @param evidence evidence
	 * @param documentId file
	 * @param confirmedBy who
	 * @param confirmedAt when
	 */
	public record AttestationView(String clauseRef, String citation, String evidence, @Nullable UUID documentId,
			ActorView confirmedBy, Instant confirmedAt) {
	}

	/**
	 * @param committee code
	 * @param committeeLabel name
	 * @param meetingDate meeting date
	 * @param opinion opinion
	 * @param minutesDocumentId minutes
	 * @param recordedBy who
	 * @param recordedAt when
	 */
	public record CommitteeOpinionView(String committee, String committeeLabel, LocalDate meetingDate, String opinion,
			UUID minutesDocumentId, ActorView recordedBy, Instant recordedAt) {
	}

	/**
	 * @param id id
	 * @param fileName name
	 * @param contentType detected type
	 * @param size bytes
	 * @param sha256 checksum
	 * @param description description
	 * @param uploadedBy who
	 * @param uploadedAt when
	 */
	public record DocumentView(UUID id, String fileName, String contentType, long size, String sha256,
			@Nullable String description, ActorView uploadedBy, Instant uploadedAt) {
	}

	/**
	 * @param userId expert
	 * @param name name
	 * @param verdict verdict, null until given
	 * @param verdictLabel in Chinese
	 * @param text opinion
	 * @param at when
	 */
	public record ExpertView(UUID userId, @Nullable String name, @Nullable String verdict,
			@Nullable String verdictLabel, @Nullable String text, @Nullable Instant at) {
	}

	/**
	 * @param decision code
	 * @param decisionLabel in Chinese
	 * @param reasons reasons
	 * @param by who
	 * @param at when
	 */
	public record DecisionView(String decision, String decisionLabel, String reasons, ActorView by, Instant at) {
	}

	/**
	 * @param reason code
	 * @param reasonLabel in Chinese
	 * @param text details
	 * @param by who
	 * @param at when
	 */
	public record EndingView(String reason, String reasonLabel, String text, ActorView by, Instant at) {
	}

	/**
	 * @param id proposal id
	 * @param reason code
	 * @param reasonLabel in Chinese
	 * @param detail explanation
	 * @param proposedAt when
	 * @param dueOn authority's due date
	 * @param overdue past due
	 */
	public record ProposalView(UUID id, String reason, String reasonLabel, String detail, Instant proposedAt,
			LocalDate dueOn, boolean overdue) {
	}

	/**
	 * @param action code
	 * @param actionLabel in Chinese
	 * @param fromState before
	 * @param toState after
	 * @param regionCode holder after the step
	 * @param actor who
	 * @param at when
	 * @param opinion opinion or remark
	 */
	public record StepView(String action, String actionLabel, String fromState, String toState,
			@Nullable String regionCode, ActorView actor, Instant at, @Nullable String opinion) {
	}

}
