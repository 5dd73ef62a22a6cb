package cn.rtms.bulkload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk load's own .xlsx reader against workbooks written by POI (shared strings,
 * styles, merged ranges; inline strings from the streaming writer) and hand-written
 * SpreadsheetML for what POI does not write (phonetic runs, cells without references, the
 * 1904 date system, DTDs, broken XML).
 */
class XlsxReaderTests {

	@TempDir
	Path dir;

	/** What a reading reported, one line per row or merged range. */
	static final class Recorder implements XlsxReader.Rows {

		final List<String> lines = new ArrayList<>();

		final Map<Integer, XlsxReader.@Nullable Cell[]> rows = new LinkedHashMap<>();

		@Override
		public void row(int row, XlsxReader.@Nullable Cell[] cells) {
			this.rows.put(row, cells);
			this.lines.add(row + ":" + Arrays.stream(cells).map(Cells::text).toList());
		}

		@Override
		public void merged(int firstRow, int firstColumn, int lastRow, int lastColumn) {
			this.lines.add("merged " + firstRow + "," + firstColumn + "-" + lastRow + "," + lastColumn);
		}

	}

	Recorder read(Path file, String sheet, int columns) throws IOException {
		Recorder recorder = new Recorder();
		try (XlsxReader reader = new XlsxReader(file)) {
			reader.read(sheet, columns, recorder);
		}
		return recorder;
	}

	@Test
	void readsWhatExcelStoresThroughSharedStringsStylesAndMerges() throws IOException {
		Path file = this.dir.resolve("poi.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("说明");
			Sheet sheet = workbook.createSheet("人员");
			CellStyle builtinDate = workbook.createCellStyle();
			builtinDate.setDataFormat((short) 14);
			CellStyle chineseDate = workbook.createCellStyle();
			chineseDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			CellStyle decimals = workbook.createCellStyle();
			decimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("姓名");
			header.createCell(1).setCellValue("出生日期");
			header.createCell(2).setCellValue("床位数");
			Row first = sheet.createRow(1);
			first.createCell(0).setCellValue("王  医生 ");
			first.createCell(1).setCellValue(LocalDate.of(1980, 3, 1));
			first.getCell(1).setCellStyle(builtinDate);
			first.createCell(2).setCellValue(45);
			first.createCell(3).setCellValue("超出列，不读");
			Row second = sheet.createRow(4);
			second.createCell(0).setCellValue(true);
			second.createCell(1).setCellValue(LocalDate.of(2006, 8, 1));
			second.getCell(1).setCellStyle(chineseDate);
			second.createCell(2).setCellValue(12.50);
			second.getCell(2).setCellStyle(decimals);
			sheet.createRow(5).createCell(0).setCellValue("");
			sheet.createRow(6).createCell(7).setCellValue("只在读取范围外");
			Row third = sheet.createRow(7);
			third.createCell(0).setCellValue(110220104000031L);
			third.createCell(1).setCellFormula("\"2020-\"&\"01-02\"");
			third.createCell(2).setCellValue("王  医生 ");
			sheet.addMergedRegion(new CellRangeAddress(9, 10, 0, 1));
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		try (XlsxReader reader = new XlsxReader(file)) {
			assertThat(reader.sheetNames()).containsExactly("说明", "人员");
		}
		Recorder recorder = read(file, "人员", 3);
		assertThat(recorder.lines).containsExactly("1:[姓名, 出生日期, 床位数]", "2:[王  医生, 1980-03-01T00:00, 45]",
				"5:[是, 2006-08-01T00:00, 12.5]", "8:[110220104000031, 2020-01-02, 王  医生]", "merged 9,0-10,1");
		XlsxReader.Cell date = recorder.rows.get(5)[1];
		assertThat(date.kind()).isEqualTo(XlsxReader.Kind.DATE);
		assertThat(date.date()).isEqualTo(LocalDateTime.of(2006, 8, 1, 0, 0));
		assertThat(recorder.rows.get(5)[2].kind()).as("0.00 is a number format, not a date")
			.isEqualTo(XlsxReader.Kind.NUMBER);
		assertThat(recorder.rows.get(8)[1].kind()).as("a formula's cached text").isEqualTo(XlsxReader.Kind.STRING);
	}

	@Test
	void readsInlineStringsOfTheStreamingWriter() throws IOException {
		Path file = this.dir.resolve("sxssf.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("机构");
			for (int r = 0; r < 100; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("机构" + r);
				row.createCell(1).setCellValue(r);
			}
			workbook.write(out);
		}
		Recorder recorder = read(file, "机构", 2);
		assertThat(recorder.lines).hasSize(100).startsWith("1:[机构0, 0]").endsWith("100:[机构99, 99]");
	}

	static Path workbook(Path file, String workbookPr, String sheet, @Nullable String sharedStrings)
			throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			put(zip, "xl/workbook.xml", """
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
					 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s
					<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(workbookPr));
			put(zip, "xl/_rels/workbook.xml.rels", """
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>
					<Relationship Id="rId2" Type="styles" Target="styles.xml"/>
					<Relationship Id="rId3" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
			put(zip, "xl/styles.xml", """
					<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
					<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>""");
			if (sharedStrings != null) {
				put(zip, "xl/sharedStrings.xml", sharedStrings);
			}
			put(zip, "xl/worksheets/sheet1.xml", sheet);
		}
		return file;
	}

