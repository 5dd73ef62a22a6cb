package cn.rtms.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.rtms.bench.AblationBaselines.Cell;
import cn.rtms.bench.AblationBaselines.Counts;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.PeriodUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correctness half of the indicator benchmark (not timed): a few thousand generated
 * ablation cases ({@link AblationDataset}) over 12 hospitals and five years, the full
 * G08-2023 set per hospital × quarter computed three ways — the hand-written single-pass
 * SQL, the engine, the per-case Java evaluation — must give identical numerators and
 * denominators in every cell. Its own context: it adds hospitals and cases.
 */
@SpringBootTest(properties = "rtms.test.context=indicator-baselines")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AblationBaselinesIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	IndicatorManagement indicators;

	@Autowired
	Clock clock;

	AblationDataset.Generated data;

	@BeforeAll
	void generate() throws Exception {
		this.data = AblationDataset.generate(this.jdbc, this.dataSource, 12, 4000, LocalDate.now(this.clock),
				20261213L);
	}

	@Test
	void theHandWrittenSqlTheEngineAndThePerCaseJavaAgreeInEveryCell() throws Exception {
		LocalDate from = LocalDate.of(this.data.from().getYear(), 1, 1);
		LocalDate to = LocalDate.of(this.data.to().getYear(), 12, 31);
		IndicatorResults results = this.indicators.computeUnscoped(
				new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER, from, to, null, null, null));
		LocalDate asOf = results.asOf();
		Map<Cell, Counts> sql = AblationBaselines.singlePassSql(this.jdbc, from, to, asOf);
		Map<Cell, Counts> java = AblationBaselines.applicationSide(this.dataSource, from, to, asOf);
		Map<Cell, Counts> engine = AblationBaselines.engine(results);
		// only this test's hospitals (the database may hold others' cases)
		Set<String> hospitals = this.data.hospitals().stream().map(UUID::toString).collect(Collectors.toSet());
		for (Map<Cell, Counts> cells : List.of(sql, java, engine)) {
			cells.keySet().removeIf(c -> !hospitals.contains(c.institution()));
		}
		Map<String, Map<Cell, Counts>> ways = new LinkedHashMap<>();
		ways.put("sql", sql);
		ways.put("engine", engine);
		ways.put("java", java);
		assertThat(AblationBaselines.differences(ways, 30)).isEmpty();
		assertThat(AblationBaselines.indicators(engine)).containsAll(AblationBaselines.COLUMNS);
		// the generated data reaches both sides of every definition: each indicator has a
		// numerator and a denominator greater than zero and at least one cell below 100 %
		for (String indicator : AblationBaselines.COLUMNS) {
			long numerator = sql.entrySet()
				.stream()
				.filter(e -> e.getKey().indicator().equals(indicator))
				.mapToLong(e -> e.getValue().numerator().longValue())
				.sum();
			long denominator = sql.entrySet()
				.stream()
				.filter(e -> e.getKey().indicator().equals(indicator))
				.mapToLong(e -> e.getValue().denominator().longValue())
				.sum();
			assertThat(numerator).as(indicator).isPositive();
			if (indicator.equals(AblationBaselines.LENGTH_OF_STAY)) {
				assertThat(numerator).as(indicator).isGreaterThan(denominator);
			}
			else {
				assertThat(denominator).as(indicator).isGreaterThan(numerator);
			}
		}
	}

}
