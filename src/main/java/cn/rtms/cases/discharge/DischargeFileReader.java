package cn.rtms.cases.discharge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.idev.excel.FastExcel;
import cn.idev.excel.cache.MapCache;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellDataTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.exception.ExcelAnalysisStopException;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import cn.rtms.cases.discharge.InvalidDischargeFile.RowError;
import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.cases.codes.ProcedureCodeNormaliser.NormalisedCode;
import cn.rtms.web.InputRules;
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded discharge-abstract file (CSV in UTF-8 or GBK/GB18030, or XLSX) row by
 * row, checks each row and hands the good ones to a sink; bad cells are collected as
 * (row, column, message). The file type is decided by content, not by name. Rows are
 * never all held in memory. Limits: size in bytes, number of rows, and for XLSX the same
 * inflation bounds as filing uploads (entries, bytes per entry, total, ratio).
 */
final class DischargeFileReader {

	/** Most entries an XLSX may hold. */
	static final int MAX_ZIP_ENTRIES = 1_000;

	/** Most bytes one XLSX entry may inflate to. */
	static final long MAX_ZIP_ENTRY_SIZE = 64L * 1024 * 1024;

	/** Most bytes all XLSX entries may inflate to together. */
	static final long MAX_ZIP_TOTAL_SIZE = 128L * 1024 * 1024;

	/** Most times its own size an XLSX may inflate to (past the first MiB). */
	static final int MAX_ZIP_RATIO = 100;

	/** Most bad cells reported; reading stops after this many. */
	static final int MAX_ERRORS = 200;

	private static final long RATIO_GRACE = 1024L * 1024;

	/** Columns of the file. */
	enum Column {

		MEDICAL_RECORD_NO("病案号", true, "病案号", "病案号码", "病案编号"), INPATIENT_NO("住院号", false, "住院号", "住院号码"),
		ADMISSION_DATE("入院日期", true, "入院日期", "入院时间"), DISCHARGE_DATE("出院日期", true, "出院日期", "出院时间"),
		DEPARTMENT("科室", false, "科室", "出院科室", "出院科别", "手术科室"),
		PRINCIPAL_CODE("主要手术操作编码", true, "主要手术操作编码", "主要手术编码", "主手术操作编码", "主要手术及操作编码"),
		OTHER_CODES("其他手术操作编码", false, "其他手术操作编码", "其他手术编码", "其他手术及操作编码"),
		OPERATION_DATE("手术日期", true, "手术日期", "手术操作日期", "手术及操作日期", "主要手术日期"),
		OPERATOR("术者", true, "术者", "主刀医师", "手术者", "术者姓名"), DISCHARGE_METHOD("离院方式", false, "离院方式");

		final String label;

		final boolean required;

		final List<String> aliases;

		Column(String label, boolean required, String... aliases) {
			this.label = label;
			this.required = required;
			this.aliases = List.of(aliases);
		}

	}

	/** Headers that identify a patient: never read. */
	private static final List<String> PATIENT_IDENTITY = List.of("姓名", "患者姓名", "病人姓名", "身份证号", "身份证号码", "证件号码", "联系电话",
			"电话", "手机号", "现住址", "住址", "联系人姓名");

