package cn.rtms.filing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.domain.Filing.*;
import org.jspecify.annotations.Nullable;

/**
 * Everything a filing holds, as stored (one JSON document per filing plus indexed
 * columns) and as shown.
 *
 * @param id id
 * @param version version
 * @param institution institution
 * @param technology technology
 * @param route route
 * @param state state
 * @param holderRegionCode holderRegionCode
 * @param firstCaseDate firstCaseDate
 * @param filingDeadline filingDeadline
 * @param submittedOn submittedOn
 * @param actionDueOn actionDueOn
 * @param assessment assessment
 * @param attestations attestations
 * @param committeeOpinions committeeOpinions
 * @param documents documents
 * @param experts experts
 * @param decision decision
 * @param licenceNote licenceNote
 * @param activatedOn activatedOn
 * @param revokedOn revokedOn
 * @param cancellationRequested cancellationRequested
 * @param ending ending
 * @param revocationProposal revocationProposal
 * @param steps steps
 * @param createdAt createdAt
 * @param updatedAt updatedAt
 * @param prior the paper approval of a filing registered from it (存量备案), null for a
 * filing that went through the workflow (and in bodies stored before prior registration
 * existed)
 */
public record FilingData(UUID id, long version, InstitutionRef institution, TechnologyRef technology, Route route,
		FilingState state, @Nullable String holderRegionCode, @Nullable LocalDate firstCaseDate,
		@Nullable LocalDate filingDeadline, @Nullable LocalDate submittedOn, @Nullable LocalDate actionDueOn,
		@Nullable Assessment assessment, List<Attestation> attestations, List<CommitteeOpinion> committeeOpinions,
		List<DocumentRef> documents, List<ExpertReview> experts, @Nullable Decision decision,
		@Nullable String licenceNote, @Nullable LocalDate activatedOn, @Nullable LocalDate revokedOn,
		boolean cancellationRequested, @Nullable Ending ending, @Nullable RevocationProposal revocationProposal,
		List<Step> steps, Instant createdAt, Instant updatedAt, @Nullable PriorApproval prior) {

	/**
	 * @return how the filing came to be
	 */
	public FilingOrigin origin() {
		return this.prior == null ? FilingOrigin.WORKFLOW : FilingOrigin.PRIOR_REGISTRATION;
	}

	/**
	 * @return the day of the first submission not withdrawn (see
	 * {@link Filing#firstSubmittedOn()})
	 */
	public @Nullable LocalDate firstSubmittedOn() {
		return Filing.firstSubmittedOn(this.steps, this.submittedOn);
	}

	/**
	 * @return the times the filing was suspended, oldest first (see
	 * {@link Filing#suspensions()})
	 */
	public List<Filing.Suspension> suspensions() {
		return Filing.suspensions(this.steps);
	}

}
