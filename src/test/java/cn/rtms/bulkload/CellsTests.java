package cn.rtms.bulkload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.rtms.bulkload.BulkLayouts.Column;
import cn.rtms.bulkload.BulkLayouts.SheetLayout;
import cn.rtms.identity.RegionHierarchy;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checking cells against their columns, alone and on a workbook filled in from the
 * template and read by {@link XlsxReader}.
 */
class CellsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@TempDir
	Path dir;

	final Cells cells = new Cells(new RegionHierarchy() {

		@Override
		public List<String> ancestry(String regionCode) {
			return List.of();
		}

		@Override
		public boolean inDeployment(String regionCode) {
			return false;
		}

	}, TODAY);

	static Column column(SheetLayout sheet, String header) {
		return sheet.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
	}

	static final SheetLayout PEOPLE = BulkLayouts.PEOPLE.main();

	/**
	 * 2015 or 2015.3 (the year.month many write) typed in a cell shown as a number is no
	 * date; read as an Excel day number it would be 1905-07-07.
	 */
	@Test
	void refusesANumberShownAsANumberInADateColumn() {
		Column clinicalStart = column(PEOPLE, "开始临床工作日期");
		for (String number : List.of("2015.3", "2015", "42000")) {
			XlsxReader.Cell cell = new XlsxReader.Cell(XlsxReader.Kind.NUMBER, number, new BigDecimal(number), null);
			assertThat(this.cells.parse(clinicalStart, cell).problem()).as(number)
				.isEqualTo("应为日期（如 2020-03-15），实际为数字“" + number + "”");
		}
		XlsxReader.Cell dated = new XlsxReader.Cell(XlsxReader.Kind.DATE, "42064", new BigDecimal("42064"),
				LocalDateTime.of(2015, 3, 1, 0, 0));
		assertThat(this.cells.parse(clinicalStart, dated).value()).isEqualTo(LocalDate.of(2015, 3, 1));
		assertThat(this.cells.parse(clinicalStart, XlsxReader.Cell.string("2015-03-01")).value())
			.isEqualTo(LocalDate.of(2015, 3, 1));
	}

	/**
	 * A failed VLOOKUP caches #N/A ({@code t="e"}): no 姓名, no institution name, in no
	 * column, whether the byte scanner or StAX reads the sheet.
	 */
	@Test
	void refusesFormulaErrorValues() throws IOException {
		Path file = this.dir.resolve("lookup.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Row row = workbook.createSheet("人员").createRow(1);
			row.createCell(0).setCellValue("110220104000031");
			row.createCell(1).setCellFormula("VLOOKUP(A2,Z1:Z2,2,FALSE)");
			row.getCell(1).setCellErrorValue(FormulaError.NA.getCode());
			row.createCell(3).setCellErrorValue(FormulaError.REF.getCode());
			workbook.write(out);
		}
		for (boolean scanner : List.of(true, false)) {
			XlsxReaderTests.Recorder recorder = new XlsxReaderTests.Recorder();
			try (XlsxReader reader = new XlsxReader(file)) {
				if (scanner) {
					reader.read("人员", PEOPLE.columns().size(), recorder);
				}
				else {
					reader.readWithStax("人员", PEOPLE.columns().size(), recorder);
				}
			}
			XlsxReader.Cell[] row = recorder.rows.get(2);
			assertThat(this.cells.parse(column(PEOPLE, "姓名"), row[1]).problem()).as("scanner %s", scanner)
				.isEqualTo("单元格是公式错误值 #N/A，请填写实际值");
			assertThat(this.cells.parse(column(PEOPLE, "出生日期"), row[3]).problem()).isEqualTo("单元格是公式错误值 #REF!，请填写实际值");
		}
		Column name = BulkLayouts.INSTITUTIONS.main().columns().get(1);
		assertThat(this.cells.parse(name, new XlsxReader.Cell(XlsxReader.Kind.ERROR, "#VALUE!", null, null)).problem())
			.isEqualTo("单元格是公式错误值 #VALUE!，请填写实际值");
	}

	/**
	 * The template formats date columns yyyy-mm-dd, so a date typed there (Excel, like
	 * POI, gives a new cell its column's style) is a date-formatted number, which the
	 * reader's byte scanner knows from the style; 2015.3 in a General cell stays a number
	 * and is refused.
	 */
	@Test
	void aDateTypedInTheTemplatesDateColumnIsADateAndAPlainNumberIsRefused() throws IOException {
		ByteArrayOutputStream template = new ByteArrayOutputStream();
		new BulkTemplates().template(BulkKind.PEOPLE, template);
		Path file = this.dir.resolve("people.xlsx");
		int clinicalStart = PEOPLE.columns().indexOf(column(PEOPLE, "开始临床工作日期"));
		int birthDate = PEOPLE.columns().indexOf(column(PEOPLE, "出生日期"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()));
				OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.getSheet("人员");
			assertThat(sheet.getColumnStyle(clinicalStart).getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(sheet.getColumnStyle(birthDate).getDataFormatString()).isEqualTo("yyyy-mm-dd");
			Row row = sheet.createRow(1);
			row.createCell(birthDate).setCellValue(LocalDate.of(1980, 3, 1));
			row.createCell(clinicalStart).setCellValue(2015.3);
			// a cell left General (pasted from elsewhere, or in a template before
			// 2026-12)
			row.getCell(clinicalStart).setCellStyle(workbook.getCellStyleAt(0));
			workbook.write(out);
		}
		XlsxReaderTests.Recorder recorder = new XlsxReaderTests.Recorder();
		try (XlsxReader reader = new XlsxReader(file)) {
			reader.read("人员", PEOPLE.columns().size(), recorder);
		}
		XlsxReader.Cell[] row = recorder.rows.get(2);
		assertThat(row[birthDate].kind()).isEqualTo(XlsxReader.Kind.DATE);
		assertThat(this.cells.parse(PEOPLE.columns().get(birthDate), row[birthDate]).value())
			.isEqualTo(LocalDate.of(1980, 3, 1));
		assertThat(row[clinicalStart].kind()).isEqualTo(XlsxReader.Kind.NUMBER);
		assertThat(this.cells.parse(PEOPLE.columns().get(clinicalStart), row[clinicalStart]).problem())
			.isEqualTo("应为日期（如 2020-03-15），实际为数字“2015.3”");
	}

}
