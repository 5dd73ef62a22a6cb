package cn.rtms.bulkload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.rtms.bench.ProvinceWorkbooks;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk load over HTTP on the embedded PostgreSQL with the demo data
 * (docs/bulk-load.md): templates, all-or-nothing, idempotency, each class of bad input
 * with its Chinese message naming sheet, row and column, and scope. Its own context
 * ({@code rtms.test.context}): it adds institutions and people other tests would count.
 * Each test uses its own range of generated credit codes and licence numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.test.context=BulkLoadIT")
class BulkLoadIT {

	static final String INSTITUTIONS = "/api/bulk-load/institutions";

	static final String PEOPLE = "/api/bulk-load/people";

	@LocalServerPort
	int port;

	@Autowired
	BulkTemplates templates;

	@Autowired
	JdbcTemplate jdbc;

	/** An institution row of the 机构 sheet for generated institution {@code i}. */
	static List<Object> institution(int i, String region) {
		return new ArrayList<>(List.of(ProvinceWorkbooks.creditCode(i), String.format("示范第%04d人民医院", i), region, "三级甲等",
				"综合", "", "PDY" + String.format("%08d", 40_000_000 + i), "长春市卫生健康委员会", "220100",
				LocalDate.of(2022, 1, 1), LocalDate.of(2027, 1, 1)));
	}

	static List<Object> department(int i, String name, Object beds) {
		return new ArrayList<>(List.of(ProvinceWorkbooks.creditCode(i), name, beds, LocalDate.of(2010, 5, 1), 1200));
	}

	static List<Object> person(int p, int institution) {
		return new ArrayList<>(List.of(ProvinceWorkbooks.licence(p), "王测" + p, "男", LocalDate.of(1980, 3, 1), "医师",
				ProvinceWorkbooks.creditCode(institution), LocalDate.of(2006, 8, 1), "外科专业", LocalDate.of(2006, 9, 1)));
	}

