package cn.rtms.filing;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import cn.rtms.filing.domain.FilingState;

/**
 * An institution's current filing of one technology, for other modules' checks
 * ({@link FilingQueries#currentFiling}).
 *
 * @param filingId the filing
 * @param technology technology code
 * @param state state code (e.g. SELF_ASSESSED, SUBMITTED, ACTIVE, SUSPENDED, REVOKED)
 * @param stateLabel the state in Chinese
 */
public record CurrentFiling(UUID filingId, String technology, String state, String stateLabel) {

	private static final Set<FilingState> UNDERWAY_OR_IN_FORCE = EnumSet.of(FilingState.SELF_ASSESSED,
			FilingState.SUBMITTED, FilingState.RECEIVED, FilingState.ESCALATED, FilingState.UNDER_EXPERT_REVIEW,
			FilingState.RETURNED_FOR_SUPPLEMENT, FilingState.APPROVED, FilingState.RESULT_NOTIFIED, FilingState.ACTIVE);

	/**
	 * @return whether the institution has assessed itself for the technology and its
	 * filing is on its way or in force: self-assessed or later, and neither rejected,
	 * revoked nor suspended (a draft is not enough; under the 15-working-day rule the
	 * self-assessment comes before the first case, the submission after it)
	 */
	public boolean underwayOrInForce() {
		return UNDERWAY_OR_IN_FORCE.contains(FilingState.valueOf(this.state));
	}

}
