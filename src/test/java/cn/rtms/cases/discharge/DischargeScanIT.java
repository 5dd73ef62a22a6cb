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
