package cn.rtms.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import cn.idev.excel.exception.ExcelAnalysisException;
import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseInvalid;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseManagement.PreparedImport;
import cn.rtms.cases.CasePage;
import cn.rtms.cases.CaseQuery;
import cn.rtms.cases.CaseSummary;
import cn.rtms.cases.CaseView;
import cn.rtms.cases.DeviceReused;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.imports.ImportColumn.Kind;
import cn.rtms.cases.imports.SheetReader.Format;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.web.InputRules;
import cn.rtms.web.ProblemException;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case import and export in Excel (and CSV) for hospital users: the template of a
 * technology, imports that run in the background (a bounded pool of
 * {@code rtms.cases.import.workers} threads and a queue of
 * {@code rtms.cases.import.queue}) in ONE transaction each, so either every row is
 * committed or none (unless the user asked for the valid rows only), the progress and
 * problems of an import, its annotated copy, and the export of registered cases in the
 * template layout. The institution is always the user's own. See docs/case-import.md.
 */
@Service
public class CaseImports {

	private static final Logger log = LoggerFactory.getLogger(CaseImports.class);

	private final CodeDictionary dictionary = CodeDictionary.standard();

	private final ImportLayouts layouts;

	private final ImportJobs jobs;

	private final CaseManagement cases;

	private final PersonnelManagement people;

	private final IdentityManagement identity;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private final Path directory;

	/** How long the upload of an import with problems is kept for its annotated copy. */
	private final Duration keepUpload;

	private final long maxFileSize;

	private final ThreadPoolExecutor workers;

	private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();

