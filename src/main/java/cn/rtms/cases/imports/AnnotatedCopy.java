package cn.rtms.cases.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.rtms.cases.imports.SheetReader.Format;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The uploaded file written back as an XLSX workbook with its problems marked: each bad
 * cell filled rose with a comment giving the message (numbers keep their number format,
 * so a percentage still shows, and is read back, as one), and an
 * {@value ImportLayout#ERROR_HEADER} column at the end of each row listing every problem
 * of the row. The original is read again as a stream and the copy written through SXSSF,
 * with the problems (sorted by row) merged in as the rows pass, so memory stays flat for
 * any number of rows. Comments stop after {@link #MAX_COMMENTS}; the fill and the 错误
 * column continue.
 */
final class AnnotatedCopy {

	/**
	 * Most cell comments written (each one costs memory until the workbook is written).
	 */
	static final int MAX_COMMENTS = 5_000;

	private AnnotatedCopy() {
	}

	/**
	 * @param file the uploaded file
	 * @param format its format
	 * @param charset its encoding (CSV)
	 * @param dateColumns 0-based indexes of date columns, written with a date format
	 * @param errorColumn 0-based index of the 错误 column
	 * @param problems the problems sorted by row
	 * @param out where the copy goes (not closed)
	 * @throws IOException when writing fails
	 */
	static void write(Path file, Format format, Charset charset, Set<Integer> dateColumns, int errorColumn,
			Iterator<CellProblem> problems, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try {
			WorkbookWriter.Styles styles = new WorkbookWriter.Styles(workbook);
			SXSSFSheet sheet = workbook.createSheet(ImportLayout.SHEET);
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			CreationHelper factory = workbook.getCreationHelper();
			Writer writer = new Writer(sheet, drawing, factory, styles, dateColumns, errorColumn, problems);
			SheetReader.read(file, format, charset, ImportLayout.SHEET, writer);
			writer.rest();
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static final class Writer implements SheetReader.Sink {

		private final SXSSFSheet sheet;

		private final Drawing<?> drawing;

		private final CreationHelper factory;

		private final WorkbookWriter.Styles styles;

		private final Set<Integer> dateColumns;

		private final int errorColumn;

		private final Iterator<CellProblem> problems;

		private @Nullable CellProblem next;

		private int comments;

		private int lastRow;

		private final Map<String, CellStyle> formats = new HashMap<>();

		private final Map<String, CellStyle> badFormats = new HashMap<>();

		Writer(SXSSFSheet sheet, Drawing<?> drawing, CreationHelper factory, WorkbookWriter.Styles styles,
				Set<Integer> dateColumns, int errorColumn, Iterator<CellProblem> problems) {
			this.sheet = sheet;
			this.drawing = drawing;
			this.factory = factory;
			this.styles = styles;
			this.dateColumns = dateColumns;
			this.errorColumn = errorColumn;
			this.problems = problems;
			this.next = problems.hasNext() ? problems.next() : null;
		}

		@Override
		public void row(SheetRow source) {
			List<CellProblem> mine = take(source.number());
			Row row = this.sheet.createRow(source.number() - 1);
			this.lastRow = source.number();
			source.cells().forEach((index, raw) -> {
				if (index == this.errorColumn) {
					return;
				}
				Cell cell = row.createCell(index);
				BigDecimal number = raw.number();
				if (number != null) {
					boolean date = this.dateColumns.contains(index) && source.number() > 1;
					if (date && raw.date1904()) {
						// the copy is in the 1900 date system
						number = number.add(BigDecimal.valueOf(Cells.toSerial(Cells.EXCEL_EPOCH_1904)));
					}
					cell.setCellValue(number.doubleValue());
					if (date) {
						cell.setCellStyle(this.styles.date);
					}
					else if (raw.format() != null) {
						cell.setCellStyle(style(raw.format(), false));
					}
				}
				else {
					cell.setCellValue(raw.text());
				}
			});
			if (source.number() == 1) {
				Cell header = row.createCell(this.errorColumn);
				header.setCellValue(ImportLayout.ERROR_HEADER);
				header.setCellStyle(this.styles.requiredHeader);
			}
			annotate(row, mine);
		}

		/**
		 * Problems of rows the reader did not pass (e.g. past the last row) get rows of
		 * their own.
		 */
		void rest() {
			while (this.next != null) {
				int number = Math.max(this.next.row(), this.lastRow + 1);
				List<CellProblem> mine = take(this.next.row());
				Row row = this.sheet.createRow(number - 1);
				this.lastRow = number;
				annotate(row, mine);
			}
		}

		private void annotate(Row row, List<CellProblem> mine) {
			if (mine.isEmpty()) {
				return;
			}
			Map<Integer, List<String>> byColumn = new LinkedHashMap<>();
			List<String> all = new ArrayList<>();
			for (CellProblem problem : mine) {
				all.add((problem.column().isEmpty() ? "" : problem.column() + " 列（" + problem.header() + "）：")
						+ problem.message());
				if (!problem.column().isEmpty()) {
					byColumn.computeIfAbsent(index(problem.column()), k -> new ArrayList<>()).add(problem.message());
				}
			}
			byColumn.forEach((index, messages) -> {
				Cell cell = row.getCell(index);
				if (cell == null) {
					cell = row.createCell(index);
				}
				cell.setCellStyle(style(cell.getCellStyle().getDataFormatString(), true));
				if (this.comments < MAX_COMMENTS) {
					this.comments++;
					ClientAnchor anchor = this.factory.createClientAnchor();
					anchor.setCol1(index);
					anchor.setCol2(index + 3);
					anchor.setRow1(row.getRowNum());
					anchor.setRow2(row.getRowNum() + 3);
					Comment comment = this.drawing.createCellComment(anchor);
					comment.setString(this.factory.createRichTextString(String.join("\n", messages)));
					comment.setAuthor("RTMS");
					cell.setCellComment(comment);
				}
			});
			Cell errors = row.createCell(this.errorColumn);
			errors.setCellValue(String.join("；", all));
			errors.setCellStyle(this.styles.bad);
		}

		/**
		 * @param format a number format
		 * @param bad whether the cell is marked bad
		 * @return the style showing numbers in that format, filled rose when bad (one per
		 * format: the source's styles bound them)
		 */
		private CellStyle style(String format, boolean bad) {
			Map<String, CellStyle> styles = bad ? this.badFormats : this.formats;
			return styles.computeIfAbsent(format, (code) -> {
				CellStyle style = this.sheet.getWorkbook().createCellStyle();
				if (bad) {
					style.cloneStyleFrom(this.styles.bad);
				}
				style.setDataFormat(this.sheet.getWorkbook().createDataFormat().getFormat(code));
				return style;
			});
		}

		private List<CellProblem> take(int rowNumber) {
			List<CellProblem> mine = new ArrayList<>();
			while (this.next != null && this.next.row() <= rowNumber) {
				mine.add(this.next);
				this.next = this.problems.hasNext() ? this.problems.next() : null;
			}
			return mine;
		}

	}

	static int index(String letters) {
		int index = 0;
		for (int i = 0; i < letters.length(); i++) {
			index = index * 26 + (letters.charAt(i) - 'A' + 1);
		}
		return index - 1;
	}

}
