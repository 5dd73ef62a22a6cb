package cn.rtms.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * The cells computed for a query.
 *
 * @param query the query, after scoping
 * @param asOf the day the results were computed for (follow-up horizons reached by then)
 * @param cells the cells
 */
public record IndicatorResults(IndicatorQuery query, LocalDate asOf, List<IndicatorCell> cells) {

}
