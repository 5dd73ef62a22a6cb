package cn.rtms.supervision;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The regional-distribution rule of indicator alerts, worked out by hand. */
class IndicatorOutliersTests {

	static IndicatorOutliers.Point p(String key, String value, int denominator) {
		return new IndicatorOutliers.Point(key, new BigDecimal(value), BigDecimal.valueOf(denominator));
	}

	@Test
	void quartilesInterpolateBetweenOrderStatistics() {
		List<BigDecimal> values = List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"),
				new BigDecimal("40"), new BigDecimal("50"));
		// n = 5: Q1 at position 1 (20), Q3 at position 3 (40)
		assertThat(IndicatorOutliers.quantile(values, 1, 4)).isEqualByComparingTo("20");
		assertThat(IndicatorOutliers.quantile(values, 3, 4)).isEqualByComparingTo("40");
		// n = 4: Q1 at 0.75 between 10 and 20 = 17.5; Q3 at 2.25 between 30 and 40 = 32.5
		assertThat(IndicatorOutliers.quantile(values.subList(0, 4), 1, 4)).isEqualByComparingTo("17.5");
		assertThat(IndicatorOutliers.quantile(values.subList(0, 4), 3, 4)).isEqualByComparingTo("32.5");
	}

	@Test
	void flagsOnlyTheBadSideBeyondOneAndAHalfInterquartileRanges() {
		// 90 92 94 96 40: sorted 40 90 92 94 96, Q1 = 90, Q3 = 94, IQR 4, fences 84 and
		// 100
		List<IndicatorOutliers.Point> points = List.of(p("a", "90", 20), p("b", "92", 20), p("c", "94", 20),
				p("d", "96", 20), p("e", "40", 20));
		List<IndicatorOutliers.Outlier> low = IndicatorOutliers.outliers(points, "HIGHER_BETTER");
		assertThat(low).extracting(o -> o.point().key()).containsExactly("e");
		assertThat(low.getFirst().bound()).isEqualByComparingTo("84");
		assertThat(IndicatorOutliers.outliers(points, "LOWER_BETTER")).isEmpty();
		assertThat(IndicatorOutliers.outliers(points, "MONITOR")).isEmpty();
		// exactly on the fence is not outside it: 84 with the same quartiles
		List<IndicatorOutliers.Point> onFence = List.of(p("a", "90", 20), p("b", "90", 20), p("c", "94", 20),
				p("d", "94", 20), p("e", "84", 20));
		assertThat(IndicatorOutliers.quantile(onFence.stream().map(IndicatorOutliers.Point::value).sorted().toList(), 1,
				4))
			.isEqualByComparingTo("90");
		assertThat(IndicatorOutliers.outliers(onFence, "HIGHER_BETTER")).isEmpty();
	}

	@Test
	void needsFourHospitalsWithTheMinimumDenominator() {
		// the outlier's own denominator is 9: not counted; the other three are too few
		List<IndicatorOutliers.Point> points = List.of(p("a", "90", 20), p("b", "92", 20), p("c", "94", 10),
				p("e", "10", 9));
		assertThat(IndicatorOutliers.outliers(points, "HIGHER_BETTER")).isEmpty();
		List<IndicatorOutliers.Point> enough = List.of(p("a", "90", 20), p("b", "92", 20), p("c", "94", 10),
				p("d", "96", 10), p("e", "10", 10));
		assertThat(IndicatorOutliers.outliers(enough, "HIGHER_BETTER")).extracting(o -> o.point().key())
			.containsExactly("e");
	}

}
