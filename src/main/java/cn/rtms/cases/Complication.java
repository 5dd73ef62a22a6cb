package cn.rtms.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A complication of a case.
 *
 * @param name what happened (at most 100 characters)
 * @param onsetDate when it began (not before the operation, not after today)
 * @param grade Clavien-Dindo grade {@code I}–{@code V}
 */
public record Complication(String name, @Nullable LocalDate onsetDate, @Nullable String grade) {

	/**
	 * Treats a missing name as empty (reported as missing by the checks).
	 */
	public Complication {
		name = (name == null) ? "" : name;
	}

}
