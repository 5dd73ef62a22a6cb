package cn.rtms.indicators.definition;

import org.jspecify.annotations.Nullable;

/**
 * What a numerator or denominator counts or sums over the rows its filter keeps.
 *
 * @param kind COUNT_CASES, COUNT_PATIENTS (distinct patient key), COUNT_DISCHARGES
 * (distinct stays), SUM (of {@code field}), SUM_BED_DAYS (bed days, each stay once),
 * COUNT_PROCEDURES (discharge-scan procedures), COUNT_TECHNOLOGIES (practised institution
 * × technology)
 * @param field the summed field, for SUM
 * @param where the filter
 */
public record Measure(String kind, @Nullable String field, Filter where) {

}
