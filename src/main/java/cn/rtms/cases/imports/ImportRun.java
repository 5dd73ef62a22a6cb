package cn.rtms.cases.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.cases.CaseCheck;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseProblem;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.imports.ImportLayout.HeaderMatch;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an uploaded sheet inside the import's transaction: each row mapped
 * ({@link RowMapper}), checked as a submitted form is ({@link CaseManagement#check}),
 * looked up against earlier rows of the file, and collected into chunks of {@link #CHUNK}
 * rows that {@link CaseManagement#importSubmitted} inserts as long as the import may
 * still commit (no problem yet, or valid rows only). Problems are written as they are
 * found (their own transactions), progress every chunk. Memory holds one chunk and the
 * row index, whatever the number of rows.
 */
final class ImportRun implements SheetReader.Sink {

	/** Source recorded on imported cases. */
	static final String SOURCE = "IMPORT";

	/** Rows checked and inserted together. */
	static final int CHUNK = 500;

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

	private final List<Pending> chunk = new ArrayList<>(CHUNK);

	private final List<CellProblem> problemBuffer = new ArrayList<>();

	private final Map<String, Integer> findings = new TreeMap<>();

	private @Nullable Integer approximateTotal;

	private int processed;

	private int inserted;

	private int duplicates;

	private int invalidRows;

	private int problemCount;

	private int storedProblems;

	private boolean fileProblem;

	private @Nullable String stopReason;

	ImportRun(UUID importId, UUID institutionId, ImportLayout layout, boolean validOnly, boolean confirmWarnings,
			CaseManagement cases, ImportJobs jobs, String sheet, StaffLookup staff, Batch batch) {
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
	}

	private record Pending(int row, CaseInput input) {
	}

	/**
	 * Inserts a whole chunk in a savepoint, or answers null when a row of it is refused.
	 */
	interface Batch {

		@Nullable ImportResult attempt(List<CaseInput> inputs);

	}

	@Override
	public void size(int approximateRows) {
		this.approximateTotal = Math.max(0, approximateRows - 1);
	}

	@Override
	public boolean proceed() {
		return this.stopReason == null;
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
			if (problems.isEmpty()) {
				this.chunk.add(new Pending(row.number(), input));
			}
		}
		if (!problems.isEmpty()) {
			this.invalidRows++;
			report(problems);
		}
		if (this.chunk.size() >= CHUNK) {
			flush();
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
			this.invalidRows++;
			report(problems);
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
	 * Checks and inserts the pending chunk, and reports progress. While the import may
	 * still commit and warnings are confirmed, the chunk first goes to
	 * {@link CaseManagement#importSubmitted} as it is, inside a savepoint: that call runs
	 * the same checks for the whole chunk with shared look-ups and refuses the chunk
	 * (rolled back to the savepoint) when a row has an error. Only then, or when warnings
	 * must be reported, or when the import can no longer commit (every further problem is
	 * still reported), each row is checked on its own ({@link CaseManagement#check}) to
	 * name its problems, and the valid rows are inserted.
	 */
	void flush() {
		if (!this.chunk.isEmpty()) {
			List<CaseInput> inputs = this.chunk.stream().map(Pending::input).toList();
			ImportResult result = (mayCommit() && this.confirmWarnings) ? this.batch.attempt(inputs) : null;
			if (result == null) {
				List<CaseInput> valid = new ArrayList<>();
				for (Pending pending : this.chunk) {
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
		this.chunk.clear();
		storeProblems();
		this.jobs.progress(this.importId, this.approximateTotal, this.processed);
	}

	/**
	 * @return whether the rows inserted so far may be committed at the end
	 */
	boolean mayCommit() {
		return !this.fileProblem && (this.validOnly || this.problemCount == 0);
	}

	private void report(List<CellProblem> problems) {
		this.problemCount += problems.size();
		for (CellProblem problem : problems) {
			if (this.storedProblems + this.problemBuffer.size() < MAX_PROBLEMS) {
				this.problemBuffer.add(problem);
			}
		}
		if (this.problemBuffer.size() >= 1_000) {
			storeProblems();
		}
	}

	private void storeProblems() {
		this.jobs.problems(this.importId, this.storedProblems, this.problemBuffer);
		this.storedProblems += this.problemBuffer.size();
		this.problemBuffer.clear();
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
		return this.invalidRows;
	}

	int problemCount() {
		return this.problemCount;
	}

	int storedProblems() {
		return this.storedProblems;
	}

	Map<String, Integer> findings() {
		return this.findings;
	}

	@Nullable String stopReason() {
		return this.stopReason;
	}

}
