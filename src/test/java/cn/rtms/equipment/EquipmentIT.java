package cn.rtms.equipment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.rules.EligibilityFactsChanged;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityMatrix;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.EquipmentRegisterSource;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equipment register (docs/equipment.md) on the embedded PostgreSQL: input refused
 * field by field with nothing saved, scope, the register feeding eligibility (G08 一(六)1
 * needs a DSA: not met while the only registered DSA is out of service or overdue, met
 * again after; the cached matrix follows), the EQUIPMENT alerts raised and closed, and
 * uploads checked by the filing module's policy. Own context: it files G08 for 松江 and
 * changes 松江's equipment, which other tests evaluate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=EquipmentIT" })
@RecordApplicationEvents
class EquipmentIT {

	static final LocalDate TODAY = TestClock.today();

	/**
	 * G08 (2023 compilation, in force on the test day) (三)6(1): 具备开展血管介入治疗的相关条件 — a DSA.
	 */
	static final String DSA_CLAUSE = "(三)6(1)";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	IdentityManagement identity;

	@Autowired
	EligibilityManagement eligibility;

	@Autowired
	EquipmentManagement equipment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	EquipmentRegisterSource register;

	@Autowired
	TransactionTemplate transactions;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	UUID institution(String user) {
		return this.users.actingAs(user, (Supplier<UUID>) () -> this.identity.currentUser().institutionId());
	}

