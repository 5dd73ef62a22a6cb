package cn.rtms.bulkload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import cn.rtms.audit.AuditTrail;
import cn.rtms.bulkload.BulkLayouts.Column;
import cn.rtms.bulkload.BulkLayouts.Layout;
import cn.rtms.bulkload.BulkLayouts.SheetLayout;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionBulkUpsert;
import cn.rtms.personnel.PersonBulkUpsert;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The streamed bulk import (ADR 0037). One upload is one transaction: the workbook is
 * stored in a temporary file and guarded (size, a ZIP holding {@code xl/workbook.xml},
 * bounded inflation), then each sheet is streamed by {@link XlsxReader} (StAX); every
 * cell is checked in Java as it arrives ({@link Cells}) and each row is appended to a
 * PostgreSQL {@code COPY} into a temporary staging table. What spans rows (duplicate
 * keys, items of an unknown key) and the stored registry (name or licence number held by
 * another institution, a licence number held by a person of another institution, scope)
 * is checked set-based afterwards. Only when nothing is wrong are the staged rows
 * aggregated and upserted by {@link InstitutionBulkUpsert} / {@link PersonBulkUpsert};
 * otherwise, and always for a check ({@code commit = false}), the transaction rolls back.
 * Memory does not grow with the number of rows: rows live in the staging tables, and at
 * most {@value #MAX_PROBLEMS} problems are kept.
 */
@Service
public class BulkImport {

	/** Most problems kept in a report (all are counted). */
	public static final int MAX_PROBLEMS = 1000;

	static final int MAX_ENTRIES = 1_000;

	static final long MAX_INFLATED = 4L * 1024 * 1024 * 1024;

	static final int MAX_RATIO = 100;

	private static final Role[] ROLES = { Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY, Role.CITY_AUTHORITY,
			Role.COUNTY_AUTHORITY, Role.HOSPITAL_ADMIN, Role.HOSPITAL_CLERK };

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final RegionHierarchy regions;

	private final InstitutionBulkUpsert institutions;

	private final PersonBulkUpsert people;

	private final AuditTrail audit;

	private final Clock clock;

	private final long maxFileSize;

	BulkImport(DataSource dataSource, PlatformTransactionManager transactionManager, JdbcClient jdbc,
			AccessPolicy access, RegionHierarchy regions, InstitutionBulkUpsert institutions, PersonBulkUpsert people,
			AuditTrail audit, Clock clock, @Value("${rtms.bulkload.max-file-size:524288000}") long maxFileSize) {
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.access = access;
		this.regions = regions;
		this.institutions = institutions;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
		this.maxFileSize = maxFileSize;
	}

	/**
	 * Checks or imports one workbook as the current user.
	 * @param kind institutions or people
	 * @param in the upload
	 * @param fileName its name, for messages
	 * @param commit false to check only (nothing is saved, the counts say what an import
	 * would do), true to import
	 * @return the report; {@code REJECTED} with the problems when anything is wrong
	 * (nothing saved)
	 * @throws BulkRefused when the file is not a workbook, too large or unsafe
	 */
	public BulkReport run(BulkKind kind, InputStream in, String fileName, boolean commit) {
		CurrentUser user = this.access.requireRole(ROLES);
		Path file = null;
		try {
			file = Files.createTempFile("rtms-bulk-", ".xlsx");
			try (OutputStream out = Files.newOutputStream(file)) {
				long copied = 0;
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					copied += n;
					if (copied > this.maxFileSize) {
						throw BulkRefused.tooLarge(fileName, this.maxFileSize);
					}
					out.write(buffer, 0, n);
				}
			}
			List<String> sheets = guard(file, fileName);
			Path workbook = file;
			Run run = new Run(BulkLayouts.of(kind), user, fileName);
			BulkReport report = Objects.requireNonNull(this.transactions.execute(status -> {
				BulkReport result = run.execute(workbook, sheets, commit);
				if (!BulkReport.COMMITTED.equals(result.status())) {
					status.setRollbackOnly();
				}
				return result;
			}));
			if (commit && BulkReport.REJECTED.equals(report.status())) {
				this.audit.recordEvent("BULK_IMPORT_REJECTED", "BulkImport", kind.name(), details(report));
			}
			return report;
		}
		catch (IOException ex) {
			throw BulkRefused.unreadable(fileName);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file: the OS cleans up
				}
			}
		}
	}

	private static Map<String, Object> details(BulkReport report) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", report.kind().name());
		details.put("fileName", report.fileName());
		details.put("status", report.status());
		details.put("rows", report.rows());
		details.put("created", report.created());
		details.put("updated", report.updated());
		details.put("unchanged", report.unchanged());
		details.put("problems", report.problemCount());
		return details;
	}

	/**
	 * Refuses what is not a safe .xlsx workbook before a row is parsed.
	 * @return the workbook's sheet names
	 */
	static List<String> guard(Path file, String fileName) throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			throw BulkRefused.notWorkbook(fileName, "为空");
		}
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			in.readNBytes(head, 0, 4);
		}
		if (head[0] != 'P' || head[1] != 'K') {
			throw BulkRefused.notWorkbook(fileName, "不是 .xlsx 工作簿（按文件内容识别，与扩展名无关）");
		}
		boolean workbook = false;
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				throw BulkRefused.notWorkbook(fileName, "压缩包内文件超过 " + MAX_ENTRIES + " 个");
			}
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				workbook |= entry.getName().equals("xl/workbook.xml");
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > MAX_INFLATED || (total > 4L * 1024 * 1024 && total > MAX_RATIO * size)) {
							throw BulkRefused.notWorkbook(fileName, "解压后过大（疑似压缩炸弹）");
						}
					}
				}
			}
		}
		catch (ZipException ex) {
			throw BulkRefused.notWorkbook(fileName, "是损坏的压缩文件");
		}
		if (!workbook) {
			throw BulkRefused.notWorkbook(fileName, "是压缩文件，但不是 .xlsx 工作簿");
		}
		try (XlsxReader reader = new XlsxReader(file)) {
			return reader.sheetNames();
		}
		catch (XlsxReader.Unreadable ex) {
			throw BulkRefused.unreadable(fileName);
		}
	}

	/** One check or import. */
	private final class Run {

		private final Layout layout;

		private final CurrentUser user;

		private final String fileName;

		private final List<BulkProblem> problems = new ArrayList<>();

		private int problemCount;

		private final Map<String, Integer> rows = new LinkedHashMap<>();

		private final Map<String, Boolean> covered = new HashMap<>();

		private final Map<String, InstitutionBulkUpsert.Ref> byCreditCode = new HashMap<>();

		/**
		 * A hospital user's institution-sheet rows, to compare with the stored record.
		 */
		private final Map<Integer, Object[]> ownRows = new HashMap<>();

		private final Cells cells;

		Run(Layout layout, CurrentUser user, String fileName) {
			this.layout = layout;
			this.user = user;
			this.fileName = fileName;
			this.cells = new Cells(BulkImport.this.regions, LocalDate.now(BulkImport.this.clock));
		}

		boolean hospital() {
			return this.user.hasRole(Role.HOSPITAL_ADMIN, Role.HOSPITAL_CLERK);
		}

		void problem(String sheet, int row, int column, String header, String message) {
			this.problemCount++;
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems
					.add(new BulkProblem(sheet, row, column < 0 ? "" : BulkLayouts.letter(column), header, message));
			}
		}

		boolean covers(String regionCode) {
			return this.covered.computeIfAbsent(regionCode,
					code -> BulkImport.this.access.coversRegion(this.user, code));
		}

		BulkReport execute(Path file, List<String> sheets, boolean commit) {
			if (this.layout.kind() == BulkKind.PEOPLE) {
				BulkImport.this.institutions.byCreditCode(this.byCreditCode::put);
			}
			createStaging();
			Connection connection = DataSourceUtils.getConnection(BulkImport.this.dataSource);
			try (XlsxReader reader = new XlsxReader(file)) {
				for (SheetLayout sheet : this.layout.sheets()) {
					if (!sheets.contains(sheet.name())) {
						if (sheet.main()) {
							problem(sheet.name(), 1, -1, "",
									"缺少工作表“" + sheet.name() + "”：请使用" + this.layout.kind().label() + "批量导入模板（工作表："
											+ String.join("、", sheetNames()) + "）");
						}
						continue;
					}
					stream(reader, sheet, connection);
				}
			}
			catch (IOException | XlsxReader.Unreadable ex) {
				throw BulkRefused.unreadable(this.fileName);
			}
			checkAcrossRows();
			if (this.layout.kind() == BulkKind.INSTITUTIONS) {
				BulkImport.this.institutions.matches("bulk_main", this::checkMatch);
			}
			else {
				Map<UUID, String> names = new HashMap<>();
				this.byCreditCode.values().forEach(ref -> names.put(ref.id(), ref.name()));
				BulkImport.this.people
					.conflicts("bulk_main",
							conflict -> problem(this.layout.main().name(), conflict.row(), 0,
									this.layout.main().columns().getFirst().header(),
									"执业证书编码已属于"
											+ (conflict.institutionId() == null ? "未登记机构"
													: "另一机构（" + names.getOrDefault(conflict.institutionId(), "其他机构")
															+ "）")
											+ "的人员“" + conflict.personName() + "”；人员调动请由原机构先办理"));
			}
			if (this.problemCount > 0) {
				this.problems.sort(Comparator.comparingInt((BulkProblem p) -> sheetIndex(p.sheet()))
					.thenComparingInt(BulkProblem::row)
					.thenComparingInt(p -> p.column().length())
					.thenComparing(BulkProblem::column));
				return new BulkReport(this.layout.kind(), this.fileName, BulkReport.REJECTED, this.rows, 0, 0, 0,
						this.problemCount, List.copyOf(this.problems));
			}
			buildUpsertView();
			int created;
			int updated;
			int unchanged;
			if (this.layout.kind() == BulkKind.INSTITUTIONS) {
				InstitutionBulkUpsert.Counts counts = BulkImport.this.institutions.upsert("bulk_upsert");
				created = counts.created();
				updated = counts.updated();
				unchanged = counts.unchanged();
			}
			else {
				PersonBulkUpsert.Counts counts = BulkImport.this.people.upsert("bulk_upsert");
				created = counts.created();
				updated = counts.updated();
				unchanged = counts.unchanged();
			}
			BulkImport.this.jdbc.sql("drop view bulk_upsert").update();
			BulkReport report = new BulkReport(this.layout.kind(), this.fileName,
					commit ? BulkReport.COMMITTED : BulkReport.VALID, this.rows, created, updated, unchanged, 0,
					List.of());
			if (commit) {
				BulkImport.this.audit.record("BULK_IMPORT_COMMITTED", "BulkImport", UUID.randomUUID().toString(), null,
						details(report));
			}
			return report;
		}

		private List<String> sheetNames() {
			return this.layout.sheets().stream().map(SheetLayout::name).toList();
		}

		private int sheetIndex(String name) {
			int index = sheetNames().indexOf(name);
			return index < 0 ? Integer.MAX_VALUE : index;
		}

		/**
		 * One staging table per sheet: the main sheet's typed columns; a collection
		 * sheet's key and each row as the JSON object text of its item (built in Java
		 * while streaming, aggregated per key with {@code string_agg}).
		 */
		private void createStaging() {
			for (SheetLayout sheet : this.layout.sheets()) {
				StringBuilder ddl = new StringBuilder("create temp table ").append(sheet.table()).append(" (row int");
				List<Column> columns = sheet.columns();
				if (sheet.main()) {
					for (Column column : columns) {
						ddl.append(", \"").append(column.field()).append("\" ").append(column.type().sql());
					}
					if (this.layout.kind() == BulkKind.PEOPLE) {
						ddl.append(", institution_id uuid");
					}
				}
				else {
					ddl.append(", key ").append(columns.getFirst().type().sql()).append(", doc text");
				}
				ddl.append(") on commit drop");
				BulkImport.this.jdbc.sql(ddl.toString()).update();
			}
		}

		private void stream(XlsxReader reader, SheetLayout sheet, Connection connection) {
			StringBuilder columns = new StringBuilder("row");
			if (sheet.main()) {
				for (Column column : sheet.columns()) {
					columns.append(", \"").append(column.field()).append('"');
				}
				if (this.layout.kind() == BulkKind.PEOPLE) {
					columns.append(", institution_id");
				}
			}
			else {
				columns.append(", key, doc");
			}
			try (Copy copy = new Copy(connection, "copy " + sheet.table() + " (" + columns + ") from stdin")) {
				SheetListener listener = new SheetListener(this, sheet, copy);
				try {
					reader.read(sheet.name(), sheet.columns().size(), listener);
				}
				catch (XlsxReader.Unreadable ex) {
					throw BulkRefused.unreadable(this.fileName + "”的工作表“" + sheet.name());
				}
				if (!listener.headerSeen) {
					problem(sheet.name(), 1, -1, "", "第 1 行应为表头（"
							+ String.join("、", sheet.columns().stream().map(Column::header).toList()) + "），工作表为空");
				}
				this.rows.put(sheet.name(), listener.dataRows);
			}
		}

		/** Checks one data row's values as a whole and stages it. */
		void row(SheetLayout sheet, int row, Object[] values, boolean valid, Copy copy) {
			List<Column> columns = sheet.columns();
			if (values[0] == null) {
				return;
			}
			UUID institutionId = null;
			if (sheet.main() && this.layout.kind() == BulkKind.INSTITUTIONS) {
				String region = (String) values[2];
				if (region != null && !this.hospital() && !covers(region)) {
					problem(sheet.name(), row, 2, columns.get(2).header(),
							"行政区划“" + region + "”不在当前账号的管辖范围（" + this.user.regionCode() + "）内");
				}
				if ("GENERAL".equals(values[4]) && values[5] != null) {
					problem(sheet.name(), row, 5, columns.get(5).header(), "综合医院不填专科（机构类别为“综合”）");
				}
				if (values[9] != null && values[10] != null
						&& ((LocalDate) values[10]).isBefore((LocalDate) values[9])) {
					problem(sheet.name(), row, 10, columns.get(10).header(), "许可证有效期至早于有效期起");
				}
				if (this.hospital() && this.ownRows.size() < 10) {
					this.ownRows.put(row, values.clone());
				}
			}
			if (sheet.main() && this.layout.kind() == BulkKind.PEOPLE && values[5] != null) {
				String code = (String) values[5];
				InstitutionBulkUpsert.Ref ref = this.byCreditCode.get(code);
				String header = columns.get(5).header();
				if (ref == null) {
					problem(sheet.name(), row, 5, header, "统一社会信用代码“" + code + "”对应的机构未在平台登记（请先导入医疗机构）");
				}
				else if (this.hospital() ? !ref.id().equals(this.user.institutionId()) : !covers(ref.regionCode())) {
					problem(sheet.name(), row, 5, header, this.hospital() ? "医院账号只能导入本机构的人员，“" + ref.name() + "”是其他机构"
							: "机构“" + ref.name() + "”（行政区划 " + ref.regionCode() + "）不在当前账号的管辖范围内");
				}
				else {
					institutionId = ref.id();
				}
			}
			if ("bulk_trainings".equals(sheet.table()) && values[3] != null && values[4] != null
					&& ((LocalDate) values[4]).isBefore((LocalDate) values[3])) {
				problem(sheet.name(), row, 4, columns.get(4).header(), "结束日期早于开始日期");
			}
			if (!valid && !sheet.main()) {
				return;
			}
			if (sheet.main()) {
				copy.row(row, values, this.layout.kind() == BulkKind.PEOPLE, institutionId);
			}
			else {
				copy.item(row, values[0], Copy.json(columns, values));
			}
		}

		private void checkAcrossRows() {
			SheetLayout main = this.layout.main();
			Column key = main.columns().getFirst();
			duplicates(main, 0);
			if (this.layout.kind() == BulkKind.INSTITUTIONS) {
				duplicates(main, 1);
				duplicates(main, 6);
			}
			for (SheetLayout sheet : this.layout.sheets()) {
				if (sheet.main()) {
					continue;
				}
				BulkImport.this.jdbc
					.sql("select c.row, c.key from " + sheet.table()
							+ " c where not exists (select 1 from bulk_main m where m.\"" + key.field()
							+ "\" = c.key) order by c.row")
					.query(rs -> {
						problem(sheet.name(), rs.getInt(1), 0, sheet.columns().getFirst().header(),
								key.header() + "“" + rs.getString(2) + "”不在“" + main.name() + "”工作表中");
					});
			}
		}

		private void duplicates(SheetLayout main, int column) {
			Column col = main.columns().get(column);
			BulkImport.this.jdbc
				.sql("select row, first, value from (select row, \"" + col.field()
						+ "\" as value, min(row) over (partition by \"" + col.field()
						+ "\") as first from bulk_main where \"" + col.field()
						+ "\" is not null) d where row > first order by row")
				.query(rs -> {
					problem(main.name(), rs.getInt(1), column, col.header(),
							col.header() + "“" + rs.getString(3) + "”与第 " + rs.getInt(2) + " 行重复");
				});
		}

		private void checkMatch(InstitutionBulkUpsert.Match match) {
			SheetLayout main = this.layout.main();
			List<Column> columns = main.columns();
			if (match.nameTakenBy() != null) {
				problem(main.name(), match.row(), 1, columns.get(1).header(), "机构名称已被平台上另一机构使用（统一社会信用代码不同）");
			}
			if (match.licenceTakenBy() != null) {
				problem(main.name(), match.row(), 6, columns.get(6).header(),
						"执业许可证登记号已登记在另一机构“" + match.licenceTakenBy() + "”名下");
			}
			if (this.hospital()) {
				if (match.id() == null || !match.id().equals(this.user.institutionId())) {
					problem(main.name(), match.row(), 0, columns.getFirst().header(), "医院账号只能更新本机构的信息，不能新建或修改其他机构");
					return;
				}
				Object[] values = this.ownRows.get(match.row());
				if (values == null) {
					return;
				}
				// What decides jurisdiction and eligibility (region, level, type and the
				// whole
				// practice licence, as InstitutionManagement#update keeps them) only an
				// authority changes.
				Object[] stored = { null, null, match.regionCode(), match.level(), match.type(), null,
						match.licenceNumber(), match.licenceIssuedBy(), match.licenceIssuerRegionCode(),
						match.licenceValidFrom(), match.licenceValidUntil() };
				for (int c : new int[] { 2, 3, 4, 6, 7, 8, 9, 10 }) {
					if (!Objects.equals(values[c], stored[c])) {
						problem(main.name(), match.row(), c, columns.get(c).header(), "“" + columns.get(c).header()
								+ "”只能由卫生健康行政部门变更，医院账号不能修改（现为“" + shown(columns.get(c), stored[c]) + "”）");
					}
				}
			}
			else if (match.id() != null && match.regionCode() != null && !covers(match.regionCode())) {
				problem(main.name(), match.row(), 2, columns.get(2).header(),
						"该机构现属行政区划“" + match.regionCode() + "”，不在当前账号的管辖范围内");
			}
		}

		/** A stored value as the template writes it: a code list's label, 空 for none. */
		private static String shown(Column column, @Nullable Object value) {
			if (value == null) {
				return "空";
			}
			for (Map.Entry<String, String> label : column.values().entrySet()) {
				if (label.getValue().equals(value)) {
					return label.getKey();
				}
			}
			return value.toString();
		}

		/**
		 * The rows to upsert, in the layout the owning module's upsert reads: a temporary
		 * view over the main staging table joined with each collection sheet aggregated
		 * per key (a view, so that the 50,000 records are not written once more; dropped
		 * after the upsert, and its creation rolls back with a rejected import).
		 */
		private void buildUpsertView() {
			String contract = this.layout.kind() == BulkKind.INSTITUTIONS ? InstitutionBulkUpsert.STAGING_COLUMNS
					: PersonBulkUpsert.STAGING_COLUMNS;
			Map<String, String> collections = new LinkedHashMap<>();
			StringBuilder joins = new StringBuilder();
			int n = 0;
			for (SheetLayout sheet : this.layout.sheets()) {
				if (sheet.main()) {
					continue;
				}
				String alias = "c" + n++;
				collections.put(sheet.collection(), alias + ".doc");
				joins.append(
						" left join (select key, ('[' || string_agg(doc, ',' order by row) || ']')::jsonb as doc from ")
					.append(sheet.table())
					.append(" group by key) ")
					.append(alias)
					.append(" on ")
					.append(alias)
					.append(".key = m.\"")
					.append(this.layout.main().columns().getFirst().field())
					.append('"');
			}
			List<String> select = new ArrayList<>();
			for (String definition : contract.split(",")) {
				String[] nameAndType = definition.trim().split(" ", 2);
				select.add("(" + collections.getOrDefault(nameAndType[0], "m.\"" + nameAndType[0] + "\"") + ")::"
						+ nameAndType[1] + " as " + nameAndType[0]);
			}
			BulkImport.this.jdbc
				.sql("create temp view bulk_upsert as select " + String.join(", ", select) + " from bulk_main m"
						+ joins)
				.update();
		}

	}

	/** Streams one sheet's rows: header check, cell checks, staging. */
	private static final class SheetListener implements XlsxReader.Rows {

		private final Run run;

		private final SheetLayout sheet;

		private final Copy copy;

		boolean headerSeen;

		private boolean headerBroken;

		int dataRows;

		SheetListener(Run run, SheetLayout sheet, Copy copy) {
			this.run = run;
			this.sheet = sheet;
			this.copy = copy;
		}

		@Override
		public void row(int row, XlsxReader.@Nullable Cell[] data) {
			List<Column> columns = this.sheet.columns();
			if (!this.headerSeen) {
				this.headerSeen = true;
				if (row != 1) {
					this.headerBroken = true;
					this.run.problem(this.sheet.name(), 1, -1, "", "第 1 行应为表头，实际为空");
					return;
				}
				for (int c = 0; c < columns.size(); c++) {
					String actual = Cells.text(data[c]);
					actual = actual == null ? "" : actual.replace("*", "").strip();
					if (!actual.equals(columns.get(c).header())) {
						this.headerBroken = true;
						this.run.problem(this.sheet.name(), 1, c, columns.get(c).header(), "表头应为“"
								+ columns.get(c).header() + "”，实际为" + (actual.isEmpty() ? "空" : "“" + actual + "”"));
					}
				}
				return;
			}
			if (this.headerBroken) {
				return;
			}
			Object[] values = new Object[columns.size()];
			boolean valid = true;
			boolean any = false;
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				Cells.Parsed parsed = this.run.cells.parse(column, data[c]);
				if (parsed.problem() != null) {
					valid = false;
					this.run.problem(this.sheet.name(), row, c, column.header(), parsed.problem());
				}
				else {
					values[c] = parsed.value();
				}
				any |= parsed.present();
			}
			if (!any) {
				return;
			}
			this.dataRows++;
			this.run.row(this.sheet, row, values, valid, this.copy);
		}

		@Override
		public void merged(int firstRow, int firstColumn, int lastRow, int lastColumn) {
			int first = firstRow + 1;
			String range = BulkLayouts.letter(firstColumn) + first + ":" + BulkLayouts.letter(lastColumn)
					+ (lastRow + 1);
			int column = firstColumn;
			String header = column < this.sheet.columns().size() ? this.sheet.columns().get(column).header() : "";
			this.run.problem(this.sheet.name(), first, column, header,
					first == 1 ? "表头含合并单元格（" + range + "），请取消合并后再导入" : "含合并单元格（" + range + "）：每个单元格须单独填写，请取消合并后再导入");
		}

	}

	/**
	 * A PostgreSQL {@code COPY … FROM STDIN} (text format) fed row by row through a 64 KB
	 * buffer.
	 */
	static final class Copy implements AutoCloseable {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(80 * 1024);

		Copy(Connection connection, String sql) {
			try {
				this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void row(int row, Object[] values, boolean withInstitution, @Nullable UUID institutionId) {
			this.buffer.append(row);
			for (Object value : values) {
				this.buffer.append('\t');
				field(value);
			}
			if (withInstitution) {
				this.buffer.append('\t');
				field(institutionId);
			}
			this.buffer.append('\n');
			if (this.buffer.length() > 64 * 1024) {
				flush();
			}
		}

		void item(int row, @Nullable Object key, String doc) {
			this.buffer.append(row).append('\t');
			field(key);
			this.buffer.append('\t');
			field(doc);
			this.buffer.append('\n');
			if (this.buffer.length() > 64 * 1024) {
				flush();
			}
		}

		/**
		 * A collection row as the JSON object of its item: each column after the key by
		 * its field name, as {@code jsonb_build_object} would write it (text and codes as
		 * strings, dates as ISO strings, numbers and booleans bare, lists as arrays,
		 * empty as null).
		 */
		static String json(List<Column> columns, @Nullable Object[] values) {
			StringBuilder json = new StringBuilder(64).append('{');
			for (int c = 1; c < columns.size(); c++) {
				Column column = columns.get(c);
				Object value = values[c];
				if (c > 1) {
					json.append(',');
				}
				quote(json, column.field()).append(':');
				if (value == null) {
					json.append("null");
				}
				else if (value instanceof Integer || value instanceof Boolean
						|| column.type() == BulkLayouts.CellType.LIST) {
					json.append(value);
				}
				else {
					quote(json, value.toString());
				}
			}
			return json.append('}').toString();
		}

		/** Appends {@code text} as a JSON string (control characters escaped). */
		static StringBuilder quote(StringBuilder json, String text) {
			json.append('"');
			for (int i = 0; i < text.length(); i++) {
				char ch = text.charAt(i);
				switch (ch) {
					case '"' -> json.append("\\\"");
					case '\\' -> json.append("\\\\");
					default -> {
						if (ch < 0x20) {
							json.append(String.format("\\u%04x", (int) ch));
						}
						else {
							json.append(ch);
						}
					}
				}
			}
			return json.append('"');
		}

		private void field(@Nullable Object value) {
			if (value == null) {
				this.buffer.append("\\N");
				return;
			}
			if (value instanceof Boolean b) {
				this.buffer.append(b ? 't' : 'f');
				return;
			}
			String text = value.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> this.buffer.append("\\\\");
					case '\t' -> this.buffer.append("\\t");
					case '\n' -> this.buffer.append("\\n");
					case '\r' -> this.buffer.append("\\r");
					default -> this.buffer.append(c);
				}
			}
		}

		private void flush() {
			if (this.buffer.isEmpty()) {
				return;
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			try {
				flush();
				this.copy.endCopy();
			}
			catch (SQLException ex) {
				throw new UncheckedIOException(new IOException(ex));
			}
		}

	}

}
