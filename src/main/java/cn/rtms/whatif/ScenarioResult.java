package cn.rtms.whatif;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a scenario would change, computed from the saved records; nothing is saved.
 *
 * @param kind the scenario
 * @param kindLabel in Chinese
 * @param description the scenario in one Chinese sentence
 * @param asOf evaluation date
 * @param institutions per institution, the technologies whose verdict or clauses change
 * @param institutionsEvaluated how many institutions were evaluated
 * @param filings filings that would no longer stand (or would need review)
 * @param authorizations authorizations that end, lapse or whose holder no longer
 * qualifies
 * @param notices what the reader must know beyond the lists, in Chinese
 */
public record ScenarioResult(ScenarioKind kind, String kindLabel, String description, LocalDate asOf,
		List<InstitutionImpact> institutions, int institutionsEvaluated, List<FilingImpact> filings,
		List<AuthorizationImpact> authorizations, List<String> notices) {

	/**
	 * One institution.
	 *
	 * @param institutionId id
	 * @param institutionName name
	 * @param regionCode region
	 * @param technologies technologies whose verdict or clauses change
	 */
	public record InstitutionImpact(UUID institutionId, String institutionName, String regionCode,
			List<TechnologyImpact> technologies) {
	}

	/**
	 * One technology of one institution, before → after.
	 *
	 * @param technology code
	 * @param technologyName Chinese name
	 * @param beforeSpecKey edition before
	 * @param afterSpecKey edition after
	 * @param before verdict before (null: no edition)
	 * @param beforeLabel in Chinese
	 * @param after verdict after
	 * @param afterLabel in Chinese
	 * @param verdictChanged whether the overall verdict changes
	 * @param clauses the clauses that flip
	 */
	public record TechnologyImpact(String technology, String technologyName, @Nullable String beforeSpecKey,
			@Nullable String afterSpecKey, @Nullable String before, String beforeLabel, @Nullable String after,
			String afterLabel, boolean verdictChanged, List<ClauseFlip> clauses) {
	}

	/**
	 * A clause whose verdict flips.
	 *
	 * @param beforeRef number before (null: the clause is new)
	 * @param afterRef number after (null: the clause is gone)
	 * @param citation e.g. G08/2023 (三)7
	 * @param text clause text
	 * @param requirement requirement in short
	 * @param actualBefore actual value before
	 * @param actualAfter actual value after
	 * @param before verdict before (ABSENT: no such clause)
	 * @param beforeLabel in Chinese
	 * @param after verdict after (ABSENT: no such clause)
	 * @param afterLabel in Chinese
	 * @param explanation why, in Chinese
	 */
	public record ClauseFlip(@Nullable String beforeRef, @Nullable String afterRef, String citation, String text,
			@Nullable String requirement, @Nullable String actualBefore, @Nullable String actualAfter, String before,
			String beforeLabel, String after, String afterLabel, String explanation) {
	}

	/**
	 * An active filing the change touches.
	 *
	 * @param filingId filing
	 * @param institutionId institution
	 * @param institutionName its name
	 * @param technology technology
	 * @param technologyName its name
	 * @param stateLabel the filing's state now, in Chinese
	 * @param consequence NO_LONGER_STANDS (institution becomes 不符合) or NEEDS_REVIEW (符合
	 * becomes 信息不全 / 待确认)
	 * @param consequenceLabel in Chinese
	 * @param explanation why, naming the clauses, in Chinese
	 */
	public record FilingImpact(UUID filingId, UUID institutionId, String institutionName, String technology,
			String technologyName, String stateLabel, String consequence, String consequenceLabel, String explanation) {
	}

	/**
	 * A granted authorization the change touches.
	 *
	 * @param authorizationId record
	 * @param personId holder
	 * @param personName holder's name
	 * @param institutionId granting institution
	 * @param institutionName its name
	 * @param technology technology
	 * @param technologyName its name
	 * @param validFrom first day
	 * @param validUntil last day
	 * @param reason HOLDER_LEAVES, INSTITUTION_INELIGIBLE or HOLDER_NO_LONGER_QUALIFIES
	 * @param reasonLabel in Chinese
	 * @param explanation why, in Chinese
	 * @param clauses for a holder who no longer qualifies: his clauses that flip
	 */
	public record AuthorizationImpact(UUID authorizationId, UUID personId, String personName, UUID institutionId,
			String institutionName, String technology, String technologyName, LocalDate validFrom, LocalDate validUntil,
			String reason, String reasonLabel, String explanation, List<ClauseFlip> clauses) {
	}

}
