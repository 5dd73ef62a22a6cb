package cn.rtms.indicators.definition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A declarative condition over one row of an indicator's source (a case, a discharge
 * procedure, a practised technology). A leaf on a missing value is false, never unknown:
 * {@code not} of it is true.
 */
public sealed interface Filter {

	/** Every part holds. */
	record All(List<Filter> parts) implements Filter {
	}

	/** At least one part holds. */
	record Any(List<Filter> parts) implements Filter {
	}

	/** The part does not hold. */
	record Not(Filter part) implements Filter {
	}

	/** Always true (no {@code where}). */
	record Always() implements Filter {
	}

	/**
	 * A field compared with values: GT, GE, LT, LE, EQ (one value), IN (values), IS_NULL,
	 * NOT_NULL (none). Ordinal comparisons of codes are resolved to IN by the loader.
	 *
	 * @param field the field
	 * @param op the operator
	 * @param values the values (strings, numbers, booleans)
	 */
	record Compare(String field, String op, List<Object> values) implements Filter {
	}

	/**
	 * A date field set and between the operation date and N days after it, both
	 * inclusive.
	 *
	 * @param field the date field
	 * @param days N
	 */
	record WithinDaysOfOperation(String field, int days) implements Filter {
	}

	/**
	 * The operation date plus the period is on or before the as-of day.
	 *
	 * @param months the period in months (P1Y = 12)
	 */
	record HorizonReached(int months) implements Filter {
	}

	/**
	 * The case has a complication matching all given criteria; an onset date missing on
	 * the complication counts as within the days (it was recorded with the case).
	 *
	 * @param serious required seriousness
	 * @param type required type code
	 * @param withinDays onset at most this many days after the operation date
	 */
	record HasComplication(@Nullable Boolean serious, @Nullable String type,
			@Nullable Integer withinDays) implements Filter {
	}

}
