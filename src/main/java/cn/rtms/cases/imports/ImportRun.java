package cn.rtms.cases.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import cn.rtms.cases.CaseCheck;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseInvalid;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseManagement.PreparedImport;
import cn.rtms.cases.CaseProblem;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.domain.CaseRules;
import cn.rtms.cases.imports.ImportLayout.HeaderMatch;
import cn.rtms.devices.DeviceIdentification;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an uploaded sheet, on two threads. The <em>reader</em> (the thread that
 * streams the file) maps each row ({@link RowMapper}), looks it up against earlier rows
 * of the file, collects chunks of {@link #CHUNK} rows and, while the import may still
 * commit, prepares each chunk as submitted cases
 * ({@link CaseManagement#prepareSubmitted}: checks, flags, encryption; no writes). It
 * hands the chunks over through a queue of {@link #QUEUED} to the <em>writer</em>, the
 * thread that holds the import's transaction ({@link #consume}), which inserts them
 * ({@link CaseManagement#insertPrepared}) as long as the import may still commit (no
 * problem yet, or valid rows only). So the checks of one chunk run while the previous one
 * is written. Problems are written as they are found (their own transactions), progress
 * every chunk. Memory holds at most {@link #QUEUED} + 2 chunks and the row index,
 * whatever the number of rows.
 */
final class ImportRun implements SheetReader.Sink {

	/** Source recorded on imported cases. */
	static final String SOURCE = "IMPORT";

	/** Rows checked and inserted together. */
	static final int CHUNK = 500;

	/** Chunks prepared ahead of the writer at most. */
	static final int QUEUED = 2;

	/** Problems stored at most (counting goes on). */
	static final int MAX_PROBLEMS = 100_000;

	/** Most rows read from one file (beyond: refused as a whole). */
	static final int MAX_ROWS = 1_100_000;

	private final UUID importId;

	private final UUID institutionId;

	private final ImportLayout layout;

	private final boolean validOnly;

	private final boolean confirmWarnings;

	private final CaseManagement cases;

	private final ImportJobs jobs;

	private final String sheet;

	private final StaffLookup staff;

	private final Batch batch;

	private @Nullable RowMapper mapper;

	private @Nullable HeaderMatch match;

	private final Map<String, Integer> columnIndex = new HashMap<>();

	private final RowIndex identities = new RowIndex();

	/** Which row first used a single-use device (GTIN + serial). */
	private final RowIndex singleUseDevices = new RowIndex();

	private final LocalDate today;

	private final List<Pending> chunk = new ArrayList<>(CHUNK);

	/** Guards the problem counts and buffer, which both threads add to. */
	private final Object problemLock = new Object();

	private final List<CellProblem> problemBuffer = new ArrayList<>();

	private final BlockingQueue<Object> handoff = new ArrayBlockingQueue<>(QUEUED);

	private volatile boolean cancelled;

	private final Map<String, Integer> findings = new TreeMap<>();

	private @Nullable Integer approximateTotal;

	private volatile int processed;

	private int inserted;

	private int duplicates;

	private int invalidRows;

	private int problemCount;

	private int storedProblems;

	private volatile boolean fileProblem;

	private volatile @Nullable String stopReason;

	ImportRun(UUID importId, UUID institutionId, ImportLayout layout, boolean validOnly, boolean confirmWarnings,
			CaseManagement cases, ImportJobs jobs, String sheet, StaffLookup staff, Batch batch, LocalDate today) {
		this.importId = importId;
		this.institutionId = institutionId;
		this.layout = layout;
		this.validOnly = validOnly;
		this.confirmWarnings = confirmWarnings;
		this.cases = cases;
		this.jobs = jobs;
		this.sheet = sheet;
		this.staff = staff;
		this.batch = batch;
		this.today = today;
	}

	private record Pending(int row, CaseInput input) {
	}

	/** A chunk handed to the writer, prepared when the import could still commit. */
	private record Chunk(List<Pending> rows, @Nullable PreparedImport prepared) {
	}

	/** The reader is done. */
	private static final Object END = new Object();

	/** The reader failed with this. */
	private record Failure(Throwable cause) {
	}

	/**
	 * Inserts a whole prepared chunk in a savepoint, or answers null when it is refused
	 * (a reused device).
	 */
	interface Batch {

		@Nullable ImportResult attempt(PreparedImport prepared);

	}

	@Override
	public void size(int approximateRows) {
		this.approximateTotal = Math.max(0, approximateRows - 1);
	}

	@Override
	public boolean proceed() {
		return this.stopReason == null && !this.cancelled;
	}

	@Override
	public void row(SheetRow row) {
		if (this.mapper == null) {
			Map<Integer, String> headers = new HashMap<>();
			row.cells().forEach((index, cell) -> headers.put(index, cell.text()));
			HeaderMatch header = this.layout.match(headers);
			if (!header.fits()) {
				throw ImportRefused.wrongTemplate(header.explain(this.layout));
			}
			this.match = header;
			header.columns().forEach((index, column) -> this.columnIndex.put(column.key(), index));
			this.mapper = new RowMapper(this.sheet, header, this.staff);
			return;
		}
		if (this.processed >= MAX_ROWS) {
			this.stopReason = "文件超过 " + MAX_ROWS + " 行病例，请拆分后导入";
			this.fileProblem = true;
			return;
		}
		this.processed++;
		RowMapper.Mapped mapped = this.mapper.map(row);
		List<CellProblem> problems = new ArrayList<>(mapped.problems());
		if (problems.isEmpty()) {
			CaseInput input = CaseRows.input(this.layout.technology(), this.layout, mapped.values());
			if (!input.medicalRecordNo().isEmpty() && input.operationDate() != null) {
				int first = this.identities.putIfAbsent(input.medicalRecordNo() + "|" + input.operationDate(),
						row.number());
				if (first != 0) {
					problems.add(rowProblem(row.number(), "与第 " + first + " 行重复（病案号 "
							+ Cells.shorten(input.medicalRecordNo()) + "、手术日期 " + input.operationDate() + " 相同）"));
				}
			}
			reusedInFile(row.number(), input, problems);
			if (problems.isEmpty()) {
				this.chunk.add(new Pending(row.number(), input));
			}
		}
		if (!problems.isEmpty()) {
			reportRow(problems);
		}
		if (this.chunk.size() >= CHUNK) {
			emit();
		}
	}

	/**
	 * A single-use device (GTIN and serial) that an earlier row of the file used too: two
	 * rows of one chunk would otherwise both pass the registry check and the unique index
	 * would refuse the whole chunk without naming a row. Read as the row's own check
	 * reads it ({@link CaseRules#readBarcode}: a group separator written as {@code <GS>}
	 * or {@code {GS}}, as RTMS stores and exports scans, ends the lot); unreadable
	 * barcodes are left to the row's own check.
	 */
	private void reusedInFile(int row, CaseInput input, List<CellProblem> problems) {
		for (DeviceInput device : input.devices()) {
			if (Boolean.FALSE.equals(device.singleUse()) || device.scanned().isBlank()) {
				continue;
			}
			DeviceIdentification reading;
			try {
				reading = CaseRules.readBarcode(device.scanned(), this.today);
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (reading.gtin() == null || reading.serial() == null) {
				continue;
			}
			int first = this.singleUseDevices.putIfAbsent(reading.gtin() + "|" + reading.serial(), row);
			if (first != 0 && first != row) {
				problems.add(problem(row, "devices", "一次性使用器械（GTIN " + reading.gtin() + "，序列号 "
						+ Cells.shorten(reading.serial()) + "）已在第 " + first + " 行的病例中使用，一次性器械不能用于两个病例"));
			}
		}
	}

	/**
	 * Reader: hands the pending rows to the writer, prepared as submitted cases when the
	 * import may still commit and warnings are confirmed (a chunk with an invalid row is
	 * not prepared: the writer checks its rows one by one).
	 */
	private void emit() {
		List<Pending> rows = List.copyOf(this.chunk);
		this.chunk.clear();
		PreparedImport prepared = null;
		if (!rows.isEmpty() && mayCommit() && this.confirmWarnings) {
			try {
				prepared = this.cases.prepareSubmitted(this.institutionId, rows.stream().map(Pending::input).toList(),
						SOURCE);
			}
			catch (CaseInvalid ex) {
				prepared = null;
			}
		}
		put(new Chunk(rows, prepared));
	}

	/** Reader: the file is read; hands over the last rows. */
	void endOfInput() {
		emit();
		put(END);
	}

	/** Reader: reading failed; the writer rethrows the cause. */
	void failed(Throwable cause) {
		if (!this.cancelled) {
			this.handoff.clear();
			put(new Failure(cause));
		}
	}

	/** Writer: stop the reader (the writer failed). */
	void cancel() {
		this.cancelled = true;
		this.handoff.clear();
	}

	private void put(Object item) {
		try {
			while (!this.handoff.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (this.cancelled) {
					throw new CancellationException("病例导入已中止");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("病例导入已中止");
		}
	}

	/**
	 * Writer: takes the chunks the reader hands over and writes them, in the import's
	 * transaction, until the reader is done; rethrows what the reader failed with.
	 */
	void consume() {
		while (true) {
			Object item;
			try {
				item = this.handoff.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("病例导入已中止");
			}
			if (item == END) {
				storeProblems();
				this.jobs.progress(this.importId, this.approximateTotal, this.processed);
				return;
			}
			if (item instanceof Failure failure) {
				if (failure.cause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (failure.cause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(failure.cause());
			}
			write((Chunk) item);
		}
	}

	/**
	 * Checks one row as a submitted form is checked.
	 * @return whether the row may be inserted (a case already registered is counted as a
	 * duplicate and not inserted)
	 */
	private boolean check(Pending pending) {
		CaseCheck check = this.cases.check(pending.input(), this.institutionId, Set.of());
		for (CaseProblem error : check.errors()) {
			if ("DUPLICATE_CASE".equals(error.code())) {
				this.duplicates++;
				return false;
			}
		}
		List<CellProblem> problems = new ArrayList<>();
		for (CaseProblem error : check.errors()) {
			problems.add(problem(pending.row(), error.field(), error.message()));
		}
		if (!this.confirmWarnings) {
			for (CaseProblem warning : check.warnings()) {
				problems
					.add(problem(pending.row(), warning.field(), "提示：" + warning.message() + "（如属实，请勾选“确认全部提示”后重新导入）"));
			}
		}
		if (!problems.isEmpty()) {
			reportRow(problems);
			return false;
		}
		return true;
	}

	@Override
	public void merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {
		this.fileProblem = true;
		String range = Cells.letter(firstColumn) + firstRow + ":" + Cells.letter(lastColumn) + lastRow;
		ImportColumn column = this.match == null ? null : this.match.columns().get(firstColumn);
		report(List.of(new CellProblem(this.sheet, firstRow, Cells.letter(firstColumn),
				column == null ? "" : column.header(), "单元格 " + range + " 是合并单元格；请取消合并，每行每列各填一个值")));
	}

	/**
	 * Writer: inserts a chunk and reports progress. While the import may still commit and
	 * warnings are confirmed, a chunk the reader prepared goes to
	 * {@link CaseManagement#insertPrepared} as it is, inside a savepoint, which refuses
	 * the chunk (rolled back to the savepoint) when one of its devices is already used.
	 * Only then, or when the reader could not prepare it (a row has an error), or when
	 * warnings must be reported, or when the import can no longer commit (every further
	 * problem is still reported), each row is checked on its own
	 * ({@link CaseManagement#check}, in the import's transaction: it sees the rows
	 * inserted before) to name its problems, and the valid rows are inserted.
	 */
	private void write(Chunk chunk) {
		if (!chunk.rows().isEmpty()) {
			ImportResult result = (chunk.prepared() != null && mayCommit() && this.confirmWarnings)
					? this.batch.attempt(chunk.prepared()) : null;
			if (result == null) {
				List<CaseInput> valid = new ArrayList<>();
				for (Pending pending : chunk.rows()) {
					if (check(pending)) {
						valid.add(pending.input());
					}
				}
				if (!valid.isEmpty() && mayCommit()) {
					result = this.cases.importSubmitted(this.institutionId, valid, SOURCE);
				}
			}
			if (result != null) {
				this.inserted += result.inserted();
				this.duplicates += result.duplicates();
				this.jobs.flagCounts(result.ids()).forEach((code, n) -> this.findings.merge(code, n, Integer::sum));
			}
		}
		storeProblems();
		this.jobs.progress(this.importId, this.approximateTotal, this.processed);
	}

	/**
	 * @return whether the rows inserted so far may be committed at the end
	 */
	boolean mayCommit() {
		return !this.fileProblem && (this.validOnly || problemCount() == 0);
	}

	/** Counts an invalid row and reports its problems. */
	private void reportRow(List<CellProblem> problems) {
		synchronized (this.problemLock) {
			this.invalidRows++;
		}
		report(problems);
	}

	private void report(List<CellProblem> problems) {
		boolean store;
		synchronized (this.problemLock) {
			this.problemCount += problems.size();
			for (CellProblem problem : problems) {
				if (this.storedProblems + this.problemBuffer.size() < MAX_PROBLEMS) {
					this.problemBuffer.add(problem);
				}
			}
			store = this.problemBuffer.size() >= 1_000;
		}
		if (store) {
			storeProblems();
		}
	}

	private void storeProblems() {
		synchronized (this.problemLock) {
			this.jobs.problems(this.importId, this.storedProblems, this.problemBuffer);
			this.storedProblems += this.problemBuffer.size();
			this.problemBuffer.clear();
		}
	}

	private CellProblem problem(int row, String field, String message) {
		String key = CaseRows.columnKey(field);
		Integer index = this.columnIndex.get(key);
		if (index == null) {
			ImportColumn column = this.layout.column(key);
			return rowProblem(row, (column == null ? field : column.header()) + "：" + message);
		}
		ImportColumn column = this.match == null ? null : this.match.columns().get(index);
		return new CellProblem(this.sheet, row, Cells.letter(index), column == null ? key : column.header(), message);
	}

	private CellProblem rowProblem(int row, String message) {
		return new CellProblem(this.sheet, row, "", "", message);
	}

	boolean sawHeader() {
		return this.mapper != null;
	}

	@Nullable HeaderMatch headerMatch() {
		return this.match;
	}

	@Nullable Integer approximateTotal() {
		return this.approximateTotal;
	}

	int processed() {
		return this.processed;
	}

	int inserted() {
		return this.inserted;
	}

	int duplicates() {
		return this.duplicates;
	}

	int invalidRows() {
		synchronized (this.problemLock) {
			return this.invalidRows;
		}
	}

	int problemCount() {
		synchronized (this.problemLock) {
			return this.problemCount;
		}
	}

	int storedProblems() {
		synchronized (this.problemLock) {
			return this.storedProblems;
		}
	}

	Map<String, Integer> findings() {
		return this.findings;
	}

	@Nullable String stopReason() {
		return this.stopReason;
	}

}
