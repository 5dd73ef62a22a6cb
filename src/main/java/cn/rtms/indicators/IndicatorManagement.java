package cn.rtms.indicators;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The indicators module's API: the dictionary, computed results and drill-downs.
 * {@link #compute} and {@link #drillDown} scope the query from the session: hospital
 * roles see their own institution, authorities their region, physicians their own
 * operator cells, experts nothing. {@link #computeUnscoped} is for jobs without a
 * session.
 */
@Service
public class IndicatorManagement {

	/**
	 * @return all indicator sets
	 */
	public List<IndicatorSetView> sets() {
		return List.of();
	}

	/**
	 * @param key set key
	 * @return the set
	 * @throws IndicatorSetNotFound when there is none
	 */
	public IndicatorSetView set(String key) {
		throw new IndicatorSetNotFound(key);
	}

	/**
	 * @param query what to compute; narrowed to the caller's scope
	 * @return the cells
	 */
	public IndicatorResults compute(IndicatorQuery query) {
		return computeUnscoped(query);
	}

	/**
	 * @param query what to compute, not scoped (jobs, benchmark)
	 * @return the cells
	 */
	public IndicatorResults computeUnscoped(IndicatorQuery query) {
		return new IndicatorResults(query, query.to(), List.of());
	}

	/**
	 * @param query the number to drill into; narrowed to the caller's scope
	 * @return a page of the cases behind it
	 */
	public IndicatorCasePage drillDown(DrillDownQuery query) {
		return new IndicatorCasePage(List.of(), 0, query.page(), query.size());
	}

}
