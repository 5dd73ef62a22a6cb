package cn.rtms.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case registry over HTTP with the demo users, demo institutions and the demo filings
 * (吉林省松江肿瘤医院 holds an active G08 filing from today; 长春市中心医院's G08 filing was returned, so
 * its G08 cases are 未备案开展).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
class CaseApiIT {

	static final LocalDate TODAY = TestClock.today();

	/** GS1's example GTIN with lot, expiring 2030-12-31; the serial (AI 21) follows. */
	static final String DEVICE = "(01)09506000134352(17)301231(10)LOT7(21)";

	/**
	 * Valid GB 11643 numbers (check digits computed) and one with a wrong check digit.
	 */
	static final String ID_MALE_1965 = "220104196503151230";

	static final String ID_WRONG_CHECK = "220104196503151231";

	@LocalServerPort
	int port;

	private static int counter;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	String personId(Api api, String name) {
		Response found = api.get("/api/people?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	static synchronized String nextRecordNo() {
		return "BA" + (++counter) + "-" + System.nanoTime() % 100000;
	}

	/** A complete G08 thyroid ablation case. */
	static Map<String, Object> ablation(String operatorId, String recordNo) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organ", "THYROID");
		fields.put("lesionsPlanned", 1);
		fields.put("lesionsCompleted", 1);
		fields.put("preOpPathology", true);
		fields.put("thyroidPathology", "BENIGN");
		fields.put("thyroidLargestDiameterMm", 18.5);
		fields.put("ptaPercent", 86.5);
		fields.put("organFunctionImpaired", false);
		fields.put("ecog", 0);
		fields.put("asaClass", "II");
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("name", "张三丰");
		patient.put("idNumber", ID_MALE_1965);
		patient.put("phone", "13812345678");
		patient.put("sex", "M");
		patient.put("birthDate", "1965-03-15");
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("technology", "G08");
		c.put("subTechnique", "RFA");
		c.put("route", "PERCUTANEOUS");
		c.put("procedureCodes", List.of("06.3100x001"));
		c.put("medicalRecordNo", recordNo);
		c.put("inpatientNo", "ZY" + recordNo);
		c.put("patient", patient);
		c.put("admissionDate", TODAY.minusDays(2).toString());
		c.put("operationDate", TODAY.toString());
		c.put("department", "超声介入科");
		c.put("operatorId", operatorId);
		c.put("informedConsent", true);
		c.put("dischargeStatus", "ORDERED");
		c.put("fields", fields);
		c.put("devices", List.of());
		return c;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> fields(Map<String, Object> c) {
		return (Map<String, Object>) c.get("fields");
	}

	static String created(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.body().get("status").asString()).isEqualTo("DRAFT");
		return response.body().get("id").asString();
	}

	static List<String> flags(JsonNode view) {
		List<String> codes = new ArrayList<>();
		view.get("flags").forEach(f -> codes.add(f.get("code").asString()));
		return codes;
	}

