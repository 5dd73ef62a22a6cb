package cn.rtms.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * "Far from the regional distribution" for indicator alerts (docs/supervision.md,
 * "Indicators"): among the hospitals of one region whose denominator reaches
 * {@link #MIN_DENOMINATOR}, a value below Q1 − 1.5·IQR (higher-is-better indicators) or
 * above Q3 + 1.5·IQR (lower-is-better) is an outlier; with fewer than
 * {@link #MIN_HOSPITALS} such hospitals nothing is. Quartiles by linear interpolation
 * between order statistics (the "inclusive" method of spreadsheets). Pure.
 */
final class IndicatorOutliers {

	/** Smallest denominator for a hospital's value to count. */
	static final BigDecimal MIN_DENOMINATOR = BigDecimal.TEN;

	/** Fewest hospitals for a distribution. */
	static final int MIN_HOSPITALS = 4;

	private static final BigDecimal FENCE = new BigDecimal("1.5");

	private IndicatorOutliers() {
	}

	/**
	 * A hospital's value.
	 *
	 * @param key the hospital
	 * @param value the value
	 * @param denominator its denominator
	 */
	record Point(String key, BigDecimal value, BigDecimal denominator) {
	}

	/**
	 * An outlier and the distribution it lies outside.
	 *
	 * @param point the hospital's value
	 * @param q1 first quartile
	 * @param q3 third quartile
	 * @param bound the fence crossed
	 * @param hospitals how many hospitals made the distribution
	 */
	record Outlier(Point point, BigDecimal q1, BigDecimal q3, BigDecimal bound, int hospitals) {
	}

	/**
	 * @param points the region's hospitals
	 * @param direction HIGHER_BETTER, LOWER_BETTER or MONITOR
	 * @return the outliers on the bad side (none for MONITOR)
	 */
	static List<Outlier> outliers(List<Point> points, String direction) {
		boolean higherBetter = "HIGHER_BETTER".equals(direction);
		if (!higherBetter && !"LOWER_BETTER".equals(direction)) {
			return List.of();
		}
		List<Point> counted = points.stream().filter(p -> p.denominator().compareTo(MIN_DENOMINATOR) >= 0).toList();
		if (counted.size() < MIN_HOSPITALS) {
			return List.of();
		}
		List<BigDecimal> values = counted.stream().map(Point::value).sorted().toList();
		BigDecimal q1 = quantile(values, 1, 4);
		BigDecimal q3 = quantile(values, 3, 4);
		BigDecimal spread = q3.subtract(q1).multiply(FENCE);
		BigDecimal low = q1.subtract(spread);
		BigDecimal high = q3.add(spread);
		List<Outlier> found = new ArrayList<>();
		for (Point p : counted) {
			if (higherBetter && p.value().compareTo(low) < 0) {
				found.add(new Outlier(p, q1, q3, low, counted.size()));
			}
			else if (!higherBetter && p.value().compareTo(high) > 0) {
				found.add(new Outlier(p, q1, q3, high, counted.size()));
			}
		}
		return found;
	}

	/**
	 * The (num/den) quantile of sorted values, interpolated at position (n − 1)·num/den.
	 */
	static BigDecimal quantile(List<BigDecimal> sorted, int num, int den) {
		int n = sorted.size();
		int scaled = (n - 1) * num;
		int index = scaled / den;
		BigDecimal fraction = BigDecimal.valueOf(scaled % den).divide(BigDecimal.valueOf(den), 6, RoundingMode.HALF_UP);
		BigDecimal lower = sorted.get(index);
		if (index + 1 >= n) {
			return lower.setScale(2, RoundingMode.HALF_UP);
		}
		BigDecimal upper = sorted.get(index + 1);
		return lower.add(upper.subtract(lower).multiply(fraction)).setScale(2, RoundingMode.HALF_UP);
	}

}
