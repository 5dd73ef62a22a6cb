package cn.rtms.rules;

import org.jspecify.annotations.Nullable;

/**
 * One case-volume figure of an institution or a person as eligibility reads it, with
 * where it comes from (see docs/case-volumes.md).
 *
 * @param technology technology code
 * @param subTechnique sub-technique code, {@code null} for the technology total
 * @param year calendar year
 * @param month month 1–12, {@code null} for a whole-year figure
 * @param cases number of cases
 * @param source MANUAL (entered by hand, for a period before the registry start),
 * REGISTRY (counted from submitted cases) or MANUAL_SUPERSEDED (entered by hand for a
 * period the registry covers: shown, not counted)
 */
public record CaseVolumeRow(String technology, @Nullable String subTechnique, int year, @Nullable Integer month,
		int cases, Source source) {

	/** Where a figure comes from. */
	public enum Source {

		/** Entered by hand for a period before the registry start. */
		MANUAL,

		/** Counted from the registry's submitted cases. */
		REGISTRY,

		/** Entered by hand for a period the registry covers: not counted. */
		MANUAL_SUPERSEDED

	}

}