	static Map<String, Object> unit(String kind, String serial, String status) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", kind);
		body.put("registrationNumber", "国械注进20173301234");
		body.put("manufacturer", "西门子医疗");
		body.put("model", "Artis zee");
		body.put("serialNumber", serial);
		body.put("installedOn", "2020-05-01");
		body.put("status", status);
		body.put("location", "介入手术室 1");
		return body;
	}

	long audited(String action, String entityId) {
		return this.jdbc.sql("select count(*) from audit.entry where action = ? and entity_id = ?")
			.params(action, entityId)
			.query(Long.class)
			.single();
	}

	@Test
	void refusesBadInputNamingTheFieldAndSavesNothingThenCreatesAndUpdatesAudited() {
		Api clerk = as("songjiang-clerk");
		Map<String, Object> bad = unit("DSA", "BAD-1", "IN_SERVICE");
		bad.put("registrationNumber", "国械注准123");
		bad.put("model", " ");
		bad.put("installedOn", TODAY.plusDays(1).toString());
		Response refused = clerk.post("/api/equipment", bad);
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("INVALID_EQUIPMENT");
		assertThat(refused.body().get("detail").asString()).contains("注册证编号", "型号不能为空", "安装日期");
		List<String> fields = new ArrayList<>();
		refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("registrationNumber", "model", "installedOn");
		Map<String, Object> unknownKind = unit("TIME_MACHINE", "BAD-2", "IN_SERVICE");
		Response unknown = clerk.post("/api/equipment", unknownKind);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");
		assertThat(this.jdbc.sql("select count(*) from equipment.unit where serial_number like 'BAD-%'")
			.query(Long.class)
			.single()).isZero();

		Response created = clerk.post("/api/equipment", unit("CT", "CT-EIT-1", "IN_SERVICE"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		assertThat(created.body().get("kindLabel").asString()).isEqualTo("CT");
		assertThat(created.body().get("usable").asBoolean()).isTrue();
		Response duplicate = clerk.post("/api/equipment", unit("CT", "CT-EIT-1", "IN_SERVICE"));
		assertThat(duplicate.status()).isEqualTo(422);
		assertThat(duplicate.body().get("errors").get(0).get("field").asString()).isEqualTo("serialNumber");

		Map<String, Object> change = unit("CT", "CT-EIT-1", "UNDER_REPAIR");
		change.put("version", created.body().get("version").asLong());
		Response updated = clerk.put("/api/equipment/" + id, change);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.body().get("statusLabel").asString()).isEqualTo("维修中");
		assertThat(updated.body().get("notCounted").asString()).isEqualTo("维修中");
		Response stale = clerk.put("/api/equipment/" + id, change);
		assertThat(stale.status()).isEqualTo(409);

		Response badSchedule = clerk.post("/api/equipment/" + id + "/schedules",
				Map.of("kind", "MAINTENANCE", "item", "季度保养", "intervalMonths", 0));
		assertThat(badSchedule.status()).isEqualTo(422);
		assertThat(badSchedule.body().get("errors").get(0).get("field").asString()).isEqualTo("intervalMonths");
		assertThat(this.jdbc.sql("select count(*) from equipment.schedule where unit_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();

		assertThat(audited("EQUIPMENT_CREATED", id)).isEqualTo(1);
		assertThat(audited("EQUIPMENT_STATUS_CHANGED", id)).isEqualTo(1);
	}

	@Test
	void keepsEveryoneToTheirScope() {
		UUID songjiang = institution("songjiang-clerk");
		Response created = as("songjiang-clerk").post("/api/equipment", unit("ULTRASOUND", "US-SCOPE-1", "IN_SERVICE"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		Api other = as("ccszx-clerk");
		assertThat(other.get("/api/equipment?institutionId=" + songjiang).status()).isEqualTo(403);
		assertThat(other.get("/api/equipment/" + id).status()).isEqualTo(403);
		assertThat(other.post("/api/equipment?institutionId=" + songjiang, unit("CT", "X-1", "IN_SERVICE")).status())
			.isEqualTo(403);
		Map<String, Object> change = unit("ULTRASOUND", "US-SCOPE-1", "SCRAPPED");
		change.put("version", 0);
		assertThat(other.put("/api/equipment/" + id, change).status()).isEqualTo(403);
		// 南关区 does not cover 松江 (朝阳区); 长春市 reads it but may not change it
		assertThat(as("nanguan").get("/api/equipment?institutionId=" + songjiang).status()).isEqualTo(403);
		Response city = as("changchun").get("/api/equipment?institutionId=" + songjiang);
		assertThat(city.status()).isEqualTo(200);
		assertThat(city.body().get("canEdit").asBoolean()).isFalse();
		assertThat(as("changchun").put("/api/equipment/" + id, change).status()).isEqualTo(403);
		assertThat(as("expert1").get("/api/equipment?institutionId=" + songjiang).status()).isEqualTo(403);
		assertThat(as("changchun").get("/api/equipment/overview").body().toString()).contains(songjiang.toString());
		assertThat(as("songjiang-clerk").get("/api/equipment/" + id).body().get("version").asLong()).isZero();
	}

	@Test
	void outOfServiceOrOverdueEquipmentMakesTheClauseNotMetAndRaisesAlertsUntilResolved() {
		UUID songjiang = institution("songjiang-clerk");
		Api clerk = as("songjiang-clerk");
		Api province = as("province");
		// declared: 2 DSA; before any DSA is registered the declared count stands
		assertThat(clause(songjiang).status()).isEqualTo("MET");
		EligibilityMatrix.Row before = matrixRow(songjiang);
		assertThat(failing(before)).doesNotContain(DSA_CLAUSE);

		Response created = clerk.post("/api/equipment", unit("DSA", "DSA-EIT-1", "IN_SERVICE"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		EligibilityReport.ClauseResult met = clause(songjiang);
		assertThat(met.status()).isEqualTo("MET");
		assertThat(met.explanation()).contains("DSA）：按设备登记计在用且无逾期 1 台");

		// a G08 filing in effect, then the only DSA out of service
		Map<String, Object> prior = new LinkedHashMap<>();
		prior.put("institutionId", songjiang.toString());
		prior.put("technology", "G08");
		prior.put("approvedOn", "2022-03-01");
		prior.put("documentNo", "吉卫医备〔2022〕G08号");
		Response filed = province.post("/api/filings/prior", prior);
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		long version = created.body().get("version").asLong();
		version = setStatus(clerk, id, "OUT_OF_SERVICE", version);
		EligibilityReport.ClauseResult notMet = clause(songjiang);
		assertThat(notMet.status()).isEqualTo("NOT_MET");
		assertThat(notMet.explanation()).contains("未计入 1 台：Artis zee（序列号 DSA-EIT-1）（停用）");
		assertThat(failing(matrixRow(songjiang))).as("the cached matrix follows the register").contains(DSA_CLAUSE);
		refresh(province);
		JsonNode alert = equipmentAlert(province, "EQUIPMENT", "停用");
		assertThat(alert.get("status").asString()).isEqualTo("OPEN");
		assertThat(alert.get("message").asString()).contains("肿瘤消融治疗技术");

		version = setStatus(clerk, id, "IN_SERVICE", version);
		assertThat(clause(songjiang).status()).isEqualTo("MET");
		assertThat(failing(matrixRow(songjiang))).doesNotContain(DSA_CLAUSE);
		refresh(province);
		assertThat(equipmentAlert(province, "EQUIPMENT", "停用").get("status").asString()).isEqualTo("CLOSED");

		// maintenance due yesterday and not recorded: overdue, not counted
		Response scheduled = clerk.post("/api/equipment/" + id + "/schedules", Map.of("kind", "MAINTENANCE", "item",
				"季度保养", "intervalMonths", 3, "firstDue", TODAY.minusDays(1).toString()));
		assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
		assertThat(scheduled.body().get("overdue").asBoolean()).isTrue();
		EligibilityReport.ClauseResult overdue = clause(songjiang);
		assertThat(overdue.status()).isEqualTo("NOT_MET");
		assertThat(overdue.explanation()).contains("维护保养「季度保养」逾期（应于 " + TODAY.minusDays(1) + " 前完成）");
		refresh(province);
		assertThat(equipmentAlert(province, "EQUIPMENT", "维护保养逾期").get("status").asString()).isEqualTo("OPEN");

		String scheduleId = scheduled.body().get("schedules").get(0).get("id").asString();
		Response future = clerk.post("/api/equipment/" + id + "/schedules/" + scheduleId + "/records",
				Map.of("performedOn", TODAY.plusDays(1).toString(), "performedBy", "设备科 张工", "result", "QUALIFIED"));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.body().get("errors").get(0).get("field").asString()).isEqualTo("performedOn");
		Response recorded = clerk.post("/api/equipment/" + id + "/schedules/" + scheduleId + "/records",
				Map.of("performedOn", TODAY.toString(), "performedBy", "设备科 张工", "result", "QUALIFIED"));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
		assertThat(recorded.body().get("schedules").get(0).get("nextDue").asString())
			.isEqualTo(TODAY.plusMonths(3).toString());
		assertThat(clause(songjiang).status()).isEqualTo("MET");
		refresh(province);
		assertThat(equipmentAlert(province, "EQUIPMENT", "维护保养逾期").get("status").asString()).isEqualTo("CLOSED");
	}

	/**
	 * A 不合格 safety test stops the unit counting until a re-test is 合格 (S04 三(九)2,
	 * docs/equipment.md); the what-if headline quotes the register's usable count, not
	 * the count declared in the institution record (3 CT). Before, the failed unit
	 * counted and the headline read "登记 3 台".
	 */
	@Test
	void aFailedSafetyTestStopsTheUnitCountingAndTheWhatIfHeadlineQuotesTheRegister() {
		UUID songjiang = institution("songjiang-clerk");
		Api clerk = as("songjiang-clerk");
		Response first = clerk.post("/api/equipment", unit("MRI", "MRI-FAIL-1", "IN_SERVICE"));
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		Response second = clerk.post("/api/equipment", unit("MRI", "MRI-FAIL-2", "IN_SERVICE"));
		assertThat(second.status()).as(second.text()).isEqualTo(201);
		String id = second.body().get("id").asString();
		Response scheduled = clerk.post("/api/equipment/" + id + "/schedules", Map.of("kind", "SAFETY_TEST", "item",
				"年度环境安全检测", "intervalMonths", 12, "firstDue", TODAY.plusDays(30).toString()));
		assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
		String scheduleId = scheduled.body().get("schedules").get(0).get("id").asString();
		Response failed = clerk.post("/api/equipment/" + id + "/schedules/" + scheduleId + "/records",
				Map.of("performedOn", TODAY.toString(), "performedBy", "第三方检测机构", "result", "UNQUALIFIED"));
		assertThat(failed.status()).as(failed.text()).isEqualTo(201);
		assertThat(this.register.units(songjiang, TODAY))
			.filteredOn(u -> u.kind().equals("MRI") && u.name().contains("MRI-FAIL-2"))
			.singleElement()
			.satisfies(u -> assertThat(u.notCounted()).contains("结果不合格"));

		Response whatIf = as("province").post("/api/what-if/scenarios",
				Map.of("kind", "EQUIPMENT_OUT_OF_SERVICE", "institutionId", songjiang, "equipmentCode", "MRI"));
		assertThat(whatIf.status()).as(whatIf.text()).isEqualTo(200);
		assertThat(whatIf.body().get("description").asString()).contains("停用 1 台", "设备登记可用 1 台", "另有 1 台不可用未计入",
				"停用后 0 台");

		Response retest = clerk.post("/api/equipment/" + id + "/schedules/" + scheduleId + "/records",
				Map.of("performedOn", TODAY.toString(), "performedBy", "第三方检测机构", "result", "QUALIFIED", "note", "复检"));
		assertThat(retest.status()).as(retest.text()).isEqualTo(201);
		assertThat(this.register.units(songjiang, TODAY)).filteredOn(u -> u.kind().equals("MRI"))
			.allSatisfy(u -> assertThat(u.usable()).isTrue());
	}

	@Test
	void publishesEligibilityFactsChangedOnEveryChange() {
		UUID songjiang = institution("songjiang-clerk");
		this.transactions.executeWithoutResult(status -> this.users.actingAs("songjiang-clerk",
				() -> this.equipment.create(null, new EquipmentInput("MONITOR", null, "迈瑞", "BeneView T8", "MON-EV-1",
						LocalDate.of(2021, 1, 1), EquipmentStatus.IN_SERVICE, null, null, null))));
		assertThat(this.events.stream(EligibilityFactsChanged.class))
			.anyMatch(e -> e.institutionId().equals(songjiang));
	}

	@Test
	void checksUploadsWithTheFilingPolicyAndKeepsHyperthermiaDocuments() {
		Api clerk = as("songjiang-clerk");
		Map<String, Object> machine = unit("HYPERTHERMIA_DEEP", "HT-EIT-1", "IN_SERVICE");
		machine.put("manufacturer", "某热疗设备有限公司");
		machine.put("model", "HG-2000");
		Response created = clerk.post("/api/equipment", machine);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		assertThat(created.body().get("missingDocuments").toString()).contains("热分布图", "生产企业环境安全检测报告");
		Response notPdf = clerk.multipart("/api/equipment/" + id + "/attachments",
				List.of(Map.entry("purpose", "HEAT_DISTRIBUTION_MAP")), "file", "map.pdf",
				"not a pdf".getBytes(StandardCharsets.UTF_8));
		assertThat(notPdf.status()).isEqualTo(415);
		assertThat(notPdf.body().get("code").asString()).isEqualTo("UNSUPPORTED_FILE_TYPE");
		byte[] pdf = "%PDF-1.4\n% heat map\n".getBytes(StandardCharsets.US_ASCII);
		Response attached = clerk.multipart("/api/equipment/" + id + "/attachments",
				List.of(Map.entry("purpose", "HEAT_DISTRIBUTION_MAP")), "file", "热分布图.pdf", pdf);
		assertThat(attached.status()).as(attached.text()).isEqualTo(201);
		assertThat(attached.body().get("missingDocuments").toString()).doesNotContain("热分布图").contains("生产企业环境安全检测报告");
		String attachmentId = attached.body().get("attachments").get(0).get("id").asString();
		StoredAttachment stored = this.users.actingAs("changchun", (Supplier<StoredAttachment>) () -> this.equipment
			.attachment(UUID.fromString(id), UUID.fromString(attachmentId)));
		assertThat(stored.content()).isEqualTo(pdf);
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(audited("EQUIPMENT_ATTACHMENT_DOWNLOADED", id)).isEqualTo(1);

		Response ct = clerk.post("/api/equipment", unit("CT", "CT-EIT-9", "IN_SERVICE"));
		Response wrongKind = clerk.multipart("/api/equipment/" + ct.body().get("id").asString() + "/attachments",
				List.of(Map.entry("purpose", "HEAT_DISTRIBUTION_MAP")), "file", "map.pdf", pdf);
		assertThat(wrongKind.status()).isEqualTo(422);
		assertThat(wrongKind.body().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
	}

	long setStatus(Api clerk, String id, String status, long version) {
		Map<String, Object> change = unit("DSA", "DSA-EIT-1", status);
		change.put("version", version);
		Response updated = clerk.put("/api/equipment/" + id, change);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		return updated.body().get("version").asLong();
	}

	EligibilityReport.ClauseResult clause(UUID institution) {
		return clauseOf(institution, DSA_CLAUSE);
	}

	EligibilityReport.ClauseResult clauseOf(UUID institution, String citation) {
		return this.users
			.actingAs("songjiang-clerk",
					(Supplier<EligibilityReport>) () -> this.eligibility.institutionReport(institution, "G08", false,
							null))
			.clauses()
			.stream()
			.filter(c -> c.citation().endsWith(citation))
			.findFirst()
			.orElseThrow();
	}

	EligibilityMatrix.Row matrixRow(UUID institution) {
		return this.users
			.actingAs("songjiang-clerk",
					(Supplier<EligibilityMatrix>) () -> this.eligibility.institutionMatrix(institution, null))
			.rows()
			.stream()
			.filter(r -> r.technology().equals("G08"))
			.findFirst()
			.orElseThrow();
	}

	static List<String> failing(EligibilityMatrix.Row row) {
		return row.failing()
			.stream()
			.map(EligibilityMatrix.Failing::citation)
			.filter(c -> c.endsWith(DSA_CLAUSE))
			.map(c -> DSA_CLAUSE)
			.toList();
	}

	static void refresh(Api province) {
		Response refreshed = province.post("/api/alerts/refresh", Map.of());
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		assertThat(refreshed.body().get("failures").size()).as(refreshed.text()).isZero();
	}

	static JsonNode equipmentAlert(Api api, String kind, String titleContains) {
		Response response = api.get("/api/alerts?size=100&kind=" + kind);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		for (JsonNode alert : response.body().get("items")) {
			if (alert.get("title").asString().contains(titleContains)) {
				return alert;
			}
		}
		throw new AssertionError("no " + kind + " alert with “" + titleContains + "” in " + response.text());
	}

}
