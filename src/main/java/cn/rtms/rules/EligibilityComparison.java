package cn.rtms.rules;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One institution and technology evaluated twice from the same saved records: as they
 * stand ("before") and after a {@link FactsChange} and/or under another edition
 * ("after"). Nothing is saved. Used by the what-if scenarios and the edition diff.
 *
 * @param institutionId institution
 * @param institutionName its name
 * @param regionCode its region
 * @param technology technology code
 * @param before the institution's report as the records stand, null when no edition is in
 * force
 * @param after the report after the change, null when no edition applies
 * @param trainingBaseBefore with details: the institution evaluated as a training base
 * (null when the edition has no training-base clauses or details were not asked)
 * @param trainingBaseAfter the same after the change
 * @param people with details: every staff member's own verdict before and after
 */
public record EligibilityComparison(UUID institutionId, String institutionName, String regionCode, String technology,
		@Nullable EligibilityReport before, @Nullable EligibilityReport after,
		@Nullable EligibilityReport trainingBaseBefore, @Nullable EligibilityReport trainingBaseAfter,
		List<PersonComparison> people) {

	/**
	 * A staff member's own verdict (as physician, or in his staff role) before and after.
	 * For physicians the report's {@code trainee} holds the training requirement
	 * evaluated as a trainee.
	 *
	 * @param personId person id
	 * @param name name
	 * @param physician evaluated as a physician (else in the first staff role)
	 * @param before report before
	 * @param after report after; null when the person leaves or no edition applies
	 */
	public record PersonComparison(String personId, String name, boolean physician, @Nullable EligibilityReport before,
			@Nullable EligibilityReport after) {
	}

}
