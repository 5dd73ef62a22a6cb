package cn.rtms.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import cn.rtms.Application;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.imports.CaseImports;
import cn.rtms.cases.imports.CellProblem;
import cn.rtms.cases.imports.ImportJob;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.personnel.PersonnelManagement;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The case import benchmark
 * ({@code ./rtms bench cases [rows=1000000] [xlsx|csv] [technology=G08]},
 * docs/benchmark.md): starts the application without web server on a fresh embedded
 * PostgreSQL with the demo data and demo filings, generates {@code rows} case rows of
 * 长春市中心医院 ({@link CaseDataset}) as XLSX and CSV, then in the same run
 * <ol>
 * <li>loads the CSV into a scratch table of text columns with PostgreSQL {@code COPY}
 * (the baseline: no parsing of values, no checks);</li>
 * <li>imports the chosen file through {@link CaseImports} exactly as an upload is
 * imported: stored, guarded, streamed, every row mapped and checked
 * ({@code CaseManagement#check}) and inserted as a submitted case
 * ({@code CaseManagement#importSubmitted}), all in one transaction.</li>
 * </ol>
 * Reported: rows/s of both, their ratio, and the peak heap (sampled every 20 ms) and the
 * largest live heap after a collection during the import.
 */
public final class CaseBench {

	static final String HOSPITAL = "长春市中心医院";

	private CaseBench() {
	}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		String format = args.length > 1 ? args[1] : "xlsx";
		String technology = args.length > 2 ? args[2] : "G08";
		Path work = Path.of("target/bench-cases");
		Files.createDirectories(work);
		SpringApplication application = new SpringApplication(Application.class);
		String[] properties = { "--spring.main.web-application-type=none",
				"--rtms.database.embedded.data-dir=target/bench-cases-pg", "--rtms.database.embedded.clean=true",
				"--rtms.database.embedded.durable=false", "--rtms.demo-data.enabled=true",
				"--rtms.demo-data.filings=true", "--rtms.cases.import.dir=" + work.resolve("uploads"),
				"--rtms.cases.import.max-file-size=2147483647", "--logging.level.root=WARN" };
		try (ConfigurableApplicationContext context = application.run(properties)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			CurrentUser clerk = jdbc
				.queryForObject("""
						select u.id, u.username, u.display_name, u.institution_id, u.region_code
						from identity.user_account u join institutions.institution i on i.id = u.institution_id
						where i.name = ? and u.role = 'HOSPITAL_CLERK' limit 1""",
						(rs, n) -> new CurrentUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
								Role.HOSPITAL_CLERK, rs.getObject(4, UUID.class), null, rs.getString(5), false),
						HOSPITAL);
			SecurityContext security = SecurityContextHolder.createEmptyContext();
			security.setAuthentication(new UsernamePasswordAuthenticationToken(clerk, null,
					AuthorityUtils.createAuthorityList("ROLE_HOSPITAL_CLERK")));
			SecurityContextHolder.setContext(security);
			LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));
			List<String> staff = CaseDataset
				.staffNames(context.getBean(PersonnelManagement.class).atInstitution(clerk.institutionId()));
			CaseForms forms = context.getBean(CaseForms.class);
			CaseImports imports = context.getBean(CaseImports.class);
			String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

			Path xlsx = work.resolve("cases-" + rows + ".xlsx");
			Path csv = work.resolve("cases-" + rows + ".csv");
			long t0 = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				imports.writeWorkbook(technology, today,
						CaseDataset.rows(forms, technology, today, staff, rows, prefix, 20261130L), out);
			}
			long t1 = System.nanoTime();
			try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
				imports.writeCsv(technology, today,
						CaseDataset.rows(forms, technology, today, staff, rows, prefix, 20261130L), out);
			}
			long t2 = System.nanoTime();
			System.out.printf("数据集：%s %s %,d 行；工作人员 %d 名；XLSX %.1f MB（生成 %.1f s），CSV %.1f MB（生成 %.1f s）%n", HOSPITAL,
					technology, rows, staff.size(), Files.size(xlsx) / 1048576.0, (t1 - t0) / 1e9,
					Files.size(csv) / 1048576.0, (t2 - t1) / 1e9);

			double copySeconds = copy(context.getBean(DataSource.class), csv, jdbc);
			System.out.printf("COPY（PostgreSQL COPY 到文本列暂存表，不解析、不校验）：%,d 行 %.1f s，%,.0f 行/秒%n", rows, copySeconds,
					rows / copySeconds);

			Path file = format.equals("csv") ? csv : xlsx;
			HeapWatch heap = new HeapWatch();
			heap.start();
			long s0 = System.nanoTime();
			ImportJob job;
			try (InputStream in = Files.newInputStream(file)) {
				job = imports.start(in, file.getFileName().toString(), technology, false, true);
			}
			job = imports.awaitFinished(job.id(), Duration.ofHours(6));
			double importSeconds = (System.nanoTime() - s0) / 1e9;
			heap.stopWatching();
			System.out.printf("导入（%s，完整校验，单一事务）：状态 %s，%,d 行 %.1f s，%,.0f 行/秒；导入 %,d，重复 %,d，有问题 %,d 行（%,d 处）；标记 %s%n",
					format.toUpperCase(), job.status(), job.processedRows(), importSeconds, rows / importSeconds,
					job.inserted(), job.duplicates(), job.invalidRows(), job.problemCount(), job.findings());
			for (CellProblem problem : job.problems().subList(0, Math.min(5, job.problems().size()))) {
				System.out.println("  问题：" + problem.describe());
			}
			System.out.printf("比值（导入行/秒 ÷ COPY 行/秒，目标 ≥ 0.5）：%.3f%n", copySeconds / importSeconds);
			System.out.printf("堆内存（-Xmx %d MB）：采样峰值 %.0f MB，GC 后存活峰值 %.0f MB%n",
					Runtime.getRuntime().maxMemory() / 1048576, heap.peak.get() / 1048576.0,
					heap.liveAfterGc.get() / 1048576.0);
			System.out.println("结果行：" + job.outcome());

			Floor floor = writeFloor(context.getBean(DataSource.class), jdbc, clerk.institutionId(), work);
			System.out.printf(
					"写入下限（导入写成的最终行原样 COPY 进同结构的空表：%,d 例 + %,d 个随访点，含索引、约束和外键，不含语句触发器；不读文件、不校验）：%.1f s（病例 %.1f s），%,.0f 例/秒，"
							+ "为 COPY 基线的 %.3f 倍；导入用时为其 %.1f 倍%n",
					floor.cases(), floor.followUps(), floor.seconds(), floor.caseSeconds(),
					floor.cases() / floor.seconds(), copySeconds * floor.cases() / rows / floor.seconds(),
					importSeconds / floor.seconds());
			System.out.printf("另一种基线（同样的行 COPY 进与登记库同结构的表，而非文本暂存表；比值 = 该 COPY 用时 ÷ 导入用时）：只计病例行 %.3f，连同随访点 %.3f%n",
					floor.caseSeconds() / importSeconds, floor.seconds() / importSeconds);
		}
	}

	/** What writing the finished rows alone cost. */
	record Floor(long cases, long followUps, double seconds, double caseSeconds) {
	}

	/**
	 * The lowest cost any import of these rows could have on this schema: the rows the
	 * import wrote (cases and follow-up points) copied out, then loaded with COPY into
	 * empty tables of the same structure (indexes, unique and check constraints, the
	 * follow-up's foreign key to the case; the statement triggers of the registry
	 * revision and of the first case of a stay are left out, so this is still a little
	 * optimistic). The rows are loaded in the order the import wrote them (their ids are
	 * time-ordered), as their indexes grew. Only the load is timed, in one transaction.
	 */
	static Floor writeFloor(DataSource dataSource, JdbcTemplate jdbc, UUID institution, Path work) throws Exception {
		jdbc.execute("drop schema if exists bench_floor cascade");
		jdbc.execute("create schema bench_floor");
		jdbc.execute("create table bench_floor.case_report (like cases.case_report including all)");
		jdbc.execute("create table bench_floor.follow_up (like cases.follow_up including all)");
		jdbc.execute(
				"alter table bench_floor.follow_up add foreign key (case_id) references bench_floor.case_report (id)");
		Path cases = work.resolve("floor-cases.copy");
		Path followUps = work.resolve("floor-follow-ups.copy");
		String imported = "select id from cases.case_report where source = 'IMPORT' and institution_id = '"
				+ institution + "'";
		long caseRows;
		long followUpRows;
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (OutputStream out = Files.newOutputStream(cases)) {
				caseRows = copy.copyOut(
						"copy (select * from cases.case_report where id in (" + imported + ") order by id) to stdout",
						out);
			}
			try (OutputStream out = Files.newOutputStream(followUps)) {
				followUpRows = copy.copyOut("copy (select * from cases.follow_up where case_id in (" + imported
						+ ") order by id) to stdout", out);
			}
			long start = System.nanoTime();
			connection.setAutoCommit(false);
			try (InputStream in = Files.newInputStream(cases)) {
				copy.copyIn("copy bench_floor.case_report from stdin", in);
			}
			double caseSeconds = (System.nanoTime() - start) / 1e9;
			try (InputStream in = Files.newInputStream(followUps)) {
				copy.copyIn("copy bench_floor.follow_up from stdin", in);
			}
			connection.commit();
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Floor(caseRows, followUpRows, seconds, caseSeconds);
		}
		finally {
			Files.deleteIfExists(cases);
			Files.deleteIfExists(followUps);
		}
	}

	/** Loads the CSV into a scratch table of text columns with COPY. */
	static double copy(DataSource dataSource, Path csv, JdbcTemplate jdbc) throws Exception {
		String header;
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = reader.read()) != -1 && c != '\r' && c != '\n') {
				line.append((char) c);
			}
			header = line.toString();
		}
		int columns = header.split(",", -1).length;
		StringBuilder ddl = new StringBuilder("create table bench_copy.case_rows (");
		for (int i = 0; i < columns; i++) {
			ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
		}
		ddl.append(")");
		jdbc.execute("drop schema if exists bench_copy cascade");
		jdbc.execute("create schema bench_copy");
		jdbc.execute(ddl.toString());
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection();
				Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			if (reader.read() != '\uFEFF') {
				throw new IllegalStateException("CSV 应以 BOM 开头");
			}
			connection.setAutoCommit(false);
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_copy.case_rows from stdin with (format csv, header true)", reader);
			connection.commit();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Samples the used heap every 20 ms, and the heap left after each collection. */
	static final class HeapWatch extends Thread {

		final AtomicLong peak = new AtomicLong();

		final AtomicLong liveAfterGc = new AtomicLong();

		private final AtomicBoolean running = new AtomicBoolean(true);

		HeapWatch() {
			setDaemon(true);
			setName("heap-watch");
		}

		@Override
		public void run() {
			long collections = -1;
			while (this.running.get()) {
				this.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
				long count = 0;
				for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
					count += Math.max(0, gc.getCollectionCount());
				}
				if (count != collections) {
					collections = count;
					long live = 0;
					for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
						if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
							live += pool.getCollectionUsage().getUsed();
						}
					}
					this.liveAfterGc.accumulateAndGet(live, Math::max);
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void stopWatching() {
			this.running.set(false);
		}

	}

}