	@Test
	void servesTheFormOfEachTechnologyWithCommonFieldsAndCodeList() {
		Api clerk = as("songjiang-clerk");
		Response all = clerk.get("/api/case-forms");
		assertThat(all.status()).as(all.text()).isEqualTo(200);
		assertThat(all.body().size()).isEqualTo(10);
		Response g08 = clerk.get("/api/case-forms/G08?date=" + TODAY);
		assertThat(g08.status()).as(g08.text()).isEqualTo(200);
		assertThat(g08.body().at("/form/key").asString()).isEqualTo("G08-2023");
		assertThat(g08.body().get("procedureCodes").size()).isEqualTo(41);
		assertThat(g08.body().get("subTechniques").toString()).contains("RFA", "射频消融");
		assertThat(g08.body().get("commonFields").toString()).contains("medicalRecordNo", "operator", "PERSON");
		assertThat(clerk.get("/api/case-forms/G08?date=2022-06-01").body().at("/form/key").asString())
			.isEqualTo("G08-2022");
		assertThat(clerk.get("/api/case-forms/S04?date=2020-01-01").body().at("/form/key").asString())
			.isEqualTo("S04-2017");
		Response unknown = clerk.get("/api/case-forms/X99");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().get("code").asString()).isEqualTo("UNKNOWN_CASE_FORM");
	}

	@Test
	void submitFlagsUnauthorizedOperatorNoConsentNoPathologyExpiredDeviceAndCodeOutsideTheList() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		Map<String, Object> c = ablation(operator, nextRecordNo());
		c.put("informedConsent", false);
		c.put("procedureCodes", List.of("06.3100x001", "99. 2900"));
		fields(c).put("preOpPathology", false);
		fields(c).put("lesionsPlanned", 0);
		fields(c).put("lesionsCompleted", 0);
		c.put("devices", List.of(Map.of("scanned", "(01)09506000134352(17)200101(10)OLD1(21)EXP1", "name", "射频消融针")));
		String id = created(clerk.post("/api/cases", c));
		JsonNode draft = clerk.get("/api/cases/" + id).body();
		assertThat(draft.get("flags").size()).isZero();
		assertThat(draft.at("/patient/name").asString()).isEqualTo("张三丰");
		assertThat(draft.at("/patient/idNumberMasked").asString()).isEqualTo("220***********1230");
		assertThat(draft.at("/patient/phoneMasked").asString()).isEqualTo("138****5678");
		assertThat(draft.at("/devices/0/expired").asBoolean()).isTrue();
		assertThat(draft.get("procedureCodes").toString()).contains("99.2900");

		Response unconfirmed = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));
		assertThat(unconfirmed.status()).as(unconfirmed.text()).isEqualTo(422);
		assertThat(unconfirmed.body().get("code").asString()).isEqualTo("CASE_WARNINGS_UNCONFIRMED");
		assertThat(unconfirmed.body().get("warnings").toString()).contains("ZERO_LESIONS");

		Response submitted = clerk.post("/api/cases/" + id + "/submit",
				Map.of("version", 0, "confirmedWarnings", List.of("ZERO_LESIONS")));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		JsonNode view = submitted.body();
		assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(flags(view)).containsExactlyInAnyOrder("UNAUTHORIZED", "NO_CONSENT", "NO_PREOP_PATHOLOGY",
				"DEVICE_EXPIRED", "CODE_NOT_IN_SPEC");
		assertThat(view.get("flags").toString()).contains("未授权", "99.2900");
		assertThat(view.get("confirmedWarnings").toString()).contains("ZERO_LESIONS");

		JsonNode list = clerk.get("/api/cases?flag=NO_PREOP_PATHOLOGY").body();
		assertThat(list.get("items").toString()).contains(id, "张**");

		Response again = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 1));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("code").asString()).isEqualTo("CASE_NOT_EDITABLE");

		Response trail = as("admin").get("/api/audit?entityType=CaseReport&entityId=" + id);
		assertThat(trail.text()).contains("CASE_CREATED", "CASE_SUBMITTED").doesNotContain("张三丰", ID_MALE_1965);
	}

	@Test
	void pendingFilingUnfiledInstitutionAndOperatorOutsideTheScopeOfTheGrant() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String liu = personId(clerk, "刘建国");
		Response applied = clerk.post("/api/authorizations",
				Map.of("personId", liu, "technology", "G08", "subTechniques", List.of("RFA"), "validFrom",
						TODAY.toString(), "validUntil", TODAY.plusYears(2).toString()));
		assertThat(applied.status()).as(applied.text()).isEqualTo(201);
		Response granted = admin.post("/api/authorizations/" + applied.body().get("id").asString() + "/grant",
				Map.of("version", 0));
		assertThat(granted.status()).as(granted.text()).isEqualTo(200);

		Map<String, Object> covered = ablation(liu, nextRecordNo());
		String coveredId = created(clerk.post("/api/cases", covered));
		JsonNode first = clerk.post("/api/cases/" + coveredId + "/submit", Map.of("version", 0)).body();
		assertThat(flags(first)).as("返回补充的备案在首例后按时提交：仅提示").containsExactly("FILING_PENDING");
		assertThat(first.get("flags").get(0).get("blocking").asBoolean()).isFalse();

		Map<String, Object> outside = ablation(liu, nextRecordNo());
		outside.put("subTechnique", "MWA");
		outside.put("procedureCodes", List.of("06.3100x002"));
		String outsideId = created(clerk.post("/api/cases", outside));
		JsonNode second = clerk.post("/api/cases/" + outsideId + "/submit", Map.of("version", 0)).body();
		assertThat(flags(second)).containsExactlyInAnyOrder("FILING_PENDING", "OUT_OF_SCOPE");
		assertThat(second.get("flags").toString()).contains("超范围");

		Response check = clerk.post("/api/cases/check", Map.of("case", ablation(liu, nextRecordNo())));
		assertThat(check.status()).as(check.text()).isEqualTo(200);
		assertThat(check.body().get("errors").size()).isZero();
		assertThat(check.body().get("findings").toString()).contains("FILING_PENDING");

		Api jiangcheng = as("jiangcheng-clerk");
		String wu = personId(jiangcheng, "吴国庆");
		String draftFiled = created(jiangcheng.post("/api/cases", ablation(wu, nextRecordNo())));
		JsonNode unfiled = jiangcheng.post("/api/cases/" + draftFiled + "/submit", Map.of("version", 0)).body();
		assertThat(flags(unfiled)).as("备案只是草稿：未备案开展").containsExactlyInAnyOrder("UNFILED", "UNAUTHORIZED");
		assertThat(unfiled.get("flags").toString()).contains("未备案开展");

		// other tests sharing this database grant 刘建国 G08 themselves
		Response revoked = admin.post("/api/authorizations/" + applied.body().get("id").asString() + "/revoke",
				Map.of("version", 1, "reason", "测试结束，撤销授权"));
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
	}

	@Test
	void refusesWrongValuesOnSaveAndMissingOnesOnSubmit() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String nurse = personId(clerk, "宋佳");
		String foreign = personId(as("ccszx-clerk"), "王淑华");
		Map<String, Object> wrong = ablation(operator, nextRecordNo());
		wrong.put("admissionDate", TODAY.plusDays(1).toString());
		wrong.put("dischargeDate", TODAY.minusDays(5).toString());
		wrong.put("assistantIds", List.of(foreign));
		wrong.put("deathDate", TODAY.minusDays(9).toString());
		@SuppressWarnings("unchecked")
		Map<String, Object> patient = (Map<String, Object>) wrong.get("patient");
		patient.put("idNumber", ID_WRONG_CHECK);
		fields(wrong).put("ecog", 7);
		fields(wrong).put("organ", "HEART");
		fields(wrong).put("colour", "red");
		wrong.put("complications",
				List.of(Map.of("name", "出血", "onsetDate", TODAY.minusDays(1).toString(), "grade", "VI"),
						Map.of("name", "吻合口瘘", "grade", "III", "type", "ANASTOMOTIC_LEAK", "serious", true)));
		Response refused = clerk.post("/api/cases", wrong);
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("CASE_INVALID");
		assertThat(codes(refused.body().get("errors"))).contains("admissionDate FUTURE_DATE",
				"operationDate DATE_ORDER", "dischargeDate DATE_ORDER", "deathDate DATE_ORDER",
				"assistantIds[0] NOT_OF_INSTITUTION", "patient.idNumber INVALID_ID_NUMBER", "fields.ecog OUT_OF_RANGE",
				"fields.organ INVALID_CHOICE", "fields.colour UNKNOWN_FIELD", "complications[0].grade INVALID_CHOICE",
				"complications[0].onsetDate DATE_ORDER", "complications[1].type INVALID_CHOICE");
		assertThat(refused.body().get("errors").toString())
			.contains("第 2 项并发症的类型“ANASTOMOTIC_LEAK”不在病例表单 G08-2023 的并发症类型中");
		assertThat(refused.body().get("errors").toString()).contains("末位应为 0");

		Map<String, Object> nurseOperates = ablation(nurse, nextRecordNo());
		Response notPhysician = clerk.post("/api/cases", nurseOperates);
		assertThat(notPhysician.status()).isEqualTo(422);
		assertThat(notPhysician.body().get("errors").toString()).contains("NOT_A_PHYSICIAN");

		Map<String, Object> incomplete = new LinkedHashMap<>();
		incomplete.put("technology", "G08");
		incomplete.put("medicalRecordNo", nextRecordNo());
		incomplete.put("fields", Map.of("organ", "THYROID"));
		String id = created(clerk.post("/api/cases", incomplete));
		Response missing = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));
		assertThat(missing.status()).as(missing.text()).isEqualTo(422);
		assertThat(codes(missing.body().get("errors")))
			.contains("patient.name REQUIRED", "patient.sex REQUIRED", "subTechnique REQUIRED",
					"admissionDate REQUIRED", "operationDate REQUIRED", "department REQUIRED", "operatorId REQUIRED",
					"informedConsent REQUIRED", "fields.ecog REQUIRED", "fields.asaClass REQUIRED",
					"fields.preOpPathology REQUIRED", "fields.thyroidLargestDiameterMm REQUIRED",
					"fields.ptaPercent REQUIRED", "fields.organFunctionImpaired REQUIRED",
					"fields.thyroidPathology REQUIRED")
			.doesNotContain("fields.childPugh REQUIRED");
		assertThat(missing.body().get("errors").toString()).contains("凝血酶原活动度（PTA）不能为空", "存在器官功能障碍不能为空");
		assertThat(missing.body().get("errors").toString()).contains("器官）为甲状腺时必填");

		Map<String, Object> longStay = ablation(operator, nextRecordNo());
		longStay.put("admissionDate", TODAY.minusDays(70).toString());
		longStay.put("operationDate", TODAY.minusDays(69).toString());
		longStay.put("dischargeDate", TODAY.toString());
		String longId = created(clerk.post("/api/cases", longStay));
		Response warned = clerk.post("/api/cases/" + longId + "/submit", Map.of("version", 0));
		assertThat(warned.status()).isEqualTo(422);
		assertThat(warned.body().get("warnings").toString()).contains("LONG_STAY", "住院 70 天");
	}

	static boolean absent(JsonNode node) {
		return node.isMissingNode() || node.isNull();
	}

	static List<String> codes(JsonNode errors) {
		List<String> codes = new ArrayList<>();
		errors.forEach(e -> codes.add(e.get("field").asString() + " " + e.get("code").asString()));
		return codes;
	}

	@Test
	void rejectsDuplicatesNamingTheExistingCase() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String recordNo = nextRecordNo();
		String id = created(clerk.post("/api/cases", ablation(operator, recordNo)));
		Response duplicate = clerk.post("/api/cases", ablation(operator, recordNo));
		assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(409);
		assertThat(duplicate.body().get("code").asString()).isEqualTo("DUPLICATE_CASE");
		assertThat(duplicate.body().get("existingId").asString()).isEqualTo(id);
		assertThat(duplicate.body().get("detail").asString()).contains(recordNo, id);
		Response check = clerk.post("/api/cases/check", Map.of("case", ablation(operator, recordNo)));
		assertThat(codes(check.body().get("errors"))).contains("medicalRecordNo DUPLICATE_CASE");
	}

	@Test
	void amendsSubmittedCasesOnlyWithAReasonKeepingBeforeAndAfter() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		Map<String, Object> c = ablation(operator, nextRecordNo());
		String id = created(clerk.post("/api/cases", c));
		Response stale = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 5));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("code").asString()).isEqualTo("STALE_EDIT");
		assertThat(clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0)).status()).isEqualTo(200);

		Response edit = clerk.put("/api/cases/" + id, Map.of("version", 1, "case", c));
		assertThat(edit.status()).isEqualTo(409);
		assertThat(edit.body().get("code").asString()).isEqualTo("CASE_NOT_EDITABLE");
		Response delete = clerk.delete("/api/cases/" + id + "?version=1");
		assertThat(delete.status()).isEqualTo(409);

		fields(c).put("contrastImaging1m", "COMPLETE");
		fields(c).put("localControl", true);
		@SuppressWarnings("unchecked")
		Map<String, Object> patient = (Map<String, Object>) c.get("patient");
		patient.put("name", "张三峰");
		Response noReason = clerk.post("/api/cases/" + id + "/amendments", Map.of("version", 1, "case", c));
		assertThat(noReason.status()).isEqualTo(400);
		Response amended = clerk.post("/api/cases/" + id + "/amendments",
				Map.of("version", 1, "reason", "术后1个月增强CT复查，补录增强影像结果", "case", c));
		assertThat(amended.status()).as(amended.text()).isEqualTo(200);
		assertThat(amended.body().get("amendmentCount").asInt()).isEqualTo(1);
		assertThat(amended.body().at("/fields/contrastImaging1m").asString()).isEqualTo("COMPLETE");
		JsonNode amendments = clerk.get("/api/cases/" + id + "/amendments").body();
		assertThat(amendments.size()).isEqualTo(1);
		assertThat(amendments.get(0).get("reason").asString()).contains("补录增强影像结果");
		assertThat(amendments.get(0).get("before").toString()).contains("fields").doesNotContain("contrastImaging1m");
		assertThat(amendments.get(0).get("after").toString()).contains("contrastImaging1m", "COMPLETE", "新值（加密保存）");
		assertThat(amendments.get(0).get("before").toString()).contains("patientName", "原值（加密保存）");
		assertThat(amendments.toString()).doesNotContain("张三丰", "张三峰");
		assertThat(amended.body().at("/patient/name").asString()).isEqualTo("张三峰");
		Response trail = as("admin").get("/api/audit?entityType=CaseReport&entityId=" + id);
		assertThat(trail.text()).contains("CASE_AMENDED", "补录增强影像结果");
		Response unchanged = clerk.post("/api/cases/" + id + "/amendments",
				Map.of("version", 2, "reason", "未改动，仅点击更正", "case", c));
		assertThat(unchanged.status()).as(unchanged.text()).isEqualTo(409);
		assertThat(unchanged.body().get("code").asString()).isEqualTo("CASE_UNCHANGED");
		assertThat(clerk.get("/api/cases/" + id + "/amendments").body().size()).as("no empty amendment recorded")
			.isEqualTo(1);

		Map<String, Object> draft = ablation(operator, nextRecordNo());
		String draftId = created(clerk.post("/api/cases", draft));
		Response amendDraft = clerk.post("/api/cases/" + draftId + "/amendments",
				Map.of("version", 0, "reason", "x", "case", draft));
		assertThat(amendDraft.status()).isEqualTo(409);
		draft.put("department", "肿瘤介入科");
		// the form gets the ID number and phone back masked only: leaving them out keeps
		// them
		@SuppressWarnings("unchecked")
		Map<String, Object> draftPatient = (Map<String, Object>) draft.get("patient");
		draftPatient.remove("idNumber");
		draftPatient.remove("phone");
		Response updated = clerk.put("/api/cases/" + draftId, Map.of("version", 0, "case", draft));
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.body().get("version").asInt()).isEqualTo(1);
		assertThat(updated.body().at("/patient/idNumberMasked").asString()).endsWith(ID_MALE_1965.substring(14));
		assertThat(updated.body().at("/patient/phoneMasked").asString()).endsWith("5678");
		assertThat(clerk.delete("/api/cases/" + draftId + "?version=0").status()).isEqualTo(409);
		assertThat(clerk.delete("/api/cases/" + draftId + "?version=1").status()).isEqualTo(204);
		assertThat(clerk.get("/api/cases/" + draftId).status()).isEqualTo(404);
	}

	@Test
	void otherHospitalsAreRefusedAndAuthoritiesSeeOnlyTheirRegionPseudonymised() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String id = created(clerk.post("/api/cases", ablation(operator, nextRecordNo())));
		clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));

		Response foreign = as("jiangcheng-clerk").get("/api/cases/" + id);
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(as("jiangcheng-clerk").get("/api/cases").body().get("items").toString()).doesNotContain(id);
		assertThat(as("jiangcheng-clerk").put("/api/cases/" + id, Map.of("version", 1, "case", Map.of())).status())
			.isEqualTo(403);

		Response city = as("changchun").get("/api/cases/" + id);
		assertThat(city.status()).as(city.text()).isEqualTo(200);
		assertThat(absent(city.body().at("/patient/name"))).isTrue();
		assertThat(absent(city.body().at("/patient/idNumberMasked"))).isTrue();
		assertThat(absent(city.body().at("/patient/phoneMasked"))).isTrue();
		String pseudonym = city.body().at("/patient/pseudonym").asString();
		assertThat(pseudonym).matches("P[0-9A-F]{12}");
		assertThat(city.text()).doesNotContain("张三丰", "1230");
		JsonNode cityList = as("changchun").get("/api/cases").body();
		assertThat(cityList.get("items").toString()).contains(id, pseudonym).doesNotContain("张");
		assertThat(as("meihekou").get("/api/cases/" + id).status()).isEqualTo(403);
		assertThat(as("meihekou").get("/api/cases").body().get("items").toString()).doesNotContain(id);
		assertThat(as("province").get("/api/cases/" + id).status()).isEqualTo(200);
		Response write = as("changchun").post("/api/cases", ablation(operator, nextRecordNo()));
		assertThat(write.status()).isEqualTo(403);
	}

	static long volume(Api api, String technology) {
		Response volumes = api.get("/api/cases/recent-volumes");
		assertThat(volumes.status()).as(volumes.text()).isEqualTo(200);
		for (JsonNode v : volumes.body()) {
			if (v.get("technology").asString().equals(technology)) {
				return v.get("cases").asLong();
			}
		}
		return 0;
	}

	@Test
	void recentVolumesCountTheSubmittedCasesOfTheCallersScopePerTechnology() {
		Api clerk = as("songjiang-clerk");
		long own = volume(clerk, "G08");
		long city = volume(as("changchun"), "G08");
		long other = volume(as("jiangcheng-clerk"), "G08");
		long meihekou = volume(as("meihekou"), "G08");
		String operator = personId(clerk, "高志远");
		String id = created(clerk.post("/api/cases", ablation(operator, nextRecordNo())));
		assertThat(volume(clerk, "G08")).as("a draft is not counted").isEqualTo(own);
		clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));

		assertThat(volume(clerk, "G08")).isEqualTo(own + 1);
		assertThat(volume(as("changchun"), "G08")).as("松江 lies in 长春市").isEqualTo(city + 1);
		assertThat(volume(as("jiangcheng-clerk"), "G08")).as("another hospital").isEqualTo(other);
		assertThat(volume(as("meihekou"), "G08")).as("another region").isEqualTo(meihekou);
		JsonNode all = clerk.get("/api/cases/recent-volumes").body();
		for (int i = 1; i < all.size(); i++) {
			assertThat(all.get(i - 1).get("cases").asLong()).as("most first")
				.isGreaterThanOrEqualTo(all.get(i).get("cases").asLong());
		}
		assertThat(as("expert1").get("/api/cases/recent-volumes").status()).isEqualTo(403);
	}

	@Test
	void authoritiesSeeWhatTheHospitalSubmittedNotItsDrafts() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String id = created(clerk.post("/api/cases", ablation(operator, nextRecordNo())));
		String today = "/api/cases?size=100&from=" + TODAY + "&to=" + TODAY;
		assertThat(clerk.get(today).body().get("items").toString()).contains(id);

		for (String authority : List.of("changchun", "province")) {
			assertThat(as(authority).get("/api/cases/" + id).status()).as(authority).isEqualTo(404);
			assertThat(as(authority).get(today).body().get("items").toString()).doesNotContain(id);
			JsonNode drafts = as(authority).get("/api/cases?status=DRAFT").body();
			assertThat(drafts.get("total").asLong()).as(authority).isZero();
		}
		assertThat(as("admin").get("/api/cases/" + id).status()).isEqualTo(200);

		clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));
		assertThat(as("changchun").get("/api/cases/" + id).status()).isEqualTo(200);
		assertThat(as("changchun").get(today).body().get("items").toString()).contains(id);
	}

	/**
	 * 病案号 and 住院号 by their beginning (LIKE's wildcards taken literally); a patient's ID
	 * number only by the hospital's own users, only in a request body (never in a URL),
	 * within their scope, each such search audited without the number.
	 */
	@Test
	void findsCasesByRecordNumberAndTheHospitalByThePatientsIdNumber() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String first17 = "22010419800101" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		String idNumber = first17 + cn.rtms.cases.domain.IdNumbers.checkCharacter(first17);
		String recordNo = "Q_" + nextRecordNo();
		Map<String, Object> c = ablation(operator, recordNo);
		@SuppressWarnings("unchecked")
		Map<String, Object> patient = (Map<String, Object>) c.get("patient");
		patient.put("idNumber", idNumber);
		patient.put("birthDate", "1980-01-01");
		patient.put("sex", (first17.charAt(16) - '0') % 2 == 1 ? "M" : "F");
		String id = created(clerk.post("/api/cases", c));
		clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));

		JsonNode byRecord = clerk.get("/api/cases?q=" + recordNo.substring(0, recordNo.length() - 2)).body();
		assertThat(byRecord.get("items").toString()).contains(id);
		assertThat(clerk.get("/api/cases?q=" + recordNo).body().get("total").asLong()).isEqualTo(1);
		assertThat(clerk.get("/api/cases?q=ZY" + recordNo).body().get("total").asLong()).as("住院号").isEqualTo(1);
		assertThat(clerk.get("/api/cases?q=Q%25").body().get("total").asLong()).as("% is a character, not a wildcard")
			.isZero();
		assertThat(clerk.get("/api/cases?q=Q" + "_".repeat(40)).status()).as("41 characters").isEqualTo(400);
		Response farPage = clerk.get("/api/cases?page=4300000&size=500");
		assertThat(farPage.status()).as("page × size beyond an int is an empty page, not an error").isEqualTo(200);
		assertThat(farPage.body().get("items")).isEmpty();
		assertThat(farPage.body().get("total").asLong()).isPositive();
		assertThat(as("changchun").get("/api/cases?q=" + recordNo).body().get("items").toString())
			.as("an authority over the hospital, by 病案号")
			.contains(id);

		Response inUrl = clerk.get("/api/cases?q=" + idNumber);
		assertThat(inUrl.status()).isEqualTo(400);
		assertThat(inUrl.body().get("detail").asString()).contains("POST /api/cases/search");
		Response byId = clerk.post("/api/cases/search", Map.of("q", idNumber, "size", 10));
		assertThat(byId.status()).as(byId.text()).isEqualTo(200);
		assertThat(byId.body().get("total").asLong()).isEqualTo(1);
		assertThat(byId.body().get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(clerk.post("/api/cases/search", Map.of("q", idNumber.toLowerCase(java.util.Locale.ROOT) + " "))
			.body()
			.get("total")
			.asLong()).as("typed with a small x or a space").isEqualTo(1);
		Response trail = as("admin").get("/api/audit?entityType=CaseReport&entityId=search");
		assertThat(trail.text()).contains("CASES_SEARCHED_BY_PATIENT_ID").doesNotContain(first17);

		assertThat(as("jiangcheng-clerk").post("/api/cases/search", Map.of("q", idNumber)).body().get("total").asLong())
			.as("another hospital finds none of this hospital's patients")
			.isZero();
		Response authority = as("changchun").post("/api/cases/search", Map.of("q", idNumber));
		assertThat(authority.status()).isEqualTo(400);
		assertThat(authority.body().get("detail").asString()).contains("只对医疗机构本院用户开放");
		char wrong = idNumber.charAt(17) == '1' ? '2' : '1';
		Response badCheck = clerk.post("/api/cases/search", Map.of("q", first17 + wrong));
		assertThat(badCheck.status()).isEqualTo(400);
		assertThat(badCheck.body().get("detail").asString()).contains("校验码");
	}

	@Test
	void theHospitalsOwnStaffReadTheFullPhoneToCallThePatientEachReadAudited() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String recordNo = nextRecordNo();
		String id = created(clerk.post("/api/cases", ablation(operator, recordNo)));
		clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));

		Response contact = clerk.get("/api/cases/" + id + "/patient-contact");
		assertThat(contact.status()).as(contact.text()).isEqualTo(200);
		assertThat(contact.body().get("name").asString()).isEqualTo("张三丰");
		assertThat(contact.body().get("phone").asString()).isEqualTo("13812345678");
		assertThat(contact.body().get("medicalRecordNo").asString()).isEqualTo(recordNo);
		Response trail = as("admin").get("/api/audit?entityType=CaseReport&entityId=" + id);
		assertThat(trail.text()).contains("PATIENT_CONTACT_VIEWED", recordNo).doesNotContain("13812345678");

		// another hospital, an authority over the hospital: refused, nothing audited for
		// them
		Response foreign = as("jiangcheng-clerk").get("/api/cases/" + id + "/patient-contact");
		assertThat(foreign.status()).isEqualTo(403);
		Response city = as("changchun").get("/api/cases/" + id + "/patient-contact");
		assertThat(city.status()).isEqualTo(403);
		assertThat(city.body().get("detail").asString()).contains("只有病例所属医疗机构");
		assertThat(city.text()).doesNotContain("1381234");
		assertThat(as("admin").get("/api/audit?entityType=CaseReport&entityId=" + id)
			.text()
			.split("PATIENT_CONTACT_VIEWED", -1)).as("one audited read").hasSize(2);
		assertThat(clerk.get("/api/cases/" + UUID.randomUUID() + "/patient-contact").status()).isEqualTo(404);
	}

	@Test
	void physiciansReadOnlyTheCasesTheyOperated() {
		Api clerk = as("ccszx-clerk");
		String wang = personId(clerk, "王淑华");
		String zhao = personId(clerk, "赵雨桐");
		String own = created(clerk.post("/api/cases", ablation(wang, nextRecordNo())));
		String other = created(clerk.post("/api/cases", ablation(zhao, nextRecordNo())));
		Api doctor = as("doctor-wang");
		Response mine = doctor.get("/api/cases/" + own);
		assertThat(mine.status()).as(mine.text()).isEqualTo(200);
		assertThat(mine.body().at("/patient/name").asString()).isEqualTo("张三丰");
		assertThat(doctor.get("/api/cases/" + other).status()).isEqualTo(403);
		assertThat(doctor.get("/api/cases/" + own + "/patient-contact").body().get("phone").asString())
			.isEqualTo("13812345678");
		assertThat(doctor.get("/api/cases/" + other + "/patient-contact").status()).isEqualTo(403);
		assertThat(doctor.get("/api/cases").body().get("items").toString()).contains(own).doesNotContain(other);
		assertThat(doctor.post("/api/cases", ablation(wang, nextRecordNo())).status()).isEqualTo(403);

		// a case he assisted in: read and listed too (his list: operated or assisted)
		Map<String, Object> assisting = ablation(zhao, nextRecordNo());
		assisting.put("assistantIds", List.of(wang));
		String assisted = created(clerk.post("/api/cases", assisting));
		assertThat(doctor.get("/api/cases/" + assisted).status()).isEqualTo(200);
		JsonNode listed = doctor.get("/api/cases?size=500").body();
		assertThat(listed.get("items").toString()).contains(own, assisted).doesNotContain(other);
		assertThat(as("doctor-wang").get("/api/cases?size=1").body().get("total").asLong())
			.isEqualTo(listed.get("total").asLong());
	}

	@Test
	void refusesASingleUseDeviceInASecondCaseNamingBothAndReadsScans() {
		Api clerk = as("songjiang-clerk");
		String operator = personId(clerk, "高志远");
		String serial = "U" + System.nanoTime();
		Map<String, Object> first = ablation(operator, nextRecordNo());
		first.put("devices", List.of(Map.of("scanned", DEVICE + serial, "registrationNo", "国械注准20213010001")));
		String firstId = created(clerk.post("/api/cases", first));
		Map<String, Object> second = ablation(operator, nextRecordNo());
		second.put("devices",
				List.of(Map.of("scanned", "]C1" + "0109506000134352" + "17301231" + "10LOT7<GS>21" + serial)));
		Response reused = clerk.post("/api/cases", second);
		assertThat(reused.status()).as(reused.text()).isEqualTo(409);
		assertThat(reused.body().get("code").asString()).isEqualTo("DEVICE_REUSED");
		assertThat(reused.body().get("existingCaseId").asString()).isEqualTo(firstId);
		assertThat(reused.body().get("detail").asString()).contains(firstId, (String) first.get("medicalRecordNo"),
				(String) second.get("medicalRecordNo"), serial);

		Map<String, Object> reusable = ablation(operator, nextRecordNo());
		reusable.put("devices", List.of(Map.of("scanned", DEVICE + serial, "singleUse", false)));
		assertThat(clerk.post("/api/cases", reusable).status()).isEqualTo(201);

		Response read = clerk.post("/api/devices/read", Map.of("scanned", DEVICE + serial));
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(read.body().get("gtin").asString()).isEqualTo("09506000134352");
		assertThat(read.body().get("serial").asString()).isEqualTo(serial);
		assertThat(read.body().get("expiryDate").asString()).isEqualTo("2030-12-31");
		assertThat(read.body().get("expired").asBoolean()).isFalse();
		Response broken = clerk.post("/api/devices/read", Map.of("scanned", "(01)09506000134353"));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body().get("code").asString()).isEqualTo("INVALID_BARCODE");
		assertThat(broken.body().get("detail").asString()).contains("校验");
	}

	/**
	 * A clerk of another hospital checks or saves a case with a single-use device
	 * 吉林省松江肿瘤医院 registered: he is told which hospital holds it, never that case's id or
	 * 病案号 (the check saves nothing, so it would otherwise look up other hospitals'
	 * medical-record numbers by GTIN and serial). A clerk of the same hospital still
	 * reads the case and its 病案号. Fails on the old code: the check and the 409 named the
	 * other hospital's case and 病案号, and the 409 carried its id.
	 */
	@Test
	void aSingleUseDeviceOfAnotherHospitalsCaseNamesOnlyThatHospital() {
		Api songjiang = as("songjiang-clerk");
		String serial = "X" + System.nanoTime();
		Map<String, Object> first = ablation(personId(songjiang, "高志远"), nextRecordNo());
		first.put("devices", List.of(Map.of("scanned", DEVICE + serial)));
		String firstId = created(songjiang.post("/api/cases", first));
		String firstRecordNo = (String) first.get("medicalRecordNo");

		Api other = as("ccszx-clerk");
		Map<String, Object> second = ablation(personId(other, "王淑华"), nextRecordNo());
		second.put("devices", List.of(Map.of("scanned", DEVICE + serial)));
		Response check = other.post("/api/cases/check", Map.of("case", second));
		assertThat(check.status()).as(check.text()).isEqualTo(200);
		JsonNode reuse = null;
		for (JsonNode error : check.body().get("errors")) {
			if ("DEVICE_REUSED".equals(error.get("code").asString())) {
				reuse = error;
			}
		}
		assertThat(reuse).as(check.text()).isNotNull();
		assertThat(reuse.get("field").asString()).isEqualTo("devices[0].scanned");
		assertThat(reuse.get("message").asString()).contains("该一次性使用器械已在其他医疗机构（吉林省松江肿瘤医院）的病例中登记", serial);
		assertThat(check.text()).doesNotContain(firstRecordNo).doesNotContain(firstId);

		Response refused = other.post("/api/cases", second);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.body().get("code").asString()).isEqualTo("DEVICE_REUSED");
		assertThat(refused.body().get("detail").asString()).contains("其他医疗机构（吉林省松江肿瘤医院）",
				(String) second.get("medicalRecordNo"));
		assertThat(refused.body().has("existingCaseId")).isFalse();
		assertThat(refused.text()).doesNotContain(firstRecordNo).doesNotContain(firstId);

		Map<String, Object> own = ablation(personId(songjiang, "高志远"), nextRecordNo());
		own.put("devices", List.of(Map.of("scanned", DEVICE + serial)));
		Response ownCheck = songjiang.post("/api/cases/check", Map.of("case", own));
		assertThat(ownCheck.status()).as(ownCheck.text()).isEqualTo(200);
		assertThat(ownCheck.body().get("errors").toString()).contains("DEVICE_REUSED", firstId, firstRecordNo);
	}

	/**
	 * The scanner field judges expiry against the form's operation date when it sends
	 * one, as the DEVICE_EXPIRED flag does (a case entered after the operation used a
	 * device still valid that day); without one, against today. A date that is no
	 * operation date (after today, before 1900) is refused. Fails on the old code: the
	 * date was ignored and the device read as expired.
	 */
	@Test
	void theScannerJudgesExpiryOnTheOperationDateItIsGiven() {
		Api clerk = as("songjiang-clerk");
		LocalDate expiry = TODAY.minusDays(20);
		String scanned = "(01)09506000134352(17)"
				+ expiry.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "(10)LOT7(21)E"
				+ System.nanoTime();
		Response today = clerk.post("/api/devices/read", Map.of("scanned", scanned));
		assertThat(today.status()).as(today.text()).isEqualTo(200);
		assertThat(today.body().get("expired").asBoolean()).isTrue();

		Response beforeExpiry = clerk.post("/api/devices/read",
				Map.of("scanned", scanned, "operationDate", expiry.minusDays(11).toString()));
		assertThat(beforeExpiry.status()).as(beforeExpiry.text()).isEqualTo(200);
		assertThat(beforeExpiry.body().get("expired").asBoolean()).isFalse();
		assertThat(clerk.post("/api/devices/read", Map.of("scanned", scanned, "operationDate", expiry.toString()))
			.body()
			.get("expired")
			.asBoolean()).as("valid on its expiry day").isFalse();
		assertThat(clerk
			.post("/api/devices/read", Map.of("scanned", scanned, "operationDate", expiry.plusDays(1).toString()))
			.body()
			.get("expired")
			.asBoolean()).isTrue();

		Response future = clerk.post("/api/devices/read",
				Map.of("scanned", scanned, "operationDate", TODAY.plusDays(1).toString()));
		assertThat(future.status()).as(future.text()).isEqualTo(400);
		assertThat(future.body().get("detail").asString()).contains("手术日期");
		assertThat(clerk.post("/api/devices/read", Map.of("scanned", scanned, "operationDate", "1899-12-31")).status())
			.isEqualTo(400);
		assertThat(clerk.post("/api/devices/read", Map.of("scanned", scanned, "operationDate", "2026-02-30")).status())
			.isEqualTo(400);
	}

}
