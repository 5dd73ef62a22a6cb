package cn.rtms.cases.imports;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.idev.excel.ExcelReader;
import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellExtraTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.CellExtra;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.read.metadata.ReadSheet;
import cn.idev.excel.support.ExcelTypeEnum;
import org.jspecify.annotations.Nullable;

/**
 * Streams the rows of one sheet of an XLSX workbook, or of a CSV file, to a {@link Sink},
 * one row at a time (FastExcel's SAX reader: the workbook is never held in memory).
 * Merged ranges are reported too (XLSX keeps them after the rows, so they arrive last).
 */
final class SheetReader {

	/**
	 * The error values Excel and WPS show for a formula that fails. FastExcel reads an
	 * XLSX error cell ({@code t="e"}) as a STRING holding its value, and a CSV saved from
	 * such a sheet holds the same text, so a text cell that is nothing but one of these
	 * is read as an error cell.
	 */
	static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
			"#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
			"#PYTHON!");

	private SheetReader() {
	}

	/** What the file is, by its content. */
	enum Format {

		/** An Office Open XML workbook. */
		XLSX,
		/** Comma-separated text. */
		CSV

	}

	/** Receives what is read. */
	interface Sink {

		/**
		 * @param row the next row with at least one non-empty cell (the header is row 1)
		 */
		void row(SheetRow row);

		/**
		 * @param firstRow 1-based first row
		 * @param lastRow 1-based last row
		 * @param firstColumn 0-based first column
		 * @param lastColumn 0-based last column
		 */
		default void merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {
		}

		/**
		 * @return false to stop reading
		 */
		default boolean proceed() {
			return true;
		}

		/**
		 * @param approximateRows number of rows the sheet declares, when known
		 */
		default void size(int approximateRows) {
		}

	}

	/**
	 * @param file an XLSX workbook
	 * @return its sheet names in order
	 */
	static List<String> sheetNames(Path file) {
		try (ExcelReader reader = FastExcel.read(file.toFile()).excelType(ExcelTypeEnum.XLSX).build()) {
			return reader.excelExecutor().sheetList().stream().map(ReadSheet::getSheetName).toList();
		}
	}

	/**
	 * Reads every row of one sheet.
	 * @param file the file
	 * @param format its format
	 * @param charset the text encoding (CSV only)
	 * @param sheetName the sheet (XLSX only)
	 * @param sink receives the rows
	 */
	static void read(Path file, Format format, Charset charset, String sheetName, Sink sink) {
		Listener listener = new Listener(sink);
		if (format == Format.CSV) {
			FastExcel.read(file.toFile(), listener)
				.excelType(ExcelTypeEnum.CSV)
				.charset(charset)
				.headRowNumber(0)
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.sheet()
				.doRead();
		}
		else {
			FastExcel.read(file.toFile(), listener)
				.excelType(ExcelTypeEnum.XLSX)
				.headRowNumber(0)
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.extraRead(CellExtraTypeEnum.MERGE)
				.sheet(sheetName)
				.doRead();
		}
	}

	/**
	 * @param data a cell as FastExcel read it
	 * @param date1904 whether the workbook is in the 1904 date system
	 * @return the cell, null when empty
	 */
	static @Nullable RawCell cell(@Nullable ReadCellData<?> data, boolean date1904) {
		if (data == null || data.getType() == null) {
			return null;
		}
		return switch (data.getType()) {
			case NUMBER -> data.getNumberValue() == null ? null
					: RawCell.number(data.getNumberValue(), format(data.getDataFormatData()), date1904);
			case BOOLEAN -> data.getBooleanValue() == null ? null : RawCell.bool(data.getBooleanValue());
			case DATE -> date(data.getData());
			case STRING, DIRECT_STRING, RICH_TEXT_STRING -> {
				String text = data.getStringValue();
				if (text == null || text.isBlank()) {
					yield null;
				}
				yield ERROR_VALUES.contains(text.strip()) ? RawCell.error(text.strip()) : RawCell.text(text);
			}
			case ERROR -> RawCell.error(data.getStringValue() == null ? "#ERROR" : data.getStringValue());
			case EMPTY -> null;
		};
	}

	private static @Nullable String format(@Nullable DataFormatData format) {
		if (format == null || format.getFormat() == null || format.getIndex() == null || format.getIndex() == 0
				|| "General".equalsIgnoreCase(format.getFormat())) {
			return null;
		}
		return format.getFormat();
	}

	private static @Nullable RawCell date(@Nullable Object value) {
		if (value instanceof LocalDateTime time) {
			return RawCell.number(BigDecimal.valueOf(Cells.toSerial(time.toLocalDate())));
		}
		if (value instanceof LocalDate day) {
			return RawCell.number(BigDecimal.valueOf(Cells.toSerial(day)));
		}
		return value == null ? null : RawCell.text(value.toString());
	}

	private static final class Listener implements ReadListener<Map<Integer, ReadCellData<?>>> {

		private final Sink sink;

		private boolean sized;

		Listener(Sink sink) {
			this.sink = sink;
		}

		@Override
		public void invoke(Map<Integer, ReadCellData<?>> data, AnalysisContext context) {
			if (!this.sized) {
				this.sized = true;
				Integer total = context.readSheetHolder().getApproximateTotalRowNumber();
				if (total != null) {
					this.sink.size(total);
				}
			}
			boolean date1904 = Boolean.TRUE
				.equals(context.readWorkbookHolder().getGlobalConfiguration().getUse1904windowing());
			Map<Integer, RawCell> cells = new HashMap<>();
			data.forEach((index, value) -> {
				RawCell cell = cell(value, date1904);
				if (cell != null) {
					cells.put(index, cell);
				}
			});
			if (!cells.isEmpty()) {
				this.sink.row(new SheetRow(context.readRowHolder().getRowIndex() + 1, cells));
			}
		}

		@Override
		public void extra(CellExtra extra, AnalysisContext context) {
			if (extra.getType() == CellExtraTypeEnum.MERGE) {
				this.sink.merged(extra.getFirstRowIndex() + 1, extra.getLastRowIndex() + 1, extra.getFirstColumnIndex(),
						extra.getLastColumnIndex());
			}
		}

		@Override
		public boolean hasNext(AnalysisContext context) {
			return this.sink.proceed();
		}

		@Override
		public void doAfterAllAnalysed(AnalysisContext context) {
		}

	}

}
