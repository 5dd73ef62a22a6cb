package cn.rtms.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.rtms.Application;
import cn.rtms.bulkload.BulkImport;
import cn.rtms.bulkload.BulkKind;
import cn.rtms.bulkload.BulkProblem;
import cn.rtms.bulkload.BulkReport;
import cn.rtms.bulkload.BulkTemplates;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bulk-load benchmark ({@code ./rtms bench bulk [institutions=1000] [people=50000]},
 * docs/benchmark.md): starts the application without web server on a fresh embedded
 * PostgreSQL with the demo data, generates a province ({@link ProvinceWorkbooks}) as the
 * two templates (XLSX) and as CSV files of the same rows, then in the same run
 * <ol>
 * <li>loads every sheet's CSV into a scratch table of text columns with PostgreSQL
 * {@code COPY} (the baseline: no parsing, no checks);</li>
 * <li>imports the two workbooks through {@link BulkImport} as the provincial authority,
 * exactly as an upload: guarded, streamed, every cell checked, staged with COPY, checked
 * against the registry and scope, upserted set-based, in one transaction each;</li>
 * <li>imports them once more (expected: 0 changes);</li>
 * <li>measures the write floor (the written rows loaded with COPY into tables of the same
 * structure);</li>
 * <li>generates a second province of the same size (other keys) and measures COPY and
 * import again, now with the import's code compiled by the JIT (steady state).</li>
 * </ol>
 * Reported: rows/s of both, their ratio (target ≥ 0.3) and the peak heap.
 */
public final class BulkBench {

	/** Index of the second province's first institution and first person. */
	static final int SECOND = 1_000_000;

	private BulkBench() {
	}

