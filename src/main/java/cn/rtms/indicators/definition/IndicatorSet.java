package cn.rtms.indicators.definition;

import java.util.List;
import java.util.Map;

import cn.rtms.indicators.IndicatorSetView;

/**
 * A loaded indicator set.
 *
 * @param view the published set
 * @param technologies technologies whose cases it counts (empty: all)
 * @param formKeys case-form keys it counts (empty: all of those technologies)
 * @param parameters the set's parameters, e.g. {@code asaMax}
 * @param indicators the indicators, in file order
 */
public record IndicatorSet(IndicatorSetView view, List<String> technologies, List<String> formKeys,
		Map<String, String> parameters, List<Indicator> indicators) {

	/**
	 * @return the set key
	 */
	public String key() {
		return this.view.key();
	}

}
