package cn.rtms.indicators.definition;

import cn.rtms.indicators.IndicatorView;

/**
 * One indicator: what the API shows and how it is computed.
 *
 * @param view the published definition
 * @param source CASE, DISCHARGE_PROCEDURE or PRACTICE
 * @param numerator the numerator
 * @param denominator the denominator
 */
public record Indicator(IndicatorView view, String source, Measure numerator, Measure denominator) {

	/**
	 * @return the indicator code
	 */
	public String code() {
		return this.view.code();
	}

}
