package cn.rtms.bulkload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import cn.rtms.bulkload.BulkLayouts.CellType;
import cn.rtms.bulkload.BulkLayouts.Column;
import cn.rtms.bulkload.BulkLayouts.Layout;
import cn.rtms.bulkload.BulkLayouts.SheetLayout;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * Writes the two bulk-load templates (generated from {@link BulkLayouts}, never stored):
 * one sheet per layout sheet with its Chinese headers (key and code columns formatted as
 * text so that 15-digit numbers stay exact, date columns as yyyy-mm-dd so that what is
 * typed there is a date, drop-downs for code lists), and a 说明 sheet explaining each
 * column: required or not, type, bounds and code list. Streams with SXSSF, so the dataset
 * generator writes 50,000 people with flat memory.
 */
@Component
public class BulkTemplates {

	/**
	 * @param kind which template
	 * @return its download file name
	 */
	public String fileName(BulkKind kind) {
		return BulkLayouts.of(kind).fileName();
	}

	/**
	 * Writes the empty template.
	 * @param kind which template
	 * @param out where to
	 */
	public void template(BulkKind kind, OutputStream out) {
		write(kind, Map.of(), out);
	}

	/**
	 * Writes a filled workbook in the template's layout.
	 * @param kind which template
	 * @param rows per sheet name, its data rows: each a list of values by column (String,
	 * Number, LocalDate, Boolean or null); sheets without an entry stay empty
	 * @param out where to
	 */
	public void write(BulkKind kind, Map<String, Iterator<List<Object>>> rows, OutputStream out) {
		Layout layout = BulkLayouts.of(kind);
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			for (SheetLayout sheetLayout : layout.sheets()) {
				SXSSFSheet sheet = workbook.createSheet(sheetLayout.name());
				Row head = sheet.createRow(0);
				List<Column> columns = sheetLayout.columns();
				for (int c = 0; c < columns.size(); c++) {
					Column column = columns.get(c);
					Cell cell = head.createCell(c);
					cell.setCellValue(column.header() + (column.required() ? "*" : ""));
					cell.setCellStyle(header);
					sheet.setColumnWidth(c, Math.max(12, column.header().length() * 2 + 4) * 256);
					if (column.type() == CellType.DATE) {
						sheet.setDefaultColumnStyle(c, date);
					}
					else if (column.type() != CellType.INT && column.type() != CellType.BOOL) {
						sheet.setDefaultColumnStyle(c, text);
					}
					if (column.type() == CellType.ENUM || column.type() == CellType.BOOL) {
						dropDown(sheet, c, column.type() == CellType.BOOL ? new String[] { "是", "否" }
								: column.values().keySet().toArray(String[]::new));
					}
				}
				sheet.createFreezePane(0, 1);
				Iterator<List<Object>> data = rows.get(sheetLayout.name());
				int r = 1;
				while (data != null && data.hasNext()) {
					List<Object> values = data.next();
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						if (value == null) {
							continue;
						}
						Cell cell = row.createCell(c);
						switch (value) {
							case Number n -> cell.setCellValue(n.doubleValue());
							case LocalDate d -> {
								cell.setCellValue(d);
								cell.setCellStyle(date);
							}
							case Boolean b -> cell.setCellValue(b ? "是" : "否");
							default -> {
								cell.setCellValue(value.toString());
								cell.setCellStyle(text);
							}
						}
					}
				}
			}
			notes(workbook, layout, header);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the temporary SXSSF files are removed by dispose in close
			}
		}
	}

	private static void dropDown(SXSSFSheet sheet, int column, String[] values) {
		if (String.join(",", values).length() > 250) {
			return;
		}
		DataValidationHelper helper = sheet.getDataValidationHelper();
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
				new CellRangeAddressList(1, 65535, column, column));
		validation.setShowErrorBox(false);
		sheet.addValidationData(validation);
	}

	private static void notes(SXSSFWorkbook workbook, Layout layout, CellStyle header) {
		SXSSFSheet sheet = workbook.createSheet(BulkLayouts.NOTES);
		String[] heads = { "工作表", "列", "列名", "必填", "类型", "取值范围 / 代码表", "说明" };
		int[] widths = { 12, 6, 24, 6, 18, 60, 60 };
		int r = 0;
		Row intro = sheet.createRow(r++);
		intro.createCell(0)
			.setCellValue(layout.kind().label() + "批量导入模板：第 1 行为表头，请勿修改或合并表头；从第 2 行起每行一条记录。"
					+ "带 * 的列必填。导入前先校验，任何一处错误都不会保存任何数据；重复导入同一文件不会产生重复记录。");
		Row head = sheet.createRow(r++);
		for (int c = 0; c < heads.length; c++) {
			head.createCell(c).setCellValue(heads[c]);
			head.getCell(c).setCellStyle(header);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		for (SheetLayout sheetLayout : layout.sheets()) {
			Row about = sheet.createRow(r++);
			about.createCell(0).setCellValue(sheetLayout.name());
			about.createCell(6).setCellValue(sheetLayout.note());
			List<Column> columns = sheetLayout.columns();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(sheetLayout.name());
				row.createCell(1).setCellValue(BulkLayouts.letter(c));
				row.createCell(2).setCellValue(column.header());
				row.createCell(3).setCellValue(column.required() ? "是" : "否");
				row.createCell(4).setCellValue(column.type().label);
				row.createCell(5).setCellValue(column.bounds());
				row.createCell(6).setCellValue(column.note());
			}
		}
	}

}
