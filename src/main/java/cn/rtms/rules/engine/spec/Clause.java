package cn.rtms.rules.engine.spec;

import java.util.List;

import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.Rule;
import org.jspecify.annotations.Nullable;

/**
 * A numbered item of a spec.
 *
 * @param ref number as printed, normalised, e.g. 二(一)2
 * @param citation full citation, e.g. "G08/2022 二(一)2" (also the key of attestations)
 * @param section the part of the spec
 * @param subject who or what the clause is about
 * @param staffRoles for STAFF clauses: the roles it applies to (empty: every role)
 * @param text verbatim text
 * @param heading whether it is a pure heading without a requirement of its own
 * @param pathway for TRAINEE clauses: the pathway (STANDARD by default); {@code null} for
 * other subjects
 * @param rule the machine-checkable part, or {@code null}
 * @param attestation the part a reviewer must confirm, or {@code null}
 */
public record Clause(String ref, String citation, Section section, Subject subject, List<StaffRole> staffRoles,
		String text, boolean heading, @Nullable Pathway pathway, @Nullable Rule rule,
		@Nullable ClauseAttestation attestation) {

	/**
	 * Copies the role list.
	 */
	public Clause {
		staffRoles = List.copyOf(staffRoles);
	}

	/**
	 * Returns the rule's requirement in Chinese, for display.
	 * @return e.g. "主治医师及以上任职不少于 5 年", or {@code null} without a rule
	 */
	public @Nullable String ruleSummary() {
		return (this.rule != null) ? this.rule.summary() : null;
	}

	/**
	 * Whether this STAFF clause applies to a role.
	 * @param role the role
	 * @return {@code true} when the clause lists the role or lists none
	 */
	public boolean appliesTo(StaffRole role) {
		return this.staffRoles.isEmpty() || this.staffRoles.contains(role);
	}

}
