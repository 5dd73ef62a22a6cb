package cn.rtms.cases.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.rtms.bench.CaseDataset;
import cn.rtms.cases.CaseForms;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case import and export over HTTP on the embedded PostgreSQL with the demo hospitals
 * (docs/case-import.md): template → fill → import → cases registered and flagged, all or
 * nothing, valid rows only, idempotent re-import, every kind of bad input, the annotated
 * copy, export round trip and scope. Demo filings are off in the tests, so every imported
 * case is flagged 未备案开展 (UNFILED) — a flag, not an error. Each test uses its own 病案号
 * prefix, because the database is shared by the tests of this context. The context (and
 * so the database) is its own, told apart by a queue bound of its own: the imported cases
 * are registry cases of the demo hospitals, which would change the case volumes, and so
 * the eligibility verdicts, other tests read from the demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.cases.import.queue=9")
class CaseImportIT {

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	CaseForms forms;

	@Autowired
	PersonnelManagement people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseImports imports;

	ImportClient clerk;

	List<String> staff;

	@BeforeEach
	void logIn() {
		this.clerk = new ImportClient(this.port, "ccszx-clerk");
		this.staff = CaseDataset.staffNames(this.people.atInstitution(UUID.fromString(this.clerk.institutionId())));
	}

	List<Map<String, Object>> dataset(String prefix, int n) {
		List<Map<String, Object>> rows = new ArrayList<>();
		CaseDataset.rows(this.forms, "G08", TODAY, this.staff, n, prefix, prefix.hashCode())
			.forEachRemaining(rows::add);
		return rows;
	}

