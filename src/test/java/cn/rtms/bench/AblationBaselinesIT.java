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
 * The correctness half of the indicator benchmark (not timed): two thousand generated
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
		this.data = AblationDataset.generate(this.jdbc, this.dataSource, 12, 2000, LocalDate.now(this.clock),
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

	@Test
	void theCaseViewNumbersStaysWithoutAWindowSoAHospitalsQuarterIsReadByIndex() {
		UUID hospital = this.data.hospitals().get(0);
		// the institution and date conditions reach the table: no window function over
		// every submitted case before them (V202612140501)
		String plan = String.join("\n", this.jdbc.queryForList("""
				explain select sum(stay_bed_days) from cases.indicator_case
				where institution_id = ? and operation_date between date '2026-10-01' and date '2026-12-31'""",
				String.class, hospital));
		assertThat(plan).doesNotContain("WindowAgg").contains("case_report_institution_idx");
		// and stay_bed_days is what the row_number() numbering gave: the stay's bed days
		// on
		// its first case by (operation date, id), null on the others
		Integer differing = this.jdbc.queryForObject("""
				select count(*) from cases.indicator_case v join (
				  select id, case when discharge_date is not null and admission_date is not null
				    and row_number() over (partition by institution_id, technology,
				      coalesce(inpatient_no, medical_record_no), discharge_date order by operation_date, id) = 1
				    then greatest(discharge_date - admission_date, 1) end as expected
				  from cases.case_report where status = 'SUBMITTED') r on r.id = v.case_id
				where v.stay_bed_days is distinct from r.expected""", Integer.class);
		assertThat(differing).isZero();
		// the generated data has stays with two cases (the second one counts no bed days)
		assertThat(this.jdbc.queryForObject(
				"select count(*) from cases.indicator_case where bed_days is not null and stay_bed_days is null",
				Integer.class))
			.isPositive();
	}

}
