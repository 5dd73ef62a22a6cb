package cn.rtms.cases.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.rtms.cases.imports.ImportLayout.HeaderMatch;
import cn.rtms.cases.imports.SheetReader.Format;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkbookTests {

	@TempDir
	Path dir;

	@Test
	void templateHasChineseHeadersDropdownsDateFormatsAndAGuide() throws IOException {
		ImportLayout layout = ImportFixtures.layout();
		byte[] bytes = ImportFixtures.template(layout, List.of());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			XSSFSheet cases = workbook.getSheet(ImportLayout.SHEET);
			Row header = cases.getRow(0);
			List<String> headers = new ArrayList<>();
			header.forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsExactly("病案号", "性别", "手术日期", "知情同意", "凝血酶原活动度（PTA）（%）", "计划消融病灶数", "术者",
					"手术编码");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getColor())
				.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
			List<? extends DataValidation> validations = cases.getDataValidations();
			Map<Integer, String> formulas = new HashMap<>();
			for (DataValidation validation : validations) {
				int column = validation.getRegions().getCellRangeAddress(0).getFirstColumn();
				String formula = validation.getValidationConstraint().getFormula1();
				String[] list = validation.getValidationConstraint().getExplicitListValues();
				formulas.put(column, list != null ? String.join(",", list) : formula);
			}
			assertThat(formulas).containsEntry(1, "'代码'!$A$2:$A$3").containsEntry(3, "是,否").containsKey(2);
			Sheet codes = workbook.getSheet(ImportLayout.CODES_SHEET);
			assertThat(workbook.isSheetHidden(workbook.getSheetIndex(codes))).isTrue();
			assertThat(codes.getRow(1).getCell(0).getStringCellValue()).isEqualTo("M 男");
			assertThat(codes.getRow(2).getCell(0).getStringCellValue()).isEqualTo("F 女");
			assertThat(cases.getColumnStyle(2).getDataFormatString()).isEqualTo("yyyy-mm-dd");
			Sheet guide = workbook.getSheet(ImportLayout.GUIDE_SHEET);
			Row pta = findRow(guide, "凝血酶原活动度（PTA）（%）");
			assertThat(pta.getCell(0).getStringCellValue()).isEqualTo("E");
			assertThat(pta.getCell(2).getStringCellValue()).isEqualTo("fields.ptaPercent");
			assertThat(pta.getCell(3).getStringCellValue()).isEqualTo("数值");
			assertThat(pta.getCell(4).getStringCellValue()).isEqualTo("是");
			assertThat(pta.getCell(5).getStringCellValue()).isEqualTo("0 ～ 200");
			assertThat(pta.getCell(7).getStringCellValue()).isEqualTo("术前凝血功能；质控指标注1(1) PTA > 50%");
			assertThat(findRow(guide, "性别").getCell(6).getStringCellValue()).isEqualTo("M 男；F 女");
			assertThat(findRow(guide, "病案号").getCell(4).getStringCellValue()).isEqualTo("是");
		}
	}

	@Test
	void readsBackWhatTheWriterWroteWithDatesAsSerials() throws IOException {
		ImportLayout layout = ImportFixtures.layout();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("medicalRecordNo", "BA0001");
		values.put("patientSex", "F");
		values.put("operationDate", LocalDate.of(2024, 3, 15));
		values.put("informedConsent", true);
		values.put("ptaPercent", new BigDecimal("97.5"));
		values.put("lesionsPlanned", 2);
		Path file = write(ImportFixtures.template(layout, List.of(values)));
		assertThat(SheetReader.sheetNames(file)).containsExactly("病例", "说明", "代码");
		List<SheetRow> rows = read(file);
		assertThat(rows).hasSize(2);
		HeaderMatch match = layout.match(texts(rows.get(0)));
		assertThat(match.fits()).isTrue();
		RowMapper.Mapped mapped = new RowMapper("病例", match, new StaffLookup()).map(rows.get(1));
		assertThat(mapped.problems()).isEmpty();
		assertThat(mapped.values()).containsEntry("medicalRecordNo", "BA0001")
			.containsEntry("patientSex", "F")
			.containsEntry("operationDate", LocalDate.of(2024, 3, 15))
			.containsEntry("informedConsent", true)
			.containsEntry("lesionsPlanned", 2);
		assertThat((BigDecimal) mapped.values().get("ptaPercent")).isEqualByComparingTo("97.5");
		assertThat(rows.get(1).cells().get(2).numeric()).isTrue();
	}

	@Test
	void mapsEveryBadCellWithItsPlace() throws IOException {
		ImportLayout layout = ImportFixtures.layout();
		Path file = workbook(List.of(List.of("病案号", "性别", "手术日期", "知情同意", "凝血酶原活动度（PTA）（%）", "计划消融病灶数", "术者"),
				List.of("BA1", "X", "2024年13月1日", "也许", "九十", "2.5", "张三")));
		List<SheetRow> rows = read(file);
		HeaderMatch match = layout.match(texts(rows.get(0)));
		StaffLookup staff = new StaffLookup();
		staff.add(UUID.randomUUID(), "李四", "110000000000001");
		List<CellProblem> problems = new RowMapper("病例", match, staff).map(rows.get(1)).problems();
		assertThat(problems).extracting(CellProblem::column).containsExactly("B", "C", "D", "E", "F", "G");
		assertThat(problems.get(0).header()).isEqualTo("性别");
		assertThat(problems.get(0).message()).isEqualTo("“X” 不在可选值中（M 男、F 女）");
		assertThat(problems.get(1).message()).isEqualTo("日期 “2024年13月1日” 不存在");
		assertThat(problems.get(4).describe()).isEqualTo("工作表 “病例” 第 2 行 F 列（计划消融病灶数）：“2.5” 不是整数");
		assertThat(problems.get(5).message()).contains("本机构人员中没有 “张三”");
	}

	/**
	 * A workbook in the 1904 date system (older Excel for Mac) counts its day numbers
	 * from 1904-01-01: 44264 is 2025-03-10 there (2021-03-09 in the 1900 system), whether
	 * the cell is date-formatted or not; the annotated copy, a 1900-system workbook,
	 * shows the same day.
	 */
	@Test
	void readsDatesOfAWorkbookInThe1904DateSystem() throws IOException {
		Path file = dir.resolve("mac.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = workbook.createSheet("病例");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("病案号");
			header.createCell(1).setCellValue("手术日期");
			Row formatted = sheet.createRow(1);
			formatted.createCell(0).setCellValue("BA1");
			formatted.createCell(1).setCellValue(44264);
			formatted.getCell(1).setCellStyle(date);
			Row plain = sheet.createRow(2);
			plain.createCell(0).setCellValue("BA2");
			plain.createCell(1).setCellValue(44264);
			workbook.write(out);
		}
		List<SheetRow> rows = read(file);
		RowMapper mapper = new RowMapper("病例", ImportFixtures.layout().match(texts(rows.get(0))), new StaffLookup());
		assertThat(mapper.map(rows.get(1)).values()).containsEntry("operationDate", LocalDate.of(2025, 3, 10));
		assertThat(mapper.map(rows.get(2)).values()).containsEntry("operationDate", LocalDate.of(2025, 3, 10));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AnnotatedCopy.write(file, Format.XLSX, StandardCharsets.UTF_8, Set.of(1), 2,
				java.util.Collections.emptyIterator(), out);
		try (XSSFWorkbook copy = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(copy.getSheet("病例").getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2025, 3, 10));
		}
	}

	/**
	 * Typing 78% in Excel stores 0.78 formatted 0%: a column in per cent takes the
	 * percentage shown, exactly; a corrected annotated copy keeps the format, so it reads
	 * the same.
	 */
	@Test
	void takesPercentageFormattedNumbersAsThePercentageShown() throws IOException {
		Path file = dir.resolve("percent.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			CellStyle whole = workbook.createCellStyle();
			whole.setDataFormat(workbook.createDataFormat().getFormat("0%"));
			CellStyle tenths = workbook.createCellStyle();
			tenths.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			Sheet sheet = workbook.createSheet("病例");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("病案号");
			header.createCell(1).setCellValue("凝血酶原活动度（PTA）（%）");
			header.createCell(2).setCellValue("计划消融病灶数");
			Object[][] rows = { { "BA1", 0.78, whole }, { "BA2", 0.785, tenths }, { "BA3", 97.5, null } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue((String) rows[r][0]);
				row.createCell(1).setCellValue((Double) rows[r][1]);
				if (rows[r][2] != null) {
					row.getCell(1).setCellStyle((CellStyle) rows[r][2]);
				}
			}
			sheet.getRow(1).createCell(2).setCellValue(2);
			sheet.getRow(1).getCell(2).setCellStyle(whole);
			workbook.write(out);
		}
		assertThat(ptaPercents(file)).containsExactly(new BigDecimal("78"), new BigDecimal("78.5"),
				new BigDecimal("97.5"));
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		List<CellProblem> problems = List.of(new CellProblem("病例", 2, "B", "凝血酶原活动度（PTA）（%）", "示例"));
		AnnotatedCopy.write(file, Format.XLSX, StandardCharsets.UTF_8, Set.of(), 3, problems.iterator(), copy);
		assertThat(ptaPercents(write(copy.toByteArray()))).as("the annotated copy, a bad cell among them")
			.containsExactly(new BigDecimal("78"), new BigDecimal("78.5"), new BigDecimal("97.5"));
	}

	private static List<BigDecimal> ptaPercents(Path file) {
		List<SheetRow> rows = read(file);
		RowMapper mapper = new RowMapper("病例", ImportFixtures.layout().match(texts(rows.get(0))), new StaffLookup());
		List<BigDecimal> values = new ArrayList<>();
		for (SheetRow row : rows.subList(1, rows.size())) {
			RowMapper.Mapped mapped = mapper.map(row);
			assertThat(mapped.problems()).isEmpty();
			values.add(((BigDecimal) mapped.values().get("ptaPercent")).stripTrailingZeros());
			if (row.number() == 2) {
				assertThat(mapped.values()).as("a whole-number column not in per cent")
					.containsEntry("lesionsPlanned", 2);
			}
		}
		return values;
	}

	/**
	 * A failed VLOOKUP leaves #N/A in its cell: that is no 病案号 (every such row would get
	 * the same patient pseudonym), nor any other value. In a CSV saved from such a sheet
	 * it is the text #N/A.
	 */
	@Test
	void refusesFormulaErrorValuesInEveryColumn() throws IOException {
		Path file = dir.resolve("lookup.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("病例");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("病案号");
			header.createCell(1).setCellValue("手术编码");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellFormula("VLOOKUP(\"张三\",Z1:Z2,2,FALSE)");
			row.getCell(0).setCellErrorValue(FormulaError.NA.getCode());
			row.createCell(1).setCellErrorValue(FormulaError.REF.getCode());
			workbook.write(out);
		}
		Path csv = dir.resolve("lookup.csv");
		Files.writeString(csv, "病案号,手术编码\n#N/A,50.2301 #N/A\n");
		List<SheetRow> fromCsv = new ArrayList<>();
		SheetReader.read(csv, Format.CSV, StandardCharsets.UTF_8, "病例", fromCsv::add);
		for (List<SheetRow> rows : List.of(read(file), fromCsv)) {
			RowMapper mapper = new RowMapper("病例", ImportFixtures.layout().match(texts(rows.get(0))),
					new StaffLookup());
			RowMapper.Mapped mapped = mapper.map(rows.get(1));
			assertThat(mapped.values()).doesNotContainKey("medicalRecordNo");
			assertThat(mapped.problems()).first()
				.extracting(CellProblem::describe)
				.isEqualTo("工作表 “病例” 第 2 行 A 列（病案号）：单元格是公式错误值 #N/A，请填写实际值");
		}
		assertThat(new RowMapper("病例", ImportFixtures.layout().match(texts(read(file).get(0))), new StaffLookup())
			.map(read(file).get(1))
			.problems()).extracting(CellProblem::message)
			.containsExactly("单元格是公式错误值 #N/A，请填写实际值", "单元格是公式错误值 #REF!，请填写实际值");
		assertThat(fromCsv.get(1).cells().get(1).error()).as("an error value inside a text is text").isFalse();
	}

	@Test
	void readsComplicationsWithTypeAndSeriousnessAndTheOldThreePartFormat() throws IOException {
		ImportColumn complications = ImportLayouts.withOptions(
				ImportFixtures.column("complications", "并发症", ImportColumn.Kind.COMPLICATIONS, false),
				List.of(new cn.rtms.cases.CaseField.Option("MAJOR_BLEEDING", "大量出血"),
						new cn.rtms.cases.CaseField.Option("OTHER", "其他")));
		assertThat(complications.help()).contains("并发症类型：MAJOR_BLEEDING 大量出血、OTHER 其他");
		ImportLayout layout = new ImportLayout("G08", "G08-2023", "肿瘤消融治疗病例",
				List.of(ImportFixtures.column("medicalRecordNo", "病案号", ImportColumn.Kind.TEXT, true), complications));
		Path file = workbook(
				List.of(List.of("病案号", "并发症"), List.of("BA1", "腹腔大出血|III|2024-03-16|大量出血|是；低热|I|2024-03-16|OTHER|否"),
						// a file written before type and seriousness existed
						List.of("BA2", "术后出血|I|2024-03-16"), List.of("BA3", "吻合口瘘|III|2024-03-16|ANASTOMOTIC_LEAK|是"),
						List.of("BA4", "出血|II|2024-03-16|大量出血|也许")));
		List<SheetRow> rows = read(file);
		HeaderMatch match = layout.match(texts(rows.get(0)));
		assertThat(match.fits()).isTrue();
		RowMapper mapper = new RowMapper("病例", match, new StaffLookup());
		RowMapper.Mapped typed = mapper.map(rows.get(1));
		assertThat(typed.problems()).isEmpty();
		assertThat(typed.values().get("complications")).isEqualTo(List.of(
				new RowMapper.ComplicationCell("腹腔大出血", "III", LocalDate.of(2024, 3, 16), "MAJOR_BLEEDING", true),
				new RowMapper.ComplicationCell("低热", "I", LocalDate.of(2024, 3, 16), "OTHER", false)));
		RowMapper.Mapped old = mapper.map(rows.get(2));
		assertThat(old.problems()).isEmpty();
		assertThat(old.values().get("complications"))
			.isEqualTo(List.of(new RowMapper.ComplicationCell("术后出血", "I", LocalDate.of(2024, 3, 16), null, null)));
		assertThat(mapper.map(rows.get(3)).problems()).singleElement()
			.satisfies(p -> assertThat(p.describe())
				.startsWith("工作表 “病例” 第 4 行 B 列（并发症）：并发症 “吻合口瘘|III|2024-03-16|ANASTOMOTIC_LEAK|是” 的类型")
				.contains("不在可选值中", "MAJOR_BLEEDING 大量出血"));
		assertThat(mapper.map(rows.get(4)).problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("的“严重”", "不是“是”或“否”"));
	}

	@Test
	void resolvesPeopleByNameOrLicenceAndRefusesAmbiguousNames() {
		StaffLookup staff = new StaffLookup();
		UUID one = UUID.randomUUID();
		UUID two = UUID.randomUUID();
		staff.add(one, "王芳", "110000000000001");
		staff.add(two, "王芳", "110000000000002");
		assertThat(staff.resolve("110000000000002")).isEqualTo(two);
		assertThatThrownBy(() -> staff.resolve("王芳")).hasMessage("本机构有 2 位名为 “王芳” 的人员，请改填医师执业证书编码");
	}

	@Test
	void headersOfAnotherTechnologyAreAWrongTemplate() {
		ImportLayout layout = ImportFixtures.layout();
		Map<Integer, String> headers = new LinkedHashMap<>();
		headers.put(0, "病案号");
		headers.put(1, "性别");
		headers.put(2, "手术日期");
		headers.put(3, "粒子数量");
		HeaderMatch match = layout.match(headers);
		assertThat(match.fits()).isFalse();
		assertThat(match.explain(layout))
			.isEqualTo("工作表 “病例” 第 1 行的表头与 G08（肿瘤消融治疗病例，G08-2023）的导入模板不符：缺少必填列 “知情同意”、“凝血酶原活动度（PTA）（%）”；"
					+ "无法识别的列 D 列 “粒子数量”。请下载该技术的模板后填写");
	}

	@Test
	void headersMatchDespiteSpacesStarsAndHalfWidthParentheses() {
		ImportLayout layout = ImportFixtures.layout();
		Map<Integer, String> headers = new LinkedHashMap<>();
		headers.put(0, " 病案号* ");
		headers.put(1, "性别");
		headers.put(2, "手术日期");
		headers.put(3, "知情同意");
		headers.put(4, "凝血酶原活动度(PTA)(%)");
		headers.put(5, "错误");
		HeaderMatch match = layout.match(headers);
		assertThat(match.fits()).isTrue();
		assertThat(match.columns().get(4).key()).isEqualTo("ptaPercent");
		assertThat(match.errorColumn()).isEqualTo(5);
	}

	@Test
	void reportsMergedCells() throws IOException {
		Path file = dir.resolve("merged.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("病例");
			sheet.createRow(0).createCell(0).setCellValue("病案号");
			sheet.createRow(1).createCell(0).setCellValue("BA1");
			sheet.createRow(2).createCell(0).setCellValue("");
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 1));
			workbook.write(out);
		}
		List<int[]> merges = new ArrayList<>();
		SheetReader.read(file, Format.XLSX, StandardCharsets.UTF_8, "病例", new SheetReader.Sink() {
			@Override
			public void row(SheetRow row) {
			}

			@Override
			public void merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {
				merges.add(new int[] { firstRow, lastRow, firstColumn, lastColumn });
			}
		});
		assertThat(merges).containsExactly(new int[] { 2, 3, 0, 1 });
	}

	@Test
	void readsCsvInUtf8WithBomAndInGbk() throws IOException {
		String csv = "病案号,性别,手术日期\nBA1,男,2024/3/5\n\"BA,2\",F,2024年3月6日\n";
		Path utf8 = dir.resolve("a.csv");
		Files.write(utf8,
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, csv.getBytes(StandardCharsets.UTF_8)));
		Path gbk = dir.resolve("b.csv");
		Files.write(gbk, csv.getBytes(Charset.forName("GBK")));
		for (Path file : List.of(utf8, gbk)) {
			UploadGuard.Checked checked = UploadGuard.check(file, file.getFileName().toString(), 1_000_000);
			assertThat(checked.format()).isEqualTo(Format.CSV);
			List<SheetRow> rows = new ArrayList<>();
			SheetReader.read(file, Format.CSV, checked.charset(), "病例", rows::add);
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).cells().get(0).text()).isEqualTo("病案号");
			assertThat(rows.get(2).cells().get(0).text()).isEqualTo("BA,2");
			assertThat(Cells.date(rows.get(2).cells().get(2))).isEqualTo(LocalDate.of(2024, 3, 6));
		}
	}

	/**
	 * The charset is judged on the first 64 KiB: a character cut at the end of that
	 * sample is no evidence against UTF-8. "肿瘤" ends exactly at byte 65,536, then one and
	 * two bytes later (the sample ending after the whole of 瘤, after two of its bytes,
	 * after one).
	 */
	@Test
	void judgesUtf8CsvAsUtf8WhereverTheSampleCutsACharacter() throws IOException {
		for (int shift = 0; shift < 3; shift++) {
			byte[] bytes = csvSplittingAtTheSampleEnd(65_536 - 6 + shift, StandardCharsets.UTF_8);
			assertThat(bytes).hasSizeGreaterThan(64 * 1024);
			Path file = dir.resolve("utf8-" + shift + ".csv");
			Files.write(file, bytes);
			assertThat(UploadGuard.check(file, "utf8.csv", 1_000_000).charset()).as("肿瘤 at byte %d", 65_530 + shift)
				.isEqualTo(StandardCharsets.UTF_8);
		}
		Path gbk = dir.resolve("gbk.csv");
		Files.write(gbk, csvSplittingAtTheSampleEnd(65_530, Charset.forName("GBK")));
		assertThat(UploadGuard.check(gbk, "gbk.csv", 1_000_000).charset()).isEqualTo(Charset.forName("GB18030"));
	}

	/**
	 * @return a case CSV whose second row is padded with ASCII so that "肿瘤" starts at
	 * byte {@code at} (in UTF-8), followed by more rows
	 */
	private static byte[] csvSplittingAtTheSampleEnd(int at, Charset charset) {
		String head = "病案号,科室\nBA1,";
		String padding = "a".repeat(at - head.getBytes(StandardCharsets.UTF_8).length);
		StringBuilder csv = new StringBuilder(head).append(padding).append("肿瘤\n");
		for (int i = 2; i < 200; i++) {
			csv.append("BA").append(i).append(",肿瘤科\n");
		}
		return csv.toString().getBytes(charset);
	}

	@Test
	void acceptsWorkbooksWrittenWithDataDescriptorsAsExcelAndSxssfWriteThem() throws IOException {
		Path file = write(ImportFixtures.template(ImportFixtures.layout(), List.of()));
		assertThat(UploadGuard.check(file, "t.xlsx", 10_000_000).format()).isEqualTo(Format.XLSX);
	}

	@Test
	void refusesTooLargeFilesBeforeReadingThem() throws IOException {
		Path file = dir.resolve("big.xlsx");
		Files.write(file, new byte[2048]);
		assertThatThrownBy(() -> UploadGuard.check(file, "big.xlsx", 1024)).isInstanceOf(ImportRefused.class)
			.satisfies(ex -> assertThat(((ImportRefused) ex).code()).isEqualTo("FILE_TOO_LARGE"))
			.hasMessageContaining("超过病例导入的上限 0.0 MB");
	}

	@Test
	void refusesAZipBombRenamedXlsx() throws IOException {
		Path file = dir.resolve("bomb.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 64; i++) {
				zip.write(zeros);
			}
		}
		assertThat(Files.size(file)).isLessThan(200_000);
		assertThatThrownBy(() -> UploadGuard.check(file, "bomb.xlsx", 100L * 1024 * 1024))
			.isInstanceOf(ImportRefused.class)
			.satisfies(ex -> assertThat(((ImportRefused) ex).code()).isEqualTo("UNSAFE_ARCHIVE"))
			.hasMessageContaining("疑似压缩炸弹");
	}

	@Test
	void refusesOldXlsAndBinariesAndZipsThatAreNoWorkbook() throws IOException {
		Path xls = dir.resolve("old.xlsx");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 });
		assertThatThrownBy(() -> UploadGuard.check(xls, "old.xlsx", 1000)).hasMessageContaining("旧版 .xls");
		Path binary = dir.resolve("x.bin");
		Files.write(binary, new byte[] { 1, 2, 0, 4 });
		assertThatThrownBy(() -> UploadGuard.check(binary, "x.bin", 1000)).hasMessageContaining("也不是文本");
		Path zip = dir.resolve("docs.xlsx");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("word/document.xml"));
			out.write("<w/>".getBytes(StandardCharsets.UTF_8));
		}
		assertThatThrownBy(() -> UploadGuard.check(zip, "docs.xlsx", 100_000)).hasMessageContaining("不是 .xlsx 工作簿");
	}

	@Test
	void annotatedCopyMarksBadCellsAndListsThemInAnErrorColumn() throws IOException {
		Path file = workbook(List.of(List.of("病案号", "性别", "手术日期"), List.of("BA1", "X", "2024-01-01"),
				List.of("BA2", "男", "2024-01-02"), List.of("BA3", "F", "bad")));
		List<CellProblem> problems = List.of(new CellProblem("病例", 2, "B", "性别", "“X” 不在可选值中"),
				new CellProblem("病例", 4, "C", "手术日期", "“bad” 不是日期"), new CellProblem("病例", 4, "", "", "与第 2 行重复"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AnnotatedCopy.write(file, Format.XLSX, StandardCharsets.UTF_8, Set.of(2), 3, problems.iterator(), out);
		try (XSSFWorkbook copy = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = copy.getSheet("病例");
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("错误");
			Cell bad = sheet.getRow(1).getCell(1);
			assertThat(bad.getStringCellValue()).isEqualTo("X");
			assertThat(bad.getCellComment().getString().getString()).isEqualTo("“X” 不在可选值中");
			assertThat(bad.getCellStyle().getFillForegroundColor())
				.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("B 列（性别）：“X” 不在可选值中");
			assertThat(sheet.getRow(2).getCell(3)).isNull();
			assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("C 列（手术日期）：“bad” 不是日期；与第 2 行重复");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("BA2");
		}
	}

	private static Row findRow(Sheet sheet, String header) {
		for (Row row : sheet) {
			Cell cell = row.getCell(1);
			if (cell != null && header.equals(cell.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + header);
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.dir, "t", ".xlsx");
		Files.write(file, bytes);
		return file;
	}

	private Path workbook(List<List<String>> rows) throws IOException {
		Path file = Files.createTempFile(this.dir, "w", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("病例");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
		}
		return file;
	}

	private static List<SheetRow> read(Path file) {
		List<SheetRow> rows = new ArrayList<>();
		SheetReader.read(file, Format.XLSX, StandardCharsets.UTF_8, "病例", rows::add);
		return rows;
	}

	private static Map<Integer, String> texts(SheetRow row) {
		Map<Integer, String> texts = new LinkedHashMap<>();
		row.cells().forEach((k, v) -> texts.put(k, v.text()));
		return texts;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