	byte[] template(String technology) {
		HttpResponse<byte[]> response = this.clerk.download("/api/case-imports/template?technology=" + technology);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Fills the downloaded template's 病例 sheet, finding each key's column through the 说明
	 * sheet.
	 */
	static byte[] fill(byte[] template, List<Map<String, Object>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Map<String, Integer> columns = new HashMap<>();
			Sheet guide = workbook.getSheet("说明");
			for (Row row : guide) {
				Cell letter = row.getCell(0);
				Cell key = row.getCell(2);
				if (letter != null && key != null && row.getRowNum() > 3) {
					columns.put(key.getStringCellValue().replace("fields.", ""),
							AnnotatedCopy.index(letter.getStringCellValue()));
				}
			}
			Sheet sheet = workbook.getSheet("病例");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (Map.Entry<String, Object> value : rows.get(r).entrySet()) {
					Integer index = columns.get(value.getKey());
					if (index == null) {
						throw new AssertionError("template has no column " + value.getKey());
					}
					Cell cell = row.createCell(index);
					Object v = value.getValue();
					if (v instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (v instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (v instanceof Boolean bool) {
						cell.setCellValue(bool ? "是" : "否");
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	int registered(String prefix) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from cases.case_report where medical_record_no like ? and status = 'SUBMITTED'",
				Integer.class, prefix + "%");
		return n == null ? 0 : n;
	}

	static List<String> messages(JsonNode job) {
		List<String> messages = new ArrayList<>();
		job.get("problems")
			.forEach(p -> messages.add(p.get("row").asInt() + " " + p.get("column").asString() + " "
					+ p.get("header").asString() + "：" + p.get("message").asString()));
		return messages;
	}

	@Test
	void templateIsGeneratedFromTheCaseFormWithDropdownsAndAGuide() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template("G08")))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("病例");
			assertThat(workbook.getSheet("说明")).isNotNull();
			List<String> headers = new ArrayList<>();
			workbook.getSheet("病例").getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).contains("病案号", "患者姓名", "手术/治疗日期", "术者", "消融部位（器官）", "甲状腺结节最大径（mm）", "凝血酶原活动度（PTA）（%）");
			assertThat(workbook.getSheet("病例").getDataValidations()).isNotEmpty();
			int organ = headers.indexOf("消融部位（器官）");
			assertThat(workbook.getSheet("病例")
				.getDataValidations()
				.stream()
				.anyMatch(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == organ)).isTrue();
		}
	}

	@Test
	void importsAFilledTemplateAsSubmittedCasesFlaggedUnfiled() throws IOException {
		String prefix = "IA";
		JsonNode job = this.clerk.imported("ablation.xlsx", fill(template("G08"), dataset(prefix, 20)), "G08", false);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("inserted").asInt()).isEqualTo(20);
		assertThat(job.get("problemCount").asInt()).isZero();
		assertThat(job.get("findings").get("UNFILED").asInt()).isEqualTo(20);
		assertThat(job.get("outcome").asString()).as("flags by their Chinese names")
			.contains("未备案开展 20")
			.doesNotContain("UNFILED");
		assertThat(registered(prefix)).isEqualTo(20);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from cases.case_report where medical_record_no like ? and source = 'IMPORT' and flags @> '[{\"code\": \"UNFILED\"}]'",
				Integer.class, prefix + "%"))
			.isEqualTo(20);

		JsonNode again = this.clerk.imported("ablation.xlsx", fill(template("G08"), dataset(prefix, 20)), "G08", false);
		assertThat(again.get("status").asString()).isEqualTo("DONE");
		assertThat(again.get("inserted").asInt()).isZero();
		assertThat(again.get("duplicates").asInt()).isEqualTo(20);
		assertThat(again.get("outcome").asString()).contains("跳过已登记的重复病例 20 例");
		assertThat(registered(prefix)).isEqualTo(20);
	}

	@Test
	void importsComplicationsWithTypeAndSeriousnessAndOldThreePartCells() throws IOException {
		String prefix = "IK";
		List<Map<String, Object>> rows = dataset(prefix, 3);
		LocalDate operation = (LocalDate) rows.get(0).get("operationDate");
		rows.get(0)
			.put("complications",
					"腹腔大出血|III|" + operation.plusDays(1) + "|大量出血|是；低热|I|" + operation.plusDays(1) + "|OTHER|否");
		// a row as files written before type and seriousness existed have it
		rows.get(1).put("complications", "术后出血|I|" + rows.get(1).get("operationDate"));
		rows.get(2).remove("complications");
		JsonNode job = this.clerk.imported("typed.xlsx", fill(template("G08"), rows), "G08", false);
		assertThat(job.get("status").asString()).as(messages(job).toString()).isEqualTo("DONE");
		assertThat(job.get("inserted").asInt()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select complications::text from cases.case_report where medical_record_no = ?", String.class,
				prefix + "00000001"))
			.contains("\"type\": \"MAJOR_BLEEDING\"", "\"serious\": true", "\"type\": \"OTHER\"", "\"serious\": false");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from cases.case_report where medical_record_no = ? and complications @> '[{\"name\": \"术后出血\", \"grade\": \"I\"}]'::jsonb",
				Integer.class, prefix + "00000002"))
			.isEqualTo(1);

		// a type the G08 form does not have is a bad cell naming the place; nothing is
		// imported
		List<Map<String, Object>> bad = dataset("IL", 2);
		bad.get(1).put("complications", "吻合口瘘|III|" + bad.get(1).get("operationDate") + "|吻合口瘘|是");
		JsonNode refused = this.clerk.imported("bad-type.xlsx", fill(template("G08"), bad), "G08", false);
		assertThat(refused.get("inserted").asInt()).isZero();
		assertThat(messages(refused)).singleElement()
			.satisfies(m -> assertThat(m).startsWith("3 ").contains("并发症", "的类型", "不在可选值中", "大量出血"));
		assertThat(registered("IL")).isZero();
	}

	@Test
	void oneBadCellImportsNothingAndTheAnnotatedCopyShowsIt() throws IOException {
		String prefix = "IB";
		List<Map<String, Object>> rows = dataset(prefix, 3);
		rows.get(1).put("ecog", "二级");
		byte[] file = fill(template("G08"), rows);
		JsonNode job = this.clerk.imported("bad.xlsx", file, "G08", false);
		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("inserted").asInt()).isZero();
		assertThat(job.get("problemCount").asInt()).isEqualTo(1);
		assertThat(messages(job)).singleElement().asString().startsWith("3 ").endsWith("ECOG 评分：“二级” 不是整数");
		assertThat(job.get("outcome").asString()).contains("本次未导入任何病例");
		assertThat(registered(prefix)).isZero();
		assertThat(job.get("annotatedCopy").asBoolean()).isTrue();

		HttpResponse<byte[]> copy = this.clerk.download("/api/case-imports/" + job.get("id").asString() + "/annotated");
		assertThat(copy.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(copy.body()))) {
			Sheet sheet = workbook.getSheet("病例");
			Row header = sheet.getRow(0);
			int errors = header.getLastCellNum() - 1;
			assertThat(header.getCell(errors).getStringCellValue()).isEqualTo("错误");
			assertThat(sheet.getRow(2).getCell(errors).getStringCellValue()).contains("ECOG 评分", "“二级” 不是整数");
			String letter = job.get("problems").get(0).get("column").asString();
			Cell bad = sheet.getRow(2).getCell(AnnotatedCopy.index(letter));
			assertThat(bad.getStringCellValue()).isEqualTo("二级");
			assertThat(bad.getCellComment().getString().getString()).isEqualTo("“二级” 不是整数");
			assertThat(sheet.getRow(1).getCell(errors)).isNull();
		}
		// the upload is kept encrypted in the database (any node serves the copy), not
		// on this node's disk
		UUID id = UUID.fromString(job.get("id").asString());
		assertThat(Path.of("var/case-imports", id + ".upload")).doesNotExist();
		List<byte[]> parts = this.jdbc.query("select content from cases.case_import_upload where import_id = ?",
				(rs, n) -> rs.getBytes(1), id);
		assertThat(parts).singleElement().satisfies((part) -> {
			assertThat(part.length).isBetween(file.length, file.length + 64);
			assertThat(new String(part, 0, 4, StandardCharsets.ISO_8859_1)).doesNotContain("PK");
		});

		JsonNode validOnly = this.clerk.imported("bad.xlsx", file, "G08", true);
		assertThat(validOnly.get("status").asString()).isEqualTo("DONE");
		assertThat(validOnly.get("inserted").asInt()).isEqualTo(2);
		assertThat(validOnly.get("invalidRows").asInt()).isEqualTo(1);
		assertThat(registered(prefix)).isEqualTo(2);
	}

	/**
	 * Kept uploads go when their time has passed (rtms.cases.import.keep-upload): the job
	 * then offers no annotated copy and asking for one is a Chinese 409. An import left
	 * QUEUED or RUNNING by a node that has no connection left is marked failed by the
	 * sweep; one whose node is connected (here: this one) is left to it. Before, the
	 * upload stayed on one node's disk for ever, and every starting node failed every
	 * other node's running imports.
	 */
	@Test
	void keptUploadsExpireAndOnlyImportsOfGoneNodesAreAbandoned() throws IOException {
		List<Map<String, Object>> rows = dataset("IK", 2);
		rows.get(0).put("ecog", "二级");
		JsonNode job = this.clerk.imported("kept.xlsx", fill(template("G08"), rows), "G08", false);
		String id = job.get("id").asString();
		assertThat(job.get("annotatedCopy").asBoolean()).isTrue();
		this.jdbc.update("update cases.case_import set upload_kept_until = ? where id = ?::uuid",
				java.sql.Timestamp.from(TestClock.pinned().toInstant().minusSeconds(1)), id);
		this.imports.sweep();
		assertThat(this.jdbc.queryForObject("select count(*) from cases.case_import_upload where import_id = ?::uuid",
				Integer.class, id))
			.isZero();
		assertThat(this.clerk.api.get("/api/case-imports/" + id).body().get("annotatedCopy").asBoolean()).isFalse();
		HttpResponse<byte[]> gone = this.clerk.download("/api/case-imports/" + id + "/annotated");
		assertThat(gone.statusCode()).isEqualTo(409);
		assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("NO_ANNOTATED_COPY", "原文件已清理");

		UUID orphan = UUID.randomUUID();
		UUID alive = UUID.randomUUID();
		for (UUID each : List.of(orphan, alive)) {
			this.jdbc
				.update("""
						insert into cases.case_import (id, institution_id, technology, form_key, file_name, file_format,
						  file_charset, file_size, file_sha256, valid_only, confirm_warnings, status, created_by, created_at, node)
						select ?, institution_id, technology, form_key, 'x.xlsx', 'XLSX', 'UTF-8', 1, file_sha256, false, false,
						  'RUNNING', created_by, created_at, ?
						from cases.case_import where id = ?::uuid""",
						each,
						each.equals(orphan) ? "rtms 0-gone"
								: this.jdbc.queryForObject("select current_setting('application_name')", String.class),
						id);
		}
		try {
			this.imports.sweep();
			assertThat(
					this.jdbc.queryForObject("select status from cases.case_import where id = ?", String.class, orphan))
				.isEqualTo("FAILED");
			assertThat(
					this.jdbc.queryForObject("select status from cases.case_import where id = ?", String.class, alive))
				.isEqualTo("RUNNING");
		}
		finally {
			this.jdbc.update("update cases.case_import set status = 'FAILED' where id in (?, ?)", orphan, alive);
		}
	}

	@Test
	void readsDatesAsExcelSerialsAndAsTextInEveryCommonForm() throws IOException {
		String prefix = "IC";
		List<Map<String, Object>> rows = dataset(prefix, 4);
		LocalDate day = TODAY.minusDays(40);
		rows.get(0).put("operationDate", day);
		rows.get(1).put("operationDate", day.toString());
		rows.get(2).put("operationDate", day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth());
		rows.get(3).put("operationDate", day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
		for (Map<String, Object> row : rows) {
			row.put("admissionDate", day.minusDays(1));
			row.put("dischargeDate", day.plusDays(3));
		}
		JsonNode job = this.clerk.imported("dates.xlsx", fill(template("G08"), rows), "G08", false);
		assertThat(job.get("status").asString()).as(messages(job).toString()).isEqualTo("DONE");
		assertThat(this.jdbc.queryForList(
				"select distinct operation_date from cases.case_report where medical_record_no like ?", LocalDate.class,
				prefix + "%"))
			.containsExactly(day);
	}

	@Test
	void reportsEveryBadCellOfAFileNamingThePlace() throws IOException {
		String prefix = "ID";
		List<Map<String, Object>> rows = dataset(prefix, 7);
		rows.get(6).put("dischargeDate", ((LocalDate) rows.get(6).get("operationDate")).minusDays(5));
		rows.get(0).put("patientSex", "X");
		rows.get(1).put("organ", "BRAIN");
		rows.get(2).put("operationDate", "下周一");
		rows.get(3).put("operator", "不存在的医生");
		rows.get(4).put("medicalRecordNo", rows.get(5).get("medicalRecordNo"));
		rows.get(4).put("operationDate", rows.get(5).get("operationDate"));
		rows.get(4).put("admissionDate", rows.get(5).get("admissionDate"));
		rows.get(4).put("dischargeDate", rows.get(5).get("dischargeDate"));
		JsonNode job = this.clerk.imported("many.xlsx", fill(template("G08"), rows), "G08", true);
		List<String> messages = messages(job);
		assertThat(messages).hasSize(6);
		assertThat(messages.get(0)).startsWith("2 ").contains("性别：“X” 不在可选值中（M 男、F 女）");
		assertThat(messages.get(1)).startsWith("3 ").contains("消融部位（器官）：“BRAIN” 不在可选值中");
		assertThat(messages.get(2)).startsWith("4 ").contains("手术/治疗日期：“下周一” 不是日期");
		assertThat(messages.get(3)).startsWith("5 ").contains("术者：本机构人员中没有 “不存在的医生”");
		assertThat(messages.get(4)).startsWith("7  ：与第 6 行重复");
		// passes the cell checks, refused by the case checks: the chunk falls back to
		// row-by-row checks
		assertThat(messages.get(5)).startsWith("8 ").contains("出院日期");
		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("inserted").asInt()).isEqualTo(1);
		assertThat(registered(prefix)).isEqualTo(1);
	}

	/**
	 * A file of several chunks goes through the two threads of an import (the reader
	 * prepares chunks while the writer inserts earlier ones): a bad row in the first and
	 * in the last chunk still leaves nothing registered, valid rows only registers the
	 * rest of every chunk, and the same file again registers nothing more. Fails if a
	 * chunk inserted before the reader reached the bad last row survived, or if a chunk
	 * were lost or written twice between the threads.
	 */
	@Test
	void aFileOfSeveralChunksIsAllOrNothingAcrossTheReaderAndTheWriter() throws IOException {
		String prefix = "IP";
		int n = ImportRun.CHUNK * 2 + 150;
		List<Map<String, Object>> rows = dataset(prefix, n);
		rows.get(3).put("ecog", "二级");
		rows.get(n - 2).put("operator", "不存在的医生");
		byte[] file = fill(template("G08"), rows);

		JsonNode all = this.clerk.imported("chunks.xlsx", file, "G08", false);
		assertThat(all.get("status").asString()).isEqualTo("FAILED");
		assertThat(all.get("processedRows").asInt()).isEqualTo(n);
		assertThat(all.get("inserted").asInt()).isZero();
		assertThat(messages(all)).hasSize(2);
		assertThat(messages(all).get(1)).startsWith((n) + " ").contains("术者：本机构人员中没有 “不存在的医生”");
		assertThat(registered(prefix)).isZero();

		JsonNode validOnly = this.clerk.imported("chunks.xlsx", file, "G08", true);
		assertThat(validOnly.get("status").asString()).isEqualTo("DONE");
		assertThat(validOnly.get("inserted").asInt()).isEqualTo(n - 2);
		assertThat(validOnly.get("invalidRows").asInt()).isEqualTo(2);
		assertThat(registered(prefix)).isEqualTo(n - 2);

		JsonNode again = this.clerk.imported("chunks.xlsx", file, "G08", true);
		assertThat(again.get("status").asString()).isEqualTo("DONE");
		assertThat(again.get("inserted").asInt()).isZero();
		assertThat(again.get("duplicates").asInt()).isEqualTo(n - 2);
		assertThat(registered(prefix)).isEqualTo(n - 2);
	}

	/**
	 * A single-use device recorded in the first chunk and again in the last, another
	 * twice in the same chunk: the second row of each is named with the row that used the
	 * device first, and nothing is imported; with "valid rows only" every other row is.
	 * Before, the two rows of one chunk both passed the registry check and the unique
	 * index refused the whole import (409, no row named).
	 */
	@Test
	void aSingleUseDeviceUsedTwiceInOneFileIsNamedAtItsSecondRow() throws IOException {
		String prefix = "IU";
		int n = ImportRun.CHUNK * 2 + 50;
		List<Map<String, Object>> rows = dataset(prefix, n);
		String device = "(01)09506000134352(17)301231(10)LOT7(21)" + prefix + "-SER-1";
		rows.get(0).put("devices", device);
		rows.get(n - 1).put("devices", device);
		String other = "(01)09506000134352(17)301231(10)LOT7(21)" + prefix + "-SER-2";
		rows.get(3).put("devices", other);
		rows.get(5).put("devices", other);
		byte[] file = fill(template("G08"), rows);

		JsonNode all = this.clerk.imported("devices.xlsx", file, "G08", false);
		assertThat(all.get("status").asString()).isEqualTo("FAILED");
		assertThat(registered(prefix)).isZero();
		assertThat(messages(all)).hasSize(2)
			.anySatisfy(m -> assertThat(m).startsWith("7 ").contains("序列号 " + prefix + "-SER-2", "已在第 5 行"))
			.anySatisfy(m -> assertThat(m).startsWith((n + 1) + " ").contains("序列号 " + prefix + "-SER-1", "已在第 2 行"));

		JsonNode validOnly = this.clerk.imported("devices.xlsx", file, "G08", true);
		assertThat(validOnly.get("status").asString()).isEqualTo("DONE");
		assertThat(validOnly.get("inserted").asInt()).isEqualTo(n - 2);
		assertThat(registered(prefix)).isEqualTo(n - 2);
	}

	/**
	 * The device of an earlier import: the row is named with the case that holds it
	 * (checked against the registry inside the import's transaction).
	 */
	@Test
	void aSingleUseDeviceOfACaseAlreadyRegisteredIsNamedWithThatCase() throws IOException {
		String prefix = "IV";
		List<Map<String, Object>> first = dataset(prefix, 3);
		String device = "(01)09506000134352(17)301231(10)LOT7(21)" + prefix + "-SER-1";
		first.get(1).put("devices", device);
		JsonNode done = this.clerk.imported("first.xlsx", fill(template("G08"), first), "G08", false);
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		List<Map<String, Object>> second = dataset(prefix + "W", 3);
		second.get(2).put("devices", device);
		JsonNode again = this.clerk.imported("second.xlsx", fill(template("G08"), second), "G08", false);
		assertThat(again.get("status").asString()).isEqualTo("FAILED");
		assertThat(messages(again)).singleElement()
			.asString()
			.startsWith("4 ")
			.contains("序列号 " + prefix + "-SER-1", "病案号 " + first.get(1).get("medicalRecordNo"));
	}

	/**
	 * Two rows share a single-use device whose scan writes the group separator as the
	 * text {@code <GS>} (as RTMS stores scans and exports them in the template layout):
	 * the second row is named at its device column, as when the separator is a real
	 * character. Fails on the old code: the in-file check read the lot as
	 * {@code ABC<GS>21…} with no serial, both rows reached the unique index, and the
	 * whole job FAILED naming no row ("病案号 " and nothing), also with "valid rows only".
	 */
	@Test
	void aSingleUseDeviceScannedWithGsTextTwiceInOneFileIsNamedAtItsSecondRow() throws IOException {
		String prefix = "IX";
		List<Map<String, Object>> rows = dataset(prefix, 2);
		String device = "]d2" + "0109506000134352" + "17290100" + "10ABC<GS>21" + prefix + "S0001";
		rows.forEach(row -> row.put("devices", device));
		StringBuilder csv = new StringBuilder();
		CsvWriter.write(layout(), rows.iterator(), csv);
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		String header = java.util.Objects.requireNonNull(layout().column("devices")).header();

		JsonNode all = this.clerk.imported("gs.csv", file, "G08", false);
		assertThat(all.get("status").asString()).isEqualTo("FAILED");
		assertThat(all.get("inserted").asInt()).isZero();
		assertThat(registered(prefix)).isZero();
		assertThat(messages(all)).singleElement()
			.asString()
			.startsWith("3 ")
			.contains(header + "：", "序列号 " + prefix + "S0001", "已在第 2 行")
			.doesNotContain("病案号 ）");

		JsonNode validOnly = this.clerk.imported("gs.csv", file, "G08", true);
		assertThat(validOnly.get("status").asString()).as(messages(validOnly).toString()).isEqualTo("DONE");
		assertThat(validOnly.get("inserted").asInt()).isEqualTo(1);
		assertThat(validOnly.get("invalidRows").asInt()).isEqualTo(1);
		assertThat(messages(validOnly)).singleElement().asString().startsWith("3 ").contains(header + "：", "已在第 2 行");
		assertThat(validOnly.get("problems").get(0).get("column").asString()).isNotBlank();
		assertThat(registered(prefix)).isEqualTo(1);
	}

	@Test
	void mergedCellsImportNothingEvenForValidRowsOnly() throws IOException {
		String prefix = "IE";
		byte[] filled = fill(template("G08"), dataset(prefix, 3));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
			workbook.getSheet("病例").addMergedRegion(new CellRangeAddress(2, 3, 20, 20));
			workbook.write(out);
		}
		JsonNode job = this.clerk.imported("merged.xlsx", out.toByteArray(), "G08", true);
		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(messages(job)).anySatisfy(m -> assertThat(m).startsWith("3 U").contains("U3:U4 是合并单元格"));
		assertThat(registered(prefix)).isZero();
	}

	@Test
	void refusesAnotherTechnologysTemplateAndAWorkbookWithoutTheCasesSheet() throws IOException {
		Response wrong = this.clerk.upload("g07.xlsx", template("G07"), "G08", false);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body().get("code").asString()).isEqualTo("WRONG_TEMPLATE");
		assertThat(wrong.body().get("detail").asString()).contains("与 G08", "缺少必填列 ", "“消融部位（器官）”",
				"无法识别的列 U 列 “术前治疗计划（TPS）已制订”、V 列", "本次未导入任何病例");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("病案号");
			workbook.write(out);
		}
		Response sheet = this.clerk.upload("sheet1.xlsx", out.toByteArray(), "G08", false);
		assertThat(sheet.status()).isEqualTo(422);
		assertThat(sheet.body().get("code").asString()).isEqualTo("WRONG_SHEET");
		assertThat(sheet.body().get("detail").asString()).contains("没有名为 “病例” 的工作表（现有工作表：Sheet1）");
	}

	@Test
	void refusesAZipBombRenamedXlsxAndNonWorkbooksBeforeParsing() throws IOException {
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
		}
		Response refused = this.clerk.upload("bomb.xlsx", bomb.toByteArray(), "G08", false);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("code").asString()).isEqualTo("UNSAFE_ARCHIVE");
		assertThat(refused.body().get("detail").asString()).contains("bomb.xlsx", "疑似压缩炸弹");

		Response pdf = this.clerk.upload("cases.xlsx", "%PDF-1.7\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1),
				"G08", false);
		assertThat(pdf.status()).isEqualTo(415);
		assertThat(pdf.body().get("code").asString()).isEqualTo("UNSUPPORTED_FILE_TYPE");
	}

	@Test
	void importsCsvAndExportsWhatRoundTrips() throws IOException {
		String prefix = "IF";
		List<Map<String, Object>> rows = dataset(prefix, 5);
		StringBuilder csv = new StringBuilder();
		CsvWriter.write(layout(), rows.iterator(), csv);
		JsonNode job = this.clerk.imported("cases.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "G08", false);
		assertThat(job.get("status").asString()).as(messages(job).toString()).isEqualTo("DONE");
		assertThat(job.get("inserted").asInt()).isEqualTo(5);

		HttpResponse<byte[]> export = this.clerk.download("/api/case-imports/export?technology=G08");
		assertThat(export.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			List<String> numbers = new ArrayList<>();
			workbook.getSheet("病例").forEach(r -> numbers.add(r.getCell(0).getStringCellValue()));
			assertThat(numbers).contains(prefix + "00000001", prefix + "00000005");
		}
		JsonNode again = this.clerk.imported("export.xlsx", export.body(), "G08", false);
		assertThat(again.get("status").asString()).as(messages(again).toString()).isEqualTo("DONE");
		assertThat(again.get("inserted").asInt()).isZero();
		assertThat(again.get("duplicates").asInt()).isEqualTo(again.get("processedRows").asInt());
		assertThat(registered(prefix)).isEqualTo(5);
	}

	@Test
	void importsOnlyForTheUsersOwnInstitution() throws IOException {
		JsonNode job = this.clerk.imported("scope.xlsx", fill(template("G08"), dataset("IG", 1)), "G08", false);
		String id = job.get("id").asString();
		ImportClient other = new ImportClient(this.port, "songjiang-clerk");
		assertThat(other.api.get("/api/case-imports/" + id).status()).isEqualTo(404);
		assertThat(other.download("/api/case-imports/" + id + "/annotated").statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from cases.case_report where medical_record_no like 'IG%' and institution_id = ?::uuid",
				Integer.class, this.clerk.institutionId()))
			.isEqualTo(1);
		ImportClient authority = new ImportClient(this.port, "changchun");
		Response refused = authority.upload("x.xlsx", template("G08"), "G08", false);
		assertThat(refused.status()).isEqualTo(403);
	}

	ImportLayout layout() {
		return new ImportLayouts(this.forms).forTechnology("G08", TODAY);
	}

}
