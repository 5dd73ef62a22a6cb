package cn.rtms.indicators;

/**
 * The periods indicator cells are computed for; a case belongs to the period of its
 * indicator's attribution date.
 */
public enum PeriodUnit {

	/** The whole query span: period {@code ALL}. */
	ALL,

	/** Calendar year: {@code 2026}. */
	YEAR,

	/** Half year: {@code 2026-H1}. */
	HALF_YEAR,

	/** Quarter: {@code 2026-Q3}. */
	QUARTER,

	/** Month: {@code 2026-07}. */
	MONTH

}
