package cn.rtms.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * The cells computed for a query.
 *
 * @param query the query, after scoping
 * @param asOf the day the results were computed for (follow-up horizons reached by then)
 * @param cells the cells
 * @param withheld cells computed but left out to protect other institutions: a hospital
 * comparing itself with its region sees a cell only when at least
 * {@link IndicatorManagement#MIN_INSTITUTIONS_FOR_REGION_AGGREGATE} institutions
 * contribute to it; 0 for every other query
 */
public record IndicatorResults(IndicatorQuery query, LocalDate asOf, List<IndicatorCell> cells, int withheld) {

	/**
	 * Results with nothing withheld.
	 * @param query the query, after scoping
	 * @param asOf the day the results were computed for
	 * @param cells the cells
	 */
	public IndicatorResults(IndicatorQuery query, LocalDate asOf, List<IndicatorCell> cells) {
		this(query, asOf, cells, 0);
	}

}
