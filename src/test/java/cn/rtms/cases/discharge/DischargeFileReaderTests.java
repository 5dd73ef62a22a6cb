package cn.rtms.cases.discharge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.rtms.cases.discharge.DischargeFileReader.Result;
import cn.rtms.cases.discharge.InvalidDischargeFile.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading discharge-abstract files, good and bad: every bad cell named by row and column,
 * whole-file problems refused with the file named, nothing handed on from a bad file.
 */
class DischargeFileReaderTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final String HEADER = "病案号,住院号,入院日期,出院日期,科室,主要手术操作编码,其他手术操作编码,手术日期,术者,离院方式";

	final List<DischargeRow> rows = new ArrayList<>();

	Result read(String fileName, byte[] content) {
		return DischargeFileReader.read(fileName, content, TODAY, 1_000_000, 1_000, this.rows::add);
	}

	Result csv(String... lines) {
		return read("出院.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsAGoodCsvWithMessyCodesSeveralOtherCodesAndQuotedFields() {
		Result result = csv(HEADER,
				"BA001,ZY001,2026-10-08,2026-10-15,肿瘤介入科,52. 2200x007,\"17.4200；06.3100X001，47.0901\",2026-10-10,高志远,1",
				"BA002,,2026/10/09,2026年10月20日,\"肿瘤外科,二病区\",,,,,医嘱离院");
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).isEqualTo(2);
		assertThat(result.format()).isEqualTo("CSV");
		assertThat(result.charset()).isEqualTo("UTF-8");
		DischargeRow first = this.rows.get(0);
		assertThat(first.row()).isEqualTo(2);
		assertThat(first.principalCode().code()).isEqualTo("52.2200x007");
		assertThat(first.otherCodes()).extracting(c -> c.code()).containsExactly("17.4200", "06.3100x001", "47.0901");
		assertThat(first.operationDate()).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(first.dischargeMethod()).isEqualTo("ORDERED");
		DischargeRow second = this.rows.get(1);
		assertThat(second.admissionDate()).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(second.dischargeDate()).isEqualTo(LocalDate.of(2026, 10, 20));
		assertThat(second.department()).isEqualTo("肿瘤外科,二病区");
		assertThat(second.principalCode()).isNull();
		assertThat(second.operationDate()).isNull();
	}

	@Test
	void readsGbkAndSeparateOtherCodeColumnsAndIgnoresPatientIdentity() {
		String text = "病案号,姓名,身份证号,入院日期,出院日期,主要手术操作编码,其他手术操作编码1,其他手术操作编码2,手术日期,术者\n"
				+ "BA003,张三,220104197001011234,2026-10-01,2026-10-05,55.5100,17.4200,,2026-10-02,110220104000031\n";
		Result result = read("gbk.csv", text.getBytes(Charset.forName("GBK")));
		assertThat(result.errors()).isEmpty();
		assertThat(result.charset()).isEqualTo("GB18030");
		assertThat(result.ignoredColumns()).containsExactly("姓名", "身份证号");
		assertThat(this.rows).singleElement().satisfies(r -> {
			assertThat(r.otherCodes()).extracting(c -> c.code()).containsExactly("17.4200");
			assertThat(r.operator()).isEqualTo("110220104000031");
			assertThat(r.toString()).doesNotContain("张三").doesNotContain("220104197001011234");
		});
	}

	@Test
	void readsAUtf8FileWithByteOrderMark() {
		byte[] body = (HEADER + "\nBA1,,2026-10-01,2026-10-02,,,,,,\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		assertThat(read("bom.csv", withBom).errors()).isEmpty();
		assertThat(this.rows).hasSize(1);
	}

	@Test
	void namesEveryBadCellByRowAndColumnAndHandsNothingOnAfterTheFirst() {
		Result result = csv(HEADER, "BA1,,2026-10-01,2026-10-05,,06.3100x001,,2026-10-02,高志远,1",
				"BA2,,十月一日,2026-10-05,,06.3100x001,,2026-10-02,高志远,1", ",,2026-10-01,2026-09-05,,06.3100x001,,,高志远,7",
				"BA4,,2026-10-01,2026-12-05,,,,,,", "BA5,,2026-10-01,2026-10-05,,06.3100x001,,2026-10-09,,",
				"BA6,,2026-10-01,2026-10-05,,06.3100x001;50.2400x002,,2026-10-02,,",
				"BA7,,2026-10-01,2026-10-05,,,,,,");
		assertThat(result.errors()).extracting(RowError::row, RowError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "入院日期"),
					org.assertj.core.groups.Tuple.tuple(4, "病案号"), org.assertj.core.groups.Tuple.tuple(4, "手术日期"),
					org.assertj.core.groups.Tuple.tuple(4, "离院方式"), org.assertj.core.groups.Tuple.tuple(4, "出院日期"),
					org.assertj.core.groups.Tuple.tuple(5, "出院日期"), org.assertj.core.groups.Tuple.tuple(6, "手术日期"),
					org.assertj.core.groups.Tuple.tuple(7, "主要手术操作编码"));
		assertThat(result.errors().get(0).message()).contains("“十月一日”不是日期");
		assertThat(result.errors().get(4).message()).contains("早于入院日期");
		assertThat(result.errors().get(5).message()).contains("晚于今天");
		assertThat(result.errors().get(6).message()).contains("不在住院期间");
		assertThat(this.rows).extracting(DischargeRow::medicalRecordNo).containsExactly("BA1");
	}

	@Test
	void refusesAFileWithoutTheRequiredColumnsNamingThem() {
		assertThatThrownBy(() -> csv("病案号,入院日期,出院日期,科室", "BA1,2026-10-01,2026-10-02,外科"))
			.isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("出院.csv")
			.hasMessageContaining("缺少必需的列：主要手术操作编码、手术日期、术者");
	}

	@Test
	void refusesAWrongTemplate() {
		assertThatThrownBy(() -> csv("姓名,年龄,电话", "张三,40,1390000")).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("不是出院病案首页的表头")
			.hasMessageNotContaining("docs/");
	}

	@Test
	void refusesAnEmptyFileAndAFileWithoutHeader() {
		assertThatThrownBy(() -> read("空.csv", new byte[0])).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("“空.csv”为空");
		assertThatThrownBy(() -> read("空行.csv", "\r\n\r\n , ,\r\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("没有表头行");
	}

	@Test
	void refusesAFileAboveTheSizeLimitBeforeReadingIt() {
		byte[] big = new byte[2_000];
		assertThatThrownBy(() -> DischargeFileReader.read("大.csv", big, TODAY, 1_000, 10, this.rows::add))
			.isInstanceOf(DischargeFileTooLarge.class)
			.hasMessageContaining("超过上限");
	}

	@Test
	void refusesMoreRowsThanTheLimit() {
		String body = HEADER + "\n" + "BA1,,2026-10-01,2026-10-02,,,,,,\n".repeat(3);
		assertThatThrownBy(() -> DischargeFileReader.read("多.csv", body.getBytes(StandardCharsets.UTF_8), TODAY,
				1_000_000, 2, this.rows::add))
			.isInstanceOf(DischargeFileTooLarge.class)
			.hasMessageContaining("超过上限 2 行");
	}

	@Test
	void refusesBinaryAndOldExcelFiles() {
		assertThatThrownBy(() -> read("x.csv", new byte[] { 'a', 0, 'b' })).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("不是文本");
		assertThatThrownBy(() -> read("x.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }))
			.isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining(".xls");
	}

	@Test
	void readsXlsxWithExcelDatesSerialNumbersAndStringDates() {
		List<List<Object>> data = new ArrayList<>();
		data.add(List.of("病案号", "入院日期", "出院日期", "主要手术操作编码", "其他手术操作编码", "手术日期", "术者"));
		data.add(List.of(123456, java.sql.Date.valueOf("2026-10-01"), "2026/10/08", "06.3100x001", "17.4200", 46300,
				"高志远"));
		data.add(List.of("BA-7", "2026-10-02", new BigDecimal("46303"), " 52. 2200x007", "", "2026-10-03", ""));
		Result result = read("出院.xlsx", xlsx(data));
		assertThat(result.errors()).isEmpty();
		assertThat(result.format()).isEqualTo("XLSX");
		assertThat(this.rows).hasSize(2);
		DischargeRow first = this.rows.get(0);
		assertThat(first.row()).isEqualTo(2);
		assertThat(first.medicalRecordNo()).isEqualTo("123456");
		assertThat(first.admissionDate()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(first.dischargeDate()).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(first.operationDate()).isEqualTo(LocalDate.of(2026, 10, 5));
		DischargeRow second = this.rows.get(1);
		assertThat(second.dischargeDate()).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(second.principalCode().code()).isEqualTo("52.2200x007");
	}

	@Test
	void warnsNamingTheColumnWhenAnIdentifierIsAnExcelNumberWhoseLeadingZerosMayBeLost() {
		List<List<Object>> data = new ArrayList<>();
		data.add(List.of("病案号码", "住院号", "入院日期", "出院日期", "主要手术操作编码", "手术日期", "术者"));
		data.add(List.of(86501, "ZY001", "2026-10-01", "2026-10-08", "06.3100x001", "2026-10-03", "高志远"));
		data.add(List.of(86502, 2026100, "2026-10-01", "2026-10-08", "", "", ""));
		data.add(List.of("0086503", "ZY003", "2026-10-01", "2026-10-08", "", "", ""));
		Result result = read("数值病案号.xlsx", xlsx(data));
		assertThat(result.errors()).isEmpty();
		assertThat(this.rows).extracting(DischargeRow::medicalRecordNo).containsExactly("86501", "86502", "0086503");
		assertThat(result.warnings()).containsExactly(
				"“病案号码”列有 2 行是 Excel 数值单元格（如第 2 行“86501”），开头的 0 可能已丢失（与病例比对、识别同一住院时忽略开头的 0）；建议将该列设为文本格式后重新导出",
				"“住院号”列有 1 行是 Excel 数值单元格（如第 3 行“2026100”），开头的 0 可能已丢失（与病例比对、识别同一住院时忽略开头的 0）；建议将该列设为文本格式后重新导出");
		assertThat(csv(HEADER, "0086501,ZY001,2026-10-01,2026-10-08,,06.3100x001,,2026-10-03,高志远,1").warnings())
			.isEmpty();
	}

	@Test
	void namesBadCellsOfAnXlsxByRowAndColumn() {
		List<List<Object>> data = new ArrayList<>();
		data.add(List.of("病案号", "入院日期", "出院日期", "主要手术操作编码", "手术日期", "术者"));
		data.add(List.of("BA1", "2026-10-01", "2026-10-08", "06.3100x001", "术后第二天", "高志远"));
		data.add(List.of("BA2", "2026-10-01", 12, "", "", ""));
		Result result = read("坏.xlsx", xlsx(data));
		assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(2, "手术日期",
							"“术后第二天”不是日期（应为 2026-10-12、2026/10/12、2026年10月12日 或 Excel 日期）"),
					org.assertj.core.groups.Tuple.tuple(3, "出院日期",
							"“12”不是日期（应为 2026-10-12、2026/10/12、2026年10月12日 或 Excel 日期）"));
		assertThat(this.rows).isEmpty();
	}

	@Test
	void namesTheSheetWhenTheFirstSheetIsNotTheDischargeList() {
		List<List<Object>> data = List.of(List.of("说明"), List.of("本文件第二页为出院病案首页"));
		assertThatThrownBy(() -> read("两页.xlsx", xlsx(data))).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("工作表“出院病案”")
			.hasMessageContaining("不是出院病案首页的表头");
	}

	@Test
	void namesEveryRowLeftBlankByMergedCells() throws IOException {
		List<List<Object>> data = new ArrayList<>();
		data.add(List.of("病案号", "入院日期", "出院日期", "主要手术操作编码", "手术日期", "术者"));
		data.add(List.of("BA1", "2026-10-01", "2026-10-08", "06.3100x001", "2026-10-02", "高志远"));
		data.add(List.of("", "2026-10-01", "2026-10-08", "06.3100x002", "2026-10-03", "高志远"));
		data.add(List.of("", "2026-10-01", "2026-10-08", "06.3100x002", "2026-10-04", "高志远"));
		byte[] merged;
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx(data)))) {
			workbook.getSheetAt(0).addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 3, 0, 0));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			merged = out.toByteArray();
		}
		Result result = read("合并.xlsx", merged);
		assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "病案号", "病案号不能为空"),
					org.assertj.core.groups.Tuple.tuple(4, "病案号", "病案号不能为空"));
	}

	@Test
	void refusesAZipBombRenamedXlsx() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 20; i++) {
				zip.write(zeros);
			}
		}
		assertThatThrownBy(() -> read("炸弹.xlsx", out.toByteArray())).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("炸弹.xlsx")
			.hasMessageContaining("疑似压缩炸弹");
	}

	@Test
	void refusesAZipThatIsNoWorkbookAndABrokenOne() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hi".getBytes(StandardCharsets.UTF_8));
		}
		assertThatThrownBy(() -> read("a.xlsx", out.toByteArray())).isInstanceOf(InvalidDischargeFile.class)
			.hasMessageContaining("不是 .xlsx 工作簿");
		byte[] broken = java.util.Arrays.copyOf(xlsx(List.of(List.of("病案号"))), 300);
		assertThatThrownBy(() -> read("b.xlsx", broken)).isInstanceOf(InvalidDischargeFile.class);
	}

	@ParameterizedTest
	@CsvSource({ "2026-10-12, 2026-10-12", "2026/10/12, 2026-10-12", "2026.10.12, 2026-10-12",
			"2026年10月12日, 2026-10-12", "20261012, 2026-10-12", "2026-10-12 08:30:00, 2026-10-12",
			"2026-1-2, 2026-01-02", "46307, 2026-10-12", "46307.5, 2026-10-12" })
	void parsesDatesAsHospitalSystemsWriteThem(String text, LocalDate expected) {
		assertThat(DischargeFileReader.parseDate(text, null)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026", "12", "2026-13-01", "2026-02-30", "明天", "100000" })
	void refusesWhatIsNoDate(String text) {
		assertThatThrownBy(() -> DischargeFileReader.parseDate(text, null))
			.isInstanceOf(java.time.DateTimeException.class);
	}

	/**
	 * Writes a workbook with POI: numbers as number cells, {@link java.util.Date} as
	 * date-formatted number cells, everything else as text.
	 */
	static byte[] xlsx(List<List<Object>> rows) {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("出院病案");
			org.apache.poi.ss.usermodel.CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.size(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
					if (value instanceof java.util.Date date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (!value.toString().isEmpty()) {
						cell.setCellValue(value.toString());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Review F7: a cell listing codes separated by blanks only is read as several codes;
	 * a code with stray blanks stays one.
	 */
	@Test
	void splitsACellOfCodesSeparatedByBlanksOnlyWhenEachIsACode() {
		assertThat(DischargeFileReader.split("06.3100x001 17.4200；52. 2200x007")).containsExactly("06.3100x001",
				"17.4200", "52. 2200x007");
		assertThat(DischargeFileReader.split("06.3100x001 经皮甲状腺病损射频消融术")).containsExactly("06.3100x001 经皮甲状腺病损射频消融术");
	}

}
