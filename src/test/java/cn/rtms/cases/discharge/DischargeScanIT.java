package cn.rtms.cases.discharge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discharge scan end to end on the embedded PostgreSQL with the demo hospitals, users
 * and filings (松江 G08 active since today, first case 14 days ago; 长春市中心医院 G08 returned
 * for supplement, first case 12 days ago): upload, report counts, drill-down, scope,
 * idempotent re-upload, and a bad file that commits nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
class DischargeScanIT {

	static final LocalDate TODAY = TestClock.today();

	static final String HEADER = "病案号,住院号,入院日期,出院日期,科室,主要手术操作编码,其他手术操作编码,手术日期,术者,离院方式";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID institution(String name) {
		return this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(name)
			.query(UUID.class)
			.single();
	}

	static String row(String mrn, LocalDate operation, String principal, String others, String operator) {
		return String.join(",", mrn, "ZY" + mrn, operation.minusDays(2).toString(), TODAY.toString(), "肿瘤介入科",
				principal, "\"" + others + "\"", operation.toString(), operator, "1");
	}

	static byte[] csv(String... rows) {
		return (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	void caseReport(UUID institutionId, String technology, String mrn, LocalDate operationDate) {
		Instant now = TestClock.pinned().toInstant();
		this.jdbc
			.sql("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
					  medical_record_no, patient_pseudonym, operation_date, created_at, created_by, updated_at, submitted_at,
					  submitted_by)
					values (?, ?, '220104', ?, ?, 'SUBMITTED', ?, 'P000000000000', ?, ?, ?, ?, ?, ?)
					""")
			.params(UUID.randomUUID(), institutionId, technology, technology + "-2023", mrn, operationDate,
					Timestamp.from(now), UUID.randomUUID(), Timestamp.from(now), Timestamp.from(now), UUID.randomUUID())
			.update();
	}

	@Test
	void scansUploadedDischargeRecordsPerHospitalWithDrillDownScopeAndIdempotentImport() {
		UUID songjiang = institution("吉林省松江肿瘤医院");
		UUID ccszx = institution("长春市中心医院");
		int importsBefore = this.jdbc.sql("select count(*) from audit.entry where action = 'DISCHARGE_BATCH_IMPORTED'")
			.query(Integer.class)
			.single();
		Api clerk = Api.as(this.port, "songjiang-clerk");

		byte[] file = csv(row("BA1001", TODAY, "06.3100x001", "", "高志远"),
				row("BA1002", TODAY.minusDays(5), "50.2400X002", "", "110220104000088"),
				row("BA1003", TODAY.minusDays(30), "52. 2200x007", "", "张三"),
				row("BA1004", TODAY.minusDays(20), "55.5100", "17.4200", ""),
				row("BA1005", TODAY.minusDays(20), "47.0901", "ABC；06.3100x009", "高志远"),
				row("BA1006", TODAY.minusDays(1), "063100x002", "", "高志远"));
		caseReport(songjiang, "G08", "BA1001", TODAY.minusDays(1));
		caseReport(songjiang, "G08", "BA1006", TODAY.minusDays(12));
		caseReport(songjiang, "G07", "BA1002", TODAY.minusDays(5));

		Response uploaded = upload(clerk, "松江出院病案.csv", file);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		JsonNode batch = uploaded.body();
		assertThat(batch.get("institutionId").asString()).isEqualTo(songjiang.toString());
		assertThat(batch.get("rows").asInt()).isEqualTo(6);
		assertThat(batch.get("inserted").asInt()).isEqualTo(6);
		assertThat(batch.get("duplicates").asInt()).isZero();
		assertThat(batch.get("restricted").asInt()).isEqualTo(5);
		assertThat(batch.at("/restrictedByTechnology/G08").asInt()).isEqualTo(4);
		assertThat(batch.at("/restrictedByTechnology/G10").asInt()).isEqualTo(1);
		assertThat(batch.get("operatorsUnresolved").asInt()).isEqualTo(2);
		assertThat(batch.at("/invalidCodes/0/code").asString()).isEqualTo("ABC");
		assertThat(batch.at("/suspectCodes/0/code").asString()).isEqualTo("06.3100x009");
		assertThat(batch.toString()).contains("47.0901").contains("55.5100");

		JsonNode report = ok(clerk.get("/api/discharge-scan?from=" + TODAY.minusDays(60) + "&to=" + TODAY));
		assertThat(report.get("hospitals").size()).isEqualTo(1);
		JsonNode hospital = report.at("/hospitals/0");
		assertThat(hospital.get("institutionName").asString()).isEqualTo("吉林省松江肿瘤医院");
		assertThat(hospital.get("restricted").asInt()).isEqualTo(5);
		assertThat(hospital.get("reported").asInt()).isEqualTo(1);
		assertThat(hospital.get("reportingRate").asDouble()).isEqualTo(0.2);
		JsonNode counts = hospital.get("counts");
		assertThat(counts.get("NOT_REPORTED").asInt()).isEqualTo(4);
		assertThat(counts.get("UNFILED").asInt()).as(counts.toString()).isEqualTo(2);
		assertThat(counts.get("FILING_PENDING").asInt()).as(counts.toString()).isEqualTo(2);
		assertThat(counts.get("UNAUTHORIZED").asInt()).as(counts.toString()).isEqualTo(3);
		assertThat(counts.get("OPERATOR_UNRESOLVED").asInt()).isEqualTo(2);
		assertThat(counts.get("INVALID_CODE").asInt()).isEqualTo(1);
		assertThat(counts.get("SUSPECT_CODE").asInt()).isEqualTo(1);
		assertThat(report.get("matchingRule").asString()).contains("3 天");

		JsonNode notReported = ok(clerk
			.get("/api/discharge-scan/items?category=NOT_REPORTED&from=" + TODAY.minusDays(60) + "&to=" + TODAY));
		assertThat(notReported.get("total").asInt()).isEqualTo(4);
		assertThat(texts(notReported.get("items"), "medicalRecordNo")).containsExactly("BA1003", "BA1004", "BA1002",
				"BA1006");
		JsonNode robotic = notReported.at("/items/1");
		assertThat(robotic.get("technology").asString()).isEqualTo("G10");
		assertThat(robotic.get("mainProcedure").asString()).isEqualTo("55.5100");
		assertThat(robotic.get("operatorStatus").asString()).isEqualTo("MISSING");
		JsonNode unresolved = ok(clerk.get("/api/discharge-scan/items?category=OPERATOR_UNRESOLVED"));
		assertThat(texts(unresolved.get("items"), "medicalRecordNo")).containsExactly("BA1003", "BA1004");
		assertThat(unresolved.at("/items/0/findings").toString()).contains("本院人员中没有“张三”");
		JsonNode unauthorized = ok(clerk.get("/api/discharge-scan/items?category=UNAUTHORIZED"));
		assertThat(texts(unauthorized.get("items"), "medicalRecordNo")).containsExactly("BA1002", "BA1006", "BA1001");
		JsonNode reported = ok(clerk.get("/api/discharge-scan/items?category=REPORTED"));
		assertThat(reported.at("/items/0/caseId").isNull()).isFalse();
		assertThat(reported.at("/items/0/categories").toString()).doesNotContain("UNFILED")
			.doesNotContain("FILING_PENDING");
		JsonNode invalid = ok(clerk.get("/api/discharge-scan/items?category=INVALID_CODE"));
		assertThat(invalid.at("/items/0/code").asString()).isEqualTo("ABC");
		assertThat(invalid.at("/items/0/row").asInt()).isEqualTo(6);
		Response badCategory = clerk.get("/api/discharge-scan/items?category=NOPE");
		assertThat(badCategory.status()).isEqualTo(400);

		// the same file again: nothing new
		Response again = upload(clerk, "再次.csv", file);
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.body().get("alreadyImported").asBoolean()).isTrue();
		assertThat(again.body().get("id").asString()).isEqualTo(batch.get("id").asString());
		// the same rows in another file: only the new row stored
		Response overlapping = upload(clerk, "重叠.csv",
				csv(row("BA1001", TODAY, "06.3100x001", "", "高志远"), row("BA1007", TODAY, "06.3100x002", "", "林雪梅")));
		assertThat(overlapping.status()).as(overlapping.text()).isEqualTo(201);
		assertThat(overlapping.body().get("inserted").asInt()).isEqualTo(1);
		assertThat(overlapping.body().get("duplicates").asInt()).isEqualTo(1);
		assertThat(restricted(clerk, null)).isEqualTo(6);

		// a bad file commits nothing, not even its good rows
		int batches = this.jdbc.sql("select count(*) from cases.discharge_batch").query(Integer.class).single();
		Response bad = upload(clerk, "坏文件.csv", csv(row("BA2001", TODAY, "06.3100x001", "", "高志远"),
				"BA2002,,2026-13-01," + TODAY + ",,06.3100x001,,明天,高志远,1"));
		assertThat(bad.status()).as(bad.text()).isEqualTo(422);
		assertThat(bad.body().get("code").asString()).isEqualTo("DISCHARGE_FILE_INVALID");
		assertThat(bad.body().get("detail").asString()).contains("坏文件.csv").contains("全部未导入");
		assertThat(bad.body().at("/rows/0/row").asInt()).isEqualTo(3);
		assertThat(bad.body().at("/rows/0/column").asString()).isEqualTo("入院日期");
		assertThat(bad.body().at("/rows/1/column").asString()).isEqualTo("手术日期");
		assertThat(this.jdbc.sql("select count(*) from cases.discharge_batch").query(Integer.class).single())
			.isEqualTo(batches);
		assertThat(this.jdbc.sql("select count(*) from cases.discharge_record where medical_record_no = 'BA2001'")
			.query(Integer.class)
			.single()).isZero();
		Response wrongTemplate = upload(clerk, "模板.csv", "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8));
		assertThat(wrongTemplate.status()).isEqualTo(422);
		assertThat(wrongTemplate.body().get("detail").asString()).contains("不是出院病案首页的表头");

		// another hospital, with an authorized operator
		Api ccClerk = Api.as(this.port, "ccszx-clerk");
		Api ccAdmin = Api.as(this.port, "ccszx-admin");
		String liu = ok(ccClerk.get("/api/people?q=刘建国")).get(0).get("id").asString();
		JsonNode applied = ok(ccClerk.post("/api/authorizations",
				Map.of("personId", liu, "technology", "G08", "subTechniques", List.of("RFA", "MWA"), "validFrom",
						TODAY.minusDays(30).toString(), "validUntil", TODAY.plusYears(2).toString())));
		ok(ccAdmin.post("/api/authorizations/" + applied.get("id").asString() + "/grant", Map.of("version", 0)));
		Response ccUpload = upload(ccClerk, "长春.csv", csv(row("CC01", TODAY.minusDays(3), "06.3100x001", "", "刘建国"),
				row("CC02", TODAY.minusDays(3), "52.2200x007", "", "刘建国")));
		assertThat(ccUpload.status()).as(ccUpload.text()).isEqualTo(201);
		JsonNode cc = ok(ccClerk.get("/api/discharge-scan")).at("/hospitals/0");
		assertThat(cc.get("institutionId").asString()).isEqualTo(ccszx.toString());
		assertThat(cc.at("/counts/UNAUTHORIZED").asInt()).isZero();
		assertThat(cc.at("/counts/OUT_OF_SCOPE").asInt()).as(cc.toString()).isEqualTo(1);
		assertThat(cc.at("/counts/FILING_PENDING").asInt()).isEqualTo(2);

		// scope
		assertThat(clerk.get("/api/discharge-scan?institutionId=" + ccszx).status()).isEqualTo(403);
		assertThat(clerk.get("/api/discharge-scan/items?category=RESTRICTED&institutionId=" + ccszx).status())
			.isEqualTo(403);
		assertThat(upload(Api.as(this.port, "changchun"), "x.csv", file).status()).isEqualTo(403);
		assertThat(Api.as(this.port, "doctor-wang").get("/api/discharge-scan").status()).isEqualTo(403);
		Api city = Api.as(this.port, "changchun");
		assertThat(texts(ok(city.get("/api/discharge-scan")).get("hospitals"), "institutionName"))
			.containsExactlyInAnyOrder("吉林省松江肿瘤医院", "长春市中心医院");
		JsonNode cityItems = ok(city.get("/api/discharge-scan/items?category=NOT_REPORTED&institutionId=" + songjiang));
		assertThat(cityItems.get("total").asInt()).isEqualTo(5);
		assertThat(cityItems.toString()).doesNotContain("张三的身份证");
		Api county = Api.as(this.port, "nanguan");
		assertThat(texts(ok(county.get("/api/discharge-scan")).get("hospitals"), "institutionName"))
			.containsExactly("长春市中心医院");
		assertThat(county.get("/api/discharge-scan?institutionId=" + songjiang).status()).isEqualTo(403);
		Api otherRegion = Api.as(this.port, "meihekou");
		assertThat(ok(otherRegion.get("/api/discharge-scan")).get("hospitals").size()).isZero();
		assertThat(otherRegion.get("/api/discharge-scan/items?category=RESTRICTED&institutionId=" + songjiang).status())
			.isEqualTo(403);
		assertThat(
				texts(ok(Api.as(this.port, "province").get("/api/discharge-scan")).get("hospitals"), "institutionName"))
			.contains("吉林省松江肿瘤医院", "长春市中心医院");

		// audited
		assertThat(this.jdbc.sql("select count(*) from audit.entry where action = 'DISCHARGE_BATCH_IMPORTED'")
			.query(Integer.class)
			.single()).isEqualTo(importsBefore + 3);
		assertThat(this.jdbc.sql("select count(*) from audit.entry where action = 'DISCHARGE_SCAN_ITEMS_VIEWED'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void theDemoFileInDocsImportsCleanlyAndShowsEveryCategory() throws IOException {
		byte[] demo = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/demo-discharge-records.csv"));
		Api admin = Api.as(this.port, "admin");
		Api clerk = Api.as(this.port, "songjiang-clerk");
		UUID songjiang = institution("吉林省松江肿瘤医院");
		Response uploaded = upload(clerk, "demo-discharge-records.csv", demo);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		JsonNode batch = uploaded.body();
		assertThat(batch.get("alreadyImported").asBoolean()).isFalse();
		assertThat(batch.get("rows").asInt()).isEqualTo(24);
		assertThat(batch.get("restricted").asInt()).isEqualTo(15);
		assertThat(batch.at("/restrictedByTechnology/G08").asInt()).isEqualTo(11);
		assertThat(batch.at("/restrictedByTechnology/G10").asInt()).isEqualTo(4);
		assertThat(texts(batch.get("invalidCodes"), "code")).containsExactlyInAnyOrder("待补录", "06.31.00x001");
		assertThat(texts(batch.get("suspectCodes"), "code")).containsExactly("06.3100x009");
		caseReport(songjiang, "G08", "0086512", LocalDate.of(2026, 10, 26));
		try {
			assertThat(demoLines(admin, songjiang, "RESTRICTED")).isEqualTo(15);
			assertThat(demoLines(admin, songjiang, "REPORTED")).isEqualTo(1);
			assertThat(demoLines(admin, songjiang, "NOT_REPORTED")).isEqualTo(14);
			assertThat(demoLines(admin, songjiang, "UNFILED")).isPositive();
			assertThat(demoLines(admin, songjiang, "UNAUTHORIZED")).isPositive();
			assertThat(demoLines(admin, songjiang, "OPERATOR_UNRESOLVED")).isEqualTo(2);
			assertThat(demoLines(admin, songjiang, "INVALID_CODE")).isEqualTo(2);
			assertThat(demoLines(admin, songjiang, "SUSPECT_CODE")).isEqualTo(1);
			assertThat(demoLines(admin, songjiang, "ROBOTIC_WITHOUT_MAIN")).isEqualTo(1);
			if (TODAY.equals(LocalDate.of(2026, 11, 22))) {
				// on the reference day of docs/discharge-scan.md: the table there
				assertThat(demoLines(admin, songjiang, "UNFILED")).isEqualTo(9);
				assertThat(demoLines(admin, songjiang, "FILING_PENDING")).isEqualTo(5);
				assertThat(demoLines(admin, songjiang, "UNAUTHORIZED")).isEqualTo(13);
			}
		}
		finally {
			// leave 松江 as the other test expects it, whatever the order
			this.jdbc.sql("delete from cases.discharge_batch where id = ?")
				.param(UUID.fromString(batch.get("id").asString()))
				.update();
			this.jdbc.sql("delete from cases.case_report where medical_record_no = '0086512'").update();
		}
	}

	@Test
	void storesALargeFileInSeveralBatchesCountingDuplicatesAcrossThem() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 1_200; i++) {
			String code = (i % 10 == 0) ? "06.3100x001" : "47.0901";
			rows.add(row("JC" + (i % 1_100), TODAY.minusDays(1 + i % 1_100 % 300), code, "", "吴国庆"));
		}
		Response uploaded = upload(clerk, "江城全年.csv", csv(rows.toArray(String[]::new)));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.body().get("rows").asInt()).isEqualTo(1_200);
		assertThat(uploaded.body().get("inserted").asInt()).isEqualTo(1_100);
		assertThat(uploaded.body().get("duplicates").asInt()).isEqualTo(100);
		assertThat(uploaded.body().get("restricted").asInt()).isEqualTo(110);
		assertThat(uploaded.body().at("/unmatchedCodes/0/code").asString()).isEqualTo("47.0901");
		assertThat(uploaded.body().at("/unmatchedCodes/0/count").asInt()).isEqualTo(990);
		UUID jiangcheng = institution("吉林市江城医院");
		assertThat(this.jdbc.sql("select count(*) from cases.discharge_procedure where institution_id = ?")
			.param(jiangcheng)
			.query(Integer.class)
			.single()).isEqualTo(110);
		JsonNode report = ok(clerk.get("/api/discharge-scan?from=" + TODAY.minusDays(365) + "&to=" + TODAY));
		assertThat(report.at("/hospitals/0/restricted").asInt()).isEqualTo(110);
		assertThat(report.at("/hospitals/0/counts/NOT_REPORTED").asInt()).isEqualTo(110);
	}

	/** Far outside the periods of the other tests, which share 松江 and the database. */
	static final LocalDate LONG_AGO = TODAY.minusYears(2);

	/**
	 * A stay of five days around its operation day, with one code in the principal
	 * column.
	 */
	static String stay(String mrn, String inpatientNo, LocalDate operation, String principal, String operator) {
		return String.join(",", mrn, inpatientNo, operation.minusDays(2).toString(), operation.plusDays(3).toString(),
				"肿瘤介入科", principal, "", operation.toString(), operator, "1");
	}

	/** The report of one institution for the ten days either side of a day. */
	JsonNode around(Api api, UUID institutionId, LocalDate day) {
		return ok(api.get("/api/discharge-scan?institutionId=" + institutionId + "&from=" + day.minusDays(10) + "&to="
				+ day.plusDays(10)))
			.at("/hospitals/0");
	}

	JsonNode itemsAround(Api api, UUID institutionId, LocalDate day, String category) {
		return ok(api.get("/api/discharge-scan/items?institutionId=" + institutionId + "&from=" + day.minusDays(10)
				+ "&to=" + day.plusDays(10) + "&category=" + category))
			.get("items");
	}

	@Test
	void aCorrectedReExportOfAStayCountsOnceFromTheNewestUpload() {
		UUID songjiang = institution("吉林省松江肿瘤医院");
		Api clerk = Api.as(this.port, "songjiang-clerk");
		LocalDate day = LONG_AGO;
		byte[] october = csv(stay("0090001", "ZY0090001", day, "06.3100x001", ""),
				stay("0090002", "ZY0090002A", day, "06.3100x001", "林雪梅"));
		Response first = upload(clerk, "十月.csv", october);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(around(clerk, songjiang, day).at("/counts/OPERATOR_UNRESOLVED").asInt()).isEqualTo(1);

		// November's export overlaps October's: the coding office has filled in the 术者 of
		// 0090001 since; 0090002
		// with another 住院号 is another stay of the same patient, admitted the same day
		Response second = upload(clerk, "十一月.csv", csv(stay("0090001", "ZY0090001", day, "06.3100x001", "林雪梅"),
				stay("0090002", "ZY0090002B", day, "06.3100x001", "林雪梅")));
		assertThat(second.status()).as(second.text()).isEqualTo(201);
		assertThat(second.body().get("inserted").asInt()).isEqualTo(2);
		JsonNode hospital = around(clerk, songjiang, day);
		assertThat(hospital.at("/counts/OPERATOR_UNRESOLVED").asInt()).as(hospital.toString()).isZero();
		JsonNode restricted = itemsAround(clerk, songjiang, day, "RESTRICTED");
		assertThat(texts(restricted, "medicalRecordNo")).containsExactlyInAnyOrder("0090001", "0090002", "0090002");
		assertThat(hospital.get("restricted").asInt()).isEqualTo(3);
		for (JsonNode item : restricted) {
			assertThat(item.get("operator").asString()).isEqualTo("林雪梅");
			if (item.get("medicalRecordNo").asString().equals("0090001")) {
				assertThat(item.get("fileName").asString()).isEqualTo("十一月.csv");
			}
		}
		// the indicators count alike (HOSPITAL.REPORTING_RATE)
		assertThat(this.jdbc.sql(
				"select count(*) from cases.indicator_discharge_procedure where institution_id = ? and procedure_date = ?")
			.params(songjiang, day)
			.query(Integer.class)
			.single()).isEqualTo(3);
		// the earlier record is kept as imported, only no longer counted
		assertThat(this.jdbc.sql(
				"select count(*) from cases.discharge_record where institution_id = ? and medical_record_no = '0090001'")
			.param(songjiang)
			.query(Integer.class)
			.single()).isEqualTo(2);

		// importing October's file again changes nothing: the same file is recognised,
		// its rows are duplicates
		Response again = upload(clerk, "十月.csv", october);
		assertThat(again.body().get("alreadyImported").asBoolean()).isTrue();
		Response rows = upload(clerk, "十月重导.csv", csv(stay("0090001", "ZY0090001", day, "06.3100x001", "")));
		assertThat(rows.body().get("inserted").asInt()).isZero();
		assertThat(around(clerk, songjiang, day).get("restricted").asInt()).isEqualTo(3);
		assertThat(around(clerk, songjiang, day).at("/counts/OPERATOR_UNRESOLVED").asInt()).isZero();
	}

	@Test
	void theOperatorIsResolvedWhenTheReportIsAskedForAgainstTheInstitutionsPeopleThen() {
		UUID songjiang = institution("吉林省松江肿瘤医院");
		UUID ccszx = institution("长春市中心医院");
		Api clerk = Api.as(this.port, "songjiang-clerk");
		Api admin = Api.as(this.port, "admin");
		LocalDate day = LONG_AGO.plusDays(60);
		Response uploaded = upload(clerk, "术者.csv", csv(stay("0090101", "ZY0090101", day, "06.3100x001", "周明远"),
				stay("0090102", "ZY0090102", day, "06.3100x002", "110220199000123")));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.body().get("operatorsUnresolved").asInt()).isEqualTo(2);
		JsonNode before = around(clerk, songjiang, day);
		assertThat(before.at("/counts/OPERATOR_UNRESOLVED").asInt()).as(before.toString()).isEqualTo(2);
		assertThat(before.at("/counts/UNAUTHORIZED").asInt()).isZero();

		// 周明远 joins 松江's staff; the physician with the licence is on 长春市中心医院's staff, the
		// licence registered
		// at 松江 (a surgeon who has moved on)
		Response zhou = clerk.post("/api/people",
				Map.of("name", "周明远", "roles", List.of("PHYSICIAN"), "institutionId", songjiang.toString()));
		assertThat(zhou.status()).as(zhou.text()).isEqualTo(201);
		Response sun = admin.post("/api/people",
				Map.of("name", "孙立行", "roles", List.of("PHYSICIAN"), "institutionId", ccszx.toString(), "licence",
						Map.of("number", "110220199000123", "issuedOn", "2010-07-01", "registeredInstitutionId",
								songjiang.toString())));
		assertThat(sun.status()).as(sun.text()).isEqualTo(201);

		JsonNode after = around(clerk, songjiang, day);
		assertThat(after.at("/counts/OPERATOR_UNRESOLVED").asInt()).as(after.toString()).isZero();
		assertThat(after.at("/counts/UNAUTHORIZED").asInt()).isEqualTo(2);
		JsonNode unauthorized = itemsAround(clerk, songjiang, day, "UNAUTHORIZED");
		assertThat(texts(unauthorized, "operatorId")).containsExactlyInAnyOrder(zhou.body().get("id").asString(),
				sun.body().get("id").asString());
		assertThat(texts(unauthorized, "operatorStatus")).containsOnly("RESOLVED");
		// the batch summary stays what the import saw
		for (JsonNode batch : ok(clerk.get("/api/discharge-records/batches"))) {
			if (batch.get("id").asString().equals(uploaded.body().get("id").asString())) {
				assertThat(batch.get("operatorsUnresolved").asInt()).isEqualTo(2);
			}
		}
	}

	@Test
	void aMedicalRecordNumberThatLostItsLeadingZerosInExcelIsWarnedAboutAndStillMatches() {
		UUID songjiang = institution("吉林省松江肿瘤医院");
		Api clerk = Api.as(this.port, "songjiang-clerk");
		LocalDate day = LONG_AGO.plusDays(120);
		caseReport(songjiang, "G08", "0090201", day);
		List<List<Object>> sheet = new ArrayList<>();
		sheet.add(List.of("病案号", "入院日期", "出院日期", "主要手术操作编码", "手术日期", "术者"));
		sheet.add(List.of(90201, day.minusDays(2).toString(), day.plusDays(3).toString(), "06.3100x001", day.toString(),
				"林雪梅"));
		Response uploaded = upload(clerk, "数值病案号.xlsx", DischargeFileReaderTests.xlsx(sheet));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.body().at("/warnings/0").asString()).contains("“病案号”列")
			.contains("第 2 行“90201”")
			.contains("开头的 0 可能已丢失");
		JsonNode hospital = around(clerk, songjiang, day);
		assertThat(hospital.get("restricted").asInt()).isEqualTo(1);
		assertThat(hospital.get("reported").asInt()).as(hospital.toString()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select bool_and(reported) from cases.indicator_discharge_procedure where institution_id = ? and procedure_date = ?")
			.params(songjiang, day)
			.query(Boolean.class)
			.single()).isTrue();

		// the text export of the same stay, with its zeros, is the same stay
		Response text = upload(clerk, "文本病案号.csv", csv(stay("0090201", "", day, "06.3100x001", "林雪梅")));
		assertThat(text.status()).as(text.text()).isEqualTo(201);
		assertThat(text.body().get("warnings").isEmpty()).isTrue();
		assertThat(around(clerk, songjiang, day).get("restricted").asInt()).isEqualTo(1);
		assertThat(itemsAround(clerk, songjiang, day, "REPORTED").at("/0/medicalRecordNo").asString())
			.isEqualTo("0090201");

		// a summary stored before warnings existed still reads
		this.jdbc.sql("update cases.discharge_batch set summary = summary - 'warnings' where id = ?")
			.param(UUID.fromString(uploaded.body().get("id").asString()))
			.update();
		JsonNode batches = ok(clerk.get("/api/discharge-records/batches"));
		for (JsonNode batch : batches) {
			assertThat(batch.get("warnings").isArray()).as(batch.toString()).isTrue();
		}
	}

	/** Lines of a category that come from the demo file (病案号 00865xx). */
	int demoLines(Api api, UUID institutionId, String category) {
		JsonNode page = ok(api.get("/api/discharge-scan/items?institutionId=" + institutionId + "&from=2026-09-01&to="
				+ TODAY + "&size=500&category=" + category));
		int n = 0;
		for (JsonNode item : page.get("items")) {
			n += item.get("medicalRecordNo").asString().startsWith("00865") ? 1 : 0;
		}
		return n;
	}

	int restricted(Api api, UUID institutionId) {
		JsonNode report = ok(api.get("/api/discharge-scan?from=" + TODAY.minusDays(60) + "&to=" + TODAY
				+ (institutionId == null ? "" : "&institutionId=" + institutionId)));
		return report.at("/hospitals/0/restricted").asInt();
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(n -> values.add(n.get(field).asString()));
		return values;
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	Response upload(Api api, String fileName, byte[] content) {
		return api.upload("/api/discharge-records", fileName, content);
	}

}
