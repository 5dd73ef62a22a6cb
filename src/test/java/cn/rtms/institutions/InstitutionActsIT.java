package cn.rtms.institutions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import cn.rtms.identity.Confirmation;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.LockWaits;
import cn.rtms.support.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes of issue 7 on institutions and people: who changes the jurisdiction (with a
 * reason, audited), confirmations as acts (a hospital cannot confirm a reviewer's clause
 * by writing a reviewer's name), no lost updates, and what 403 details and a physician's
 * view of his institution's report do not reveal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstitutionActsIT {

	private static final String TODAY = TestClock.today().toString();

	@LocalServerPort
	int port;

	Api admin;

	@Autowired
	InstitutionManagement institutions;

	@Autowired
	PersonnelManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	static int counter;

	@BeforeEach
	void setUp() {
		this.admin = Api.as(this.port, "admin");
	}

	/** A fresh institution in 南关区 (220102): 长春市 covers it, 梅河口市 does not. */
	private String newInstitution() {
		String name = "行为测试医院" + (++counter) + System.nanoTime() % 100000;
		Response created = this.admin.post("/api/institutions", this.admin.json().readTree("""
				{"name": "%s", "regionCode": "220102", "level": "TERTIARY_A", "type": "GENERAL",
				 "licence": {"number": "PDY00001022010215A1001", "issuedBy": "长春市卫生健康委员会",
				             "issuerRegionCode": "220100", "validFrom": "2020-01-01", "validUntil": "2030-12-31"},
				 "registeredSubjects": ["肿瘤科", "外科"],
				 "departments": [{"name": "肿瘤科", "subjects": ["肿瘤科"], "beds": 40, "since": "2010-03-01",
				                  "technologies": ["G08"]}]}
				""".formatted(name)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private static String idOf(Api api, String name) {
		for (JsonNode institution : api.get("/api/institutions").body()) {
			if (institution.get("name").asString().equals(name)) {
				return institution.get("id").asString();
			}
		}
		throw new AssertionError("no institution " + name);
	}

	private static ObjectNode jurisdiction(JsonNode institution, String level, String reason) {
		ObjectNode change = ((ObjectNode) institution).objectNode();
		change.put("regionCode", institution.get("regionCode").asString());
		change.put("level", level);
		change.put("type", institution.get("type").asString());
		change.set("licence", institution.get("licence"));
		if (reason != null) {
			change.put("reason", reason);
		}
		change.put("version", institution.get("version").asInt());
		return change;
	}

	@Test
	void theLicensingAuthorityChangesTheJurisdictionWithAReasonThatIsAudited() {
		String id = newInstitution();
		Api changchun = Api.as(this.port, "changchun");
		JsonNode before = changchun.get("/api/institutions/" + id).body();

		Response noReason = changchun.put("/api/institutions/" + id + "/jurisdiction",
				jurisdiction(before, "SECONDARY_A", null));
		assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
		assertThat(noReason.text()).contains("reason");
		Response blankReason = changchun.put("/api/institutions/" + id + "/jurisdiction",
				jurisdiction(before, "SECONDARY_A", "  "));
		assertThat(blankReason.status()).as(blankReason.text()).isEqualTo(400);
		Response longReason = changchun.put("/api/institutions/" + id + "/jurisdiction",
				jurisdiction(before, "SECONDARY_A", "因".repeat(501)));
		assertThat(longReason.status()).as(longReason.text()).isEqualTo(400);

		Response outOfScope = Api.as(this.port, "meihekou")
			.put("/api/institutions/" + id + "/jurisdiction", jurisdiction(before, "SECONDARY_A", "越权变更"));
		assertThat(outOfScope.status()).as(outOfScope.text()).isEqualTo(403);
		assertThat(outOfScope.body().get("detail").asString()).doesNotContain(before.get("name").asString(), "220102");

		Response changed = changchun.put("/api/institutions/" + id + "/jurisdiction",
				jurisdiction(before, "SECONDARY_A", "医院等级复评结果：二级甲等（吉卫医评〔2026〕12号）"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.body().get("level").asString()).isEqualTo("SECONDARY_A");
		assertThat(changed.body().get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);

		JsonNode entry = this.admin.get("/api/audit?entityType=Institution&entityId=" + id).body().get(0);
		assertThat(entry.get("action").asString()).isEqualTo("INSTITUTION_JURISDICTION_CHANGED");
		assertThat(entry.get("actorName").asString()).isEqualTo("长春市卫生健康委员会");
		assertThat(entry.get("before").asString()).contains("\"level\":\"TERTIARY_A\"");
		assertThat(entry.get("after").asString()).contains("\"level\":\"SECONDARY_A\"", "吉卫医评〔2026〕12号");
	}

	@Test
	void aHospitalCannotChangeItsJurisdictionEvenThroughTheDedicatedEndpoint() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		String id = idOf(clerk, "吉林市江城医院");
		JsonNode own = clerk.get("/api/institutions/" + id).body();
		Response refused = clerk.put("/api/institutions/" + id + "/jurisdiction",
				jurisdiction(own, "TERTIARY_A", "本院已升级"));
		assertThat(refused.status()).as(refused.text()).isEqualTo(403);
		assertThat(clerk.get("/api/institutions/" + id).body().get("level")).isEqualTo(own.get("level"));

		ObjectNode viaPut = ((ObjectNode) this.admin.get("/api/institutions/" + id).body()).deepCopy();
		viaPut.put("level", "TERTIARY_A");
		Response withoutReason = this.admin.put("/api/institutions/" + id, viaPut);
		assertThat(withoutReason.status()).as("the admin, too, needs the endpoint with a reason").isEqualTo(422);
		assertThat(withoutReason.text()).contains("变更原因");
	}

	@Test
	void aHospitalCannotConfirmAReviewerClauseByWritingAReviewersName() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		String id = idOf(clerk, "吉林市江城医院");
		String report = "/api/institutions/" + id + "/eligibility/G08?asOf=" + TODAY;
		JsonNode pending = firstPendingAttestation(clerk.get(report).body());
		String citation = pending.get("citation").asString();

		ObjectNode forged = ((ObjectNode) clerk.get("/api/institutions/" + id).body()).deepCopy();
		forged.set("attestations", clerk.json().readTree("""
				[{"clause": "%s", "confirmedBy": "吉林省卫生健康委员会专家组", "confirmedOn": "2026-01-05",
				  "evidence": "专家组现场审核"}]""".formatted(citation)));
		clerk.put("/api/institutions/" + id, forged);
		Response forgedAct = clerk.post("/api/institutions/" + id + "/attestations", clerk.json().readTree("""
				{"clause": "%s", "evidence": "专家组现场审核", "confirmedBy": "吉林省卫生健康委员会专家组"}
				""".formatted(citation)));
		assertThat(forgedAct.status()).as("no request field names the confirmer").isEqualTo(400);
		assertThat(clause(clerk.get(report).body(), citation).get("status").asString()).isEqualTo("NEEDS_ATTESTATION");

		Response declared = clerk.post("/api/institutions/" + id + "/attestations", clerk.json().readTree("""
				{"clause": "%s", "evidence": "本院自评报告"}""".formatted(citation)));
		assertThat(declared.status()).as(declared.text()).isEqualTo(200);
		JsonNode act = declared.body().get("attestations").get(0);
		assertThat(act.get("kind").asString()).isEqualTo("SELF_DECLARATION");
		assertThat(act.get("confirmedBy").asString()).isEqualTo("江城医院医务科");
		assertThat(act.get("confirmedByRole").asString()).isEqualTo("HOSPITAL_CLERK");
		assertThat(act.get("confirmedOn").asString()).isEqualTo(TODAY);
		try {
			JsonNode after = clause(clerk.get(report).body(), citation);
			assertThat(after.get("status").asString()).isEqualTo("NEEDS_ATTESTATION");
			assertThat(after.get("explanation").asString()).contains("医院自评承诺：江城医院医务科（医务科）", "待审核确认")
				.doesNotContain("已由");
		}
		finally {
			assertThat(clerk.delete("/api/institutions/" + id + "/attestations/" + act.get("id").asString()).status())
				.isEqualTo(200);
		}
	}

	@Test
	void anAuthorityCoveringTheInstitutionConfirmsAndTheVerdictSaysSo() {
		String id = newInstitution();
		Api changchun = Api.as(this.port, "changchun");
		String report = "/api/institutions/" + id + "/eligibility/G08?asOf=" + TODAY;
		String citation = firstPendingAttestation(changchun.get(report).body()).get("citation").asString();

		Response outOfScope = Api.as(this.port, "meihekou")
			.post("/api/institutions/" + id + "/attestations",
					this.admin.json().readTree("{\"clause\": \"" + citation + "\", \"evidence\": \"越权\"}"));
		assertThat(outOfScope.status()).isEqualTo(403);
		Response expert = Api.as(this.port, "expert1")
			.post("/api/institutions/" + id + "/attestations",
					this.admin.json().readTree("{\"clause\": \"" + citation + "\", \"evidence\": \"专家意见\"}"));
		assertThat(expert.status()).isEqualTo(403);

		Response reviewed = changchun.post("/api/institutions/" + id + "/attestations",
				changchun.json().readTree("{\"clause\": \"" + citation + "\", \"evidence\": \"现场核查记录\"}"));
		assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
		assertThat(reviewed.body().at("/attestations/0/kind").asString()).isEqualTo("REVIEW");
		JsonNode met = clause(changchun.get(report).body(), citation);
		assertThat(met.get("status").asString()).isEqualTo("MET");
		assertThat(met.get("explanation").asString())
			.contains("审核确认：已由 长春市卫生健康委员会（市（州）级卫生健康行政部门） 于 " + TODAY + " 确认（现场核查记录）");

		JsonNode entry = this.admin.get("/api/audit?entityType=Institution&entityId=" + id).body().get(0);
		assertThat(entry.get("action").asString()).isEqualTo("ATTESTATION_RECORDED");
		assertThat(entry.get("actorName").asString()).isEqualTo("长春市卫生健康委员会");
	}

	@Test
	void aPersonsClauseDeclaredByTheHospitalStaysPendingUntilTheAuthorityReviewsIt() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		String id = clerk.get("/api/people?q=郑晓丽").body().get(0).get("id").asString();
		String report = "/api/people/" + id + "/eligibility/G08?asOf=" + TODAY;
		JsonNode pending = null;
		for (JsonNode clause : clerk.get(report).body().get("clauses")) {
			if (clause.get("status").asString().equals("NEEDS_ATTESTATION")) {
				pending = clause;
			}
		}
		assertThat(pending).as("郑晓丽 waits for a confirmation (docs/demo-data.md)").isNotNull();
		String citation = pending.get("citation").asString();
		String body = "{\"clause\": \"" + citation + "\", \"evidence\": \"培训考核合格证明\"}";

		assertThat(Api.as(this.port, "doctor-wang")
			.post("/api/people/" + id + "/attestations", clerk.json().readTree(body))
			.status()).isEqualTo(403);
		Response declared = clerk.post("/api/people/" + id + "/attestations", clerk.json().readTree(body));
		assertThat(declared.status()).as(declared.text()).isEqualTo(200);
		JsonNode act = declared.body().get("attestations").get(0);
		assertThat(act.get("kind").asString()).isEqualTo("SELF_DECLARATION");
		try {
			JsonNode after = clause(clerk.get(report).body(), citation);
			assertThat(after.get("status").asString()).isEqualTo("NEEDS_ATTESTATION");
			assertThat(after.get("explanation").asString()).contains("医院自评承诺：江城医院医务科（医务科）");
		}
		finally {
			assertThat(clerk.delete("/api/people/" + id + "/attestations/" + act.get("id").asString()).status())
				.isEqualTo(200);
		}
	}

	@Test
	void twoEditsFromTheSameReadTheSecondIsRefusedSayingWhatChanged() {
		String id = newInstitution();
		JsonNode read = this.admin.get("/api/institutions/" + id).body();
		ObjectNode first = ((ObjectNode) read).deepCopy();
		((ObjectNode) first.get("departments").get(0)).put("beds", 41);
		ObjectNode second = ((ObjectNode) read).deepCopy();
		second.set("registeredSubjects", this.admin.json().readTree("[\"肿瘤科\"]"));

		assertThat(this.admin.put("/api/institutions/" + id, first).status()).isEqualTo(200);
		Response stale = this.admin.put("/api/institutions/" + id, second);
		assertThat(stale.status()).as(stale.text()).isEqualTo(409);
		assertThat(stale.body().get("code").asString()).isEqualTo("STALE_EDIT");
		assertThat(stale.body().get("detail").asString()).contains("第 0 版", "第 1 版", "系统管理员", "departments")
			.doesNotContain("registeredSubjects");
		assertThat(stale.body().at("/errors/0/field").asString()).isEqualTo("departments");
		assertThat(this.admin.get("/api/institutions/" + id).body().at("/departments/0/beds").asInt()).isEqualTo(41);
		assertThat(this.admin.get("/api/institutions/" + id).body().get("registeredSubjects").size()).isEqualTo(2);

		ObjectNode unversioned = ((ObjectNode) this.admin.get("/api/institutions/" + id).body()).deepCopy();
		unversioned.remove("version");
		Response missing = this.admin.put("/api/institutions/" + id, unversioned);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("code").asString()).isEqualTo("VERSION_REQUIRED");
	}

	@Test
	void twoEditsOfAPersonFromTheSameReadTheSecondIsRefused() {
		String institution = newInstitution();
		Response created = this.admin.post("/api/people", this.admin.json().readTree("""
				{"name": "版本测试医师", "roles": ["PHYSICIAN"], "institutionId": "%s", "clinicalStart": "2010-01-01"}
				""".formatted(institution)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		JsonNode read = this.admin.get("/api/people/" + id).body();
		ObjectNode first = ((ObjectNode) read).deepCopy().put("gender", "男");
		ObjectNode second = ((ObjectNode) read).deepCopy().put("clinicalStart", "2011-01-01");
		assertThat(this.admin.put("/api/people/" + id, first).status()).isEqualTo(200);
		Response stale = this.admin.put("/api/people/" + id, second);
		assertThat(stale.status()).as(stale.text()).isEqualTo(409);
		assertThat(stale.body().get("code").asString()).isEqualTo("STALE_EDIT");
		assertThat(stale.body().get("detail").asString()).contains("gender");
		assertThat(this.admin.get("/api/people/" + id).body().get("clinicalStart").asString()).isEqualTo("2010-01-01");
	}

	@Test
	void aForbiddenFilingIsRefusedWithoutNamingItsHospitalOrTechnology() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		Api.as(this.port, "ccszx-clerk").post("/api/filings", java.util.Map.of("technology", "S03"));
		JsonNode foreign = null;
		for (JsonNode filing : this.admin.get("/api/filings").body()) {
			if (!filing.get("institutionName").asString().equals("吉林市江城医院")) {
				foreign = filing;
				break;
			}
		}
		assertThat(foreign).as("a filing of another hospital").isNotNull();
		Response refused = clerk.get("/api/filings/" + foreign.get("id").asString());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("detail").asString()).doesNotContain(foreign.get("institutionName").asString(),
				foreign.get("technology").asString(), foreign.get("technologyName").asString());
	}

	@Test
	void aPhysicianSeesHisColleaguesNamesButNotTheirVerdicts() {
		Api doctor = Api.as(this.port, "doctor-wang");
		String id = idOf(doctor, "长春市中心医院");
		Response report = doctor.get("/api/institutions/" + id + "/eligibility/G08?asOf=" + TODAY);
		assertThat(report.status()).as(report.text()).isEqualTo(200);
		List<String> colleagues = new ArrayList<>();
		boolean sawSelf = false;
		for (JsonNode physician : report.body().get("qualifiedPhysicians")) {
			String name = physician.get("name").asString();
			if (name.equals("王淑华")) {
				sawSelf = true;
				assertThat(physician.get("status").asString()).isNotEqualTo("WITHHELD");
			}
			else {
				colleagues.add(name);
				assertThat(physician.get("status").asString()).as(name).isEqualTo("WITHHELD");
			}
		}
		assertThat(sawSelf).isTrue();
		assertThat(colleagues).contains("刘建国");
		for (JsonNode clause : report.body().get("clauses")) {
			assertThat(clause.toString()).as("no clause pairs a colleague's name with a verdict")
				.doesNotContain(colleagues.toArray(String[]::new));
		}
		String matrix = doctor.get("/api/institutions/" + id + "/eligibility?asOf=" + TODAY).text();
		assertThat(matrix).doesNotContain(colleagues.toArray(String[]::new));

		JsonNode asClerk = Api.as(this.port, "ccszx-clerk")
			.get("/api/institutions/" + id + "/eligibility/G08?asOf=" + TODAY)
			.body();
		assertThat(asClerk.get("qualifiedPhysicians").toString()).doesNotContain("WITHHELD").contains("刘建国");
	}

	private static JsonNode firstPendingAttestation(JsonNode report) {
		for (JsonNode clause : report.get("clauses")) {
			if (clause.get("status").asString().equals("NEEDS_ATTESTATION")
					&& clause.get("explanation").asString().startsWith("待人工确认")) {
				return clause;
			}
		}
		throw new AssertionError("no clause waiting only for a confirmation in " + report);
	}

	private static JsonNode clause(JsonNode report, String citation) {
		for (JsonNode clause : report.get("clauses")) {
			if (clause.get("citation").asString().equals(citation)) {
				return clause;
			}
		}
		throw new AssertionError("no clause " + citation);
	}

	/**
	 * Two reviewers confirm different clauses of one institution at once: the second
	 * waits for the first and keeps its confirmation (both read the list, added one and
	 * wrote it back, so the second overwrote the first).
	 */
	@Test
	void confirmationsOfOneInstitutionMadeAtOnceAreBothKept() throws Exception {
		UUID id = UUID.fromString(newInstitution());
		bothKept((clause, evidence) -> this.institutions.confirm(id, clause, evidence),
				() -> this.institutions.get(id).attestations());
	}

	/** The same for a person's confirmations. */
	@Test
	void confirmationsOfOnePersonMadeAtOnceAreBothKept() throws Exception {
		Response created = this.admin.post("/api/people", this.admin.json().readTree("""
				{"name": "并发确认医师", "gender": "男", "birthDate": "1980-03-02", "roles": ["PHYSICIAN"],
				 "institutionId": "%s",
				 "licence": {"number": "2200000000%05d", "issuedOn": "2005-08-01", "scopes": ["外科专业"]},
				 "titles": [{"title": "RESIDENT", "since": "2005-08-01"}], "clinicalStart": "2005-07-01",
				 "caseVolumes": [], "adverseEvents": []}
				""".formatted(newInstitution(), System.nanoTime() % 100000)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		UUID id = UUID.fromString(created.body().get("id").asString());
		bothKept((clause, evidence) -> this.people.confirm(id, clause, evidence),
				() -> this.people.get(id).attestations());
	}

	/**
	 * The first confirmation is made in a transaction held open until the second is seen
	 * waiting for a lock in PostgreSQL (before the fix: for the row its stale list was
	 * about to overwrite); then both must be there.
	 */
	private void bothKept(BiConsumer<String, String> confirm, Supplier<@Nullable List<Confirmation>> read)
			throws Exception {
		CountDownLatch firstWrote = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<?> first = pool.submit(() -> this.transactions.execute(status -> this.users.actingAs("admin", () -> {
				confirm.accept("G08/2022 一(一)", "现场核查记录甲");
				firstWrote.countDown();
				LockWaits.awaitOne(this.jdbc, "the second confirmation");
				return 0;
			})));
			assertThat(firstWrote.await(20, TimeUnit.SECONDS)).isTrue();
			Future<?> second = pool
				.submit(() -> this.transactions.execute(status -> this.users.actingAs("admin", () -> {
					confirm.accept("G08/2022 一(二)", "现场核查记录乙");
					return 0;
				})));
			first.get(30, TimeUnit.SECONDS);
			second.get(30, TimeUnit.SECONDS);
		}
		List<Confirmation> kept = this.users.actingAs("admin", read);
		assertThat(kept).extracting(Confirmation::clause)
			.as("neither confirmation is lost")
			.containsExactlyInAnyOrder("G08/2022 一(一)", "G08/2022 一(二)");
	}

}
