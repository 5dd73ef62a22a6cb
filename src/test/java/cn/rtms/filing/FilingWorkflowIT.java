package cn.rtms.filing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.filing.FilingClient.Part;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing workflow over HTTP with the demo users and hospitals (docs/filing.md), on
 * the embedded PostgreSQL. Each test uses its own institution × technology, because the
 * database is shared by the tests of this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilingWorkflowIT {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RevocationSchedule schedule;

	@Autowired
	WorkingDayDeadlines deadlines;

	/** The suite's pinned day (RTMS_TEST_CLOCK); the demo data moves with it. */
	static final LocalDate TODAY = TestClock.today();

	/** A first case a week ago: its 15-working-day filing deadline is still ahead. */
	static final String FIRST_CASE = TODAY.minusDays(7).toString();

	static final String MEETING = TODAY.minusDays(5).toString();

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	static long version(JsonNode filing) {
		return filing.get("version").asLong();
	}

	static String id(JsonNode filing) {
		return filing.get("id").asString();
	}

	/**
	 * Creates, self-assesses, attests every pending clause, records both committee
	 * opinions and submits.
	 */
	JsonNode submitted(FilingClient clerk, String technology) {
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", technology)));
		assertThat(filing.get("state").asString()).isEqualTo("DRAFT");
		String id = id(filing);
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/self-assessment", Map.of("version", version(filing))));
		assertThat(filing.get("state").asString()).isEqualTo("SELF_ASSESSED");
		assertThat(filing.get("assessment").get("specKey").asString()).startsWith(technology + "-");
		assertThat(filing.get("assessment").get("report").get("clauses").size()).isPositive();
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/attestations",
					fields("version", String.valueOf(version(filing)), "clauseRef", clause, "evidence", "现场核查：符合要求"),
					List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		assertThat(filing.get("pendingAttestations").size()).isZero();
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", String.valueOf(version(filing)), "committee", committee, "meetingDate", MEETING,
							"opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/submit",
				Map.of("version", version(filing), "firstCaseDate", FIRST_CASE)));
		assertThat(filing.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(filing.get("filingDeadline").asString())
			.isEqualTo(this.deadlines.filingDeadline(LocalDate.parse(FIRST_CASE)).toString());
		LocalDate deadline = LocalDate.parse(filing.get("filingDeadline").asString());
		LocalDate due = LocalDate.parse(filing.get("actionDueOn").asString());
		var calendar = this.deadlines.calendar();
		LocalDate firstCase = LocalDate.parse(FIRST_CASE);
		if (!calendar.covers(deadline) || !calendar.covers(due)) {
			assertThat(filing.get("calendarNote").asString()).startsWith("节假日历未覆盖");
		}
		else if (calendar.provisional(firstCase.getYear()) || calendar.provisional(due.getYear())) {
			assertThat(filing.get("calendarNote").asString()).contains("暂定");
		}
		else if (calendar.covers(firstCase)) {
			assertThat(filing.has("calendarNote")).as(filing.toString()).isFalse();
		}
		return filing;
	}

	JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new java.util.HashMap<>(body);
		withVersion.put("version", version(filing));
		return user.ok(user.post("/api/filings/" + id(filing) + "/" + action, withVersion));
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	static boolean hasInboxItem(JsonNode inbox, String filingId, String action) {
		for (JsonNode item : inbox) {
			if (item.get("filing").get("id").asString().equals(filingId)
					&& item.get("action").asString().equals(action)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void nationalTechnologyIsEscalatedToTheProvinceReviewedByTwoExpertsAndActivatedByTheCity() throws Exception {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient province = as("province");
		FilingClient expert1 = as("expert1");
		FilingClient expert2 = as("expert2");
		JsonNode filing = submitted(clerk, "G08");
		String id = id(filing);
		assertThat(filing.get("receivingRegionCode").asString()).isEqualTo("220100");
		assertThat(filing.get("reviewRegionCode").asString()).isEqualTo("220000");
		assertThat(filing.get("holderRegionCode").asString()).isEqualTo("220100");
		assertThat(filing.get("lateFiling").asBoolean()).isFalse();
		assertThat(hasInboxItem(city.ok(city.get("/api/filings/inbox")), id, "RECEIVE")).isTrue();
		assertThat(hasInboxItem(province.ok(province.get("/api/filings/inbox")), id, "RECEIVE")).isFalse();

		filing = act(city, filing, "receive", Map.of("opinion", "材料齐全，予以受理"));
		assertThat(filing.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(filing.get("allowedActions").toString()).contains("escalate").doesNotContain("expert-review");
		filing = act(city, filing, "escalate", Map.of("opinion", "同意上报"));
		assertThat(filing.get("state").asString()).isEqualTo("ESCALATED");
		assertThat(filing.get("holderRegionCode").asString()).isEqualTo("220000");
		assertProblem(city.post("/api/filings/" + id + "/escalate", Map.of()), 403, "FORBIDDEN");
		assertThat(hasInboxItem(province.ok(province.get("/api/filings/inbox")), id, "ESCALATE_OR_REVIEW")).isTrue();

		filing = act(province, filing, "expert-review",
				Map.of("expertIds", List.of(expert1.me(), expert2.me()), "opinion", "组织专家审查"));
		assertThat(filing.get("state").asString()).isEqualTo("UNDER_EXPERT_REVIEW");
		assertThat(hasInboxItem(expert1.ok(expert1.get("/api/filings/inbox")), id, "EXPERT_OPINION")).isTrue();
		assertThat(expert1.get("/api/filings/" + id).status()).isEqualTo(200);
		filing = act(expert1, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "技术条件具备，同意备案"));
		assertProblem(province.post("/api/filings/" + id + "/decision", Map.of("decision", "APPROVED", "reasons", "")),
				409, "FILING_INCOMPLETE");
		filing = act(expert2, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(province, filing, "decision", Map.of("decision", "APPROVED", "reasons", "经专家审查，同意备案"));
		assertThat(filing.get("state").asString()).isEqualTo("APPROVED");
		filing = act(province, filing, "notify-result", Map.of("opinion", "通知长春市卫生健康委"));
		assertThat(filing.get("state").asString()).isEqualTo("RESULT_NOTIFIED");
		assertThat(filing.get("holderRegionCode").asString()).isEqualTo("220100");
		assertThat(hasInboxItem(city.ok(city.get("/api/filings/inbox")), id, "ACTIVATE")).isTrue();
		filing = act(city, filing, "activate", Map.of("licenceNote", "肿瘤消融治疗技术（限制类技术）已备案，2026年11月"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(filing.get("licenceNote").asString()).contains("已备案");

		List<String> steps = new ArrayList<>();
		filing.get("steps").forEach(s -> steps.add(s.get("action").asString()));
		assertThat(steps).containsSubsequence("CREATE", "SELF_ASSESS", "COMMITTEE_OPINION", "SUBMIT", "RECEIVE",
				"ESCALATE", "START_EXPERT_REVIEW", "EXPERT_OPINION", "EXPERT_OPINION", "DECIDE_APPROVED",
				"NOTIFY_RESULT", "ACTIVATE");
		JsonNode escalate = filing.get("steps").get(steps.indexOf("ESCALATE"));
		assertThat(escalate.get("actor").get("role").asString()).isEqualTo("CITY_AUTHORITY");
		assertThat(escalate.get("opinion").asString()).isEqualTo("同意上报");
		List<String> audited = this.audit.entries("Filing", id, 200).stream().map(AuditEntry::action).toList();
		assertThat(audited).contains("FILING_CREATE", "FILING_SUBMIT", "FILING_RECEIVE", "FILING_ESCALATE",
				"FILING_START_EXPERT_REVIEW", "FILING_DECIDE_APPROVED", "FILING_NOTIFY_RESULT", "FILING_ACTIVATE");

		JsonNode published = as("admin").ok(as("admin").get("/api/public/filings?regionCode=220100"));
		assertThat(published.toString()).contains("长春市中心医院").contains("G08");
		Response anonymous = new cn.rtms.support.Api(this.port).get("/api/public/filings?regionCode=220100");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.text()).contains("G08").doesNotContain("steps");
		// the region as an address writes it below the province: 长春市南关区, not a bare 南关区
		assertThat(anonymous.body().get(0).get("institutionRegionName").asString()).isEqualTo("长春市南关区");

		HttpResponse<byte[]> pdf = city.download("/api/filings/" + id + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("限制类医疗技术临床应用备案记录")
				.contains("长春市中心医院")
				.contains("肿瘤消融治疗技术")
				.contains("逐级上报")
				.contains("经专家审查，同意备案")
				.as("the G08-2023 assessment's notice on its assumed issue date")
				.contains("推定");
		}

		HttpResponse<byte[]> xlsx = province.download("/api/filings/export.xlsx?technology=G08");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("医疗机构");
			List<String> institutions = new ArrayList<>();
			for (Row row : sheet) {
				institutions.add(row.getCell(0).getStringCellValue());
			}
			assertThat(institutions).contains("长春市中心医院");
		}
		assertThat(this.audit.entries("Filing", id, 200).stream().map(AuditEntry::action))
			.as("prints are audited on the filing")
			.contains("FILING_PRINTED");

		// 长春市中心医院 has no PACU: re-evaluated against G08 it no longer meets the spec
		JsonNode check = province.ok(province.post("/api/filings/revocation-check", Map.of()));
		assertThat(check.get("checked").asInt()).isPositive();
		assertThat(check.get("proposed").toString()).contains(id);
		assertThat(check.get("errors").isArray()).as("errors are listed, never swallowed").isTrue();
		assertThat(check.get("errors").size()).as(check.get("errors").toString()).isZero();
		assertThat(check.get("undetermined").isArray()).isTrue();
		filing = city.filing(id);
		assertThat(filing.get("revocationProposal").get("reason").asString()).as("PACU is a facility rule")
			.isEqualTo("EQUIPMENT_UNUSABLE");
		assertThat(filing.get("revocationProposal").get("detail").asString()).contains("PACU");
		assertThat(hasInboxItem(city.ok(city.get("/api/filings/inbox")), id, "REVOCATION_PROPOSAL")).isTrue();
		assertThat(province.ok(province.post("/api/filings/revocation-check", Map.of())).get("proposed").toString())
			.doesNotContain(id);
		assertProblem(clerk.post("/api/filings/revocation-check", Map.of()), 403, "FORBIDDEN");

		filing = act(city, filing, "revoke", Map.of("reason", "EQUIPMENT_UNUSABLE", "text", "未设麻醉后监测治疗室"));
		assertThat(filing.get("state").asString()).isEqualTo("REVOKED");
		assertThat(filing.has("revocationProposal")).isFalse();
		published = new cn.rtms.support.Api(this.port).get("/api/public/filings?regionCode=220102").body();
		boolean revoked = false;
		for (JsonNode entry : published) {
			revoked |= entry.get("technology").asString().equals("G08")
					&& entry.get("state").asString().equals("REVOKED");
		}
		assertThat(revoked).isTrue();
	}

	@Test
	void clausesTheEngineCannotCheckMustBeAttestedWithEvidenceBeforeSubmission() {
		FilingClient clerk = as("jiangcheng-clerk");
		JsonNode filing = clerk
			.ok(clerk.post("/api/filings", Map.of("technology", "G08", "firstCaseDate", FIRST_CASE)));
		String path = "/api/filings/" + id(filing);
		filing = act(clerk, filing, "self-assessment", Map.of());
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		assertThat(pending).isNotEmpty();
		String met = null;
		for (JsonNode clause : filing.get("assessment").get("report").get("clauses")) {
			if (clause.get("status").asString().equals("MET")) {
				met = clause.get("citation").asString();
			}
		}
		assertThat(met).isNotNull();
		assertProblem(clerk.post(path + "/submit", Map.of("firstCaseDate", FIRST_CASE)), 409, "FILING_INCOMPLETE");
		assertThat(clerk.post(path + "/submit", Map.of("firstCaseDate", FIRST_CASE)).body().get("detail").asString())
			.contains(pending.get(0));
		assertProblem(clerk.multipart(path + "/attestations", fields("clauseRef", met, "evidence", "证据"), List.of()),
				400, "INVALID_FILING_REQUEST");
		for (String clause : pending) {
			filing = clerk.ok(clerk.multipart(path + "/attestations",
					fields("version", String.valueOf(version(filing)), "clauseRef", clause, "evidence", "现场核查记录"),
					List.of(new Part("file", "核查记录.pdf", pdf(clause)))));
		}
		assertThat(filing.get("pendingAttestations").size()).isZero();
		assertThat(filing.get("attestations").size()).isEqualTo(pending.size());
		assertThat(filing.get("attestations").get(0).get("confirmedBy").get("role").asString())
			.isEqualTo("HOSPITAL_CLERK");
		assertThat(filing.get("documents").size()).isEqualTo(pending.size());
		// offered exactly when accepted: allowedActions used to drop "attestations" once
		// none was pending,
		// while the server accepted a renewed attestation
		// (docs/adr/0012-one-filing-transition-table.md)
		assertThat(filing.get("allowedActions").toString()).contains("attestations");
		filing = clerk.ok(clerk.multipart(path + "/attestations", fields("version", String.valueOf(version(filing)),
				"clauseRef", pending.get(0), "evidence", "复核后更正的现场核查记录"), List.of()));
		assertThat(filing.get("attestations").size()).isEqualTo(pending.size());
		assertProblem(clerk.post(path + "/submit", Map.of("firstCaseDate", FIRST_CASE)), 409, "FILING_INCOMPLETE");
		assertThat(hasInboxItem(clerk.ok(clerk.get("/api/filings/inbox")), id(filing), "COMPLETE_DRAFT")).isTrue();
	}

	@Test
	void provincialTechnologyIsReviewedAtCityLevelWithoutEscalation() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient expert = as("expert1");
		JsonNode filing = submitted(clerk, "S04");
		assertThat(filing.get("reviewRegionCode").asString()).isEqualTo("220100");
		assertThat(filing.get("path").toString()).isEqualTo("[\"220100\"]");
		filing = act(city, filing, "receive", Map.of());
		assertProblem(city.post("/api/filings/" + id(filing) + "/escalate", Map.of("version", version(filing))), 409,
				"ILLEGAL_FILING_TRANSITION");
		filing = act(city, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(city, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));
		assertThat(filing.get("allowedActions").toString()).contains("activate").doesNotContain("notify-result");
		filing = act(city, filing, "activate", Map.of("licenceNote", "肿瘤深部热疗和全身热疗技术已备案"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		List<String> regions = new ArrayList<>();
		filing.get("steps").forEach(s -> regions.add(s.get("actor").get("role").asString()));
		assertThat(regions).doesNotContain("PROVINCE_AUTHORITY");

		// the daily task runs as the system user and either proposes revocation (a system
		// step) or changes nothing
		this.schedule.daily();
		JsonNode checked = city.filing(id(filing));
		if (checked.has("revocationProposal")) {
			JsonNode last = checked.get("steps").get(checked.get("steps").size() - 1);
			assertThat(last.get("action").asString()).isEqualTo("PROPOSE_REVOCATION");
			assertThat(last.get("actor").get("name").asString()).isEqualTo("系统自动检查");
		}
		else {
			assertThat(version(checked)).isEqualTo(version(filing));
		}
	}

	@Test
	void provinceLicensedHospitalFilesWithTheProvinceDirectly() {
		FilingClient clerk = as("songjiang-clerk");
		FilingClient province = as("province");
		FilingClient city = as("changchun");
		FilingClient expert = as("expert2");
		JsonNode filing = submitted(clerk, "G07");
		assertThat(filing.get("receivingRegionCode").asString()).isEqualTo("220000");
		assertThat(filing.get("holderRegionCode").asString()).isEqualTo("220000");
		assertProblem(city.post("/api/filings/" + id(filing) + "/receive", Map.of()), 403, "FORBIDDEN");
		filing = act(province, filing, "receive", Map.of());
		assertThat(filing.get("allowedActions").toString()).contains("expert-review");
		filing = act(province, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(province, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));
		assertProblem(province.post("/api/filings/" + id(filing) + "/notify-result", Map.of()), 409,
				"ILLEGAL_FILING_TRANSITION");
		filing = act(province, filing, "activate", Map.of("licenceNote", "放射性粒子植入治疗技术已备案"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void authoritiesPickExpertsFromTheDirectory() {
		FilingClient city = as("changchun");
		JsonNode experts = city.ok(city.get("/api/filings/experts"));
		List<String> usernames = new ArrayList<>();
		experts.forEach(e -> usernames.add(e.get("username").asString()));
		assertThat(usernames).contains("expert1", "expert2").doesNotContain("changchun", "admin");
		assertThat(experts.get(0).get("displayName").asString()).isNotBlank();
	}

	@Test
	void changingTheInstitutionProposesRevocationWithoutWaitingForTheDailyCheck() {
		FilingClient clerk = as("songjiang-clerk");
		FilingClient province = as("province");
		FilingClient expert = as("expert1");
		JsonNode filing = submitted(clerk, "S04");
		filing = act(province, filing, "receive", Map.of());
		filing = act(province, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(province, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));
		filing = act(province, filing, "activate", Map.of("licenceNote", "肿瘤深部热疗和全身热疗技术已备案"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(filing.has("revocationProposal")).as("松江 meets S04 before the change").isFalse();

		String institutionId = filing.get("institutionId").asString();
		ObjectNode institution = (ObjectNode) clerk.ok(clerk.api.get("/api/institutions/" + institutionId));
		institution.set("equipment", institution.arrayNode());
		assertThat(clerk.api.put("/api/institutions/" + institutionId, institution).status()).isEqualTo(200);

		JsonNode rechecked = province.filing(id(filing));
		assertThat(rechecked.has("revocationProposal")).as(rechecked.toString()).isTrue();
		JsonNode last = rechecked.get("steps").get(rechecked.get("steps").size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("PROPOSE_REVOCATION");
		assertThat(last.get("actor").get("name").asString()).isEqualTo("系统自动检查");
		assertThat(rechecked.get("revocationProposal").get("reason").asString()).as("equipment rules failed")
			.isEqualTo("EQUIPMENT_UNUSABLE");
	}

	@Test
	void refusesIllegalTransitionsForgedIdsAndOtherTenantsWithNothingChanged() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient county = as("nanguan");
		FilingClient other = as("songjiang-clerk");
		FilingClient expert = as("expert1");
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", "G07")));
		String id = id(filing);
		String path = "/api/filings/" + id;
		assertProblem(clerk.post("/api/filings", Map.of("technology", "G07")), 409, "FILING_ALREADY_EXISTS");
		// a draft is the hospital's own until it is submitted: the authority neither
		// reads
		// nor acts on it
		assertProblem(city.get(path), 403, "FORBIDDEN");
		assertProblem(city.post(path + "/receive", Map.of()), 403, "FORBIDDEN");
		assertProblem(county.get(path), 403, "FORBIDDEN");
		assertProblem(clerk.post(path + "/submit", Map.of("firstCaseDate", FIRST_CASE)), 409,
				"ILLEGAL_FILING_TRANSITION");
		assertProblem(clerk.post(path + "/activate", Map.of("licenceNote", "x")), 403, "FORBIDDEN");
		assertProblem(clerk.post(path + "/revoke", Map.of("reason", "SERIOUS_ADVERSE_EVENT", "text", "x")), 403,
				"FORBIDDEN");
		assertProblem(other.get(path), 403, "FORBIDDEN");
		assertProblem(other.post(path + "/self-assessment", Map.of()), 403, "FORBIDDEN");
		assertProblem(expert.get(path), 403, "FORBIDDEN");
		assertProblem(expert.post(path + "/expert-opinions", Map.of("verdict", "AGREE", "text", "x")), 403,
				"FORBIDDEN");
		assertProblem(clerk.get("/api/filings/" + UUID.randomUUID()), 404, "FILING_NOT_FOUND");
		assertProblem(clerk.post("/api/filings/" + UUID.randomUUID() + "/submit", Map.of("firstCaseDate", FIRST_CASE)),
				404, "FILING_NOT_FOUND");
		assertProblem(clerk.post(path + "/self-assessment", Map.of("version", 99)), 409,
				"FILING_CONCURRENTLY_MODIFIED");
		assertProblem(clerk.post("/api/filings", Map.of("technology", "G99")), 404, "TECHNOLOGY_NOT_FOUND");
		assertThat(new cn.rtms.support.Api(this.port).get(path).status()).isEqualTo(401);
		JsonNode unchanged = clerk.filing(id);
		assertThat(version(unchanged)).isEqualTo(version(filing));
		assertThat(unchanged.get("state").asString()).isEqualTo("DRAFT");
		assertThat(unchanged.get("steps").size()).isEqualTo(1);
		assertThat(this.audit.entries("Filing", id, 100)).hasSize(1);

		filing = submitted(clerk, "G10");
		id = id(filing);
		path = "/api/filings/" + id;
		long submittedVersion = version(filing);
		assertProblem(county.post(path + "/receive", Map.of()), 403, "FORBIDDEN");
		assertProblem(city.post(path + "/escalate", Map.of()), 409, "ILLEGAL_FILING_TRANSITION");
		assertProblem(city.post(path + "/decision", Map.of("decision", "APPROVED", "reasons", "")), 409,
				"ILLEGAL_FILING_TRANSITION");
		assertProblem(city.post(path + "/decision", Map.of("decision", "MAYBE", "reasons", "")), 400,
				"INVALID_FILING_REQUEST");
		assertProblem(clerk.post(path + "/submit", Map.of("firstCaseDate", FIRST_CASE)), 409,
				"ILLEGAL_FILING_TRANSITION");
		assertProblem(clerk.post(path + "/self-assessment", Map.of()), 409, "ILLEGAL_FILING_TRANSITION");
		long stored = documentsOf(id);
		assertProblem(
				clerk.multipart(path + "/documents", fields(), List.of(new Part("file", "late.pdf", pdf("late")))), 409,
				"ILLEGAL_FILING_TRANSITION");
		assertThat(documentsOf(id)).isEqualTo(stored);
		JsonNode after = clerk.filing(id);
		assertThat(version(after)).isEqualTo(submittedVersion);
		assertThat(after.get("state").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void storesUploadsWithChecksumAndRefusesOversizedOrWrongTypesWithoutStoringAnything() throws Exception {
		FilingClient clerk = as("jiangcheng-clerk");
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", "S03")));
		String id = id(filing);
		byte[] content = pdf("设备清单 equipment list");
		filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/documents",
				fields("version", String.valueOf(version(filing)), "description", "设备清单"),
				List.of(new Part("file", "equipment.pdf", content))));
		JsonNode document = filing.get("documents").get(0);
		assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(document.get("sha256").asString()).isEqualTo(UploadPolicy.sha256(content));
		assertThat(document.get("size").asLong()).isEqualTo(content.length);
		String documentPath = "/api/filings/" + id + "/documents/" + document.get("id").asString();
		HttpResponse<byte[]> downloaded = clerk.download(documentPath);
		assertThat(downloaded.statusCode()).isEqualTo(200);
		assertThat(downloaded.body()).isEqualTo(content);
		assertThat(downloaded.headers().firstValue("X-Content-SHA256")).hasValue(UploadPolicy.sha256(content));
		assertThat(this.audit.entries("Filing", id, 200).stream().map(AuditEntry::action))
			.as("downloads of uploaded documents are audited")
			.contains("FILING_DOCUMENT_DOWNLOADED");
		assertThat(as("province").download(documentPath).statusCode())
			.as("a draft's documents are the hospital's own until it is submitted")
			.isEqualTo(403);
		assertThat(as("changchun").download(documentPath).statusCode()).isEqualTo(403);
		assertThat(as("songjiang-clerk").download(documentPath).statusCode()).isEqualTo(403);
		assertThat(as("expert1").download(documentPath).statusCode()).isEqualTo(403);

		byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
		filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/documents", fields("description", "照片"),
				List.of(new Part("file", "photo.png", png))));
		filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/documents", fields("description", "制度"),
				List.of(new Part("file", "rules.docx", zip("[Content_Types].xml", "word/document.xml")))));
		assertThat(filing.get("documents").get(2).get("contentType").asString()).contains("wordprocessingml");
		long version = version(filing);

		byte[] oversized = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(content, 0, oversized, 0, content.length);
		assertProblem(clerk.multipart("/api/filings/" + id + "/documents", fields(),
				List.of(new Part("file", "big.pdf", oversized))), 413, "FILE_TOO_LARGE");
		assertProblem(
				clerk.multipart("/api/filings/" + id + "/documents", fields(),
						List.of(new Part("file", "fake.pdf", "MZ this is a program".getBytes(StandardCharsets.UTF_8)))),
				415, "UNSUPPORTED_FILE_TYPE");
		assertProblem(
				clerk.multipart("/api/filings/" + id + "/documents", fields(),
						List.of(new Part("file", "fake.docx", zip("[Content_Types].xml", "payload.bin")))),
				415, "UNSUPPORTED_FILE_TYPE");
		assertProblem(
				clerk.multipart("/api/filings/" + id + "/committee-opinions",
						fields("committee", "ETHICS", "meetingDate", MEETING, "opinion", "同意"),
						List.of(new Part("minutes", "minutes.txt", "纪要".getBytes(StandardCharsets.UTF_8)))),
				415, "UNSUPPORTED_FILE_TYPE");
		assertProblem(as("songjiang-clerk").multipart("/api/filings/" + id + "/documents", fields(),
				List.of(new Part("file", "x.pdf", content))), 403, "FORBIDDEN");
		JsonNode unchanged = clerk.filing(id);
		assertThat(version(unchanged)).isEqualTo(version);
		assertThat(unchanged.get("documents").size()).isEqualTo(3);
		assertThat(unchanged.has("committeeOpinions") ? unchanged.get("committeeOpinions").size() : 0).isZero();
		assertThat(this.jdbc.sql("select count(*) from filing.document where filing_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	/**
	 * Issue 7's probes: a NUL byte in a file name answered 500; {@code ../} and U+202E
	 * were stored as sent; a 509 KiB .xlsx inflating to 512 MiB was accepted.
	 */
	@Test
	void cleansUploadNamesAndRefusesZipBombsAndControlCharactersInFormFields() throws Exception {
		FilingClient clerk = as("jiangcheng-clerk");
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", "S05")));
		String id = id(filing);
		String documents = "/api/filings/" + id + "/documents";
		Response nulName = clerk.multipart(documents, fields("description", "纪要"),
				List.of(new Part("file", "会议\u0000纪要.pdf", pdf("nul"))));
		assertProblem(nulName, 400, "VALIDATION_FAILED");
		assertThat(nulName.body().at("/errors/0/field").asString()).isEqualTo("filename");
		filing = clerk.ok(clerk.multipart(documents, fields("description", "纪要"),
				List.of(new Part("file", "会议\u0001纪要.pdf", pdf("control")))));
		filing = clerk.ok(clerk.multipart(documents, fields("description", "路径"),
				List.of(new Part("file", "../../etc/设备\u202Efdp.exe", pdf("path")))));
		filing = clerk.ok(clerk.multipart(documents, fields("description", "不可见"),
				List.of(new Part("file", "\u200B\u200B", pdf("zero width")))));
		List<String> names = new ArrayList<>();
		filing.get("documents").forEach(document -> names.add(document.get("fileName").asString()));
		assertThat(names).containsExactly("会议纪要.pdf", "设备fdp.exe", "未命名文件");
		long stored = documentsOf(id);

		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
			for (String entry : List.of("[Content_Types].xml", "xl/workbook.xml")) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 512; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bomb.size()).isLessThan(1024 * 1024);
		assertProblem(clerk.multipart(documents, fields(), List.of(new Part("file", "bomb.xlsx", bomb.toByteArray()))),
				400, "UNSAFE_ARCHIVE");
		Response nul = clerk.multipart(documents, fields("description", "说明\u0000"),
				List.of(new Part("file", "ok.pdf", pdf("ok"))));
		assertProblem(nul, 400, "VALIDATION_FAILED");
		assertThat(nul.body().at("/errors/0/field").asString()).isEqualTo("description");
		assertProblem(clerk.multipart("/api/filings/" + id + "/committee-opinions",
				fields("committee", "ETHICS", "meetingDate", "-5000-01-01", "opinion", "同意"),
				List.of(new Part("minutes", "minutes.pdf", pdf("minutes")))), 400, "VALIDATION_FAILED");
		assertThat(documentsOf(id)).isEqualTo(stored);
	}

	@Test
	void oneOfTwoConcurrentApprovalsWinsAndTheOtherChangesNothing() throws Exception {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient cityAgain = as("changchun");
		FilingClient expert = as("expert2");
		JsonNode filing = submitted(clerk, "S05");
		filing = act(city, filing, "receive", Map.of());
		filing = act(city, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		String path = "/api/filings/" + id(filing) + "/decision";
		Map<String, Object> body = Map.of("version", version(filing), "decision", "APPROVED", "reasons", "同意");
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> {
			await(start);
			return city.post(path, body);
		});
		CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> {
			await(start);
			return cityAgain.post(path, body);
		});
		start.countDown();
		List<Response> responses = List.of(first.get(), second.get());
		assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
		Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertProblem(loser, 409, "FILING_CONCURRENTLY_MODIFIED");
		JsonNode after = city.filing(id(filing));
		assertThat(after.get("state").asString()).isEqualTo("APPROVED");
		assertThat(version(after)).isEqualTo(version(filing) + 1);
		int decisions = 0;
		for (JsonNode step : after.get("steps")) {
			decisions += step.get("action").asString().equals("DECIDE_APPROVED") ? 1 : 0;
		}
		assertThat(decisions).isEqualTo(1);
	}

	long documentsOf(String filingId) {
		return this.jdbc.sql("select count(*) from filing.document where filing_id = ?")
			.param(UUID.fromString(filingId))
			.query(Long.class)
			.single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] zip(String... entries) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