	byte[] workbook(BulkKind kind, Map<String, List<List<Object>>> sheets) {
		Map<String, Iterator<List<Object>>> rows = new LinkedHashMap<>();
		sheets.forEach((name, list) -> rows.put(name, list.iterator()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.write(kind, rows, out);
		return out.toByteArray();
	}

	static Map<String, List<List<Object>>> sheets(Object... nameAndRows) {
		Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
		for (int i = 0; i < nameAndRows.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<List<Object>> rows = (List<List<Object>>) nameAndRows[i + 1];
			sheets.put((String) nameAndRows[i], rows);
		}
		return sheets;
	}

	static List<String> problems(Response response) {
		List<String> problems = new ArrayList<>();
		for (JsonNode problem : response.body().get("problems")) {
			problems.add(problem.get("sheet").asString() + "|" + problem.get("row").asInt() + "|"
					+ problem.get("column").asString() + "|" + problem.get("message").asString());
		}
		return problems;
	}

	/** The workbook with one entry replaced by bytes that are not XML. */
	static byte[] brokenSheet(byte[] workbook, String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("bulk-it-", ".xlsx");
		java.nio.file.Files.write(file, workbook);
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry next : java.util.Collections.list(in.entries())) {
				zip.putNextEntry(new ZipEntry(next.getName()));
				zip.write(next.getName().equals(entry) ? "<worksheet><sheetData><row".getBytes()
						: in.getInputStream(next).readAllBytes());
				zip.closeEntry();
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
		return out.toByteArray();
	}

	int stored(String creditCodePrefix) {
		return this.jdbc.queryForObject("select count(*) from institutions.institution where credit_code like ?",
				Integer.class, creditCodePrefix + "%");
	}

	@Test
	void templatesAreGeneratedWithChineseHeadersAndNotes() throws IOException, InterruptedException {
		Api city = Api.as(this.port, "changchun");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/bulk-load/people/template"))
				.header("Cookie", "JSESSIONID=" + city.cookie("JSESSIONID"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		try (XSSFWorkbook people = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			assertThat(people.getSheet("人员").getRow(0).getCell(0).getStringCellValue()).isEqualTo("执业证书编码*");
			assertThat(people.getSheet("年度例数")).isNotNull();
		}
		Api physician = Api.as(this.port, "doctor-wang");
		assertThat(physician.get("/api/bulk-load/people/template").status()).isEqualTo(403);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.template(BulkKind.INSTITUTIONS, out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheet("机构").getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码*");
			assertThat(workbook.getSheet("科室床位")).isNotNull();
			assertThat(workbook.getSheet("其他许可证")).isNotNull();
			Sheet notes = workbook.getSheet("说明");
			boolean levels = false;
			for (Row row : notes) {
				if (row.getCell(2) != null && "医院等级".equals(row.getCell(2).getStringCellValue())) {
					levels = row.getCell(5).getStringCellValue().contains("三级甲等");
				}
			}
			assertThat(levels).as("说明 lists the code list of 医院等级").isTrue();
		}
	}

	@Test
	void anErrorInTheLastRowLeavesNothingSaved() {
		Api city = Api.as(this.port, "changchun");
		List<List<Object>> institutions = List.of(institution(100, "220102"), institution(101, "220104"),
				institution(102, "220102"));
		List<List<Object>> departments = List.of(department(100, "肿瘤科", 40), department(101, "放疗科", 30),
				department(102, "肿瘤科", "很多"));
		byte[] file = workbook(BulkKind.INSTITUTIONS, sheets("机构", institutions, "科室床位", departments));
		Response response = city.upload(INSTITUTIONS, "机构.xlsx", file);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(response)).containsExactly("科室床位|4|C|应为整数，实际为文字“很多”");
		assertThat(stored(ProvinceWorkbooks.creditCode(100).substring(0, 15))).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit.entry where action = 'BULK_IMPORT_REJECTED' and after_state like ?",
				Integer.class, "%机构.xlsx%"))
			.isEqualTo(1);
	}

	@Test
	void aReimportUpdatesAndAnIdenticalOneChangesNothing() {
		Api city = Api.as(this.port, "changchun");
		List<List<Object>> institutions = List.of(institution(200, "220102"), institution(201, "220104"));
		List<List<Object>> departments = new ArrayList<>(
				List.of(department(200, "肿瘤科", 40), department(200, "放疗科", 20), department(201, "放疗科", 30)));
		byte[] file = workbook(BulkKind.INSTITUTIONS, sheets("机构", institutions, "科室床位", departments));

		Response check = city.upload(INSTITUTIONS + "/check", "a.xlsx", file);
		assertThat(check.body().get("status").asString()).isEqualTo("VALID");
		assertThat(check.body().get("created").asInt()).isEqualTo(2);
		assertThat(stored(ProvinceWorkbooks.creditCode(200).substring(0, 15))).as("a check saves nothing").isZero();

		Response first = city.upload(INSTITUTIONS, "a.xlsx", file);
		assertThat(first.body().get("status").asString()).isEqualTo("COMMITTED");
		assertThat(first.body().get("created").asInt()).isEqualTo(2);
		assertThat(first.body().get("rows").get("科室床位").asInt()).isEqualTo(3);

		Response again = city.upload(INSTITUTIONS, "a.xlsx", file);
		assertThat(again.body().get("status").asString()).isEqualTo("COMMITTED");
		assertThat(again.body().get("created").asInt()).isZero();
		assertThat(again.body().get("updated").asInt()).isZero();
		assertThat(again.body().get("unchanged").asInt()).isEqualTo(2);

		departments.set(2, department(201, "放疗科", 35));
		Response changed = city.upload(INSTITUTIONS, "a.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", institutions, "科室床位", departments)));
		assertThat(changed.body().get("updated").asInt()).isEqualTo(1);
		assertThat(changed.body().get("unchanged").asInt()).isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select version from institutions.institution where credit_code in (?, ?) order by credit_code",
				Integer.class, ProvinceWorkbooks.creditCode(200), ProvinceWorkbooks.creditCode(201)))
			.containsExactly(0, 1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit.entry where action = 'BULK_IMPORT_COMMITTED' and after_state like ?",
				Integer.class, "%a.xlsx%"))
			.isEqualTo(3);

		String id = this.jdbc.queryForObject("select id::text from institutions.institution where credit_code = ?",
				String.class, ProvinceWorkbooks.creditCode(201));
		Response read = city.get("/api/institutions/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("departments").get(0).get("beds").asInt()).isEqualTo(35);
		assertThat(read.body().get("departments").get(0).get("since").asString()).isEqualTo("2010-05-01");

		// each updated institution is audited with what changed, by the acting user, like
		// an edit on its page; the unchanged one is not
		List<Map<String, Object>> audited = this.jdbc.queryForList("""
				select entity_id, actor_name, before_state, after_state from audit.entry
				where action = 'INSTITUTION_BULK_UPDATED' and entity_id in (
				  select id::text from institutions.institution where credit_code in (?, ?))""",
				ProvinceWorkbooks.creditCode(200), ProvinceWorkbooks.creditCode(201));
		assertThat(audited).singleElement().satisfies((entry) -> {
			assertThat(entry.get("entity_id")).isEqualTo(id);
			assertThat(entry.get("actor_name")).isNotEqualTo("系统");
			assertThat((String) entry.get("before_state")).contains("\"departments\"", "30", "\"version\":0")
				.doesNotContain("regionCode");
			assertThat((String) entry.get("after_state")).contains("\"departments\"", "35", "\"version\":1");
		});

		// a move to another county of the city (the jurisdiction below the city changes)
		Response moved = city.upload(INSTITUTIONS, "b.xlsx", workbook(BulkKind.INSTITUTIONS,
				sheets("机构", List.of(institution(200, "220103"), institution(201, "220104")), "科室床位", departments)));
		assertThat(moved.body().get("updated").asInt()).as(moved.text()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select before_state || ' → ' || after_state from audit.entry where action = 'INSTITUTION_BULK_UPDATED'
				  and entity_id = (select id::text from institutions.institution where credit_code = ?)""",
				String.class, ProvinceWorkbooks.creditCode(200)))
			.contains("\"regionCode\":\"220102\"", "\"regionCode\":\"220103\"");
	}

	@Test
	void peopleAreImportedIdempotentlyAndALicenceOfAnotherInstitutionIsRefused() {
		Api city = Api.as(this.port, "changchun");
		city.upload(INSTITUTIONS, "i.xlsx", workbook(BulkKind.INSTITUTIONS,
				sheets("机构", List.of(institution(300, "220102"), institution(301, "220104")))));
		List<List<Object>> people = List.of(person(300, 300), person(301, 300));
		List<List<Object>> titles = List.of(List.of(ProvinceWorkbooks.licence(300), "住院医师", LocalDate.of(2007, 7, 1)),
				List.of(ProvinceWorkbooks.licence(300), "主治医师", LocalDate.of(2012, 7, 1)));
		List<List<Object>> volumes = List.of(List.of(ProvinceWorkbooks.licence(301), "G08", 2024, 55));
		byte[] file = workbook(BulkKind.PEOPLE, sheets("人员", people, "职称", titles, "年度例数", volumes));
		Response first = city.upload(PEOPLE, "p.xlsx", file);
		assertThat(first.body().get("status").asString()).isEqualTo("COMMITTED");
		assertThat(first.body().get("created").asInt()).isEqualTo(2);
		Response again = city.upload(PEOPLE, "p.xlsx", file);
		assertThat(again.body().get("created").asInt() + again.body().get("updated").asInt()).isZero();
		assertThat(again.body().get("unchanged").asInt()).isEqualTo(2);

		// an update is audited per person with what changed
		Response corrected = city.upload(PEOPLE, "p.xlsx", workbook(BulkKind.PEOPLE, sheets("人员", people, "职称", titles,
				"年度例数", List.of(List.of(ProvinceWorkbooks.licence(301), "G08", 2024, 60)))));
		assertThat(corrected.body().get("updated").asInt()).as(corrected.text()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("""
				select before_state || ' → ' || after_state from audit.entry where action = 'PERSON_BULK_UPDATED'
				  and entity_id = (select id::text from personnel.person where licence_number = ?)""", String.class,
				ProvinceWorkbooks.licence(301)))
			.singleElement()
			.asString()
			.contains("caseVolumes", "55", "60", "\"version\":0", "\"version\":1")
			.doesNotContain("\"name\"");

		String id = this.jdbc.queryForObject("select id::text from personnel.person where licence_number = ?",
				String.class, ProvinceWorkbooks.licence(300));
		Response read = city.get("/api/people/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("titles").get(1).get("title").asString()).isEqualTo("ATTENDING");
		assertThat(read.body().get("roles").get(0).asString()).isEqualTo("PHYSICIAN");

		Response moved = city.upload(PEOPLE, "p2.xlsx",
				workbook(BulkKind.PEOPLE, sheets("人员", List.of(person(302, 301), person(300, 301)))));
		assertThat(moved.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(moved)).containsExactly("人员|3|A|执业证书编码已属于另一机构（示范第0300人民医院）的人员“王测300”；人员调动请由原机构先办理");
		assertThat(this.jdbc.queryForObject("select count(*) from personnel.person where licence_number = ?",
				Integer.class, ProvinceWorkbooks.licence(302)))
			.as("nothing half-saved")
			.isZero();
	}

	/**
	 * A record's items are its rows on the collection sheet, in their order there,
	 * wherever they stand: rows split around another person's store exactly what the same
	 * rows kept together do.
	 */
	@Test
	void aPersonsItemsSplitAroundAnothersAreStoredAsIfTogether() {
		Api city = Api.as(this.port, "changchun");
		city.upload(INSTITUTIONS, "i.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(institution(340, "220102")))));
		// the same three people twice, under licence numbers 341–343 and 351–353
		java.util.function.IntFunction<List<List<Object>>> titles = base -> List.of(
				List.of(ProvinceWorkbooks.licence(base + 1), "住院医师", LocalDate.of(2007, 7, 1)),
				List.of(ProvinceWorkbooks.licence(base + 1), "主治医师", LocalDate.of(2012, 7, 1)),
				List.of(ProvinceWorkbooks.licence(base + 3), "住院医师", LocalDate.of(2009, 7, 1)),
				List.of(ProvinceWorkbooks.licence(base + 3), "主治医师", LocalDate.of(2014, 7, 1)),
				List.of(ProvinceWorkbooks.licence(base + 3), "副主任医师", LocalDate.of(2020, 7, 1)));
		java.util.function.IntFunction<List<List<Object>>> volumes = base -> List
			.of(List.of(ProvinceWorkbooks.licence(base + 2), "G08", 2024, 55));
		java.util.function.IntFunction<List<List<Object>>> people = base -> List.of(person(base + 1, 340),
				person(base + 2, 340), person(base + 3, 340));

		Response ordered = city.upload(PEOPLE, "ordered.xlsx", workbook(BulkKind.PEOPLE,
				sheets("人员", people.apply(340), "职称", titles.apply(340), "年度例数", volumes.apply(340))));
		assertThat(ordered.body().get("status").asString()).isEqualTo("COMMITTED");
		assertThat(ordered.body().get("created").asInt()).isEqualTo(3);
		assertThat(ordered.body().get("rows").toString()).isEqualTo("{\"人员\":3,\"职称\":5,\"专业\":0,\"培训\":0,\"年度例数\":1}");

		// the first person's two titles split around the third person's, each person's
		// own rows still in their order (the order the items are stored in)
		List<List<Object>> shuffled = new ArrayList<>(titles.apply(350));
		shuffled.add(shuffled.remove(1));
		Response unordered = city.upload(PEOPLE, "unordered.xlsx",
				workbook(BulkKind.PEOPLE, sheets("人员", people.apply(350), "职称", shuffled, "年度例数", volumes.apply(350))));
		assertThat(unordered.body().get("status").asString()).isEqualTo("COMMITTED");
		assertThat(unordered.body().get("created").asInt()).isEqualTo(3);
		assertThat(unordered.body().get("rows").toString()).isEqualTo(ordered.body().get("rows").toString());

		String stored = "select coalesce(titles::text, '-') || '|' || coalesce(case_volumes::text, '-') || '|' "
				+ "|| coalesce(specialties::text, '-') from personnel.person where licence_number = ?";
		for (int i = 1; i <= 3; i++) {
			String together = this.jdbc.queryForObject(stored, String.class, ProvinceWorkbooks.licence(340 + i));
			String split = this.jdbc.queryForObject(stored, String.class, ProvinceWorkbooks.licence(350 + i));
			assertThat(split).as("person %d", i).isEqualTo(together);
		}
		String shape = "select coalesce(jsonb_array_length(titles), -1) || '/' || coalesce(case_volumes -> 0 ->> 'cases', '-') "
				+ "from personnel.person where licence_number = ?";
		assertThat(List.of(341, 342, 343)
			.stream()
			.map(p -> this.jdbc.queryForObject(shape, String.class, ProvinceWorkbooks.licence(p)))
			.toList()).as("each person's own items").containsExactly("2/-", "-1/55", "3/-");
	}

	@Test
	void eachBadInputIsNamedBySheetRowAndColumn() {
		Api city = Api.as(this.port, "changchun");
		List<Object> wrongCheck = institution(400, "220102");
		String code = ProvinceWorkbooks.creditCode(400);
		char wrong = code.charAt(17) == '0' ? '1' : '0';
		wrongCheck.set(0, code.substring(0, 17) + wrong);
		List<Object> unknownRegion = institution(401, "990101");
		List<Object> outside = institution(402, "220202");
		List<Object> badDate = institution(403, "220102");
		badDate.set(9, "去年");
		Response response = city.upload(INSTITUTIONS, "bad.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(wrongCheck, unknownRegion, outside, badDate),
						"科室床位", List.of(department(401, "肿瘤科", 20.5), department(499, "肿瘤科", 20)))));
		assertThat(response.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(response)).containsExactly(
				"机构|2|A|统一社会信用代码校验位错误：按 GB 32100-2015 第 18 位应为“" + code.charAt(17) + "”，实际为“" + wrong + "”，请核对是否录入有误（“"
						+ code.substring(0, 17) + wrong + "”）",
				"机构|3|C|未知的行政区划代码“990101”（GB/T 2260）", "机构|4|C|行政区划“220202”不在当前账号的管辖范围（220100）内",
				"机构|5|J|应为日期（如 2020-03-15），实际为“去年”", "科室床位|2|C|应为整数，实际为 20.5",
				"科室床位|3|A|统一社会信用代码“" + ProvinceWorkbooks.creditCode(499) + "”不在“机构”工作表中");
		assertThat(stored(code.substring(0, 15))).isZero();
	}

	/**
	 * 2015.3 (year.month) typed in a General cell of 开始临床工作日期 and a failed VLOOKUP in 姓名
	 * are named at their cells and nothing is stored (before: clinical work from
	 * 1905-07-07, and a person named #N/A).
	 */
	@Test
	void aNumberInADateColumnAndAFormulaErrorAreNamedAtTheirCells() throws IOException {
		Api city = Api.as(this.port, "changchun");
		city.upload(INSTITUTIONS, "i.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(institution(700, "220102")))));
		byte[] filled = workbook(BulkKind.PEOPLE, sheets("人员", List.of(person(700, 700), person(701, 700))));
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
			Sheet people = workbook.getSheet("人员");
			Cell clinicalStart = people.getRow(1).getCell(8);
			clinicalStart.setCellValue(2015.3);
			clinicalStart.setCellStyle(workbook.getCellStyleAt(0));
			Cell name = people.getRow(2).getCell(1);
			name.setCellFormula("VLOOKUP(A3,Z1:Z2,2,FALSE)");
			name.setCellErrorValue(FormulaError.NA.getCode());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			file = out.toByteArray();
		}
		Response response = city.upload(PEOPLE, "p.xlsx", file);
		assertThat(response.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(response)).containsExactly("人员|2|I|应为日期（如 2020-03-15），实际为数字“2015.3”",
				"人员|3|B|单元格是公式错误值 #N/A，请填写实际值");
		assertThat(this.jdbc.queryForObject("select count(*) from personnel.person where licence_number in (?, ?)",
				Integer.class, ProvinceWorkbooks.licence(700), ProvinceWorkbooks.licence(701)))
			.isZero();
	}

	@Test
	void aMergedHeaderIsRefusedWithItsRange() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.write(BulkKind.INSTITUTIONS, Map.of("机构", List.of(institution(500, "220102")).iterator()), out);
		byte[] merged;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			workbook.getSheet("机构").addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
			ByteArrayOutputStream copy = new ByteArrayOutputStream();
			workbook.write(copy);
			merged = copy.toByteArray();
		}
		Response response = Api.as(this.port, "changchun").upload(INSTITUTIONS, "merged.xlsx", merged);
		assertThat(response.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(response)).contains("机构|1|A|表头含合并单元格（A1:B1），请取消合并后再导入");
		assertThat(stored(ProvinceWorkbooks.creditCode(500).substring(0, 15))).isZero();
	}

	@Test
	void aCollectionItemBuiltInJavaIsTheObjectPostgresqlWouldBuild() {
		BulkLayouts.SheetLayout trainings = BulkLayouts.PEOPLE.sheets()
			.stream()
			.filter(sheet -> sheet.name().equals("培训"))
			.findFirst()
			.orElseThrow();
		String base = "吉林\"大学\"\\第一医院\t培训基地";
		Object[] values = { ProvinceWorkbooks.licence(1), "G08", base, LocalDate.of(2020, 3, 15), null, 12,
				Boolean.TRUE };
		String json = BulkImport.Copy.json(trainings.columns(), values);
		Boolean same = this.jdbc.queryForObject(
				"select ?::jsonb = jsonb_build_object('technology', ?::text, 'base', ?::text, 'startedOn', ?::date, "
						+ "'endedOn', null::date, 'cases', ?::int, 'passed', ?::boolean)",
				Boolean.class, json, "G08", base, java.sql.Date.valueOf(LocalDate.of(2020, 3, 15)), 12, true);
		assertThat(same).as(json).isTrue();
	}

	@Test
	void hospitalsImportOnlyTheirOwnInstitutionAndPeople() throws IOException {
		String own = ProvinceWorkbooks.creditCode(600);
		this.jdbc.update("update institutions.institution set credit_code = ? where name = '长春市中心医院'", own);
		Api city = Api.as(this.port, "changchun");
		city.upload(INSTITUTIONS, "i.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(institution(601, "220102")))));

		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response people = clerk.upload(PEOPLE, "p.xlsx",
				workbook(BulkKind.PEOPLE, sheets("人员", List.of(person(600, 600), person(601, 601)))));
		assertThat(people.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(people)).containsExactly("人员|3|F|医院账号只能导入本机构的人员，“示范第0601人民医院”是其他机构");
		Response ownPeople = clerk.upload(PEOPLE, "p.xlsx",
				workbook(BulkKind.PEOPLE, sheets("人员", List.of(person(600, 600)))));
		assertThat(ownPeople.body().get("status").asString()).isEqualTo("COMMITTED");

		Api admin = Api.as(this.port, "ccszx-admin");
		Response other = admin.upload(INSTITUTIONS, "i.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(institution(601, "220102")))));
		assertThat(problems(other)).contains("机构|2|A|医院账号只能更新本机构的信息，不能新建或修改其他机构");
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select name, region_code, level, type, licence_number, licence_issued_by, licence_issuer_region_code "
						+ "from institutions.institution where credit_code = ?",
				own);
		String otherLevel = "SECONDARY_A".equals(stored.get("level")) ? "一级甲等" : "二级甲等";
		List<Object> self = new ArrayList<>(Arrays.asList(own, stored.get("name"), stored.get("region_code"),
				otherLevel, "综合", "", stored.get("licence_number"), stored.get("licence_issued_by"),
				stored.get("licence_issuer_region_code")));
		Response level = admin.upload(INSTITUTIONS, "self.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(self))));
		assertThat(level.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(level)).anyMatch(p -> p.startsWith("机构|2|D|“医院等级”只能由卫生健康行政部门变更"));
		assertThat(problems(level)).noneMatch(p -> p.contains("SECONDARY") || p.contains("TERTIARY"));
		// The whole practice licence is the authority's, as on the institution page: its
		// issuer and validity too, not only its number.
		LocalDate validFrom = this.jdbc.queryForObject(
				"select licence_valid_from from institutions.institution where credit_code = ?", LocalDate.class, own);
		LocalDate validUntil = this.jdbc.queryForObject(
				"select licence_valid_until from institutions.institution where credit_code = ?", LocalDate.class, own);
		List<Object> extended = new ArrayList<>(self);
		extended.set(3, InstitutionLevel.valueOf((String) stored.get("level")).label());
		extended.set(7, stored.get("licence_issued_by") + "（改）");
		extended.add((validFrom != null) ? validFrom : "");
		extended.add(LocalDate.of(2099, 12, 31));
		Response renewed = admin.upload(INSTITUTIONS, "self.xlsx",
				workbook(BulkKind.INSTITUTIONS, sheets("机构", List.of(extended))));
		assertThat(renewed.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(problems(renewed)).anyMatch(p -> p.startsWith("机构|2|H|“发证机关”只能由卫生健康行政部门变更"))
			.anyMatch(p -> p.startsWith("机构|2|K|“许可证有效期至”只能由卫生健康行政部门变更"))
			.noneMatch(p -> p.startsWith("机构|2|D|") || p.startsWith("机构|2|J|"));
		assertThat(this.jdbc.queryForObject(
				"select licence_valid_until from institutions.institution where credit_code = ?", LocalDate.class, own))
			.isEqualTo(validUntil);

		assertThat(Api.as(this.port, "doctor-wang").upload(PEOPLE, "p.xlsx", new byte[] { 1 }).status()).isEqualTo(403);
		Response broken = clerk.upload(PEOPLE, "broken.xlsx", brokenSheet(
				workbook(BulkKind.PEOPLE, sheets("人员", List.of(person(600, 600)))), "xl/worksheets/sheet1.xml"));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body().get("code").asString()).isEqualTo("UNREADABLE_FILE");
		Response notWorkbook = clerk.upload(PEOPLE, "p.xlsx", "姓名,执业证书编码\n".getBytes());
		assertThat(notWorkbook.status()).isEqualTo(415);
		assertThat(notWorkbook.body().get("detail").asString()).contains("不是 .xlsx 工作簿");
	}

}
