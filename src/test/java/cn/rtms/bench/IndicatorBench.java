package cn.rtms.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import cn.rtms.Application;
import cn.rtms.bench.AblationBaselines.Cell;
import cn.rtms.bench.AblationBaselines.Counts;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.indicators.definition.IndicatorSet;
import cn.rtms.indicators.definition.IndicatorSetLoader;
import cn.rtms.indicators.engine.IndicatorEngine;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indicator benchmark ({@code ./rtms bench indicators [cases=1000000] [hospitals=200]
 * [iterations=5]}, docs/benchmark.md): starts the application without web server on a
 * fresh embedded PostgreSQL in {@code target/bench-indicators-pg} (no demo data),
 * generates the ablation cases with {@link AblationDataset} (COPY into the real tables),
 * then computes the full G08-2023 set for every hospital × quarter of the five years
 * three ways, interleaved, after one warm-up round each:
 * <ol>
 * <li>(a) the hand-written single-pass SQL
 * ({@link AblationBaselines#SINGLE_PASS_SQL});</li>
 * <li>(b) the engine, {@link IndicatorManagement#computeUnscoped} (goal ≤ 1.5 ×
 * (a));</li>
 * <li>(c) the application-side way ({@link AblationBaselines#applicationSide}): every row
 * over JDBC, each definition per case in Java.</li>
 * </ol>
 * The three must give identical numerators and denominators in every cell: otherwise the
 * differing cells are printed and the run exits with status 1. Then the incremental cost:
 * one new case of the largest hospital inserted as a submission inserts it (the case and
 * its seven follow-ups), and that hospital's cells of the quarter recomputed by the
 * engine — median of 20, with a check that the quarter's case count rose by one each
 * time.
 */
public final class IndicatorBench {

	private IndicatorBench() {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int hospitals = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		String ways = args.length > 3 ? args[3] : "abc";
		boolean reuse = args.length > 4 && args[4].equals("reuse");
		SpringApplication application = new SpringApplication(Application.class);
		String[] properties = { "--spring.main.web-application-type=none",
				"--rtms.database.embedded.data-dir=target/bench-indicators-pg",
				"--rtms.database.embedded.clean=" + !reuse, "--rtms.database.embedded.durable=false",
				"--rtms.demo-data.enabled=false", "--rtms.demo-data.filings=false", "--rtms.demo-data.cases=false",
				"--logging.level.root=WARN" };
		int status;
		try (ConfigurableApplicationContext context = application.run(properties)) {
			status = run(context, n, hospitals, iterations, ways, reuse);
		}
		System.exit(status);
	}

	/**
	 * @param ways which computations: {@code abc} all three (the default), {@code ac}
	 * without the engine (no comparison with it, no incremental cost); with {@code x}
	 * also {@code EXPLAIN (ANALYZE, BUFFERS)} of (a) and the engine's statements
	 * @param reuse keep the database of an earlier run with the same arguments instead of
	 * generating again
	 */
	static int run(ConfigurableApplicationContext context, int n, int hospitals, int iterations, String ways,
			boolean reuse) throws Exception {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		DataSource dataSource = context.getBean(DataSource.class);
		IndicatorManagement indicators = context.getBean(IndicatorManagement.class);
		LocalDate today = LocalDate.now(context.getBean(Clock.class));

		long g0 = System.nanoTime();
		AblationDataset.Generated data;
		Long existing = jdbc.queryForObject("select count(*) from cases.case_report", Long.class);
		if (reuse && existing != null && existing > 0) {
			data = AblationDataset.existing(jdbc, n, today, 20261213L);
			System.out.printf("沿用上次生成的数据集（%,d 行病例）%n", existing);
		}
		else {
			data = AblationDataset.generate(jdbc, dataSource, hospitals, n, today, 20261213L);
		}
		double generation = (System.nanoTime() - g0) / 1e9;
		jdbc.execute("analyze cases.case_report");
		jdbc.execute("analyze cases.follow_up");
		long followUps = jdbc.queryForObject("select count(*) from cases.follow_up", Long.class);
		System.out.printf(
				"数据集：%,d 例 G08 消融病例（G08-2023 表单），%d 家医院（吉林省真实县级行政区），随访记录 %,d 条，手术日期 %s 至 %s；生成并 COPY 入库 %.1f s（%,.0f 例/秒）%n",
				n, hospitals, followUps, data.from(), data.to(), generation, n / generation);
		System.out.printf("表大小：case_report %s，follow_up %s%n",
				jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('cases.case_report'))", String.class),
				jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('cases.follow_up'))", String.class));

		LocalDate from = LocalDate.of(data.from().getYear(), 1, 1);
		LocalDate to = LocalDate.of(today.getYear(), 12, 31);
		IndicatorQuery query = new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER, from, to, null,
				null, null);

		// warm-up round, and the check that all agree
		boolean withEngine = ways.contains("b");
		IndicatorResults engineResults = null;
		double engineFirst = Double.NaN;
		LocalDate asOf = today;
		if (withEngine) {
			long e0 = System.nanoTime();
			engineResults = indicators.computeUnscoped(query);
			engineFirst = (System.nanoTime() - e0) / 1e9;
			asOf = engineResults.asOf();
		}
		LocalDate day = asOf;
		long a0 = System.nanoTime();
		Map<Cell, Counts> sql = AblationBaselines.singlePassSql(jdbc, from, to, day);
		double sqlFirst = (System.nanoTime() - a0) / 1e9;
		long c0 = System.nanoTime();
		Map<Cell, Counts> java = AblationBaselines.applicationSide(dataSource, from, to, day);
		double javaFirst = (System.nanoTime() - c0) / 1e9;
		Map<String, Map<Cell, Counts>> compared = new LinkedHashMap<>();
		compared.put("(a) SQL", sql);
		if (engineResults != null) {
			compared.put("(b) engine", AblationBaselines.engine(engineResults));
		}
		compared.put("(c) Java", java);
		System.out.printf("预热轮：(a) %.2f s，(b) %.2f s，(c) %.2f s；统计日 %s；单元格 (a) %,d，(b) %,d（含分层共 %,d），(c) %,d%n",
				sqlFirst, engineFirst, javaFirst, day, sql.size(), compared.getOrDefault("(b) engine", Map.of()).size(),
				engineResults == null ? 0 : engineResults.cells().size(), java.size());
		List<String> differences = AblationBaselines.differences(compared, 40);
		if (!differences.isEmpty() || (withEngine
				&& !AblationBaselines.indicators(compared.get("(b) engine")).containsAll(AblationBaselines.COLUMNS))) {
			System.out.println("!!! 结果不一致（分子/分母），基准失败：");
			compared
				.forEach((name, cells) -> System.out.println("指标 " + name + "：" + AblationBaselines.indicators(cells)));
			differences.forEach(line -> System.out.println("  " + line));
			return 1;
		}
		System.out.printf("%s 的 %,d 个单元格（%d 项指标 × 医院 × 季度）分子、分母完全一致。%n", compared.keySet(), sql.size(),
				AblationBaselines.COLUMNS.size());

		if (ways.contains("x")) {
			explain(context, jdbc, query, from, to, day);
		}
		List<Double> a = new ArrayList<>();
		List<Double> b = new ArrayList<>();
		List<Double> c = new ArrayList<>();
		for (int i = 0; i < iterations; i++) {
			a.add(time(() -> AblationBaselines.singlePassSql(jdbc, from, to, day)));
			b.add(withEngine ? time(() -> indicators.computeUnscoped(query)) : Double.NaN);
			c.add(time(() -> {
				try {
					return AblationBaselines.applicationSide(dataSource, from, to, day);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
			System.out.printf("第 %d 轮：(a) %.3f s，(b) %.3f s，(c) %.3f s%n", i + 1, a.get(i), b.get(i), c.get(i));
		}
		double ma = median(a);
		double mb = median(b);
		double mc = median(c);
		System.out.printf(
				"中位数（%d 轮，N = %,d）：(a) 手写单遍 SQL %.3f s；(b) 引擎 %.3f s = %.2f × (a)（目标 ≤ 1.5）；(c) 应用侧逐例 Java %.3f s = %.2f × (a)%n",
				iterations, n, ma, mb, mb / ma, mc, mc / ma);
		if (withEngine) {
			incremental(jdbc, indicators, data, today);
		}
		return 0;
	}

	/**
	 * One new case of the largest hospital, then that hospital's cells of the quarter
	 * recomputed; 20 times, median.
	 */
	private static void incremental(JdbcTemplate jdbc, IndicatorManagement indicators, AblationDataset.Generated data,
			LocalDate today) {
		UUID hospital = jdbc.queryForObject("""
				select institution_id from cases.case_report where status = 'SUBMITTED'
				group by institution_id order by count(*) desc limit 1""", UUID.class);
		String region = data.regions().get(data.hospitals().indexOf(hospital));
		UUID operator = data.operators().get(data.hospitals().indexOf(hospital)).get(0);
		LocalDate operation = today.minusDays(1);
		LocalDate quarterStart = operation.with(IsoFields.DAY_OF_QUARTER, 1);
		LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
		IndicatorQuery query = new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER, quarterStart,
				quarterEnd, hospital, null, null);
		String period = AblationBaselines.quarter(operation);
		BigDecimalHolder before = new BigDecimalHolder(cases(indicators.computeUnscoped(query), period));
		List<Double> inserts = new ArrayList<>();
		List<Double> refreshes = new ArrayList<>();
		int cells = 0;
		for (int i = 0; i < 20; i++) {
			UUID id = UUID.randomUUID();
			long s0 = System.nanoTime();
			jdbc.update("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key,
					  status, medical_record_no, inpatient_no, patient_pseudonym, admission_date, operation_date,
					  discharge_date, operator_id, form_data, created_at, created_by, updated_at, submitted_at,
					  submitted_by)
					values (?, ?, ?, 'G08', 'G08-2023', 'SUBMITTED', ?, ?, ?, ?, ?, null, ?, cast(? as jsonb), now(), ?,
					  now(), now(), ?)""", id, hospital, region, "NEW-" + id, "NEW-" + id,
					"P" + id.toString().substring(0, 12), operation, operation, operator,
					"{\"organ\":\"LIVER\",\"ptaPercent\":80,\"organFunctionImpaired\":false,\"ecog\":0,\"asaClass\":\"II\","
							+ "\"lesionsPlanned\":1,\"lesionsCompleted\":1}",
					operator, operator);
			for (String[] f : AblationDataset.FOLLOW_UPS) {
				jdbc.update("""
						insert into cases.follow_up (id, case_id, institution_id, label, period, due_date)
						values (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), id, hospital, f[1], f[0],
						operation.plus(java.time.Period.parse(f[0])));
			}
			inserts.add((System.nanoTime() - s0) / 1e6);
			long r0 = System.nanoTime();
			IndicatorResults refreshed = indicators.computeUnscoped(query);
			refreshes.add((System.nanoTime() - r0) / 1e6);
			cells = refreshed.cells().size();
			java.math.BigDecimal now = cases(refreshed, period);
			if (now.compareTo(before.value.add(java.math.BigDecimal.ONE)) != 0) {
				throw new IllegalStateException(
						"新增病例后本季度病例数应为 " + before.value.add(java.math.BigDecimal.ONE) + "，实为 " + now);
			}
			before.value = now;
		}
		System.out.printf(
				"增量：新提交 1 例（病例 + 7 条随访计划，插入中位数 %.1f ms）后，重算该院本季度（%s）全部 %d 个指标单元格：中位数 %.1f ms（20 次，最小 %.1f ms，最大 %.1f ms）；结果不缓存，每次从病例表直接计算%n",
				median(inserts), period, cells, median(refreshes), Collections.min(refreshes),
				Collections.max(refreshes));
	}

	/**
	 * Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of (a) and of the engine's compiled
	 * statements for the whole query and for one hospital's current quarter (the
	 * incremental query), when {@code ways} contains {@code x}.
	 */
	private static void explain(ConfigurableApplicationContext context, JdbcTemplate jdbc, IndicatorQuery query,
			LocalDate from, LocalDate to, LocalDate asOf) throws java.io.IOException {
		String a = AblationBaselines.SINGLE_PASS_SQL.replace("$1", "date '" + asOf + "'")
			.replace("$2", "date '" + from + "'")
			.replace("$3", "date '" + to + "'");
		print(jdbc, "(a) 手写单遍 SQL", a);
		IndicatorEngine engine = context.getBean(IndicatorEngine.class);
		Map<String, String> sources = new LinkedHashMap<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:indicators/*.yaml")) {
			sources.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
		}
		IndicatorSet set = new IndicatorSetLoader().loadAll(sources)
			.stream()
			.filter(s -> s.key().equals(query.setKey()))
			.findFirst()
			.orElseThrow();
		engine.sql(set, query, asOf).forEach((source, sql) -> print(jdbc, "(b) 引擎 " + source, sql));
		UUID hospital = jdbc.queryForObject("""
				select institution_id from cases.case_report where status = 'SUBMITTED'
				group by institution_id order by count(*) desc limit 1""", UUID.class);
		LocalDate quarterStart = asOf.minusDays(1).with(IsoFields.DAY_OF_QUARTER, 1);
		IndicatorQuery one = new IndicatorQuery(query.setKey(), Grouping.INSTITUTION, PeriodUnit.QUARTER, quarterStart,
				quarterStart.plusMonths(3).minusDays(1), hospital, null, null);
		engine.sql(set, one, asOf).forEach((source, sql) -> print(jdbc, "(b) 引擎，一院一季度 " + source, sql));
	}

	private static void print(JdbcTemplate jdbc, String title, String sql) {
		System.out.println("==== EXPLAIN (ANALYZE, BUFFERS) " + title + "\n" + sql);
		jdbc.query("explain (analyze, buffers) " + sql, rs -> {
			System.out.println(rs.getString(1));
		});
	}

	private static final class BigDecimalHolder {

		java.math.BigDecimal value;

		BigDecimalHolder(java.math.BigDecimal value) {
			this.value = value;
		}

	}

	private static java.math.BigDecimal cases(IndicatorResults results, String period) {
		return results.cells()
			.stream()
			.filter(c -> c.indicatorCode().equals(AblationBaselines.INDICATION) && c.period().equals(period)
					&& c.stratum() == null)
			.map(IndicatorCell::denominator)
			.findFirst()
			.orElse(java.math.BigDecimal.ZERO);
	}

	private static double time(Supplier<?> work) {
		long start = System.nanoTime();
		work.get();
		return (System.nanoTime() - start) / 1e9;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int size = sorted.size();
		return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
	}

}
