package cn.rtms.bulkload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worksheet scanner against the general StAX reader it replaced for sheets: the same
 * rows and merged ranges from workbooks written by POI, from hand-written SpreadsheetML
 * with what POI never writes (prefixes, CDATA, comments, entities, CR LF, texts across
 * the read buffer), and from random sheets; broken XML refused by both; a UTF-16 part
 * read through StAX.
 */
class SheetScannerTests {

	@TempDir
	Path dir;

	List<String> scanned(Path file, String sheet, int columns) throws IOException {
		XlsxReaderTests.Recorder recorder = new XlsxReaderTests.Recorder();
		try (XlsxReader reader = new XlsxReader(file)) {
			reader.read(sheet, columns, recorder);
		}
		return recorder.lines;
	}

	List<String> parsed(Path file, String sheet, int columns) throws IOException {
		XlsxReaderTests.Recorder recorder = new XlsxReaderTests.Recorder();
		try (XlsxReader reader = new XlsxReader(file)) {
			reader.readWithStax(sheet, columns, recorder);
		}
		return recorder.lines;
	}

	Path sheet(String name, String xml) throws IOException {
		return XlsxReaderTests.workbook(this.dir.resolve(name), "", xml, """
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
				<si><t>吉林省</t></si><si><t xml:space="preserve"> 长春 &amp; 松原 </t></si></sst>""");
	}

	@Test
	void readsWhatPoiWritesAsStaxDoes() throws IOException {
		Path xssf = this.dir.resolve("xssf.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xssf)) {
			Sheet sheet = workbook.createSheet("人员");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat((short) 14);
			for (int r = 0; r < 300; r++) {
				Row row = sheet.createRow(r * 2);
				row.createCell(0).setCellValue("医师<" + r + ">&\"'");
				row.createCell(1).setCellValue(LocalDate.of(1960, 1, 1).plusDays(r * 37L));
				row.getCell(1).setCellStyle(date);
				row.createCell(2).setCellValue(r * 1.25);
				row.createCell(4).setCellValue(r % 2 == 0);
				row.createCell(5).setCellFormula("A" + (r * 2 + 1) + "&\"x\"");
			}
			sheet.addMergedRegion(new CellRangeAddress(700, 701, 0, 3));
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
		}
		assertThat(scanned(xssf, "人员", 6)).hasSize(301).isEqualTo(parsed(xssf, "人员", 6));
		Path sxssf = this.dir.resolve("sxssf.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(sxssf)) {
			Sheet sheet = workbook.createSheet("机构");
			for (int r = 0; r < 2000; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("机构" + r + " 长春市\n朝阳区");
				row.createCell(1).setCellValue(r);
				row.createCell(3).setCellValue("x".repeat(r % 300));
			}
			workbook.write(out);
		}
		assertThat(scanned(sxssf, "机构", 3)).hasSize(2000).isEqualTo(parsed(sxssf, "机构", 3));
	}

