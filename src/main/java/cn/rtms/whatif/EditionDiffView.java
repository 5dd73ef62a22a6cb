package cn.rtms.whatif;

import java.util.List;
import java.util.UUID;

import cn.rtms.rules.SpecDiff;

/**
 * The clause-level diff of two editions with, for each change, the institutions in the
 * caller's scope whose verdict on that requirement differs between the editions.
 *
 * @param technology technology code
 * @param technologyName its Chinese name
 * @param from older edition
 * @param to newer edition
 * @param changes added, removed and changed requirements with the institutions affected
 * @param renumbered requirements only renumbered
 * @param unchanged requirements unchanged under the same number
 * @param institutionsEvaluated institutions evaluated under both editions
 * @param notices scope and method, in Chinese
 */
public record EditionDiffView(String technology, String technologyName, SpecDiff.SpecEdition from,
		SpecDiff.SpecEdition to, List<ChangeImpact> changes, List<SpecDiff.RenumberedClause> renumbered, int unchanged,
		int institutionsEvaluated, List<String> notices) {

	/**
	 * One change and whom it affects.
	 *
	 * @param change the change
	 * @param affected institutions whose verdict on the requirement differs
	 */
	public record ChangeImpact(SpecDiff.ClauseChange change, List<AffectedInstitution> affected) {
	}

	/**
	 * An institution a change affects.
	 *
	 * @param institutionId id
	 * @param institutionName name
	 * @param regionCode region
	 * @param beforeLabel the verdict under the older edition, in Chinese (for people:
	 * counted per verdict)
	 * @param afterLabel under the newer edition
	 * @param detail for requirements on people: whose verdict differs
	 */
	public record AffectedInstitution(UUID institutionId, String institutionName, String regionCode, String beforeLabel,
			String afterLabel, String detail) {
	}

}
