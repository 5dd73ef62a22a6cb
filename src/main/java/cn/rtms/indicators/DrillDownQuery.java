package cn.rtms.indicators;

import org.jspecify.annotations.Nullable;

/**
 * The cases behind one number.
 *
 * @param query the results query whose cell is drilled into
 * @param indicatorCode the indicator
 * @param part {@code NUMERATOR} or {@code DENOMINATOR}
 * @param groupKey the cell's group key
 * @param period the cell's period
 * @param stratum the cell's stratum, null for the whole indicator
 * @param page page (0-based)
 * @param size page size (1–200)
 */
public record DrillDownQuery(IndicatorQuery query, String indicatorCode, String part, String groupKey, String period,
		@Nullable String stratum, int page, int size) {

}
