package cn.rtms.indicators.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.indicators.definition.IndicatorSet;
import cn.rtms.indicators.definition.IndicatorSetLoader;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The compiler's SQL (rendered, not run): one aggregate query per set and source, every
 * numerator and denominator a FILTER aggregate, no date_trunc on dates, grouping sets for
 * stratifiers; and the value arithmetic.
 */
class IndicatorEngineTests {

	final IndicatorEngine engine = new IndicatorEngine(new SimpleDriverDataSource(), RegionScope.NONE);

	IndicatorSet set(String key) throws IOException {
		Map<String, String> sources = new LinkedHashMap<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:indicators/*.yaml")) {
			sources.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
		}
		return new IndicatorSetLoader().loadAll(sources)
			.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	static IndicatorQuery query(String key, Grouping grouping, PeriodUnit period) {
		return new IndicatorQuery(key, grouping, period, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null,
				"220100", null);
	}

	@Test
	void oneFilterAggregateQueryComputesTheWholeAblationSet() throws IOException {
		IndicatorSet g08 = set("G08-2023");
		Map<String, String> sql = this.engine.sql(g08, query("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER),
				LocalDate.of(2026, 11, 22));
		assertThat(sql).containsOnlyKeys("CASE");
		String text = sql.get("CASE").toLowerCase();
		// every numerator and denominator is one FILTER aggregate; besides them only the
		// follow-up pivot
		// (performed and vital status for each of the five horizons) filters
		assertThat(text.split("filter \\(where", -1)).hasSize(2 * g08.indicators().size() + 2 * 5 + 1);
		assertThat(text.split("as numeric\\), 0\\) as \"n", -1)).hasSize(g08.indicators().size() + 1);
		assertThat(text)
			.contains("\"cases\".\"indicator_case\"", "\"cases\".\"indicator_follow_up\"", "lateral",
					"jsonb_path_exists", "as jsonpath", "count(distinct", "group by")
			.doesNotContain("date_trunc", "case_report");
		// the region scope is a prefix of the city's code
		assertThat(text).contains("'2201'");
	}

	@Test
	void theCaseQueryEvaluatesEachFilterOncePerCaseBelowTheAggregates() throws IOException {
		IndicatorSet g08 = set("G08-2023");
		String text = this.engine
			.sql(g08, query("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER), LocalDate.of(2026, 11, 22))
			.get("CASE");
		// an inner select fenced by OFFSET 0 computes the filters into columns; the
		// aggregates read the columns (docs/indicators.md "Compiled SQL")
		assertThat(text).contains("offset 0 rows) as \"x\"");
		assertThat(text).contains("filter (where (\"a\".\"kind\" = 0 and \"x\".\"w");
		// the numerator of 甲状腺良性占比 and the denominator of 小于2cm占比 are the same filter:
		// one column, so 'BENIGN' is written three times (not four: once per measure)
		assertThat(text.split("'BENIGN'", -1)).hasSize(3 + 1);
		// a case's discharge-date row carries its date only when it counts in the length
		// of stay
		assertThat(text)
			.containsPattern("\\(1, case when \\(\"x\"\\.\"w\\d+\" or \"x\"\\.\"w\\d+\"\\) then \"x\"\\.\"d1\" end\\)");
		// the follow-ups are read for the cases in scope only: the region's prefix
		// narrows both the cases and the follow-up semi-join
		assertThat(text.split("'2201'", -1)).hasSize(2 + 1);
		assertThat(text).contains("\"c2\".\"case_id\"");
	}

	@Test
	void aHorizonIsABoundOnTheOperationDateWithMonthEndsClamped() {
		// 2026-11-22 minus 6 months: operations up to 2026-05-22 have reached it
		assertThat(IndicatorEngine.latestOperation(LocalDate.of(2026, 11, 22), 6)).isEqualTo(LocalDate.of(2026, 5, 22));
		// 31 March + 1 month = 30 April: on 30 April every operation up to 31 March has
		// reached its 1-month horizon
		assertThat(IndicatorEngine.latestOperation(LocalDate.of(2026, 4, 30), 1)).isEqualTo(LocalDate.of(2026, 3, 31));
		// 29 February 2024 + 12 months = 28 February 2025
		assertThat(IndicatorEngine.latestOperation(LocalDate.of(2025, 2, 28), 12)).isEqualTo(LocalDate.of(2024, 2, 29));
		// 31 January + 1 month = 28 February: on 27 February only up to 27 January
		assertThat(IndicatorEngine.latestOperation(LocalDate.of(2026, 2, 27), 1)).isEqualTo(LocalDate.of(2026, 1, 27));
		for (LocalDate asOf = LocalDate.of(2024, 1, 1); asOf
			.isBefore(LocalDate.of(2025, 1, 1)); asOf = asOf.plusDays(1)) {
			for (int months : new int[] { 1, 6, 12, 60 }) {
				LocalDate last = IndicatorEngine.latestOperation(asOf, months);
				assertThat(last.plusMonths(months)).isBeforeOrEqualTo(asOf);
				assertThat(last.plusDays(1).plusMonths(months)).isAfter(asOf);
			}
		}
	}

	@Test
	void stratifiersBecomeGroupingSets() throws IOException {
		String text = this.engine
			.sql(set("G10-2023"), query("G10-2023", Grouping.NONE, PeriodUnit.YEAR), LocalDate.of(2026, 11, 22))
			.get("CASE")
			.toLowerCase();
		assertThat(text).contains("grouping sets", "'procedureType'".toLowerCase());
	}

	@Test
	void hospitalSetQueriesEachSourceOnce() throws IOException {
		Map<String, String> sql = this.engine.sql(set("HOSPITAL"), query("HOSPITAL", Grouping.REGION, PeriodUnit.MONTH),
				LocalDate.of(2026, 11, 22));
		assertThat(sql).containsOnlyKeys("CASE", "DISCHARGE_PROCEDURE", "PRACTICE");
		assertThat(sql.get("DISCHARGE_PROCEDURE")).contains("indicator_discharge_procedure");
		assertThat(sql.get("PRACTICE")).contains("indicator_filing", "indicator_filing_suspension", "make_date");
	}

	@Test
	void ratesArePercentAveragesAreInTheUnitAndZeroDenominatorsHaveNoValue() {
		assertThat(IndicatorEngine.value("RATE", BigDecimal.valueOf(4), BigDecimal.valueOf(5)))
			.isEqualByComparingTo("80.00");
		assertThat(IndicatorEngine.value("AVERAGE", BigDecimal.valueOf(31), BigDecimal.valueOf(8)))
			.isEqualByComparingTo("3.88");
		assertThat(IndicatorEngine.value("RATE", BigDecimal.ONE, BigDecimal.ZERO)).isNull();
	}

	@Test
	void countsAndSumsArePlainNumbers() {
		assertThat(IndicatorEngine.plain(new BigDecimal("860.000")).toString()).isEqualTo("860");
		assertThat(IndicatorEngine.plain(new BigDecimal("1000")).toString()).isEqualTo("1000");
		assertThat(IndicatorEngine.plain(new BigDecimal("12.50")).toString()).isEqualTo("12.5");
		assertThat(IndicatorEngine.plain(BigDecimal.ZERO.setScale(3)).toString()).isEqualTo("0");
	}

	@Test
	void periodLabelsAndRegionPrefixes() {
		assertThat(IndicatorEngine.parsePeriod(PeriodUnit.QUARTER, "2026-Q3")).containsExactly(2026, 3);
		assertThat(IndicatorEngine.parsePeriod(PeriodUnit.MONTH, "2026-07")).containsExactly(2026, 7);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IndicatorEngine.parsePeriod(PeriodUnit.QUARTER, "2026-Q5"));
		assertThat(IndicatorEngine.periodLabel(PeriodUnit.HALF_YEAR, 2026, 2)).isEqualTo("2026-H2");
		assertThat(IndicatorEngine.periodLabel(PeriodUnit.MONTH, 2026, 7)).isEqualTo("2026-07");
		assertThat(IndicatorEngine.regionPrefix("220000")).isEqualTo("22");
		assertThat(IndicatorEngine.regionPrefix("220100")).isEqualTo("2201");
		assertThat(IndicatorEngine.regionPrefix("220102")).isEqualTo("220102");
	}

}