	public static void main(String[] args) throws Exception {
		int institutions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
		int people = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		Path work = Path.of("target/bench-bulk");
		Files.createDirectories(work);
		SpringApplication application = new SpringApplication(Application.class);
		String[] properties = { "--spring.main.web-application-type=none",
				"--rtms.database.embedded.data-dir=target/bench-bulk-pg", "--rtms.database.embedded.clean=true",
				"--rtms.database.embedded.durable=false", "--rtms.demo-data.enabled=true",
				"--logging.level.root=WARN" };
		try (ConfigurableApplicationContext context = application.run(properties)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			CurrentUser province = jdbc.queryForObject("""
					select id, username, display_name, region_code from identity.user_account
					where role = 'PROVINCE_AUTHORITY' order by username limit 1""",
					(rs, n) -> new CurrentUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							Role.PROVINCE_AUTHORITY, null, null, rs.getString(4), false));
			SecurityContext security = SecurityContextHolder.createEmptyContext();
			security.setAuthentication(new UsernamePasswordAuthenticationToken(province, null,
					AuthorityUtils.createAuthorityList("ROLE_PROVINCE_AUTHORITY")));
			SecurityContextHolder.setContext(security);
			List<String> regions = jdbc.queryForList("""
					select code from institutions.region where level = 'COUNTY' and code like ? order by code""",
					String.class, province.regionCode().substring(0, 2) + "%");
			BulkTemplates templates = context.getBean(BulkTemplates.class);
			BulkImport imports = context.getBean(BulkImport.class);

			long t0 = System.nanoTime();
			Path institutionsXlsx = work.resolve("institutions-" + institutions + ".xlsx");
			Path peopleXlsx = work.resolve("people-" + people + ".xlsx");
			try (OutputStream out = Files.newOutputStream(institutionsXlsx)) {
				templates.write(BulkKind.INSTITUTIONS,
						ProvinceWorkbooks.institutions(institutions, regions, province.regionCode(), 20261215L), out);
			}
			try (OutputStream out = Files.newOutputStream(peopleXlsx)) {
				templates.write(BulkKind.PEOPLE, ProvinceWorkbooks.people(people, institutions, 20261215L), out);
			}
			long rows = 0;
			rows += csv(work, "i",
					ProvinceWorkbooks.institutions(institutions, regions, province.regionCode(), 20261215L));
			rows += csv(work, "p", ProvinceWorkbooks.people(people, institutions, 20261215L));
			System.out.printf("数据集：%,d 家机构、%,d 名人员，两个模板共 %,d 行（XLSX %.1f + %.1f MB，生成 %.1f s）%n", institutions, people,
					rows, Files.size(institutionsXlsx) / 1048576.0, Files.size(peopleXlsx) / 1048576.0,
					(System.nanoTime() - t0) / 1e9);

			double copySeconds = copyAll(context.getBean(DataSource.class), jdbc, work);
			System.out.printf("COPY（各工作表 CSV 到文本列暂存表，不解析、不校验）：%,d 行 %.2f s，%,.0f 行/秒%n", rows, copySeconds,
					rows / copySeconds);

			CaseBench.HeapWatch heap = new CaseBench.HeapWatch();
			heap.start();
			long s0 = System.nanoTime();
			BulkReport first = run(imports, BulkKind.INSTITUTIONS, institutionsXlsx);
			BulkReport second = run(imports, BulkKind.PEOPLE, peopleXlsx);
			double importSeconds = (System.nanoTime() - s0) / 1e9;
			heap.stopWatching();
			System.out.printf("导入（完整校验，每个文件一个事务）：%,d 行 %.2f s，%,.0f 行/秒%n", rows, importSeconds, rows / importSeconds);
			System.out.printf("比值（导入行/秒 ÷ COPY 行/秒，目标 ≥ 0.3）：%.3f%n", copySeconds / importSeconds);
			System.out.printf("堆内存（-Xmx %d MB）：采样峰值 %.0f MB，GC 后存活峰值 %.0f MB%n",
					Runtime.getRuntime().maxMemory() / 1048576, heap.peak.get() / 1048576.0,
					heap.liveAfterGc.get() / 1048576.0);

			long r0 = System.nanoTime();
			BulkReport again = run(imports, BulkKind.INSTITUTIONS, institutionsXlsx);
			BulkReport againPeople = run(imports, BulkKind.PEOPLE, peopleXlsx);
			System.out.printf("再次导入同样的文件：%.2f s，变更 %d + %d 条（应为 0）%n", (System.nanoTime() - r0) / 1e9, again.changes(),
					againPeople.changes());
			double floorSeconds = writeFloor(context.getBean(DataSource.class), jdbc, work);
			System.out.printf(
					"写入下限（导入写成的机构与人员行原样 COPY 进同结构的空表，含索引和约束；不读文件、不校验）：%.2f s，为导入用时的 %.2f；任何导入可达的比值上限 ≈ %.2f%n",
					floorSeconds, floorSeconds / importSeconds, copySeconds / floorSeconds);

			// the same again for a second province of the same size (other credit codes,
			// names, licence numbers), now that the JVM has compiled the import's code: a
			// server's steady state rather than its first import
			Path other = work.resolve("second");
			Files.createDirectories(other);
			Path otherInstitutions = other.resolve("institutions-" + institutions + ".xlsx");
			Path otherPeople = other.resolve("people-" + people + ".xlsx");
			try (OutputStream out = Files.newOutputStream(otherInstitutions)) {
				templates.write(BulkKind.INSTITUTIONS,
						ProvinceWorkbooks.institutions(SECOND, institutions, regions, province.regionCode(), 20261215L),
						out);
			}
			try (OutputStream out = Files.newOutputStream(otherPeople)) {
				templates.write(BulkKind.PEOPLE,
						ProvinceWorkbooks.people(SECOND, people, SECOND, institutions, 20261215L), out);
			}
			long otherRows = csv(other, "i",
					ProvinceWorkbooks.institutions(SECOND, institutions, regions, province.regionCode(), 20261215L))
					+ csv(other, "p", ProvinceWorkbooks.people(SECOND, people, SECOND, institutions, 20261215L));
			double otherCopy = copyAll(context.getBean(DataSource.class), jdbc, other);
			long w0 = System.nanoTime();
			BulkReport third = run(imports, BulkKind.INSTITUTIONS, otherInstitutions);
			BulkReport fourth = run(imports, BulkKind.PEOPLE, otherPeople);
			double warmSeconds = (System.nanoTime() - w0) / 1e9;
			System.out.printf("第二个省份（同样规模、其他编码，JVM 已预热）：COPY %,d 行 %.2f s；导入 %.2f s，%,.0f 行/秒；比值 %.3f%n", otherRows,
					otherCopy, warmSeconds, otherRows / warmSeconds, otherCopy / warmSeconds);
			if (!"COMMITTED".equals(first.status()) || !"COMMITTED".equals(second.status())
					|| !"COMMITTED".equals(third.status()) || !"COMMITTED".equals(fourth.status())
					|| third.created() != institutions || fourth.created() != people) {
				System.exit(1);
			}
		}
	}

	/**
	 * The lowest cost any import of these files could have on this schema: the
	 * institution and person rows as the import wrote them, copied out, then loaded with
	 * COPY into empty tables of the same structure (indexes, unique and check
	 * constraints). Only the load is timed, in one transaction.
	 */
	static double writeFloor(DataSource dataSource, JdbcTemplate jdbc, Path work) throws Exception {
		jdbc.execute("drop schema if exists bench_floor cascade");
		jdbc.execute("create schema bench_floor");
		List<String> tables = List.of("institutions.institution", "personnel.person");
		List<Path> files = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				String floor = "bench_floor." + table.substring(table.indexOf('.') + 1);
				jdbc.execute("create table " + floor + " (like " + table + " including all)");
				Path file = work.resolve("floor-" + table + ".copy");
				files.add(file);
				try (OutputStream out = Files.newOutputStream(file)) {
					copy.copyOut("copy " + table + " to stdout", out);
				}
			}
			long start = System.nanoTime();
			connection.setAutoCommit(false);
			for (int i = 0; i < tables.size(); i++) {
				String table = tables.get(i);
				try (InputStream in = Files.newInputStream(files.get(i))) {
					copy.copyIn("copy bench_floor." + table.substring(table.indexOf('.') + 1) + " from stdin", in);
				}
			}
			connection.commit();
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
	}

	static BulkReport run(BulkImport imports, BulkKind kind, Path file) throws Exception {
		long start = System.nanoTime();
		BulkReport report;
		try (InputStream in = Files.newInputStream(file)) {
			report = imports.run(kind, in, file.getFileName().toString(), true);
		}
		System.out.printf("  %s：%s，%.2f s，行数 %s，新建 %,d，更新 %,d，不变 %,d，问题 %,d%n", kind.label(), report.status(),
				(System.nanoTime() - start) / 1e9, report.rows(), report.created(), report.updated(),
				report.unchanged(), report.problemCount());
		for (BulkProblem problem : report.problems().subList(0, Math.min(5, report.problems().size()))) {
			System.out.println("    问题：" + problem.describe());
		}
		return report;
	}

	/** Writes each sheet's rows as CSV; returns the number of rows. */
	static long csv(Path work, String prefix, Map<String, Iterator<List<Object>>> sheets) throws Exception {
		long rows = 0;
		int index = 0;
		for (Map.Entry<String, Iterator<List<Object>>> sheet : sheets.entrySet()) {
			try (BufferedWriter out = Files.newBufferedWriter(work.resolve(prefix + (index++) + ".csv"),
					StandardCharsets.UTF_8)) {
				Iterator<List<Object>> data = sheet.getValue();
				while (data.hasNext()) {
					List<Object> row = data.next();
					for (int c = 0; c < 12; c++) {
						if (c > 0) {
							out.write(',');
						}
						Object value = c < row.size() ? row.get(c) : null;
						if (value instanceof Boolean b) {
							out.write(b ? "是" : "否");
						}
						else if (value != null) {
							out.write('"' + value.toString().replace("\"", "\"\"") + '"');
						}
					}
					out.write('\n');
					rows++;
				}
			}
		}
		return rows;
	}

	static double copyAll(DataSource dataSource, JdbcTemplate jdbc, Path work) throws Exception {
		jdbc.execute("drop schema if exists bench_copy cascade");
		jdbc.execute("create schema bench_copy");
		List<Path> files;
		try (var list = Files.list(work)) {
			files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
		}
		for (Path file : files) {
			String table = "bench_copy.t_" + file.getFileName().toString().replace(".csv", "");
			jdbc.execute("create table " + table + " (c0 text, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, "
					+ "c7 text, c8 text, c9 text, c10 text, c11 text)");
		}
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (Path file : files) {
				String table = "bench_copy.t_" + file.getFileName().toString().replace(".csv", "");
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("copy " + table + " from stdin with (format csv)", reader);
				}
			}
			connection.commit();
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
