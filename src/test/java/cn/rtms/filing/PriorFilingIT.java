package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prior filings (存量备案登记, docs/filing.md "Prior filings") over HTTP with the demo users
 * and hospitals. It registers 吉林省松江肿瘤医院's G08 filing approved three years ago, submits
 * cases dated before and after that approval and revokes filings: this IT runs in a
 * Spring context (and so a database) of its own ({@code rtms.test.context} differs from
 * every other test's), so nothing it leaves behind reaches other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=PriorFilingIT")
class PriorFilingIT {

	static final LocalDate TODAY = TestClock.today();

	static final LocalDate APPROVED_ON = TODAY.minusYears(3);

	static final String DOCUMENT_NO = "吉卫医发〔" + APPROVED_ON.getYear() + "〕88号";

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	FilingQueries queries;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	String institutionId(Api api, String name) {
		Response found = api.get("/api/institutions?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		assertThat(found.body().size()).as(found.text()).isEqualTo(1);
		return found.body().get(0).get("id").asString();
	}

	static Map<String, Object> prior(String institutionId, String technology, LocalDate approvedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("institutionId", institutionId);
		body.put("technology", technology);
		body.put("approvedOn", approvedOn.toString());
		body.put("documentNo", DOCUMENT_NO);
		return body;
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	@Test
	void provinceRegistersAPaperApprovalActiveFromItsApprovalDayAndCasesSinceThenAreFiled() {
		Api province = as("province");
		String songjiang = institutionId(province, "吉林省松江肿瘤医院");
		Map<String, Object> body = prior(songjiang, "G08", APPROVED_ON);
		body.put("firstCaseDate", APPROVED_ON.plusDays(20).toString());
		body.put("note", "依原纸质备案材料登记");

		Response registered = province.post("/api/filings/prior", body);
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		JsonNode filing = registered.body();
		String id = filing.get("id").asString();
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(filing.get("activatedOn").asString()).isEqualTo(APPROVED_ON.toString());
		assertThat(filing.get("submittedOn").asString()).isEqualTo(APPROVED_ON.toString());
		assertThat(filing.get("firstCaseDate").asString()).isEqualTo(APPROVED_ON.plusDays(20).toString());
		assertThat(filing.get("origin").asString()).isEqualTo("PRIOR_REGISTRATION");
		assertThat(filing.get("originLabel").asString()).isEqualTo("存量备案（依批准文件登记）");
		assertThat(filing.get("documentNo").asString()).isEqualTo(DOCUMENT_NO);
		assertThat(filing.get("originNote").asString()).isEqualTo("依原纸质备案材料登记");
		assertThat(filing.get("receivingRegionCode").asString()).isEqualTo("220000");
		assertThat(filing.get("steps").size()).isEqualTo(1);
		JsonNode step = filing.get("steps").get(0);
		assertThat(step.get("action").asString()).isEqualTo("PRIOR_REGISTERED");
		assertThat(step.get("actionLabel").asString()).isEqualTo("存量备案登记");
		assertThat(step.get("actor").get("name").asString()).isEqualTo("吉林省卫生健康委员会");
		assertThat(step.get("at").asString()).startsWith(TestClock.pinned().toInstant().toString().substring(0, 10));
		assertThat(step.get("opinion").asString()).contains(APPROVED_ON.toString(), DOCUMENT_NO);
		assertThat(filing.get("allowedActions").toString()).contains("suspend", "revoke");
		assertThat(this.audit.entries("Filing", id, 10).stream().map(AuditEntry::action))
			.containsExactly("FILING_PRIOR_REGISTERED");

		Api clerk = as("songjiang-clerk");
		JsonNode seen = clerk.get("/api/filings/" + id).body();
		assertThat(seen.get("origin").asString()).isEqualTo("PRIOR_REGISTRATION");
		assertThat(seen.get("allowedActions").toString()).contains("cancellation-request");

		JsonNode published = new Api(this.port).get("/api/public/filings").body();
		List<String> rows = new ArrayList<>();
		published.forEach(row -> rows.add(row.get("institutionName").asString() + " " + row.get("technology").asString()
				+ " " + row.get("state").asString() + " " + row.get("activatedOn").asString()));
		assertThat(rows).contains("吉林省松江肿瘤医院 G08 ACTIVE " + APPROVED_ON);

		assertThat(this.queries.practicePeriods()).filteredOn(p -> p.filingId().toString().equals(id))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.activatedOn()).isEqualTo(APPROVED_ON);
				assertThat(p.state()).isEqualTo("ACTIVE");
				assertThat(p.activeOn(APPROVED_ON)).isTrue();
				assertThat(p.activeOn(APPROVED_ON.minusDays(1))).isFalse();
			});

		// The case registry judges cases against the real approval date.
		String operator = personId(clerk, "高志远");
		JsonNode after = submittedCase(clerk, operator, APPROVED_ON.plusDays(30));
		assertThat(flags(after)).as(after.toString()).doesNotContain("UNFILED", "FILING_PENDING");
		JsonNode before = submittedCase(clerk, operator, APPROVED_ON.minusDays(30));
		assertThat(flags(before)).as(before.toString()).contains("UNFILED");

		Response again = province.post("/api/filings/prior", prior(songjiang, "G08", APPROVED_ON.plusDays(1)));
		assertProblem(again, 409, "FILING_ALREADY_EXISTS");
		assertThat(again.body().get("detail").asString()).contains("G08", "存量备案", "备案有效", id);

		// Everything after registration works as on any active filing.
		Response revoked = province.post("/api/filings/" + id + "/revoke", Map.of("version",
				filing.get("version").asLong(), "reason", "CONDITIONS_NO_LONGER_MET", "text", "测试：撤销存量备案"));
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.body().get("state").asString()).isEqualTo("REVOKED");
		assertThat(revoked.body().get("origin").asString()).isEqualTo("PRIOR_REGISTRATION");
		Response afterRevocation = province.post("/api/filings/prior", prior(songjiang, "G08", APPROVED_ON));
		assertThat(afterRevocation.status()).as("一个已撤销的备案不妨碍再登记").isEqualTo(201);
	}

	@Test
	void onlyTheReviewAuthorityOfTheRouteMayRegister() {
		Api province = as("province");
		String songjiang = institutionId(province, "吉林省松江肿瘤医院");
		Map<String, Object> body = prior(songjiang, "G07", APPROVED_ON);

		Response clerk = as("songjiang-clerk").post("/api/filings/prior", body);
		assertProblem(clerk, 403, "FORBIDDEN");

		Response city = as("changchun").post("/api/filings/prior", body);
		assertProblem(city, 403, "FORBIDDEN");
		assertThat(city.body().get("detail").asString()).contains("吉林省松江肿瘤医院", "审查决定", "220000");

		Response outside = as("meihekou").post("/api/filings/prior", body);
		assertProblem(outside, 403, "FORBIDDEN");

		assertThat(province.get("/api/filings?technology=G07").body().toString()).doesNotContain(songjiang);
	}

	@Test
	void refusesAFutureOrAncientApprovalAMissingDocumentNumberAndAnUnknownTechnology() {
		Api province = as("province");
		String songjiang = institutionId(province, "吉林省松江肿瘤医院");

		Response future = province.post("/api/filings/prior", prior(songjiang, "G10", TODAY.plusDays(1)));
		assertProblem(future, 400, "INVALID_FILING_REQUEST");
		assertThat(future.body().get("detail").asString()).contains("批准日期", "approvedOn", "不能晚于今天");

		Response ancient = province.post("/api/filings/prior", prior(songjiang, "G10", LocalDate.of(1999, 12, 31)));
		assertProblem(ancient, 400, "INVALID_FILING_REQUEST");
		assertThat(ancient.body().get("detail").asString()).contains("批准日期", "2000-01-01");

		Map<String, Object> noNumber = prior(songjiang, "G10", APPROVED_ON);
		noNumber.remove("documentNo");
		Response missing = province.post("/api/filings/prior", noNumber);
		assertProblem(missing, 400, "INVALID_FILING_REQUEST");
		assertThat(missing.body().get("detail").asString()).contains("批准文号", "documentNo");

		Map<String, Object> futureFirstCase = prior(songjiang, "G10", APPROVED_ON);
		futureFirstCase.put("firstCaseDate", TODAY.plusDays(3).toString());
		Response firstCase = province.post("/api/filings/prior", futureFirstCase);
		assertProblem(firstCase, 400, "INVALID_FILING_REQUEST");
		assertThat(firstCase.body().get("detail").asString()).contains("首例开展日期", "firstCaseDate");

		Map<String, Object> tab = prior(songjiang, "G10", APPROVED_ON);
		tab.put("documentNo", "吉卫\t88号");
		assertProblem(province.post("/api/filings/prior", tab), 400, "INVALID_FILING_REQUEST");

		Response unknown = province.post("/api/filings/prior", prior(songjiang, "X99", APPROVED_ON));
		assertThat(unknown.status()).as(unknown.text()).isBetween(400, 404);

		assertThat(province.get("/api/filings?technology=G10").body().toString()).doesNotContain(songjiang);
	}

	@Test
	void multipartRegistrationStoresTheApprovalDocumentAndTheApiIsDocumented() throws Exception {
		FilingClient province = FilingClient.as(this.port, "province");
		String songjiang = institutionId(province.api, "吉林省松江肿瘤医院");
		String prior = province.api.json().writeValueAsString(prior(songjiang, "S04", APPROVED_ON));

		Response wrongType = province.multipart(
				"/api/filings/prior", Map.of("prior", prior), List.of(new FilingClient.Part("approvalDocument",
						"批准文件.pdf", "no pdf at all".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				java.util.Set.of("prior"));
		assertProblem(wrongType, 415, "UNSUPPORTED_FILE_TYPE");
		Response noPrior = province.multipart("/api/filings/prior", Map.of(),
				List.of(new FilingClient.Part("approvalDocument", "批准文件.pdf", FilingClient.pdf("批准文件"))),
				java.util.Set.of());
		assertThat(noPrior.status()).as(noPrior.text()).isEqualTo(400);
		assertThat(noPrior.body().get("detail").asString()).contains("prior");
		assertThat(province.get("/api/filings?technology=S04").body().toString()).doesNotContain(songjiang);

		Response registered = province.multipart("/api/filings/prior", Map.of("prior", prior),
				List.of(new FilingClient.Part("approvalDocument", "批准文件.pdf", FilingClient.pdf("批准文件"))),
				java.util.Set.of("prior"));
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		JsonNode filing = registered.body();
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(filing.get("origin").asString()).isEqualTo("PRIOR_REGISTRATION");
		assertThat(filing.get("documents").size()).isEqualTo(1);
		JsonNode document = filing.get("documents").get(0);
		assertThat(document.get("description").asString()).contains("批准文件", DOCUMENT_NO);
		assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
		var download = FilingClient.as(this.port, "songjiang-clerk")
			.download("/api/filings/" + filing.get("id").asString() + "/documents/" + document.get("id").asString());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(new String(download.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("批准文件");

		var pdf = province.download("/api/filings/" + filing.get("id").asString() + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (var printed = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(printed).replaceAll("\\s+", "");
			assertThat(text).contains("存量备案（依批准文件登记）", DOCUMENT_NO, "生效日期" + APPROVED_ON, "存量备案登记");
		}

		Response docs = new Api(this.port).get("/api/openapi");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode post = docs.body().at("/paths/~1api~1filings~1prior/post");
		assertThat(post.isMissingNode()).as("POST /api/filings/prior in the OpenAPI document").isFalse();
		assertThat(post.get("summary").asString()).contains("登记存量备案");
		assertThat(post.get("requestBody").get("content").has("application/json")).isTrue();
		assertThat(post.get("requestBody").get("content").has("multipart/form-data")).isTrue();
	}

	// ---------------------------------------------------------------- cases

	static String personId(Api api, String name) {
		Response found = api.get("/api/people?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	static List<String> flags(JsonNode view) {
		List<String> codes = new ArrayList<>();
		view.get("flags").forEach(f -> codes.add(f.get("code").asString()));
		return codes;
	}

	private static int counter;

	/** A complete G08 thyroid ablation case operated on the day, submitted. */
	static JsonNode submittedCase(Api clerk, String operatorId, LocalDate day) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organ", "THYROID");
		fields.put("lesionsPlanned", 1);
		fields.put("lesionsCompleted", 1);
		fields.put("preOpPathology", true);
		fields.put("thyroidPathology", "BENIGN");
		fields.put("thyroidLargestDiameterMm", 18.5);
		fields.put("ptaPercent", 85);
		fields.put("organFunctionImpaired", false);
		fields.put("ecog", 0);
		fields.put("asaClass", "II");
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("name", "张三丰");
		patient.put("idNumber", "220104196503151230");
		patient.put("sex", "M");
		patient.put("birthDate", "1965-03-15");
		String recordNo = "PRIOR" + (++counter) + "-" + System.nanoTime() % 100000;
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("technology", "G08");
		c.put("subTechnique", "RFA");
		c.put("route", "PERCUTANEOUS");
		c.put("procedureCodes", List.of("06.3100x001"));
		c.put("medicalRecordNo", recordNo);
		c.put("inpatientNo", "ZY" + recordNo);
		c.put("patient", patient);
		c.put("admissionDate", day.minusDays(2).toString());
		c.put("operationDate", day.toString());
		c.put("dischargeDate", day.plusDays(3).toString());
		c.put("department", "超声介入科");
		c.put("operatorId", operatorId);
		c.put("informedConsent", true);
		c.put("dischargeStatus", "ORDERED");
		c.put("fields", fields);
		c.put("devices", List.of());
		Response created = clerk.post("/api/cases", c);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		Response submitted = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));
		if (submitted.status() == 422 && submitted.body().has("warnings")) {
			List<String> warnings = new ArrayList<>();
			submitted.body().get("warnings").forEach(w -> warnings.add(w.get("code").asString()));
			submitted = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0, "confirmedWarnings", warnings));
		}
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		return submitted.body();
	}

}