	private static final Pattern SEPARATORS = Pattern.compile("[;；,，、\\n\\r|]+");

	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2}(?:\\.\\d+)?)?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern SERIAL = Pattern.compile("\\d{4,5}(?:\\.\\d+)?");

	private static final Pattern LICENCE = Pattern.compile("\\d{15}");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** Excel serial of 1990-01-01: smaller numbers are not taken for dates. */
	static final long FIRST_SERIAL = 32874;

	/** Excel serial of 2100-12-31. */
	static final long LAST_SERIAL = 73415;

	private static final Map<String, String> DISCHARGE_METHODS = new LinkedHashMap<>();

	static {
		DISCHARGE_METHODS.put("1", "ORDERED");
		DISCHARGE_METHODS.put("医嘱离院", "ORDERED");
		DISCHARGE_METHODS.put("2", "TRANSFER_HOSPITAL");
		DISCHARGE_METHODS.put("医嘱转院", "TRANSFER_HOSPITAL");
		DISCHARGE_METHODS.put("3", "TRANSFER_COMMUNITY");
		DISCHARGE_METHODS.put("医嘱转社区卫生服务机构/乡镇卫生院", "TRANSFER_COMMUNITY");
		DISCHARGE_METHODS.put("医嘱转社区", "TRANSFER_COMMUNITY");
		DISCHARGE_METHODS.put("医嘱转社区/乡镇卫生院", "TRANSFER_COMMUNITY");
		DISCHARGE_METHODS.put("4", "AGAINST_ADVICE");
		DISCHARGE_METHODS.put("非医嘱离院", "AGAINST_ADVICE");
		DISCHARGE_METHODS.put("5", "DEATH");
		DISCHARGE_METHODS.put("死亡", "DEATH");
		DISCHARGE_METHODS.put("自动出院", "AUTO_DISCHARGE_IRREVERSIBLE");
		DISCHARGE_METHODS.put("自动出院（疾病不可逆）", "AUTO_DISCHARGE_IRREVERSIBLE");
		DISCHARGE_METHODS.put("9", "OTHER");
		DISCHARGE_METHODS.put("其他", "OTHER");
	}

	private final String fileName;

	private final LocalDate today;

	private final int maxRows;

	private final Consumer<DischargeRow> sink;

	private final List<RowError> errors = new ArrayList<>();

	private final List<String> ignoredColumns = new ArrayList<>();

	private @Nullable Map<Column, Integer> columns;

	private final List<Integer> otherCodeColumns = new ArrayList<>();

	private final Map<Integer, String> headers = new LinkedHashMap<>();

	/**
	 * Identifier columns (病案号, 住院号) read from Excel number cells: count, first row,
	 * value.
	 */
	private final Map<Column, NumberCells> numberCells = new EnumMap<>(Column.class);

	private int rows;

	private String format = "CSV";

	private @Nullable String charset;

	private @Nullable String sheetName;

	private DischargeFileReader(String fileName, LocalDate today, int maxRows, Consumer<DischargeRow> sink) {
		this.fileName = fileName;
		this.today = today;
		this.maxRows = maxRows;
		this.sink = sink;
	}

	/**
	 * Reads a file.
	 * @param fileName the file's name as uploaded (sanitised here)
	 * @param content its bytes
	 * @param today the day of the upload (no discharge after it)
	 * @param maxBytes most bytes accepted
	 * @param maxRows most data rows accepted
	 * @param sink receives each good row, in file order
	 * @return what was read: format, rows, bad cells (empty when the file is good)
	 * @throws InvalidDischargeFile when the file as a whole cannot be read (empty, not
	 * CSV or XLSX, no header, missing columns, unsafe archive)
	 * @throws DischargeFileTooLarge above the byte or row limit
	 */
	static Result read(String fileName, byte[] content, LocalDate today, long maxBytes, int maxRows,
			Consumer<DischargeRow> sink) {
		String name = InputRules.sanitiseFileName(fileName);
		if (content.length > maxBytes) {
			throw new DischargeFileTooLarge(
					"文件“" + name + "”大小 " + megabytes(content.length) + "，超过上限 " + megabytes(maxBytes) + "；本次导入未生效");
		}
		if (content.length == 0) {
			throw new InvalidDischargeFile("文件“" + name + "”为空；本次导入未生效", List.of());
		}
		DischargeFileReader reader = new DischargeFileReader(name, today, maxRows, sink);
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			reader.readXlsx(content);
		}
		else if (startsWith(content, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })) {
			throw reader.refused("是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后再导入");
		}
		else {
			reader.readCsv(content);
		}
		if (reader.columns == null) {
			throw reader.refused("没有表头行");
		}
		return new Result(name, reader.format, reader.charset, reader.rows, List.copyOf(reader.errors),
				List.copyOf(reader.ignoredColumns), reader.warnings());
	}

	/**
	 * @return one warning per identifier column that held Excel number cells
	 */
	private List<String> warnings() {
		List<String> warnings = new ArrayList<>();
		this.numberCells.forEach((column, cells) -> {
			Integer index = this.columns == null ? null : this.columns.get(column);
			String header = index == null ? column.label : headerOf(index);
			warnings.add("“" + header + "”列有 " + cells.count + " 行是 Excel 数值单元格（如第 " + cells.firstRow + " 行“"
					+ cells.firstValue + "”），开头的 0 可能已丢失（与病例比对、识别同一住院时忽略开头的 0）；建议将该列设为文本格式后重新导出");
		});
		return List.copyOf(warnings);
	}

	/** Number cells met in one identifier column. */
	private static final class NumberCells {

		final int firstRow;

		final String firstValue;

		int count;

		NumberCells(int firstRow, String firstValue) {
			this.firstRow = firstRow;
			this.firstValue = firstValue;
		}

	}

	private InvalidDischargeFile refused(String why) {
		String sheet = this.sheetName == null ? "" : "（工作表“" + this.sheetName + "”）";
		return new InvalidDischargeFile("文件“" + this.fileName + "”" + sheet + why + "；本次导入未生效", List.of());
	}

	// ---------------------------------------------------------------- CSV

	private void readCsv(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				throw refused("不是文本（CSV）文件，也不是 .xlsx 文件（按文件内容识别，与扩展名无关）");
			}
		}
		Charset cs = charsetOf(content);
		this.charset = cs.name();
		int offset = (cs == StandardCharsets.UTF_8
				&& startsWith(content, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })) ? 3 : 0;
		try (Reader in = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
				cs)) {
			CsvRecords records = new CsvRecords(in);
			List<String> record;
			while ((record = records.next()) != null) {
				int rowNo = records.recordNumber();
				Map<Integer, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < record.size(); i++) {
					cells.put(i, record.get(i));
				}
				if (!row(rowNo, cells, Map.of())) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw refused("读取失败：" + ex.getMessage());
		}
	}

	static Charset charsetOf(byte[] content) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return Charset.forName("GB18030");
		}
	}

	/**
	 * RFC 4180 records: quoted fields with doubled quotes and line breaks, CRLF or LF.
	 */
	static final class CsvRecords {

		private final Reader in;

		private int next = -2;

		private int line = 1;

		private int recordNumber;

		CsvRecords(Reader in) {
			this.in = in;
		}

		int recordNumber() {
			return this.recordNumber;
		}

		private int read() throws IOException {
			if (this.next != -2) {
				int c = this.next;
				this.next = -2;
				return c;
			}
			return this.in.read();
		}

		@Nullable List<String> next() throws IOException {
			int c = read();
			if (c == -1) {
				return null;
			}
			this.recordNumber = this.line;
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean wasQuoted = false;
			while (true) {
				if (c == -1) {
					fields.add(field.toString());
					return fields;
				}
				if (quoted) {
					if (c == '"') {
						int d = read();
						if (d == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							this.next = d;
						}
					}
					else {
						if (c == '\n') {
							this.line++;
						}
						field.append((char) c);
					}
				}
				else if (c == '"' && field.isEmpty() && !wasQuoted) {
					quoted = true;
					wasQuoted = true;
				}
				else if (c == ',') {
					fields.add(field.toString());
					field.setLength(0);
					wasQuoted = false;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r') {
						int d = read();
						if (d != '\n') {
							this.next = d;
						}
					}
					this.line++;
					fields.add(field.toString());
					return fields;
				}
				else {
					field.append((char) c);
				}
				c = read();
			}
		}

	}

	// ---------------------------------------------------------------- XLSX

	private void readXlsx(byte[] content) {
		this.format = "XLSX";
		List<String> names;
		try {
			names = entryNames(content);
		}
		catch (UnsafeXlsx ex) {
			throw refused("未通过解压检查：" + ex.getMessage());
		}
		catch (IOException | IllegalArgumentException ex) {
			throw refused("不是可读取的 .xlsx 文件（压缩包已损坏）");
		}
		if (!names.contains("xl/workbook.xml")) {
			throw refused("不是 .xlsx 工作簿（按文件内容识别，与扩展名无关）");
		}
		try {
			FastExcel.read(new ByteArrayInputStream(content), new SheetListener())
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.readCache(new MapCache())
				.mandatoryUseInputStream(true)
				.ignoreEmptyRow(true)
				.autoCloseStream(true)
				.sheet(0)
				.headRowNumber(0)
				.doRead();
		}
		catch (InvalidDischargeFile | DischargeFileTooLarge ex) {
			throw ex;
		}
		catch (ExcelAnalysisStopException ex) {
			// stopped on purpose: row limit or too many errors
		}
		catch (RuntimeException ex) {
			throw refused("无法读取（" + rootMessage(ex) + "）");
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String message = t.getMessage();
		return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
	}

	private final class SheetListener implements ReadListener<Map<Integer, ReadCellData<?>>> {

		@Override
		public void invoke(Map<Integer, ReadCellData<?>> data, AnalysisContext context) {
			DischargeFileReader.this.sheetName = context.readSheetHolder().getSheetName();
			int rowNo = context.readRowHolder().getRowIndex() + 1;
			Map<Integer, String> cells = new LinkedHashMap<>();
			Map<Integer, BigDecimal> numbers = new LinkedHashMap<>();
			data.forEach((index, cell) -> {
				if (cell == null) {
					return;
				}
				CellDataTypeEnum type = cell.getType();
				if (type == CellDataTypeEnum.NUMBER && cell.getNumberValue() != null) {
					numbers.put(index, cell.getNumberValue());
					cells.put(index, cell.getNumberValue().stripTrailingZeros().toPlainString());
				}
				else if (type == CellDataTypeEnum.BOOLEAN && cell.getBooleanValue() != null) {
					cells.put(index, cell.getBooleanValue().toString());
				}
				else if (cell.getStringValue() != null) {
					cells.put(index, cell.getStringValue());
				}
			});
			if (!row(rowNo, cells, numbers)) {
				throw new ExcelAnalysisStopException("stop");
			}
		}

		@Override
		public void doAfterAllAnalysed(AnalysisContext context) {
		}

	}

	/**
	 * Reads a ZIP container once with bounded inflation (the bounds of filing uploads,
	 * docs/filing.md).
	 */
	static List<String> entryNames(byte[] b) throws IOException {
		List<String> names = new ArrayList<>();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (names.size() >= MAX_ZIP_ENTRIES) {
					throw unsafe("压缩包内文件超过 " + MAX_ZIP_ENTRIES + " 个");
				}
				String entryName = InputRules.sanitiseFileName(entry.getName());
				if (entry.getSize() > MAX_ZIP_ENTRY_SIZE) {
					throw unsafe("压缩包内的“" + entryName + "”解压后超过单个文件上限 " + megabytes(MAX_ZIP_ENTRY_SIZE));
				}
				long entrySize = 0;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					entrySize += n;
					total += n;
					if (entrySize > MAX_ZIP_ENTRY_SIZE) {
						throw unsafe("压缩包内的“" + entryName + "”解压后超过单个文件上限 " + megabytes(MAX_ZIP_ENTRY_SIZE));
					}
					if (total > MAX_ZIP_TOTAL_SIZE) {
						throw unsafe("解压后总大小超过上限 " + megabytes(MAX_ZIP_TOTAL_SIZE));
					}
					if (total > RATIO_GRACE && total > MAX_ZIP_RATIO * (long) b.length) {
						throw unsafe("解压后大小超过文件本身的 " + MAX_ZIP_RATIO + " 倍（疑似压缩炸弹）");
					}
				}
				names.add(entry.getName());
			}
		}
		return names;
	}

	private static UnsafeXlsx unsafe(String why) {
		return new UnsafeXlsx(why);
	}

	/** An XLSX that inflates beyond the bounds. */
	static final class UnsafeXlsx extends IllegalArgumentException {

		UnsafeXlsx(String message) {
			super(message);
		}

	}

	// ---------------------------------------------------------------- rows

	/**
	 * @return whether to go on reading
	 */
	private boolean row(int rowNo, Map<Integer, String> raw, Map<Integer, BigDecimal> numbers) {
		Map<Integer, String> cells = new LinkedHashMap<>();
		raw.forEach((i, v) -> {
			String text = clean(v);
			if (!text.isEmpty()) {
				cells.put(i, text);
			}
		});
		if (cells.isEmpty()) {
			return true;
		}
		if (this.columns == null) {
			header(rowNo, raw);
			return true;
		}
		this.rows++;
		if (this.rows > this.maxRows) {
			throw new DischargeFileTooLarge("文件“" + this.fileName + "”的数据行超过上限 " + this.maxRows + " 行；请分批导入，本次导入未生效");
		}
		List<RowError> rowErrors = new ArrayList<>();
		DischargeRow parsed = parse(rowNo, cells, numbers, rowErrors);
		if (!rowErrors.isEmpty() || parsed == null) {
			for (RowError error : rowErrors) {
				if (this.errors.size() < MAX_ERRORS) {
					this.errors.add(error);
				}
			}
			return this.errors.size() < MAX_ERRORS;
		}
		if (this.errors.isEmpty()) {
			this.sink.accept(parsed);
		}
		return true;
	}

	private void header(int rowNo, Map<Integer, String> raw) {
		Map<Column, Integer> found = new EnumMap<>(Column.class);
		List<String> duplicate = new ArrayList<>();
		raw.forEach((index, value) -> {
			String h = headerKey(value);
			if (h.isEmpty()) {
				return;
			}
			this.headers.put(index, clean(value));
			Column column = columnOf(h);
			if (column == null) {
				this.ignoredColumns.add(clean(value));
				return;
			}
			if (column == Column.OTHER_CODES) {
				this.otherCodeColumns.add(index);
				return;
			}
			if (found.putIfAbsent(column, index) != null) {
				duplicate.add(clean(value));
			}
		});
		if (found.isEmpty() && this.otherCodeColumns.isEmpty()) {
			throw refused("第 " + rowNo + " 行不是出院病案首页的表头（应有：" + labels(List.of(Column.values()))
					+ "）；请在第一行写上这些列名（病案系统常用的别名如“病案号码”“主刀医师”“出院科别”也可识别）");
		}
		if (!duplicate.isEmpty()) {
			throw refused("表头中的列重复：" + String.join("、", duplicate));
		}
		List<Column> missing = new ArrayList<>();
		for (Column column : Column.values()) {
			if (column.required && !found.containsKey(column)) {
				missing.add(column);
			}
		}
		if (!missing.isEmpty()) {
			throw refused("缺少必需的列：" + labels(missing) + "（表头在第 " + rowNo + " 行，找到的列："
					+ String.join("、", this.headers.values()) + "）");
		}
		this.columns = found;
	}

	private static String labels(List<Column> columns) {
		return String.join("、", columns.stream().map(c -> c.label).toList());
	}

	private static String headerKey(String value) {
		return clean(value).replaceAll("[\\s*＊:：]", "").replaceAll("\\d+$", "");
	}

	private static @Nullable Column columnOf(String h) {
		for (Column column : Column.values()) {
			if (column.aliases.contains(h)) {
				return column;
			}
		}
		for (String identity : PATIENT_IDENTITY) {
			if (h.equals(identity)) {
				return null;
			}
		}
		return null;
	}

	private static String clean(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return Normalizer.normalize(value, Normalizer.Form.NFKC).replace("\uFEFF", "").strip();
	}

	private @Nullable DischargeRow parse(int rowNo, Map<Integer, String> cells, Map<Integer, BigDecimal> numbers,
			List<RowError> errors) {
		Map<Column, Integer> cols = this.columns;
		if (cols == null) {
			return null;
		}
		RowParser p = new RowParser(rowNo, cells, numbers, cols, errors);
		String mrn = p.text(Column.MEDICAL_RECORD_NO, 40, true);
		String inpatientNo = p.text(Column.INPATIENT_NO, 40, false);
		p.numberCell(Column.MEDICAL_RECORD_NO, mrn);
		p.numberCell(Column.INPATIENT_NO, inpatientNo);
		LocalDate admission = p.date(Column.ADMISSION_DATE, true);
		LocalDate discharge = p.date(Column.DISCHARGE_DATE, true);
		String department = p.text(Column.DEPARTMENT, 60, false);
		NormalisedCode principal = null;
		String principalText = p.text(Column.PRINCIPAL_CODE, 200, false);
		List<NormalisedCode> others = new ArrayList<>();
		if (principalText != null) {
			List<String> parts = split(principalText);
			if (parts.size() > 1) {
				p.error(Column.PRINCIPAL_CODE, "主要手术操作编码只能填一个，其余请填入“其他手术操作编码”：" + principalText);
			}
			else if (!parts.isEmpty()) {
				principal = ProcedureCodeNormaliser.normalise(parts.get(0));
			}
		}
		for (int index : this.otherCodeColumns) {
			String value = cells.get(index);
			if (value == null) {
				continue;
			}
			if (value.length() > 2000) {
				errors.add(new RowError(rowNo, headerOf(index), "其他手术操作编码过长（超过 2000 个字符）"));
				continue;
			}
			split(value).forEach(part -> others.add(ProcedureCodeNormaliser.normalise(part)));
		}
		if (others.size() > 40) {
			errors.add(new RowError(rowNo, Column.OTHER_CODES.label, "其他手术操作编码超过 40 个"));
		}
		boolean hasCodes = principal != null || !others.isEmpty();
		LocalDate operation = p.date(Column.OPERATION_DATE, hasCodes);
		String operator = p.text(Column.OPERATOR, 50, false);
		String method = null;
		String methodText = p.text(Column.DISCHARGE_METHOD, 40, false);
		if (methodText != null) {
			method = DISCHARGE_METHODS.get(methodText.replaceAll("\\s", ""));
			if (method == null && methodText.startsWith("医嘱转社区")) {
				method = "TRANSFER_COMMUNITY";
			}
			if (method == null && methodText.startsWith("自动出院")) {
				method = "AUTO_DISCHARGE_IRREVERSIBLE";
			}
			if (method == null) {
				p.error(Column.DISCHARGE_METHOD,
						"离院方式“" + methodText + "”无法识别（应为 1 医嘱离院、2 医嘱转院、3 医嘱转社区卫生服务机构/乡镇卫生院、4 非医嘱离院、5 死亡、9 其他）");
			}
		}
		if (admission != null && discharge != null && discharge.isBefore(admission)) {
			p.error(Column.DISCHARGE_DATE, "出院日期 " + discharge + " 早于入院日期 " + admission);
		}
		if (discharge != null && discharge.isAfter(this.today)) {
			p.error(Column.DISCHARGE_DATE, "出院日期 " + discharge + " 晚于今天（" + this.today + "）");
		}
		if (operation != null && admission != null && discharge != null
				&& (operation.isBefore(admission) || operation.isAfter(discharge))) {
			p.error(Column.OPERATION_DATE, "手术日期 " + operation + " 不在住院期间（" + admission + " 至 " + discharge + "）");
		}
		if (!errors.isEmpty() || mrn == null || admission == null || discharge == null) {
			return null;
		}
		return new DischargeRow(rowNo, mrn, inpatientNo, admission, discharge, department, principal, others, operation,
				operator, method);
	}

	private String headerOf(int index) {
		return this.headers.getOrDefault(index, "第 " + (index + 1) + " 列");
	}

	static List<String> split(String value) {
		List<String> parts = new ArrayList<>();
		for (String part : SEPARATORS.split(value)) {
			if (!part.isBlank()) {
				parts.addAll(ProcedureCodeNormaliser.splitAtBlanks(part.strip()));
			}
		}
		return parts;
	}

	/**
	 * Parses a date as hospital systems write it: 2026-10-12, 2026/10/12, 2026.10.12,
	 * 2026年10月12日, 20261012, with or without a time; in XLSX also an Excel serial day
	 * number (a number cell, or its text).
	 * @param text the cell's text
	 * @param number the cell's number when it is a number cell, or null
	 * @return the date
	 * @throws DateTimeException when it is no date
	 */
	static LocalDate parseDate(String text, @Nullable BigDecimal number) {
		String s = text.strip();
		Matcher m = DATE.matcher(s);
		if (m.matches()) {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		m = COMPACT_DATE.matcher(s);
		if (m.matches()) {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		if (number != null || SERIAL.matcher(s).matches()) {
			BigDecimal serial = number != null ? number : new BigDecimal(s);
			long days = serial.longValue();
			if (days >= FIRST_SERIAL && days <= LAST_SERIAL) {
				return EXCEL_EPOCH.plusDays(days);
			}
		}
		throw new DateTimeException(s);
	}

	private final class RowParser {

		private final int rowNo;

		private final Map<Integer, String> cells;

		private final Map<Integer, BigDecimal> numbers;

		private final Map<Column, Integer> columns;

		private final List<RowError> errors;

		RowParser(int rowNo, Map<Integer, String> cells, Map<Integer, BigDecimal> numbers, Map<Column, Integer> columns,
				List<RowError> errors) {
			this.rowNo = rowNo;
			this.cells = cells;
			this.numbers = numbers;
			this.columns = columns;
			this.errors = errors;
		}

		void error(Column column, String message) {
			Integer index = this.columns.get(column);
			this.errors.add(new RowError(this.rowNo, index == null ? column.label : headerOf(index), message));
		}

		@Nullable String text(Column column, int maxLength, boolean required) {
			Integer index = this.columns.get(column);
			String value = index == null ? null : this.cells.get(index);
			if (value == null || value.isEmpty()) {
				if (required) {
					error(column, column.label + "不能为空");
				}
				return null;
			}
			if (value.length() > maxLength) {
				error(column, column.label + "不能超过 " + maxLength + " 个字符");
				return null;
			}
			return value;
		}

		/**
		 * Notes an identifier read from an Excel number cell: Excel keeps no leading
		 * zeros of a number ("0086501" becomes 86501).
		 */
		void numberCell(Column column, @Nullable String value) {
			Integer index = this.columns.get(column);
			if (value != null && index != null && this.numbers.containsKey(index)) {
				DischargeFileReader.this.numberCells.computeIfAbsent(column,
						c -> new NumberCells(this.rowNo, value)).count++;
			}
		}

		@Nullable LocalDate date(Column column, boolean required) {
			Integer index = this.columns.get(column);
			String value = index == null ? null : this.cells.get(index);
			if (value == null || value.isEmpty()) {
				if (required) {
					error(column, column.label + "不能为空" + (column == Column.OPERATION_DATE ? "（本行有手术操作编码）" : ""));
				}
				return null;
			}
			LocalDate date;
			try {
				date = parseDate(value, this.numbers.get(index));
			}
			catch (DateTimeException | NumberFormatException ex) {
				error(column, "“" + value + "”不是日期（应为 2026-10-12、2026/10/12、2026年10月12日 或 Excel 日期）");
				return null;
			}
			String problem = InputRules.problem(date);
			if (problem != null) {
				error(column, column.label + " " + date + "：" + problem);
				return null;
			}
			return date;
		}

	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
	}

	/**
	 * What was read.
	 *
	 * @param fileName the sanitised file name
	 * @param format CSV or XLSX
	 * @param charset the CSV's character set, null for XLSX
	 * @param rows data rows read (blank rows not counted)
	 * @param errors bad cells; empty when every row was good
	 * @param ignoredColumns headers that are not read (patient identity included)
	 * @param warnings what was read but may be wrong (病案号 or 住院号 in Excel number cells,
	 * their leading zeros possibly lost), naming the column
	 */
	record Result(String fileName, String format, @Nullable String charset, int rows, List<RowError> errors,
			List<String> ignoredColumns, List<String> warnings) {
	}

}