	@Test
	void readsPrefixesCdataCommentsEntitiesAndLineEndsAsStaxDoes() throws IOException {
		Path file = sheet("hand.xlsx",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<!-- written by hand -->
						<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
						<x:row r="2" spans="1:4"><x:c r="A2" t="inlineStr"><x:is><x:t>a&lt;b&gt;c&#38;d&#x4E2D;&quot;&apos;</x:t></x:is></x:c>
						<x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t='inlineStr'><x:is><x:t><![CDATA[<不是元素> ]]]]></x:t></x:is></x:c>
						<x:c r="D2"><x:v> 12.50 </x:v></x:c></x:row>
						<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>第一行\r\n第二行\r第三行</x:t></x:is></x:c>
						<x:c r="B3" t="str"><x:f>A3</x:f><x:v>公式<!-- 注释 -->结果</x:v></x:c><x:c r="C3" t="n"/><x:c r="D3" s="1"><x:v>45000</x:v></x:c></x:row>
						<x:row r="4"/><x:row r="5"><x:c r="A5"><x:v></x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:r><x:t>长</x:t></x:r><x:r><x:t/></x:r><x:r><x:t>春</x:t></x:r></x:is></x:c></x:row>
						<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
						</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A7:D8"/></x:mergeCells>
						<?some-processor data?></x:worksheet>
						""");
		List<String> lines = scanned(file, "表", 4);
		assertThat(lines).containsExactly("2:[a<b>c&d中\"', 长春 & 松原, <不是元素> ]], 12.5]",
				"3:[第一行\n第二行\n第三行, 公式结果, null, 2023-03-15T00:00]", "5:[null, 长春, null, null]",
				"6:[是, #DIV/0!, null, null]", "merged 6,0-7,3");
		assertThat(lines).isEqualTo(parsed(file, "表", 4));
	}

	@Test
	void readsTextsAcrossTheReadBufferAsStaxDoes() throws IOException {
		Random random = new Random(20261202);
		String alphabet = "abc 长春市朝阳区\t&<>\"'\r\n";
		for (int round = 0; round < 5; round++) {
			StringBuilder xml = new StringBuilder("""
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
			for (int r = 1; r <= 400; r++) {
				xml.append("<row r=\"").append(r).append("\">");
				for (int c = 0; c < 4; c++) {
					if (random.nextInt(5) == 0) {
						continue;
					}
					String ref = (char) ('A' + c) + String.valueOf(r);
					if (random.nextBoolean()) {
						xml.append("<c r=\"")
							.append(ref)
							.append("\"><v>")
							.append(random.nextInt(100000))
							.append("</v></c>");
						continue;
					}
					StringBuilder text = new StringBuilder();
					int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
					for (int i = 0; i < length; i++) {
						char ch = alphabet.charAt(random.nextInt(alphabet.length()));
						text.append(switch (ch) {
							case '&' -> "&amp;";
							case '<' -> "&lt;";
							case '>' -> random.nextBoolean() ? ">" : "&gt;";
							case '"' -> "&quot;";
							case '\'' -> "&#39;";
							default -> String.valueOf(ch);
						});
					}
					xml.append("<c r=\"")
						.append(ref)
						.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
						.append(text)
						.append("</t></is></c>");
				}
				xml.append("</row>\n");
			}
			xml.append("</sheetData></worksheet>");
			Path file = sheet("random" + round + ".xlsx", xml.toString());
			assertThat(Files.size(file)).isPositive();
			List<String> lines = scanned(file, "表", 4);
			assertThat(lines).as("round %d", round).hasSizeGreaterThan(300).isEqualTo(parsed(file, "表", 4));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "<worksheet><sheetData><row r=\"1\"></sheetData></worksheet>",
			"<worksheet><sheetData><row r=1><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a<b/></t></is></c></row></sheetData></worksheet>",
			"<worksheet><sheetData/></worksheet><worksheet/>", "<worksheet><sheetData/></worksheet>text",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>abc",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&#0;</t></is></c></row></sheetData></worksheet>",
			"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" <v>1</v></c></row></sheetData></worksheet>",
			"<!DOCTYPE worksheet [<!ENTITY e \"x\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>",
			"<worksheet><sheetData><row r=\"x1\"/></sheetData></worksheet>", "" })
	void refusesBrokenXmlAsStaxDoes(String xml) throws IOException {
		Path file = sheet("broken.xlsx", xml);
		assertThatThrownBy(() -> scanned(file, "表", 2)).isInstanceOf(XlsxReader.Unreadable.class);
		assertThatThrownBy(() -> parsed(file, "表", 2)).isInstanceOf(XlsxReader.Unreadable.class);
	}

	@Test
	void refusesTextThatIsNotUtf8() throws IOException {
		Path file = this.dir.resolve("latin1.xlsx");
		XlsxReaderTests.workbook(file, "", "", null);
		Path bytes = this.dir.resolve("bytes.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bytes));
				java.util.zip.ZipFile source = new java.util.zip.ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(source.entries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().endsWith("sheet1.xml")) {
					zip.write("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf"
						.getBytes(StandardCharsets.US_ASCII));
					zip.write(new byte[] { (byte) 0xE9 });
					zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
				}
				else {
					source.getInputStream(entry).transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		assertThatThrownBy(() -> scanned(bytes, "表", 1)).isInstanceOf(XlsxReader.Unreadable.class)
			.hasMessageContaining("UTF-8");
	}

	@Test
	void aPartInUtf16IsReadThroughStax() throws IOException {
		Path file = this.dir.resolve("utf16.xlsx");
		XlsxReaderTests.workbook(file, "", "", null);
		Path utf16 = this.dir.resolve("utf16-sheet.xlsx");
		String sheet = """
				<?xml version="1.0" encoding="UTF-16"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
				<row r="1"><c r="A1" t="inlineStr"><is><t>吉林省</t></is></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>""";
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(utf16));
				java.util.zip.ZipFile source = new java.util.zip.ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(source.entries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().endsWith("sheet1.xml")) {
					zip.write(sheet.getBytes(StandardCharsets.UTF_16));
				}
				else {
					source.getInputStream(entry).transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		assertThat(scanned(utf16, "表", 2)).containsExactly("1:[吉林省, 7]");
	}

}