	CaseImports(ImportLayouts layouts, ImportJobs jobs, CaseManagement cases, PersonnelManagement people,
			IdentityManagement identity, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
			@Value("${rtms.cases.import.dir:var/case-imports}") Path directory,
			@Value("${rtms.cases.import.max-file-size:104857600}") long maxFileSize,
			@Value("${rtms.cases.import.workers:2}") int workers, @Value("${rtms.cases.import.queue:8}") int queue,
			@Value("${rtms.cases.import.keep-upload:P30D}") Duration keepUpload) {
		this.keepUpload = keepUpload;
		this.layouts = layouts;
		this.jobs = jobs;
		this.cases = cases;
		this.people = people;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setTimeout(-1);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.directory = directory;
		this.maxFileSize = maxFileSize;
		AtomicInteger number = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				task -> {
					Thread thread = new Thread(task, "case-import-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Imports a stopped node left behind can never finish: they are marked failed (those
	 * of nodes still connected are left to them).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void abandonInterrupted() {
		int abandoned = this.jobs.abandon(this.clock.instant());
		if (abandoned > 0) {
			log.warn("{} 个未完成的病例导入任务已标记为失败（平台曾在导入过程中停止）", abandoned);
		}
		deleteLeftovers();
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	/**
	 * @param technology technology code
	 * @param out where the template goes (not closed)
	 * @return the file name to offer
	 * @throws IOException when writing fails
	 */
	public String template(String technology, OutputStream out) throws IOException {
		this.identity.currentUser();
		ImportLayout layout = this.layouts.forTechnology(technology, today());
		WorkbookWriter.write(layout, out, List.<Map<String, Object>>of().iterator());
		return layout.formKey() + "-病例导入模板.xlsx";
	}

	/**
	 * Stores an upload, refuses it at once when the file as a whole is unfit (size, type,
	 * zip bomb, no sheet {@value ImportLayout#SHEET}, headers of another template), and
	 * queues its import.
	 * @param content the uploaded bytes (read once, to a file)
	 * @param originalName the file name as uploaded
	 * @param technology technology code
	 * @param validOnly import the valid rows only (仅导入有效行) instead of all or nothing
	 * @param confirmWarnings treat plausibility warnings as confirmed for every row
	 * @return the queued import
	 * @throws ImportRefused when the file is refused as a whole (nothing imported)
	 * @throws AccessDenied for users who are not hospital clerks or administrators
	 */
	public ImportJob start(InputStream content, @Nullable String originalName, String technology, boolean validOnly,
			boolean confirmWarnings) {
		CurrentUser user = hospitalUser();
		UUID institutionId = user.institutionId();
		if (institutionId == null) {
			throw new AccessDenied("当前账号未关联医疗机构，不能导入病例");
		}
		String fileName = InputRules.sanitiseFileName(originalName == null ? "cases.xlsx" : originalName);
		ImportLayout layout = this.layouts.forTechnology(technology, today());
		UUID id = UUID.randomUUID();
		Path file = this.directory.resolve(id + ".upload");
		boolean queued = false;
		try {
			String sha256 = store(content, file, fileName);
			UploadGuard.Checked checked = UploadGuard.check(file, fileName, this.maxFileSize);
			if (checked.format() == Format.XLSX) {
				List<String> sheets = sheetNames(file, fileName);
				if (!sheets.contains(ImportLayout.SHEET)) {
					throw ImportRefused.wrongSheet(fileName, sheets);
				}
			}
			checkHeader(file, checked, fileName, layout);
			int busy = this.jobs.running();
			if (busy >= this.workers.getMaximumPoolSize() + this.workers.getQueue().remainingCapacity()
					+ this.workers.getQueue().size()) {
				throw ImportRefused.busy(busy);
			}
			this.jobs.create(new ImportJobs.NewImport(id, institutionId, layout.technology(), layout.formKey(),
					fileName, checked.format().name(), checked.charset().name(), Files.size(file), sha256, validOnly,
					confirmWarnings, user.id(), this.clock.instant()));
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
			try {
				this.running.put(id, this.workers.submit(() -> runAs(context, id, layout, file)));
				queued = true;
			}
			catch (RejectedExecutionException ex) {
				this.jobs.finished(id, new ImportJobs.Outcome(ImportJob.FAILED, 0, 0, 0, 0, 0, 0, Map.of(),
						"导入任务过多，请稍后再试；本次未导入任何病例", this.clock.instant()));
				throw ImportRefused.busy(this.jobs.running());
			}
			return get(id);
		}
		catch (IOException ex) {
			throw ImportRefused.unreadable(fileName, "保存上传文件失败");
		}
		finally {
			if (!queued) {
				deleteQuietly(file);
			}
		}
	}

	/**
	 * @param id an import of the user's institution
	 * @return its state, progress and first problems
	 * @throws ImportRefused when there is none in the user's scope
	 */
	public ImportJob get(UUID id) {
		checkScope(id);
		return this.jobs.find(id, this.jobs.uploadKept(id)).orElseThrow(() -> ImportRefused.notFound(id.toString()));
	}

	/**
	 * Waits for an import to end (benchmarks and tests; the UI polls {@link #get}).
	 * @param id an import
	 * @param max the longest wait
	 * @return its final state
	 * @throws IllegalStateException when it did not end in time
	 */
	public ImportJob awaitFinished(UUID id, Duration max) {
		Future<?> future = this.running.get(id);
		if (future != null) {
			try {
				future.get(max.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("导入 " + id + " 未在 " + max + " 内结束", ex);
			}
		}
		return get(id);
	}

	/**
	 * Writes the uploaded file back with every problem marked.
	 * @param id an import of the user's institution that found problems
	 * @param out where the copy goes (not closed)
	 * @return the file name to offer
	 * @throws IOException when writing fails
	 */
	public String annotatedCopy(UUID id, OutputStream out) throws IOException {
		checkScope(id);
		ImportJobs.Stored stored = this.jobs.stored(id).orElseThrow(() -> ImportRefused.notFound(id.toString()));
		if (stored.problemCount() == 0 || stored.errorColumn() == null) {
			throw ImportRefused.noCopy(id.toString());
		}
		Path file = privateDirectory().resolve(UUID.randomUUID() + ".copy");
		try {
			try (OutputStream restored = Files.newOutputStream(file)) {
				if (!this.jobs.restoreUpload(id, restored)) {
					throw ImportRefused.noCopy(id.toString());
				}
			}
			Iterator<CellProblem> problems = this.jobs.byRow(id);
			AnnotatedCopy.write(file, Format.valueOf(stored.format()), Charset.forName(stored.charset()),
					Set.copyOf(stored.dateColumns()), stored.errorColumn(), problems, out);
		}
		finally {
			deleteQuietly(file);
		}
		this.audit.recordEvent("CASE_IMPORT_ANNOTATED_COPY", "CaseImport", id.toString(),
				Map.of("fileName", stored.fileName()));
		String base = stored.fileName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
		return base + "-错误批注.xlsx";
	}

	/**
	 * Exports the submitted cases of the user's institution in the template layout.
	 * @param technology technology code
	 * @param from first operation day, or null
	 * @param to last operation day, or null
	 * @param out where the workbook goes (not closed)
	 * @return the file name to offer
	 * @throws IOException when writing fails
	 */
	public String export(String technology, @Nullable LocalDate from, @Nullable LocalDate to, OutputStream out)
			throws IOException {
		CurrentUser user = hospitalUser();
		UUID institutionId = user.institutionId();
		if (institutionId == null) {
			throw new AccessDenied("当前账号未关联医疗机构，不能导出病例");
		}
		ImportLayout layout = this.layouts.forTechnology(technology, to != null ? to : today());
		StaffLookup staff = staff(institutionId);
		Iterator<Map<String, Object>> rows = new Iterator<>() {

			private int page;

			private final List<CaseSummary> buffer = new ArrayList<>();

			private int position;

			private boolean exhausted;

			@Override
			public boolean hasNext() {
				if (this.position < this.buffer.size()) {
					return true;
				}
				if (this.exhausted) {
					return false;
				}
				CasePage found = CaseImports.this.cases.search(new CaseQuery(institutionId, layout.technology(),
						"SUBMITTED", null, from, to, this.page++, 200));
				this.buffer.clear();
				this.position = 0;
				this.buffer.addAll(found.items());
				this.exhausted = found.items().size() < 200;
				return !this.buffer.isEmpty();
			}

			@Override
			public Map<String, Object> next() {
				CaseView view = CaseImports.this.cases.get(this.buffer.get(this.position++).id());
				return CaseRows.values(view, layout, staff::label);
			}

		};
		WorkbookWriter.write(layout, out, rows);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("technology", layout.technology());
		details.put("from", from == null ? "" : from.toString());
		details.put("to", to == null ? "" : to.toString());
		this.audit.recordEvent("CASES_EXPORTED", "CaseImport", institutionId.toString(), details);
		return layout.technology() + "-病例导出.xlsx";
	}

	/**
	 * Writes rows in the template layout of a technology as an XLSX workbook (what the
	 * export writes; the dataset generator of the benchmark uses it too).
	 * @param technology technology code
	 * @param day the day whose case-form edition applies
	 * @param rows values by column key: dates, numbers, booleans, codes of choice
	 * columns, texts (people by name, lists joined with ；)
	 * @param out where the workbook goes (not closed)
	 * @throws IOException when writing fails
	 */
	public void writeWorkbook(String technology, LocalDate day, Iterator<Map<String, Object>> rows, OutputStream out)
			throws IOException {
		WorkbookWriter.write(this.layouts.forTechnology(technology, day), out, rows);
	}

	/**
	 * Writes rows in the template layout of a technology as CSV (UTF-8 with BOM, so Excel
	 * opens it in Chinese), see {@link #writeWorkbook}.
	 * @param technology technology code
	 * @param day the day whose case-form edition applies
	 * @param rows values by column key
	 * @param out where the text goes (not closed)
	 * @throws IOException when writing fails
	 */
	public void writeCsv(String technology, LocalDate day, Iterator<Map<String, Object>> rows, Appendable out)
			throws IOException {
		CsvWriter.write(this.layouts.forTechnology(technology, day), rows, out);
	}

	private void runAs(SecurityContext context, UUID id, ImportLayout layout, Path file) {
		SecurityContextHolder.setContext(context);
		try {
			run(id, layout, file);
		}
		catch (RuntimeException ex) {
			log.error("病例导入 {} 意外失败", id, ex);
			this.jobs.finished(id, new ImportJobs.Outcome(ImportJob.FAILED, 0, 0, 0, 0, 0, 0, Map.of(),
					"导入意外失败，本次未导入任何病例；请联系系统管理员（导入编号 " + id + "）", this.clock.instant()));
		}
		finally {
			SecurityContextHolder.clearContext();
			this.running.remove(id);
			deleteQuietly(file);
		}
	}

	private void run(UUID id, ImportLayout layout, Path file) {
		ImportJobs.Stored stored = this.jobs.stored(id).orElseThrow();
		Format format = Format.valueOf(stored.format());
		Charset charset = Charset.forName(stored.charset());
		String sheet = format == Format.CSV ? stored.fileName() : ImportLayout.SHEET;
		ImportRun run = new ImportRun(id, stored.institutionId(), layout, stored.validOnly(), stored.confirmWarnings(),
				this.cases, this.jobs, sheet, staff(stored.institutionId()), this::attempt,
				java.time.LocalDate.now(this.clock));
		String failure = null;
		try {
			this.transaction.executeWithoutResult(tx -> {
				Thread reader = startReader(run, id, layout, file, format, charset);
				try {
					run.consume();
				}
				catch (RuntimeException | Error ex) {
					run.cancel();
					throw ex;
				}
				finally {
					awaitReader(reader, run);
				}
				if (!run.mayCommit() || run.stopReason() != null) {
					tx.setRollbackOnly();
				}
			});
		}
		catch (ProblemException ex) {
			failure = String.valueOf(ex.getBody().getDetail());
		}
		catch (ExcelAnalysisException | IllegalStateException ex) {
			failure = "文件在第 " + (run.processed() + 1) + " 行附近无法读取（" + Cells.shorten(rootMessage(ex)) + "），本次未导入任何病例";
		}
		boolean committed = failure == null && run.mayCommit() && run.stopReason() == null;
		String outcome = failure != null ? failure : outcome(run, committed, stored.validOnly());
		ImportJobs.Outcome result = new ImportJobs.Outcome(committed ? ImportJob.DONE : ImportJob.FAILED,
				run.processed(), run.processed(), committed ? run.inserted() : 0, run.duplicates(), run.invalidRows(),
				run.problemCount(), committed ? run.findings() : Map.of(), outcome, this.clock.instant());
		if (run.problemCount() > 0) {
			// kept (encrypted, in the database) for the annotated copy before the job is
			// seen as finished; the local file goes in any case
			try {
				this.jobs.keepUpload(id, file, this.clock.instant().plus(this.keepUpload));
			}
			catch (IOException | RuntimeException ex) {
				log.warn("病例导入 {} 的上传文件未能保存，批注副本将不可用", id, ex);
			}
		}
		this.jobs.finished(id, result);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fileName", stored.fileName());
		details.put("technology", layout.technology());
		details.put("status", result.status());
		details.put("rows", run.processed());
		details.put("inserted", result.inserted());
		details.put("duplicates", result.duplicates());
		details.put("problems", result.problemCount());
		this.audit.recordEvent(committed ? "CASES_IMPORTED" : "CASE_IMPORT_FAILED", "CaseImport", id.toString(),
				details);
	}

	/**
	 * The reader of {@link ImportRun}: streams the file on its own thread as the
	 * importing user, handing chunks to the import's transaction.
	 */
	private Thread startReader(ImportRun run, UUID id, ImportLayout layout, Path file, Format format, Charset charset) {
		SecurityContext context = SecurityContextHolder.getContext();
		return Thread.ofPlatform().name("case-import-reader-" + id).daemon().start(() -> {
			SecurityContextHolder.setContext(context);
			try {
				SheetReader.read(file, format, charset, ImportLayout.SHEET, new StartingSink(run, id, layout));
				run.endOfInput();
			}
			catch (CancellationException ex) {
				log.debug("病例导入 {} 的读取已中止", id);
			}
			catch (RuntimeException | Error ex) {
				run.failed(ex);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	/** Waits for the reader to end (it stops soon after a cancel). */
	private static void awaitReader(Thread reader, ImportRun run) {
		try {
			if (!reader.join(Duration.ofMinutes(1))) {
				run.cancel();
				reader.interrupt();
			}
		}
		catch (InterruptedException ex) {
			run.cancel();
			reader.interrupt();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Inserts a prepared chunk as it is in a savepoint of the import's transaction; a
	 * refusal (a reused device) rolls back to the savepoint, which also clears the
	 * rollback-only mark the refused call left, and answers null.
	 */
	private @Nullable ImportResult attempt(PreparedImport prepared) {
		try {
			return this.savepoint.execute(tx -> this.cases.insertPrepared(prepared));
		}
		catch (CaseInvalid | DeviceReused ex) {
			log.info("病例导入：{} 行的一批整体提交被拒（{}），改为逐行检查", prepared.size(), ex.getMessage());
			return null;
		}
	}

	private String outcome(ImportRun run, boolean committed, boolean validOnly) {
		StringBuilder text = new StringBuilder();
		if (run.stopReason() != null) {
			return run.stopReason() + "；本次未导入任何病例";
		}
		if (committed) {
			text.append("已导入 ").append(run.inserted()).append(" 例");
			if (run.duplicates() > 0) {
				text.append("，跳过已登记的重复病例 ").append(run.duplicates()).append(" 例");
			}
			if (validOnly && run.invalidRows() > 0) {
				text.append("，有问题的 ")
					.append(run.invalidRows())
					.append(" 行未导入（共 ")
					.append(run.problemCount())
					.append(" 处问题，可下载批注文件修改后重新导入）");
			}
			int flagged = run.findings().values().stream().mapToInt(Integer::intValue).sum();
			if (flagged > 0) {
				text.append("；标记：");
				List<String> parts = new ArrayList<>();
				run.findings().forEach((code, n) -> parts.add(this.dictionary.label("caseFlag", code) + " " + n));
				text.append(String.join("、", parts));
			}
			return text.toString();
		}
		text.append("发现 ").append(run.problemCount()).append(" 处问题（").append(run.invalidRows()).append(" 行），本次未导入任何病例");
		if (run.problemCount() > ImportRun.MAX_PROBLEMS) {
			text.append("（仅保存前 ").append(ImportRun.MAX_PROBLEMS).append(" 处）");
		}
		text.append("；请下载批注文件修改后重新导入，或选择“仅导入有效行”");
		return text.toString();
	}

	/** Records the header mapping on the job once the header row has been read. */
	private final class StartingSink implements SheetReader.Sink {

		private final ImportRun run;

		private final UUID id;

		private final ImportLayout layout;

		private boolean started;

		StartingSink(ImportRun run, UUID id, ImportLayout layout) {
			this.run = run;
			this.id = id;
			this.layout = layout;
		}

		@Override
		public void row(SheetRow row) {
			this.run.row(row);
			if (!this.started && this.run.sawHeader()) {
				this.started = true;
				ImportLayout.HeaderMatch match = this.run.headerMatch();
				int errorColumn = match.errorColumn() != null ? match.errorColumn()
						: row.cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
				Set<Integer> dates = new TreeSet<>();
				match.columns().forEach((index, column) -> {
					if (column.kind() == Kind.DATE) {
						dates.add(index);
					}
				});
				CaseImports.this.jobs.started(this.id, CaseImports.this.clock.instant(), errorColumn,
						new ArrayList<>(dates));
			}
			else if (this.run.processed() % (ImportRun.CHUNK * 4) == 0) {
				CaseImports.this.jobs.progress(this.id, this.run.approximateTotal(), this.run.processed());
			}
		}

		@Override
		public void merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {
			this.run.merged(firstRow, lastRow, firstColumn, lastColumn);
		}

		@Override
		public boolean proceed() {
			return this.run.proceed();
		}

		@Override
		public void size(int approximateRows) {
			this.run.size(approximateRows);
		}

	}

	private String store(InputStream content, Path file, String fileName) throws IOException {
		privateDirectory();
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(new BoundedInputStream(content, this.maxFileSize, fileName),
				digest)) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private void checkHeader(Path file, UploadGuard.Checked checked, String fileName, ImportLayout layout) {
		List<SheetRow> first = new ArrayList<>(1);
		try {
			SheetReader.read(file, checked.format(), checked.charset(), ImportLayout.SHEET, new SheetReader.Sink() {
				@Override
				public void row(SheetRow row) {
					if (first.isEmpty()) {
						first.add(row);
					}
				}

				@Override
				public boolean proceed() {
					return first.isEmpty();
				}
			});
		}
		catch (ExcelAnalysisException | IllegalStateException ex) {
			throw ImportRefused.unreadable(fileName, Cells.shorten(rootMessage(ex)));
		}
		if (first.isEmpty()) {
			throw ImportRefused.noRows(fileName);
		}
		Map<Integer, String> headers = new LinkedHashMap<>();
		first.get(0).cells().forEach((index, cell) -> headers.put(index, cell.text()));
		ImportLayout.HeaderMatch match = layout.match(headers);
		if (!match.fits()) {
			throw ImportRefused.wrongTemplate(match.explain(layout));
		}
	}

	private static List<String> sheetNames(Path file, String fileName) {
		try {
			return SheetReader.sheetNames(file);
		}
		catch (RuntimeException ex) {
			throw ImportRefused.unreadable(fileName, "不是有效的 .xlsx 工作簿（" + Cells.shorten(rootMessage(ex)) + "）");
		}
	}

	private StaffLookup staff(UUID institutionId) {
		StaffLookup staff = new StaffLookup();
		for (PersonDetails person : this.people.atInstitution(institutionId)) {
			if (person.id() != null) {
				staff.add(person.id(), person.name(), person.licence() == null ? null : person.licence().number());
			}
		}
		return staff;
	}

	private CurrentUser hospitalUser() {
		CurrentUser user = this.identity.currentUser();
		if (!user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)) {
			throw new AccessDenied("只有医疗机构的医务科或管理员可以导入、导出病例");
		}
		return user;
	}

	private void checkScope(UUID id) {
		CurrentUser user = this.identity.currentUser();
		UUID owner = this.jobs.institutionOf(id);
		if (owner == null || user.institutionId() == null || !owner.equals(user.institutionId())) {
			throw ImportRefused.notFound(id.toString());
		}
	}

	/**
	 * The directory of uploads while their import runs (and of annotated copies while
	 * they are written), created readable by the platform's user only where the file
	 * system has POSIX permissions.
	 */
	private Path privateDirectory() throws IOException {
		Files.createDirectories(this.directory);
		try {
			Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system
		}
		return this.directory;
	}

	/**
	 * Every few minutes, on every node: imports whose node has gone are marked failed,
	 * and kept uploads past their time are deleted.
	 */
	@Scheduled(initialDelayString = "${rtms.cases.import.sweep-interval:PT5M}",
			fixedDelayString = "${rtms.cases.import.sweep-interval:PT5M}")
	void sweep() {
		abandonInterrupted();
		int purged = this.jobs.purgeUploads(this.clock.instant());
		if (purged > 0) {
			log.info("已删除 {} 个超过保留期限的病例导入上传文件", purged);
		}
	}

	/**
	 * Deletes the local files a stopped node left, once they are an hour old: uploads
	 * whose import no longer runs (on this node or any other sharing the directory) and
	 * annotated copies.
	 */
	private void deleteLeftovers() {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		// file times are the file system's, compared with the platform's clock (the
		// system clock in production; a pinned clock in the past keeps every file)
		Instant hourAgo = this.clock.instant().minus(Duration.ofHours(1));
		try (var files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				if (!Files.getLastModifiedTime(file).toInstant().isBefore(hourAgo)) {
					// an upload being stored or checked has no job yet
					continue;
				}
				if (name.endsWith(".upload")) {
					UUID id = parseId(name.substring(0, name.length() - ".upload".length()));
					boolean live = id != null && this.jobs.stored(id)
						.map((stored) -> ImportJob.QUEUED.equals(stored.status())
								|| ImportJob.RUNNING.equals(stored.status()))
						.orElse(false);
					if (!live) {
						deleteQuietly(file);
					}
				}
				else if (name.endsWith(".copy")) {
					deleteQuietly(file);
				}
			}
		}
		catch (IOException ex) {
			log.warn("无法清理病例导入目录 {}", this.directory, ex);
		}
	}

	private static @Nullable UUID parseId(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("无法删除导入文件 {}", file);
		}
	}

}
