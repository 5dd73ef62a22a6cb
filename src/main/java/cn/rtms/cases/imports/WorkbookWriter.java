package cn.rtms.cases.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import cn.rtms.cases.imports.ImportColumn.Kind;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the import template of a technology and, in the same layout, exported cases:
 * sheet {@value ImportLayout#SHEET} with the Chinese headers (required ones in red),
 * date-formatted date columns and dropdowns for coded and yes/no columns (lists in the
 * hidden sheet {@value ImportLayout#CODES_SHEET}), and sheet
 * {@value ImportLayout#GUIDE_SHEET} explaining each column. Rows stream through POI's
 * SXSSF (100 rows in memory), so an export of any size keeps memory flat.
 */
final class WorkbookWriter {

	/** Rows of the cases sheet that get dropdowns and date formats in a template. */
	static final int VALIDATED_ROWS = 10_000;

	private WorkbookWriter() {
	}

	/**
	 * @param layout the technology's layout
	 * @param out where the workbook goes (not closed)
	 * @param rows the rows to write (values by column key: {@link LocalDate},
	 * {@link Number}, {@link Boolean}, or text; codes of choice columns are written as
	 * their dropdown label)
	 * @throws IOException when writing fails
	 */
	static void write(ImportLayout layout, OutputStream out, Iterator<Map<String, Object>> rows) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try {
			Styles styles = new Styles(workbook);
			SXSSFSheet sheet = workbook.createSheet(ImportLayout.SHEET);
			Sheet guide = workbook.createSheet(ImportLayout.GUIDE_SHEET);
			Sheet codes = workbook.createSheet(ImportLayout.CODES_SHEET);
			workbook.setSheetHidden(workbook.getSheetIndex(codes), true);
			List<ImportColumn> columns = layout.columns();
			Row header = sheet.createRow(0);
			for (int i = 0; i < columns.size(); i++) {
				ImportColumn column = columns.get(i);
				Cell cell = header.createCell(i);
				cell.setCellValue(column.header());
				cell.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, column.header().length() * 2 + 2)) * 256);
				if (column.kind() == Kind.DATE) {
					sheet.setDefaultColumnStyle(i, styles.date);
				}
			}
			sheet.createFreezePane(0, 1);
			validations(sheet, codes, columns);
			guide(guide, layout, styles);
			int r = 1;
			while (rows.hasNext()) {
				Map<String, Object> values = rows.next();
				Row row = sheet.createRow(r++);
				for (int i = 0; i < columns.size(); i++) {
					Object value = values.get(columns.get(i).key());
					if (value != null) {
						set(row.createCell(i), columns.get(i), value, styles);
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void set(Cell cell, ImportColumn column, Object value, Styles styles) {
		if (value instanceof LocalDate date) {
			cell.setCellValue(date);
			cell.setCellStyle(styles.date);
		}
		else if (value instanceof BigDecimal number) {
			cell.setCellValue(number.doubleValue());
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else if (value instanceof Boolean bool) {
			cell.setCellValue(bool ? "是" : "否");
		}
		else if (column.kind() == Kind.CHOICE) {
			String code = value.toString();
			cell.setCellValue(column.options()
				.stream()
				.filter(o -> o.code().equals(code))
				.map(ImportColumn.Option::display)
				.findFirst()
				.orElse(code));
		}
		else {
			cell.setCellValue(value.toString());
		}
	}

	private static void validations(SXSSFSheet sheet, Sheet codes, List<ImportColumn> columns) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		Row codeHeader = codes.createRow(0);
		int codeColumn = 0;
		for (int i = 0; i < columns.size(); i++) {
			ImportColumn column = columns.get(i);
			DataValidationConstraint constraint = null;
			if (column.kind() == Kind.BOOLEAN) {
				constraint = helper.createExplicitListConstraint(new String[] { "是", "否" });
			}
			else if (column.kind() == Kind.CHOICE && !column.options().isEmpty()) {
				codeHeader.createCell(codeColumn).setCellValue(column.key());
				List<String> labels = column.optionLabels();
				for (int k = 0; k < labels.size(); k++) {
					Row row = codes.getRow(k + 1);
					if (row == null) {
						row = codes.createRow(k + 1);
					}
					row.createCell(codeColumn).setCellValue(labels.get(k));
				}
				String letter = Cells.letter(codeColumn);
				constraint = helper.createFormulaListConstraint(
						"'" + ImportLayout.CODES_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (labels.size() + 1));
				codeColumn++;
			}
			else if (column.kind() == Kind.DATE) {
				constraint = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
						"DATE(1900,3,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
			}
			if (constraint == null) {
				continue;
			}
			DataValidation validation = helper.createValidation(constraint,
					new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
			validation.setShowErrorBox(true);
			validation.setErrorStyle(
					column.kind() == Kind.DATE ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
			validation.createErrorBox("取值无效",
					column.kind() == Kind.DATE ? "请填写日期，例如 2026-03-15" : "请从下拉列表中选择 “" + column.label() + "” 的取值");
			sheet.addValidationData(validation);
		}
	}

	private static void guide(Sheet guide, ImportLayout layout, Styles styles) {
		String[] heads = { "列", "表头", "键", "类型", "必填", "范围 / 长度", "可选值", "说明" };
		int r = 0;
		guide.createRow(r++)
			.createCell(0)
			.setCellValue(layout.title() + "（" + layout.technology() + "，病例表 " + layout.formKey() + "）导入模板说明");
		guide.createRow(r++)
			.createCell(0)
			.setCellValue(
					"每行一例，填在 “" + ImportLayout.SHEET + "” 工作表，勿改动第 1 行表头、勿合并单元格。日期可填 Excel 日期或 2026-03-15、2026/3/15、"
							+ "2026年3月15日；是/否列填 是 或 否；多个值（手术编码、助手、器械条码）用 ；分隔；并发症写作 名称|分级|发生日期，多项用 ；分隔。");
		r++;
		Row head = guide.createRow(r++);
		for (int i = 0; i < heads.length; i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(heads[i]);
			cell.setCellStyle(styles.header);
		}
		List<ImportColumn> columns = layout.columns();
		for (int i = 0; i < columns.size(); i++) {
			ImportColumn column = columns.get(i);
			Row row = guide.createRow(r++);
			row.createCell(0).setCellValue(Cells.letter(i));
			row.createCell(1).setCellValue(column.header());
			row.createCell(2).setCellValue(column.formField() ? "fields." + column.key() : column.key());
			row.createCell(3).setCellValue(column.kind().label());
			row.createCell(4).setCellValue(column.required() ? "是" : "否");
			row.createCell(5).setCellValue(range(column));
			row.createCell(6).setCellValue(String.join("；", column.optionLabels()));
			row.createCell(7).setCellValue(column.help() == null ? "" : column.help());
		}
		int[] widths = { 6, 28, 22, 12, 6, 18, 60, 60 };
		for (int i = 0; i < widths.length; i++) {
			guide.setColumnWidth(i, widths[i] * 256);
		}
	}

	static String range(ImportColumn column) {
		StringBuilder range = new StringBuilder();
		if (column.min() != null || column.max() != null) {
			range.append(column.min() == null ? "" : column.min().stripTrailingZeros().toPlainString())
				.append(" ～ ")
				.append(column.max() == null ? "" : column.max().stripTrailingZeros().toPlainString());
		}
		if (column.maxLength() != null) {
			range.append(range.isEmpty() ? "" : "；").append("最多 ").append(column.maxLength()).append(" 字");
		}
		return range.toString();
	}

	/** Cell styles of one workbook. */
	static final class Styles {

		final CellStyle header;

		final CellStyle requiredHeader;

		final CellStyle date;

		final CellStyle bad;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font red = workbook.createFont();
			red.setBold(true);
			red.setColor(IndexedColors.RED.getIndex());
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.requiredHeader = workbook.createCellStyle();
			this.requiredHeader.cloneStyleFrom(this.header);
			this.requiredHeader.setFont(red);
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			this.bad = workbook.createCellStyle();
			this.bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			this.bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}

	}

}
