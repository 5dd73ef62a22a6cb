package cn.rtms.indicators;

import java.math.BigDecimal;

/**
 * A requirement on an indicator's value set by the text.
 *
 * @param comparator GT, GE, LT or LE: the value must be {@code comparator value}
 * @param value the bound, in the indicator's value unit (% for rates)
 * @param clause the clause that sets it
 */
public record Threshold(String comparator, BigDecimal value, String clause) {

	/**
	 * @param actual a computed value
	 * @return whether it meets the requirement
	 */
	public boolean isMetBy(BigDecimal actual) {
		int c = actual.compareTo(this.value);
		return switch (this.comparator) {
			case "GT" -> c > 0;
			case "GE" -> c >= 0;
			case "LT" -> c < 0;
			case "LE" -> c <= 0;
			default -> throw new IllegalStateException("unknown comparator " + this.comparator);
		};
	}

}
