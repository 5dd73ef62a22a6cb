package cn.rtms.rules.engine.facts;

import org.jspecify.annotations.Nullable;

/**
 * The facts document: the institution and/or the person to evaluate
 * (docs/facts-format.md).
 *
 * @param institution the institution, with its staff; {@code null} when not given
 * @param person the person evaluated as physician, staff or trainee; {@code null} when
 * not given
 */
public record Facts(@Nullable InstitutionFacts institution, @Nullable PersonFacts person) {

	/**
	 * Facts about an institution only.
	 * @param institution the institution
	 * @return the facts
	 */
	public static Facts of(InstitutionFacts institution) {
		return new Facts(institution, null);
	}

	/**
	 * Facts about a person (and optionally the institution they work at).
	 * @param institution the institution or {@code null}
	 * @param person the person
	 * @return the facts
	 */
	public static Facts of(@Nullable InstitutionFacts institution, PersonFacts person) {
		return new Facts(institution, person);
	}

}
