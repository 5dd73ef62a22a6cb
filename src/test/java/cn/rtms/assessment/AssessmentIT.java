package cn.rtms.assessment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capability assessments on the embedded PostgreSQL with hand-built cases of 吉林省松江肿瘤医院
 * (G08, first half of 2026, clock pinned to 2026-11-22): the figures of each section
 * worked out from the cases below, the snapshot unchanged by a later case, the scope of
 * every role and the audit entry of a save. Own context: it files G08 for the hospital
 * and adds cases other tests would count.
 *
 * <pre>
 * A 2026-02-10 高志远 clean, discharged, 6-month follow-up done           all fields filled
 * B 2026-03-05 高志远 未授权, serious complication IIIa, died 2026-03-20 in hospital (day 15),
 *              amended twice, 6-month follow-up cancelled by the death, one required field missing
 * C 2026-06-20 韩东   no consent, minor complication, not discharged, 6-month follow-up not yet due
 * D 2026-05-01 高志远 imported, 6-month follow-up due 2026-11-01 and not done (overdue)
 * outside: E 2026-07-02 (after the period), F at 长春市中心医院, G a draft
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=AssessmentIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentIT {

	static final LocalDate TODAY = TestClock.today();

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 6, 30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseForms forms;

	@Autowired
	AuditTrail audit;

	@Autowired
	IndicatorManagement indicators;

	String songjiang;

	String ccszx;

	String gao;

	String han;

	String wang;

	String filingId;

	CaseForm form;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	String id(Api api, String path) {
		Response found = api.get(path);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		assertThat(found.body().size()).as(found.text()).isEqualTo(1);
		return found.body().get(0).get("id").asString();
	}

	@BeforeAll
	void handBuiltCases() {
		Api province = as("province");
		this.songjiang = id(province, "/api/institutions?q=吉林省松江肿瘤医院");
		this.ccszx = id(province, "/api/institutions?q=长春市中心医院");
		this.gao = id(as("songjiang-clerk"), "/api/people?q=高志远");
		this.han = id(as("songjiang-clerk"), "/api/people?q=韩东");
		this.wang = id(as("ccszx-clerk"), "/api/people?q=王淑华");
		Map<String, Object> prior = new LinkedHashMap<>();
		prior.put("institutionId", this.songjiang);
		prior.put("technology", "G08");
		prior.put("approvedOn", TODAY.minusYears(3).toString());
		prior.put("documentNo", "吉卫医发〔2023〕88号");
		Response filing = province.post("/api/filings/prior", prior);
		assertThat(filing.status()).as(filing.text()).isEqualTo(201);
		this.filingId = filing.body().get("id").asString();
		this.form = this.forms.get("G08-2023");

		UUID a = insertCase(this.songjiang, "220104", "A", LocalDate.of(2026, 2, 10), this.gao, allFields(), "[]", "[]",
				LocalDate.of(2026, 2, 15), "ORDERED", null, "FORM", "SUBMITTED");
		followUp(a, "P6M", LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 12), "ALIVE", null);
		Map<String, Object> missingOne = allFields();
		missingOne.remove(firstRequired().key());
		UUID b = insertCase(this.songjiang, "220104", "B", LocalDate.of(2026, 3, 5), this.gao, missingOne,
				"[{\"name\":\"大出血\",\"grade\":\"IIIa\",\"type\":\"MAJOR_BLEEDING\",\"serious\":true}]",
				"[{\"code\":\"UNAUTHORIZED\",\"message\":\"术者未授权\"}]", LocalDate.of(2026, 3, 20), "DEATH",
				LocalDate.of(2026, 3, 20), "FORM", "SUBMITTED");
		followUp(b, "P6M", LocalDate.of(2026, 9, 5), null, null, LocalDate.of(2026, 3, 20));
		amend(b);
		amend(b);
		UUID c = insertCase(this.songjiang, "220104", "C", LocalDate.of(2026, 6, 20), this.han, allFields(),
				"[{\"name\":\"发热\",\"grade\":\"I\",\"serious\":false}]",
				"[{\"code\":\"NO_CONSENT\",\"message\":\"未记录知情同意\"}]", null, null, null, "FORM", "SUBMITTED");
		followUp(c, "P6M", LocalDate.of(2026, 12, 20), null, null, null);
		UUID d = insertCase(this.songjiang, "220104", "D", LocalDate.of(2026, 5, 1), this.gao, allFields(), "[]", "[]",
				LocalDate.of(2026, 5, 6), "ORDERED", null, "IMPORT", "SUBMITTED");
		followUp(d, "P6M", LocalDate.of(2026, 11, 1), null, null, null);
		insertCase(this.songjiang, "220104", "E", LocalDate.of(2026, 7, 2), this.gao, allFields(),
				"[{\"name\":\"出血\",\"grade\":\"IV\",\"serious\":true}]", "[]", null, null, null, "FORM", "SUBMITTED");
		insertCase(this.ccszx, regionOf(this.ccszx), "F", LocalDate.of(2026, 3, 1), null, allFields(), "[]",
				"[{\"code\":\"UNAUTHORIZED\",\"message\":\"术者未授权\"}]", null, null, null, "FORM", "SUBMITTED");
		insertCase(this.songjiang, "220104", "G", LocalDate.of(2026, 4, 1), this.gao, Map.of(),
				"[{\"name\":\"出血\",\"grade\":\"IV\",\"serious\":true}]", "[]", null, null, null, "FORM", "DRAFT");
	}

	String regionOf(String institution) {
		return this.jdbc.sql("select region_code from institutions.institution where id = :id")
			.param("id", UUID.fromString(institution))
			.query(String.class)
			.single();
	}

	CaseField firstRequired() {
		return this.form.fields()
			.stream()
			.filter(f -> f.required() && f.requiredWhen() == null)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Every field of the form filled (presence is what the record-quality section
	 * counts).
	 */
	Map<String, Object> allFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (CaseField f : this.form.fields()) {
			fields.put(f.key(), f.options().isEmpty() ? (Object) 1 : f.options().get(0).code());
		}
		return fields;
	}

	UUID insertCase(String institution, String region, String recordNo, LocalDate operated, String operator,
			Map<String, Object> fields, String complications, String flags, LocalDate discharged,
			String dischargeStatus, LocalDate death, String source, String status) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
		this.jdbc
			.sql("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
					    medical_record_no, patient_pseudonym, operation_date, admission_date, discharge_date, operator_id,
					    informed_consent, complications, death_date, discharge_status, form_data, flags, source,
					    created_at, created_by, updated_at, submitted_at, submitted_by)
					values (:id, :institution, :region, 'G08', 'G08-2023', :status, :recordNo, :pseudonym, :operated,
					    :operated, :discharged, :operator, true, cast(:complications as jsonb), :death, :dischargeStatus,
					    cast(:fields as jsonb), cast(:flags as jsonb), :source, :now, :by, :now, :submitted, :submittedBy)""")
			.param("id", id)
			.param("institution", UUID.fromString(institution))
			.param("region", region)
			.param("status", status)
			.param("recordNo", "AS-" + recordNo)
			.param("pseudonym", "P-" + recordNo)
			.param("operated", operated)
			.param("discharged", discharged)
			.param("operator", operator == null ? null : UUID.fromString(operator))
			.param("complications", complications)
			.param("death", death)
			.param("dischargeStatus", dischargeStatus)
			.param("fields", new Api(this.port).json().writeValueAsString(fields))
			.param("flags", flags)
			.param("source", source)
			.param("now", now)
			.param("by", UUID.randomUUID())
			.param("submitted", "SUBMITTED".equals(status) ? now : null)
			.param("submittedBy", "SUBMITTED".equals(status) ? UUID.randomUUID() : null)
			.update();
		return id;
	}

	void followUp(UUID caseId, String period, LocalDate due, LocalDate performed, String vital, LocalDate cancelled) {
		this.jdbc.sql("""
				insert into cases.follow_up (id, case_id, institution_id, label, period, due_date, performed_on, method,
				    vital_status, cancelled_on, cancel_reason)
				select :id, :case, institution_id, '术后6个月', :period, :due, :performed, :method, :vital, :cancelled,
				       :reason
				from cases.case_report where id = :case""")
			.param("id", UUID.randomUUID())
			.param("case", caseId)
			.param("period", period)
			.param("due", due)
			.param("performed", performed)
			.param("method", performed == null ? null : "PHONE")
			.param("vital", vital)
			.param("cancelled", cancelled)
			.param("reason", cancelled == null ? null : "患者死亡")
			.update();
	}

	void amend(UUID caseId) {
		this.jdbc.sql("""
				insert into cases.case_amendment (id, case_id, amended_at, amended_by, reason, before, after)
				values (:id, :case, now(), :by, '更正', '{}', '{}')""")
			.param("id", UUID.randomUUID())
			.param("case", caseId)
			.param("by", UUID.randomUUID())
			.update();
	}

	Map<String, Object> subject(String institution, String physician, LocalDate from, LocalDate to) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("institutionId", institution);
		if (physician != null) {
			s.put("physicianId", physician);
		}
		s.put("technology", "G08");
		s.put("from", from.toString());
		s.put("to", to.toString());
		return s;
	}

	Map<String, Object> save(Map<String, Object> subject) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", subject);
		body.put("conclusion", "BASICALLY_QUALIFIED");
		body.put("conclusionText", "未授权开展 1 例，已整改；随访逾期 1 例，限期补随访。");
		body.put("assessor", "李评估");
		body.put("departmentHead", "高主任");
		body.put("medicalAffairsHead", "张医务");
		body.put("signedOn", TODAY.toString());
		return body;
	}

	static JsonNode section(JsonNode report, String code) {
		for (JsonNode s : report.get("sections")) {
			if (s.get("code").asString().equals(code)) {
				return s;
			}
		}
		throw new AssertionError("no section " + code + " in " + report);
	}

	static Map<String, String> figures(JsonNode report, String code) {
		Map<String, String> out = new HashMap<>();
		section(report, code).get("figures").forEach(f -> out.put(f.get("key").asString(), f.get("text").asString()));
		return out;
	}

	static List<String> listed(JsonNode report, String code) {
		List<String> out = new ArrayList<>();
		section(report, code).get("cases").forEach(c -> out.add(c.get("medicalRecordNo").asString()));
		return out;
	}

	byte[] download(Api session, String path) {
		List<String> cookies = new ArrayList<>();
		for (String name : List.of("JSESSIONID", "SESSION", "XSRF-TOKEN")) {
			if (session.cookie(name) != null) {
				cookies.add(name + "=" + session.cookie(name));
			}
		}
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Cookie", String.join("; ", cookies))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	@Test
	void hospitalPreviewCountsEachSectionFromTheCasesOfItsPeriod() {
		Response preview = as("songjiang-clerk").post("/api/assessments/preview",
				subject(this.songjiang, null, FROM, TO));
		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		JsonNode r = preview.body();
		assertThat(r.get("cases").asLong()).as("A, B, C, D; not E (July), F (other hospital), G (draft)").isEqualTo(4);
		assertThat(r.get("filingId").asString()).isEqualTo(this.filingId);
		assertThat(r.get("filingStateLabel").asString()).isEqualTo("备案有效");
		assertThat(r.get("comparisonRegionCode").asString()).isEqualTo("220100");
		assertThat(r.get("sections").findValuesAsString("code")).containsSubsequence("CASE_SELECTION", "EFFECTIVENESS",
				"SERIOUS_COMPLICATIONS", "DEATHS", "ADVERSE_EVENTS", "POST_OPERATIVE", "FOLLOW_UP", "RECORD_QUALITY");

		assertThat(figures(r, "SERIOUS_COMPLICATIONS")).containsEntry("withComplication", "2 / 4（50.00%）")
			.containsEntry("serious", "1 / 4（25.00%）")
			.containsEntry("gradeIII", "1 / 4（25.00%）");
		assertThat(listed(r, "SERIOUS_COMPLICATIONS")).containsExactly("AS-B");
		assertThat(figures(r, "DEATHS")).containsEntry("deaths", "1 / 4（25.00%）")
			.containsEntry("inHospital", "1 / 4（25.00%）")
			.containsEntry("within30Days", "1 / 4（25.00%）");
		assertThat(section(r, "DEATHS").get("cases").get(0).get("note").asString()).contains("2026-03-20", "第 15 天");
		assertThat(figures(r, "ADVERSE_EVENTS")).containsEntry("flag.UNAUTHORIZED", "1 / 4（25.00%）")
			.containsEntry("flag.NO_CONSENT", "1 / 4（25.00%）")
			.containsEntry("flag.UNFILED", "0 / 4（0.00%）");
		assertThat(listed(r, "ADVERSE_EVENTS")).containsExactly("AS-B", "AS-C");
		assertThat(figures(r, "POST_OPERATIVE")).containsEntry("discharged", "3 / 4（75.00%）")
			.containsEntry("discharge.DEATH", "1 / 4（25.00%）");
		assertThat(figures(r, "FOLLOW_UP"))
			.as("due by 2026-11-22: A (done) and D (overdue); B cancelled, C not yet due")
			.containsEntry("done.P6M", "1 / 2（50.00%）")
			.containsEntry("overdue.P6M", "1 / 2（50.00%）")
			.containsEntry("upcoming.P6M", "1")
			.containsEntry("cancelled.P6M", "1");
		assertThat(listed(r, "FOLLOW_UP")).containsExactly("AS-D");
		assertThat(figures(r, "RECORD_QUALITY")).containsEntry("missingRequired", "1 / 4（25.00%）")
			.containsEntry("amended", "1 / 4（25.00%），共更正 2 次")
			.containsEntry("flagged", "2 / 4（50.00%）")
			.containsEntry("imported", "1 / 4（25.00%）");
		assertThat(section(r, "RECORD_QUALITY").get("cases").get(0).get("note").asString())
			.contains(firstRequired().label());
		assertIndicatorsAreTheEngines(r, Grouping.INSTITUTION, this.songjiang, null);
		int compared = 0;
		for (JsonNode s : r.get("sections")) {
			for (JsonNode f : s.get("indicators")) {
				compared++;
				assertThat(f.path("regionNumerator").isNull() || f.path("regionNumerator").isMissingNode())
					.as("only 松江 and 长春市中心医院 in 长春市: no city figure, or 松江 could subtract its own and read the other's: "
							+ f)
					.isTrue();
				assertThat(f.get("regionValueText").asString()).isEqualTo("不足 3 家，不对照");
			}
		}
		assertThat(compared).isPositive();
		assertThat(r.get("notes").toString()).contains("不足 3 家时不显示对照值");
	}

	/** Every indicator figure is the engine's cell for the subject over the period. */
	void assertIndicatorsAreTheEngines(JsonNode report, Grouping grouping, String groupKey, UUID operator) {
		if (report.path("indicatorSet").isMissingNode() || report.path("indicatorSet").isNull()) {
			return;
		}
		List<IndicatorCell> cells = this.indicators
			.computeUnscoped(new IndicatorQuery(report.get("indicatorSet").asString(), grouping, PeriodUnit.ALL, FROM,
					TO, UUID.fromString(this.songjiang), null, operator))
			.cells()
			.stream()
			.filter(c -> c.groupKey().equals(groupKey) && c.stratum() == null)
			.toList();
		for (IndicatorCell cell : cells) {
			boolean found = false;
			for (JsonNode s : report.get("sections")) {
				for (JsonNode f : s.get("indicators")) {
					if (f.get("code").asString().equals(cell.indicatorCode()) && f.path("stratum").isMissingNode()) {
						assertThat(f.get("numerator").decimalValue()).isEqualByComparingTo(cell.numerator());
						assertThat(f.get("denominator").decimalValue()).isEqualByComparingTo(cell.denominator());
						found = true;
					}
				}
			}
			assertThat(found).as("indicator " + cell.indicatorCode() + " in a section").isTrue();
		}
	}

	@Test
	void physicianPreviewCountsOnlyTheCasesTheyOperated() {
		Response preview = as("songjiang-clerk").post("/api/assessments/preview",
				subject(this.songjiang, this.gao, FROM, TO));
		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		JsonNode r = preview.body();
		assertThat(r.get("cases").asLong()).as("A, B, D").isEqualTo(3);
		assertThat(r.get("physicianName").asString()).isEqualTo("高志远");
		assertThat(r.get("subjectKindLabel").asString()).isEqualTo("医师");
		assertThat(figures(r, "ADVERSE_EVENTS")).containsEntry("flag.UNAUTHORIZED", "1 / 3（33.33%）")
			.containsEntry("flag.NO_CONSENT", "0 / 3（0.00%）");
		assertThat(figures(r, "FOLLOW_UP")).containsEntry("done.P6M", "1 / 2（50.00%）");
		assertIndicatorsAreTheEngines(r, Grouping.OPERATOR, this.gao, UUID.fromString(this.gao));

		assertProblem(
				as("songjiang-clerk").post("/api/assessments/preview", subject(this.songjiang, this.wang, FROM, TO)),
				403, "FORBIDDEN");
		Response other = as("changchun").post("/api/assessments/preview", subject(this.songjiang, this.wang, FROM, TO));
		assertProblem(other, 400, "ASSESSMENT_INVALID");
		assertThat(other.body().get("detail").asString()).contains("王淑华", "不是该医疗机构的人员");
	}

	@Test
	void savedAssessmentKeepsItsFiguresWhenCasesAreAddedLaterAndIsAudited() throws IOException {
		Api clerk = as("songjiang-clerk");
		Response saved = clerk.post("/api/assessments", save(subject(this.songjiang, null, FROM, TO)));
		assertThat(saved.status()).as(saved.text()).isEqualTo(201);
		String id = saved.body().get("id").asString();
		assertThat(saved.body().get("conclusionLabel").asString()).isEqualTo("基本合格");
		assertThat(saved.body().get("submittedByName").asString()).isEqualTo("松江肿瘤医院医务科");
		assertThat(saved.body().at("/report/cases").asLong()).isEqualTo(4);

		List<AuditEntry> entries = this.audit.entries("Assessment", id, 5);
		assertThat(entries).extracting(AuditEntry::action).contains("ASSESSMENT_SAVED");
		assertThat(entries.get(entries.size() - 1).after()).contains("BASICALLY_QUALIFIED", "吉林省松江肿瘤医院");

		UUID late = insertCase(this.songjiang, "220104", "LATE", LocalDate.of(2026, 6, 1), this.gao, allFields(),
				"[{\"name\":\"气胸\",\"grade\":\"IIIb\",\"serious\":true}]", "[]", null, null, null, "FORM", "SUBMITTED");
		try {
			Response again = clerk.get("/api/assessments/" + id);
			assertThat(again.status()).as(again.text()).isEqualTo(200);
			assertThat(again.body().at("/report/cases").asLong()).isEqualTo(4);
			assertThat(figures(again.body().get("report"), "SERIOUS_COMPLICATIONS")).containsEntry("serious",
					"1 / 4（25.00%）");
			Response fresh = clerk.post("/api/assessments/preview", subject(this.songjiang, null, FROM, TO));
			assertThat(fresh.body().get("cases").asLong()).as("a new preview sees the late case").isEqualTo(5);
			assertThat(figures(fresh.body(), "SERIOUS_COMPLICATIONS")).containsEntry("serious", "2 / 5（40.00%）");

		}
		finally {
			this.jdbc.sql("delete from cases.case_report where id = :id").param("id", late).update();
		}
		byte[] bytes = download(clerk, "/api/assessments/" + id + "/pdf");
		// kept for a look at the rendering: pdftoppm -png target/assessment-it.pdf
		// target/assessment-it
		java.nio.file.Files.write(java.nio.file.Path.of("target", "assessment-it.pdf"), bytes);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("肿瘤消融治疗技术临床应用能力评估表", "病例选择", "严重并发症", "死亡病例", "医疗不良事件", "随访情况", "病历质量",
					"发生严重并发症的病例", "1/4（25.00%）", "基本合格", "李评估", "医务科负责人");
		}
		assertThat(this.audit.entries("Assessment", id, 10)).extracting(AuditEntry::action)
			.contains("ASSESSMENT_PRINTED");
	}

	@Test
	void scopeLimitsWhoPreviewsSavesAndReads() {
		Response saved = as("songjiang-clerk").post("/api/assessments", save(subject(this.songjiang, null, FROM, TO)));
		assertThat(saved.status()).as(saved.text()).isEqualTo(201);
		String id = saved.body().get("id").asString();

		Response city = as("changchun").get("/api/assessments?filingId=" + this.filingId);
		assertThat(city.status()).as(city.text()).isEqualTo(200);
		assertThat(city.body().findValuesAsString("id")).contains(id);
		assertThat(as("changchun").get("/api/assessments/" + id).status()).isEqualTo(200);
		assertThat(as("changchun").post("/api/assessments/preview", subject(this.songjiang, null, FROM, TO)).status())
			.as("the authority over the hospital may compute it")
			.isEqualTo(200);
		assertProblem(as("changchun").post("/api/assessments", save(subject(this.songjiang, null, FROM, TO))), 403,
				"FORBIDDEN");

		assertProblem(as("nanguan").get("/api/assessments/" + id), 403, "FORBIDDEN");
		assertProblem(as("meihekou").get("/api/assessments?institutionId=" + this.songjiang), 403, "FORBIDDEN");
		assertProblem(as("ccszx-clerk").get("/api/assessments/" + id), 403, "FORBIDDEN");
		assertProblem(as("ccszx-clerk").post("/api/assessments/preview", subject(this.songjiang, null, FROM, TO)), 403,
				"FORBIDDEN");
		assertThat(as("ccszx-clerk").get("/api/assessments?institutionId=" + this.songjiang).status()).isEqualTo(403);
		assertProblem(as("expert1").get("/api/assessments/" + id), 403, "FORBIDDEN");
		assertProblem(as("doctor-wang").get("/api/assessments/" + id), 403, "FORBIDDEN");
		assertProblem(as("doctor-wang").post("/api/assessments/preview", subject(this.ccszx, this.wang, FROM, TO)), 403,
				"FORBIDDEN");

		Response own = as("ccszx-clerk").post("/api/assessments", save(subject(this.ccszx, this.wang, FROM, TO)));
		assertThat(own.status()).as(own.text()).isEqualTo(201);
		String wangs = own.body().get("id").asString();
		assertThat(as("doctor-wang").get("/api/assessments/" + wangs).status()).isEqualTo(200);
		Response mine = as("doctor-wang").get("/api/assessments");
		assertThat(mine.body().findValuesAsString("id")).containsExactly(wangs);
		assertThat(as("songjiang-clerk").get("/api/assessments").body().findValuesAsString("id")).contains(id)
			.doesNotContain(wangs);
		assertProblem(as("songjiang-clerk").get("/api/assessments/" + UUID.randomUUID()), 404, "ASSESSMENT_NOT_FOUND");
	}

	@Test
	void refusesPeriodsOverTwoYearsInTheFutureOrReversedAndIncompleteSignatures() {
		Api clerk = as("songjiang-clerk");
		assertProblem(clerk.post("/api/assessments/preview", subject(this.songjiang, null, FROM.minusYears(2), TO)),
				400, "ASSESSMENT_INVALID");
		assertThat(
				clerk.post("/api/assessments/preview", subject(this.songjiang, null, TO.plusDays(1).minusYears(2), TO))
					.status())
			.as("exactly two years is allowed")
			.isEqualTo(200);
		assertProblem(clerk.post("/api/assessments/preview", subject(this.songjiang, null, FROM, TODAY.plusDays(1))),
				400, "ASSESSMENT_INVALID");
		assertProblem(clerk.post("/api/assessments/preview", subject(this.songjiang, null, TO, FROM)), 400,
				"ASSESSMENT_INVALID");
		Map<String, Object> missing = new LinkedHashMap<>();
		missing.put("institutionId", this.songjiang);
		assertProblem(clerk.post("/api/assessments/preview", missing), 400, "ASSESSMENT_INVALID");

		Map<String, Object> blank = save(subject(this.songjiang, null, FROM, TO));
		blank.put("assessor", " ");
		blank.put("departmentHead", "名".repeat(41));
		blank.put("conclusionText", "");
		Response refused = clerk.post("/api/assessments", blank);
		assertProblem(refused, 400, "ASSESSMENT_INVALID");
		assertThat(refused.body().get("errors").findValuesAsString("field")).contains("assessor", "departmentHead",
				"conclusionText");
		Map<String, Object> overlong = save(subject(this.songjiang, null, FROM, TO));
		overlong.put("conclusionText", "字".repeat(2001));
		assertProblem(clerk.post("/api/assessments", overlong), 400, "VALIDATION_FAILED");
		Map<String, Object> wrong = save(subject(this.songjiang, null, FROM, TO));
		wrong.put("conclusion", "GOOD");
		wrong.put("signedOn", FROM.toString());
		Response bad = clerk.post("/api/assessments", wrong);
		assertProblem(bad, 400, "ASSESSMENT_INVALID");
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("conclusion");
	}

}