	static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	@Test
	void joinsRichTextRunsLeavesOutPhoneticRunsAndCountsCellsWithoutReferences() throws IOException {
		Path file = workbook(this.dir.resolve("hand.xlsx"), "<workbookPr date1904=\"1\"/>",
				"""
						<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
						<row><c t="s"><v>0</v></c><c t="inlineStr"><is><r><t>长春</t></r><r><t xml:space="preserve">市 </t></r></is></c>
						<c s="1"><v>0</v></c></row>
						<row r="3"><c r="C3" t="e"><v>#N/A</v></c><c t="b"><v>0</v></c></row>
						<row r="4"><c r="A4" t="s"><v>1</v></c></row>
						</sheetData></worksheet>""",
				"""
						<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
						<si><r><t>吉林</t></r><r><t>省</t></r><rPh sb="0" eb="2"><t>ジリン</t></rPh></si><si><t></t></si></sst>""");
		Recorder recorder = read(file, "表", 4);
		assertThat(recorder.lines).as("the 1904 system: serial 0 is 1904-01-01; an empty shared string is empty")
			.containsExactly("1:[吉林省, 长春市, 1904-01-01T00:00, null]", "3:[null, null, #N/A, 否]");
	}

	@Test
	void refusesDoctypesBrokenXmlAndMissingSheets() throws IOException {
		Path doctype = workbook(this.dir.resolve("xxe.xlsx"), "", """
				<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>""", null);
		assertThatThrownBy(() -> read(doctype, "表", 1)).isInstanceOf(XlsxReader.Unreadable.class);
		Path broken = workbook(this.dir.resolve("broken.xlsx"), "", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"",
				null);
		assertThatThrownBy(() -> read(broken, "表", 1)).isInstanceOf(XlsxReader.Unreadable.class);
		Path badReference = workbook(this.dir.resolve("ref.xlsx"), "",
				"<worksheet><sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>", null);
		assertThatThrownBy(() -> read(badReference, "表", 1)).isInstanceOf(XlsxReader.Unreadable.class);
		assertThatThrownBy(() -> read(broken, "没有的表", 1)).isInstanceOf(XlsxReader.Unreadable.class);
	}

	@Test
	void aSharedStringTableBeyondTheBoundIsRefused() throws IOException {
		Path file = workbook(this.dir.resolve("strings.xlsx"), "", """
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>""", """
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
				<si><t>吉林省长春市</t></si><si><t>朝阳区</t></si></sst>""");
		try (XlsxReader reader = new XlsxReader(file, 9)) {
			reader.read("表", 1, new Recorder());
		}
		try (XlsxReader reader = new XlsxReader(file, 8)) {
			assertThatThrownBy(() -> reader.read("表", 1, new Recorder())).isInstanceOf(XlsxReader.Unreadable.class)
				.hasMessageContaining("shared strings");
		}
	}

}
