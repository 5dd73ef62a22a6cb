package cn.rtms.authorization;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.rtms.filing.FilingStateChanged;
import cn.rtms.personnel.PersonChanged;
import cn.rtms.support.Api;
import cn.rtms.support.TestClock;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization ledger over HTTP with the demo users and demo data, on the suite's
 * pinned day (the demo data moves with it). 长春市中心医院 holds an active G08 filing (a prior
 * filing registered by the province before each test): a hospital grants only a
 * technology it has filed. Own context, because the tests here revoke and suspend that
 * filing and let a physician leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=AuthorizationApiIT")
class AuthorizationApiIT {

	static final String PASSWORD = "Rtms@2026";

	static final LocalDate TODAY = TestClock.today();

	/** The day the demo file is written for (docs/demo-data.md). */
	static final LocalDate DEMO_REFERENCE = LocalDate.of(2026, 11, 22);

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Autowired
	GrantRevocationListener listener;

	Api as(String username) {
		Api api = new Api(this.port);
		api.login(username, PASSWORD);
		return api;
	}

	String personId(Api api, String name) {
		Response found = api.get("/api/people?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	Response apply(Api api, String personId, String technology, LocalDate from, LocalDate until,
			String... subTechniques) {
		return api.post("/api/authorizations", Map.of("personId", personId, "technology", technology, "subTechniques",
				List.of(subTechniques), "validFrom", from.toString(), "validUntil", until.toString()));
	}

	String created(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.body().get("status").asString()).isEqualTo("PENDING");
		return response.body().get("id").asString();
	}

	String institutionId(Api api, String name) {
		Response found = api.get("/api/institutions?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	@BeforeEach
	void theHospitalHoldsAnActiveG08Filing() {
		Api province = as("province");
		Response registered = province.post("/api/filings/prior",
				Map.of("institutionId", institutionId(province, "长春市中心医院"), "technology", "G08", "approvedOn",
						TODAY.minusYears(1).toString(), "documentNo", "吉卫医政备字〔2025〕第 101 号"));
		if (registered.status() != 201) {
			// registered before an earlier test of this context (and not revoked by it)
			assertThat(registered.body().get("code").asString()).as(registered.text())
				.isEqualTo("FILING_ALREADY_EXISTS");
		}
		assertThat(hospitalFiling("G08").get("state").asString()).isEqualTo("ACTIVE");
	}

	/** 长春市中心医院's open filing of the technology (as its clerk lists it). */
	JsonNode hospitalFiling(String technology) {
		Response listed = as("ccszx-clerk").get("/api/filings?technology=" + technology);
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		for (JsonNode filing : listed.body()) {
			if (!List.of("REJECTED", "REVOKED").contains(filing.get("state").asString())) {
				return filing;
			}
		}
		throw new AssertionError("长春市中心医院 has no open " + technology + " filing: " + listed.text());
	}

	Response act(Api authority, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return authority.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion);
	}

	String granted(Api admin, String authorizationId) {
		Response granted = admin.post("/api/authorizations/" + authorizationId + "/grant", Map.of("version", 0));
		assertThat(granted.status()).as(granted.text()).isEqualTo(200);
		assertThat(granted.body().get("status").asString()).isEqualTo("GRANTED");
		return authorizationId;
	}

	List<JsonNode> audited(String authorizationId, String action) {
		Response trail = as("admin").get("/api/audit?entityType=Authorization&entityId=" + authorizationId);
		assertThat(trail.status()).as(trail.text()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		trail.body().forEach(e -> {
			if (e.get("action").asString().equals(action)) {
				entries.add(e);
			}
		});
		return entries;
	}

	@Test
	void grantsEligiblePhysicianRefusesSecondEffectiveGrantAndEditAndRevokesWithReason() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String liu = personId(clerk, "刘建国");
		String id = created(apply(clerk, liu, "G08", TODAY, TODAY.plusYears(3).minusDays(1), "RFA", "MWA"));
		assertThat(clerk.get("/api/authorizations/" + id).body().get("actions").toString()).contains("EDIT")
			.doesNotContain("GRANT");

		Response clerkGrant = clerk.post("/api/authorizations/" + id + "/grant", Map.of("version", 0));
		assertThat(clerkGrant.status()).as(clerkGrant.text()).isEqualTo(403);

		Response granted = admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 0));
		assertThat(granted.status()).as(granted.text()).isEqualTo(200);
		JsonNode body = granted.body();
		assertThat(body.get("status").asString()).isEqualTo("GRANTED");
		assertThat(body.get("statusLabel").asString()).isEqualTo("已授权");
		assertThat(body.get("effective").asBoolean()).isTrue();
		assertThat(body.get("validityLabel").asString()).isEqualTo("生效中");
		assertThat(body.get("eligibilityStatus").asString()).isEqualTo("MET");
		assertThat(body.at("/subTechniques/0/name").asString()).isEqualTo("射频消融");
		assertThat(body.get("decidedBy").asString()).isEqualTo("ccszx-admin");
		assertThat(body.get("version").asInt()).isEqualTo(1);

		Response edit = admin.put("/api/authorizations/" + id, Map.of("technology", "G08", "validFrom",
				TODAY.toString(), "validUntil", TODAY.plusYears(5).toString(), "version", 1));
		assertThat(edit.status()).as(edit.text()).isEqualTo(409);
		assertThat(edit.body().get("code").asString()).isEqualTo("AUTHORIZATION_NOT_EDITABLE");
		assertThat(edit.body().get("detail").asString()).contains("已授权的记录不可修改，只能撤销");

		String second = created(apply(clerk, liu, "G08", TODAY.plusMonths(6), TODAY.plusYears(4)));
		Response conflict = admin.post("/api/authorizations/" + second + "/grant", Map.of("version", 0));
		assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
		assertThat(conflict.body().get("code").asString()).isEqualTo("AUTHORIZATION_CONFLICT");
		assertThat(conflict.body().get("conflictingId").asString()).isEqualTo(id);

		Response stale = admin.post("/api/authorizations/" + id + "/revoke", Map.of("version", 0, "reason", "x"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("code").asString()).isEqualTo("CONCURRENT_MODIFICATION");
		Response noReason = admin.post("/api/authorizations/" + id + "/revoke", Map.of("version", 1));
		assertThat(noReason.status()).isEqualTo(400);

		Response revoked = admin.post("/api/authorizations/" + id + "/revoke",
				Map.of("version", 1, "reason", "发生严重并发症，暂停授权"));
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.body().get("status").asString()).isEqualTo("REVOKED");
		assertThat(revoked.body().get("revocationReason").asString()).isEqualTo("发生严重并发症，暂停授权");
		assertThat(revoked.body().get("effective").asBoolean()).isFalse();
		assertThat(revoked.body().get("actions").size()).isZero();

		Response again = admin.post("/api/authorizations/" + id + "/revoke", Map.of("version", 2, "reason", "再次"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("code").asString()).isEqualTo("INVALID_TRANSITION");
		assertThat(again.body().get("detail").asString()).isEqualTo("授权记录当前为“已撤销”，不能变更为“已撤销”");

		Response nowFree = admin.post("/api/authorizations/" + second + "/grant", Map.of("version", 0));
		assertThat(nowFree.status()).as(nowFree.text()).isEqualTo(200);
		assertThat(nowFree.body().get("validityLabel").asString()).isEqualTo("未到生效日期");

		Response trail = as("admin").get("/api/audit?entityType=Authorization&entityId=" + id);
		assertThat(trail.status()).as(trail.text()).isEqualTo(200);
		assertThat(trail.text()).contains("AUTHORIZATION_CREATED", "AUTHORIZATION_GRANTED", "AUTHORIZATION_REVOKED");
	}

	/**
	 * The hospital's grant to a physician who has since left (on no institution's staff)
	 * stays its own: listed with his name and revocable (before, naming him went through
	 * the people's scope check and every list and the revocation answered 403). And the
	 * registry reads every grant: a thousand newer records do not push an old one out
	 * (before, the search stopped at the newest 1,000, and the cases of a physician whose
	 * grant fell off were flagged 未授权).
	 */
	@Test
	void aGrantStaysListedAndRevocableAfterThePhysicianLeftAndBehindAThousandNewerRecords() {
		Api clerk = as("ccszx-clerk");
		String liu = personId(clerk, "刘建国");
		java.util.UUID hospital = institutionOfPerson(liu);
		java.util.UUID grant = java.util.UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into authorizations.physician_authorization (id, person_id, institution_id, technology, valid_from,
					  valid_until, status, created_by, created_by_name, created_at, decided_by, decided_by_name, decided_at)
					values (?, ?::uuid, ?, 'S01', date '2019-01-01', date '2019-12-31', 'GRANTED', 'ccszx-admin', '管理员',
					  timestamptz '2019-01-01 08:00+08', 'ccszx-admin', '管理员', timestamptz '2019-01-01 09:00+08')
					""")
			.params(grant, liu, hospital)
			.update();
		this.jdbc
			.sql("""
					insert into authorizations.physician_authorization (id, person_id, institution_id, technology, valid_from,
					  valid_until, status, created_by, created_by_name, created_at, rejection_reason)
					select gen_random_uuid(), ?::uuid, ?, 'S01', date '2020-01-01', date '2020-12-31', 'REJECTED', 'ccszx-clerk',
					  '医务科', timestamptz '2020-01-01 08:00+08' + n * interval '1 minute', '测试：较新的记录'
					from generate_series(1, 1000) n
					""")
			.params(liu, hospital)
			.update();
		this.jdbc.sql("update personnel.person set institution_id = null where id = ?::uuid").param(liu).update();
		try {
			Response listed = clerk.get("/api/authorizations?personId=" + liu);
			assertThat(listed.status()).as(listed.text()).isEqualTo(200);
			assertThat(listed.body().size()).isGreaterThanOrEqualTo(1001);
			assertThat(listed.text()).contains(grant.toString(), "刘建国");
			Response revoked = as("ccszx-admin").post("/api/authorizations/" + grant + "/revoke",
					Map.of("version", 0, "reason", "医师已离职"));
			assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
			assertThat(revoked.body().get("personName").asString()).isEqualTo("刘建国");
		}
		finally {
			placePerson(liu, hospital);
			this.jdbc
				.sql("delete from authorizations.physician_authorization where person_id = ?::uuid "
						+ "and technology = 'S01' and valid_until < date '2021-01-01'")
				.param(liu)
				.update();
		}
	}

	@Test
	void refusesGrantWithFailingClausesForIneligiblePhysician() {
		Api admin = as("ccszx-admin");
		String zhang = personId(admin, "张海涛");
		String id = created(apply(admin, zhang, "G08", TODAY, TODAY.plusYears(1)));
		Response refused = admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 0));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("NOT_ELIGIBLE");
		assertThat(refused.body().get("eligibilityStatus").asString()).isNotEqualTo("MET");
		JsonNode clauses = refused.body().get("clauses");
		assertThat(clauses.size()).isPositive();
		assertThat(clauses.get(0).get("citation").asString()).startsWith("G08/");
		assertThat(clauses.get(0).get("explanation").asString()).isNotBlank();
		assertThat(refused.body().get("detail").asString()).contains("张海涛", "不能授权");
		assertThat(admin.get("/api/authorizations/" + id).body().get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void refusesUnknownSubTechniqueAndPastValidity() {
		Api clerk = as("ccszx-clerk");
		String wang = personId(clerk, "王淑华");
		Response invalid = apply(clerk, wang, "G08", TODAY.minusYears(3), TODAY.minusDays(1), "RFA", "XYZ");
		assertThat(invalid.status()).as(invalid.text()).isEqualTo(422);
		assertThat(invalid.body().get("code").asString()).isEqualTo("INVALID_AUTHORIZATION");
		assertThat(invalid.text()).contains("subTechniques[1]", "子技术 “XYZ” 不属于 G08 现行管理规范", "validUntil");
	}

	@Test
	void rejectsWithReasonAndThenCannotGrant() {
		Api admin = as("ccszx-admin");
		String li = personId(admin, "李明哲");
		String id = created(apply(admin, li, "S03", TODAY, TODAY.plusYears(2)));
		Response rejected = admin.post("/api/authorizations/" + id + "/reject",
				Map.of("version", 0, "reason", "科室尚未提出申请"));
		assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
		assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.body().get("rejectionReason").asString()).isEqualTo("科室尚未提出申请");
		Response grant = admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 1));
		assertThat(grant.status()).isEqualTo(409);
		assertThat(grant.body().get("detail").asString()).isEqualTo("授权记录当前为“已驳回”，不能变更为“已授权”");
	}

	@Test
	void physicianAppliesForThemselfButCannotGrantOrApplyForOthers() {
		Api doctor = as("doctor-wang");
		JsonNode me = doctor.get("/api/auth/me").body();
		String self = me.get("personId").asString();
		String id = created(apply(doctor, self, "G08", TODAY.plusDays(1), TODAY.plusYears(2)));
		JsonNode record = doctor.get("/api/authorizations/" + id).body();
		assertThat(record.get("createdBy").asString()).isEqualTo("doctor-wang");
		assertThat(record.get("actions").toString()).contains("EDIT").doesNotContain("GRANT");
		Response grant = doctor.post("/api/authorizations/" + id + "/grant", Map.of("version", 0));
		assertThat(grant.status()).isEqualTo(403);

		String other = personId(as("ccszx-clerk"), "赵雨桐");
		Response forOther = apply(doctor, other, "G08", TODAY, TODAY.plusYears(1));
		assertThat(forOther.status()).isEqualTo(403);
		assertThat(forOther.body().get("detail").asString()).contains("医师只能为本人申请授权");

		List<JsonNode> mine = new ArrayList<>();
		doctor.get("/api/authorizations").body().forEach(mine::add);
		assertThat(mine).isNotEmpty().allMatch(a -> a.get("personId").asString().equals(self));
	}

	@Test
	void anotherHospitalsClerkIsRefused() {
		Api clerk = as("ccszx-clerk");
		String zhao = personId(clerk, "赵雨桐");
		String id = created(apply(clerk, zhao, "G08", TODAY, TODAY.plusYears(1)));
		Api foreign = as("jiangcheng-clerk");
		assertThat(foreign.get("/api/authorizations/" + id).status()).isEqualTo(403);
		assertThat(apply(foreign, zhao, "G08", TODAY, TODAY.plusYears(1)).status()).isEqualTo(403);
		assertThat(foreign
			.put("/api/authorizations/" + id,
					Map.of("technology", "G08", "validFrom", TODAY.toString(), "validUntil",
							TODAY.plusYears(2).toString(), "version", 0))
			.status()).isEqualTo(403);
		List<JsonNode> visible = new ArrayList<>();
		foreign.get("/api/authorizations").body().forEach(visible::add);
		assertThat(visible).noneMatch(a -> a.get("id").asString().equals(id));
	}

	@Test
	void authorityReadsButCannotGrant() {
		Api clerk = as("ccszx-clerk");
		String zhao = personId(clerk, "赵雨桐");
		String id = created(apply(clerk, zhao, "G08", TODAY.plusYears(5), TODAY.plusYears(6)));
		Api city = as("changchun");
		Response read = city.get("/api/authorizations/" + id);
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(read.body().get("actions").size()).isZero();
		assertThat(city.post("/api/authorizations/" + id + "/grant", Map.of("version", 0)).status()).isEqualTo(403);
		assertThat(city.post("/api/authorizations/" + id + "/reject", Map.of("version", 0, "reason", "x")).status())
			.isEqualTo(403);
		assertThat(as("jiangcheng-clerk").get("/api/authorizations/" + id).status()).isEqualTo(403);
	}

	@Test
	void onlyOneOfTwoConcurrentGrantsSucceeds() throws Exception {
		Api clerk = as("ccszx-clerk");
		String zhao = personId(clerk, "赵雨桐");
		String first = created(apply(clerk, zhao, "G08", TODAY.plusYears(10), TODAY.plusYears(11)));
		String second = created(apply(clerk, zhao, "G08", TODAY.plusYears(10).plusMonths(6), TODAY.plusYears(12)));
		Api admin1 = as("ccszx-admin");
		Api admin2 = as("ccszx-admin");
		List<Callable<Integer>> grants = List.of(
				() -> admin1.post("/api/authorizations/" + first + "/grant", Map.of("version", 0)).status(),
				() -> admin2.post("/api/authorizations/" + first + "/grant", Map.of("version", 0)).status(),
				() -> admin2.post("/api/authorizations/" + second + "/grant", Map.of("version", 0)).status());
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			for (Future<Integer> result : pool.invokeAll(grants)) {
				statuses.add(result.get());
			}
		}
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
	}

	@Test
	void remindersBucketWhatExpiresInScope() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String wang = personId(clerk, "王淑华");
		String id = created(apply(clerk, wang, "G08", TODAY.minusDays(10), TODAY.plusDays(20)));
		assertThat(admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 0)).status()).isEqualTo(200);

		Response mine = clerk.get("/api/reminders?days=90");
		assertThat(mine.status()).as(mine.text()).isEqualTo(200);
		JsonNode buckets = mine.body().get("buckets");
		assertThat(buckets.size()).isEqualTo(3);
		assertThat(buckets.get(0).get("bucket").asInt()).isEqualTo(30);
		assertThat(buckets.get(1).get("label").asString()).isEqualTo("31–60 天内到期");
		JsonNode item = null;
		for (JsonNode candidate : buckets.get(0).get("items")) {
			if (id.equals(candidate.path("referenceId").asString(""))) {
				item = candidate;
			}
		}
		assertThat(item).as(mine.text()).isNotNull();
		assertThat(item.get("kindLabel").asString()).isEqualTo("手术授权");
		assertThat(item.get("subjectName").asString()).isEqualTo("王淑华");
		assertThat(item.get("daysLeft").asInt()).isEqualTo(20);
		assertThat(item.get("bucketLabel").asString()).isEqualTo("30 天内到期");
		assertThat(mine.text()).doesNotContain("吉林省松江肿瘤医院");

		Response city = as("changchun").get("/api/reminders?days=90");
		assertThat(city.status()).as(city.text()).isEqualTo(200);
		JsonNode sixty = city.body().get("buckets").get(1);
		// the demo licence expires 2027-01-09 in the file, 1 month 18 days after its
		// reference day; the demo
		// keeps that distance to the day of the first start (DemoTimeline)
		LocalDate expiry = TODAY.isAfter(DEMO_REFERENCE)
				? TODAY.plus(Period.between(DEMO_REFERENCE, LocalDate.of(2027, 1, 9))) : LocalDate.of(2027, 1, 9);
		assertThat(sixty.toString()).contains("辐射安全许可证", "吉林省松江肿瘤医院", expiry.toString());
		assertThat(city.text()).contains(id);

		Response thirty = clerk.get("/api/reminders?days=30");
		assertThat(thirty.body().get("buckets").size()).isEqualTo(1);
		assertThat(as("expert1").get("/api/reminders").status()).isEqualTo(403);
	}

	/**
	 * 吉卫医发〔2022〕12号 二: the hospital authorizes physicians for a technology it performs,
	 * so a grant needs a filing of the technology that is self-assessed or later (the
	 * self-assessment comes before the first case, the submission up to 15 working days
	 * after it) and neither rejected, revoked nor suspended. Before, a grant looked at
	 * the physician only.
	 */
	@Test
	void refusesAGrantUnlessTheHospitalHasASelfAssessedFilingThatIsNotSuspended() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String liu = personId(clerk, "刘建国");

		String unfiled = created(apply(clerk, liu, "S01", TODAY, TODAY.plusYears(1)));
		Response none = admin.post("/api/authorizations/" + unfiled + "/grant", Map.of("version", 0));
		assertThat(none.status()).as(none.text()).isEqualTo(422);
		assertThat(none.body().get("code").asString()).isEqualTo("NO_FILING");
		assertThat(none.body().get("technology").asString()).isEqualTo("S01");
		assertThat(none.body().has("filingState")).isFalse();
		assertThat(none.body().get("detail").asString()).contains("本机构尚无 S01", "的备案", "不能授权", "备案自评");
		assertThat(admin.get("/api/authorizations/" + unfiled).body().get("status").asString()).isEqualTo("PENDING");

		// a draft is not enough; once self-assessed, the filing no longer stands in the
		// way
		JsonNode draft = clerk.post("/api/filings", Map.of("technology", "G10")).body();
		assertThat(draft.get("state").asString()).as(draft.toString()).isEqualTo("DRAFT");
		String drafted = created(apply(clerk, liu, "G10", TODAY, TODAY.plusYears(1)));
		Response early = admin.post("/api/authorizations/" + drafted + "/grant", Map.of("version", 0));
		assertThat(early.status()).as(early.text()).isEqualTo(422);
		assertThat(early.body().get("code").asString()).isEqualTo("NO_FILING");
		assertThat(early.body().get("filingState").asString()).isEqualTo("DRAFT");
		assertThat(early.body().get("detail").asString()).contains("G10", "“草稿”", "备案自评");
		String draftId = draft.get("id").asString();
		Response assessed = clerk.post("/api/filings/" + draftId + "/self-assessment",
				Map.of("version", draft.get("version").asLong()));
		assertThat(assessed.status()).as(assessed.text()).isEqualTo(200);
		try {
			Response afterAssessment = admin.post("/api/authorizations/" + drafted + "/grant", Map.of("version", 0));
			assertThat(afterAssessment.status()).as(afterAssessment.text()).isIn(200, 422);
			assertThat(afterAssessment.body().path("code").asString("")).isNotEqualTo("NO_FILING");
		}
		finally {
			assertThat(clerk.delete("/api/filings/" + draftId + "?version=" + assessed.body().get("version").asLong())
				.status()).isEqualTo(204);
		}

		// a suspension stops new grants and leaves the existing ones
		String zhao = personId(clerk, "赵雨桐");
		String kept = granted(admin, created(apply(clerk, zhao, "G08", TODAY.plusYears(20), TODAY.plusYears(21))));
		Api province = as("province");
		Response suspended = act(province, hospitalFiling("G08"), "suspend",
				Map.of("reason", "SERIOUS_ADVERSE_EVENT", "text", "测试：发生严重不良事件，暂停开展"));
		assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
		try {
			String pending = created(apply(clerk, liu, "G08", TODAY.plusYears(20), TODAY.plusYears(21)));
			Response refused = admin.post("/api/authorizations/" + pending + "/grant", Map.of("version", 0));
			assertThat(refused.status()).as(refused.text()).isEqualTo(422);
			assertThat(refused.body().get("code").asString()).isEqualTo("NO_FILING");
			assertThat(refused.body().get("filingState").asString()).isEqualTo("SUSPENDED");
			assertThat(refused.body().get("filingStateLabel").asString()).isEqualTo("已中止");
			assertThat(refused.body().get("detail").asString()).contains("G08 肿瘤消融治疗技术", "“已中止”", "不能授权");
			assertThat(admin.get("/api/authorizations/" + kept).body().get("status").asString()).isEqualTo("GRANTED");
		}
		finally {
			Response resumed = act(province, suspended.body(), "resume", Map.of("text", "测试结束"));
			assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
		}
	}

	/**
	 * When the authority revokes the hospital's filing, the hospital's grants of the
	 * technology that have not expired are revoked by the system (audited, the clerks
	 * told), and no new one is granted. A re-delivered event changes nothing. Before, the
	 * grants stayed 生效中 and a new one was granted.
	 */
	@Test
	void revokingTheFilingRevokesTheHospitalsGrantsOfTheTechnologyAndRefusesNewOnes() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String zhao = personId(clerk, "赵雨桐");
		String grant = granted(admin, created(apply(clerk, zhao, "G08", TODAY, TODAY.plusYears(2), "RFA")));
		java.util.UUID hospital = java.util.UUID.fromString(institutionId(clerk, "长春市中心医院"));
		java.util.UUID expired = java.util.UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into authorizations.physician_authorization (id, person_id, institution_id, technology, valid_from,
					  valid_until, status, created_by, created_by_name, created_at, decided_by, decided_by_name, decided_at)
					values (?, ?::uuid, ?, 'G08', date '2019-01-01', date '2019-12-31', 'GRANTED', 'ccszx-admin', '管理员',
					  timestamptz '2019-01-01 08:00+08', 'ccszx-admin', '管理员', timestamptz '2019-01-01 09:00+08')
					""")
			.params(expired, zhao, hospital)
			.update();

		JsonNode filing = hospitalFiling("G08");
		Response revoked = act(as("province"), filing, "revoke",
				Map.of("reason", "EQUIPMENT_UNUSABLE", "text", "测试：消融设备已报废"));
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.body().get("state").asString()).isEqualTo("REVOKED");

		JsonNode record = admin.get("/api/authorizations/" + grant).body();
		assertThat(record.get("status").asString()).isEqualTo("REVOKED");
		assertThat(record.get("revocationReason").asString()).isEqualTo("备案已撤销（" + TODAY + "）");
		assertThat(record.get("revokedBy").asString()).isEqualTo("system");
		assertThat(record.get("revokedByName").asString()).isEqualTo("系统");
		assertThat(record.get("effective").asBoolean()).isFalse();
		assertThat(admin.get("/api/authorizations?effective=true&technology=G08").text()).doesNotContain(grant);
		assertThat(admin.get("/api/authorizations/" + expired).body().get("status").asString())
			.as("an expired grant is left as it was")
			.isEqualTo("GRANTED");
		List<JsonNode> audited = audited(grant, "AUTHORIZATION_REVOKED");
		assertThat(audited).hasSize(1);
		assertThat(audited.getFirst().get("actorName").asString()).isEqualTo("系统");
		List<String> told = new ArrayList<>();
		clerk.get("/api/notifications?size=100").body().get("items").forEach(m -> {
			if (m.get("kind").asString().equals("AUTHORIZATION_REVOKED")) {
				told.add(m.get("body").asString());
			}
		});
		assertThat(told).anyMatch(body -> body.contains("赵雨桐") && body.contains("备案已撤销（" + TODAY + "）")
				&& body.contains("已由系统自动撤销") && !body.contains("被医院撤销"));

		String again = created(apply(clerk, zhao, "G08", TODAY, TODAY.plusYears(2)));
		Response refused = admin.post("/api/authorizations/" + again + "/grant", Map.of("version", 0));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("NO_FILING");
		assertThat(refused.body().get("filingState").asString()).isEqualTo("REVOKED");
		assertThat(refused.body().get("detail").asString()).contains("G08 肿瘤消融治疗技术", "“已撤销”", "不能授权");

		this.listener.on(new FilingStateChanged(java.util.UUID.fromString(filing.get("id").asString()), hospital, "G08",
				"REVOKE", "ACTIVE", "REVOKED", TestClock.pinned().toInstant()));
		assertThat(audited(grant, "AUTHORIZATION_REVOKED")).as("re-delivered: nothing revoked twice").hasSize(1);
		assertThat(admin.get("/api/authorizations/" + grant).body().get("version").asInt())
			.isEqualTo(record.get("version").asInt());
	}

	/**
	 * 不予备案: grants made while the filing was underway are revoked by the system when the
	 * authority decides not to register it (the listener is called with the decision's
	 * event; the workflow that leads there is FilingWorkflowIT's), once even when the
	 * event is delivered again. Before, they stayed 生效中 on the ledger of a hospital that
	 * may not perform the technology.
	 */
	@Test
	void aRejectedFilingRevokesTheGrantsMadeWhileItWasUnderway() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String zhao = personId(clerk, "赵雨桐");
		String grant = granted(admin, created(apply(clerk, zhao, "G08", TODAY.plusYears(50), TODAY.plusYears(51))));
		java.util.UUID hospital = java.util.UUID.fromString(institutionId(clerk, "长春市中心医院"));
		FilingStateChanged rejected = new FilingStateChanged(java.util.UUID.randomUUID(), hospital, "G08",
				"DECIDE_REJECTED", "UNDER_EXPERT_REVIEW", "REJECTED", TestClock.pinned().toInstant());

		this.listener.on(rejected);
		JsonNode record = admin.get("/api/authorizations/" + grant).body();
		assertThat(record.get("status").asString()).isEqualTo("REVOKED");
		assertThat(record.get("revocationReason").asString()).isEqualTo("备案未予通过（不予备案，" + TODAY + "）");
		assertThat(record.get("revokedByName").asString()).isEqualTo("系统");

		this.listener.on(rejected);
		assertThat(audited(grant, "AUTHORIZATION_REVOKED")).as("re-delivered: nothing revoked twice").hasSize(1);
	}

	/**
	 * A physician who leaves the hospital loses its grants (the system revokes them,
	 * audited); a re-delivered event changes nothing. Before, they stayed effective for
	 * that hospital's cases until someone revoked them by hand.
	 */
	@Test
	void aPhysicianWhoLeavesLosesTheGrantsOfTheHospitalHeLeft() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String liu = personId(clerk, "刘建国");
		java.util.UUID hospital = institutionOfPerson(liu);
		// years ahead: other tests here grant 刘建国 G08 from today on
		String grant = granted(admin, created(apply(clerk, liu, "G08", TODAY.plusYears(30), TODAY.plusYears(31))));
		String pending = created(apply(clerk, liu, "G08", TODAY.plusYears(32), TODAY.plusYears(33)));
		try {
			Response left = admin.post("/api/people/" + liu + "/leave", Map.of());
			assertThat(left.status()).as(left.text()).isEqualTo(200);

			JsonNode application = admin.get("/api/authorizations/" + pending).body();
			assertThat(application.get("status").asString()).as("his pending application there is rejected")
				.isEqualTo("REJECTED");
			assertThat(application.get("rejectionReason").asString()).isEqualTo("医师已离开本机构（" + TODAY + "）");
			assertThat(audited(pending, "AUTHORIZATION_REJECTED")).hasSize(1);

			JsonNode record = admin.get("/api/authorizations/" + grant).body();
			assertThat(record.get("status").asString()).isEqualTo("REVOKED");
			assertThat(record.get("revocationReason").asString()).isEqualTo("医师已离开本机构（" + TODAY + "）");
			assertThat(record.get("revokedByName").asString()).isEqualTo("系统");
			assertThat(admin.get("/api/authorizations?status=GRANTED&personId=" + liu).body().size())
				.as("none of his grants at the hospital is left")
				.isZero();
			List<JsonNode> audited = audited(grant, "AUTHORIZATION_REVOKED");
			assertThat(audited).hasSize(1);
			assertThat(audited.getFirst().get("actorName").asString()).isEqualTo("系统");

			this.listener.on(new PersonChanged(java.util.UUID.fromString(liu), null, hospital));
			assertThat(audited(grant, "AUTHORIZATION_REVOKED")).as("re-delivered: nothing revoked twice").hasSize(1);
			assertThat(audited(pending, "AUTHORIZATION_REJECTED")).as("re-delivered: nothing rejected twice")
				.hasSize(1);
		}
		finally {
			placePerson(liu, hospital);
		}
	}

	/**
	 * A pending application whose physician no longer practises at the hospital (his
	 * registration moved without the departure being recorded here, e.g. by another
	 * province's load) cannot be granted: 422 {@code PHYSICIAN_NOT_ON_STAFF}, the other
	 * hospital not named. Before, the old hospital granted it and its cases counted him
	 * as authorized.
	 */
	@Test
	void aPendingApplicationOfAPhysicianNoLongerOnStaffIsNotGranted() {
		Api clerk = as("ccszx-clerk");
		Api admin = as("ccszx-admin");
		String liu = personId(clerk, "刘建国");
		java.util.UUID hospital = institutionOfPerson(liu);
		String pending = created(apply(clerk, liu, "G08", TODAY.plusYears(40), TODAY.plusYears(41)));
		java.util.UUID other = java.util.UUID.fromString(institutionId(as("province"), "吉林省松江肿瘤医院"));
		placePerson(liu, other);
		try {
			Response refused = admin.post("/api/authorizations/" + pending + "/grant", Map.of("version", 0));
			assertThat(refused.status()).as(refused.text()).isEqualTo(422);
			assertThat(refused.body().get("code").asString()).isEqualTo("PHYSICIAN_NOT_ON_STAFF");
			assertThat(refused.body().get("detail").asString()).contains("刘建国", "已不在本机构执业").doesNotContain("松江");
			assertThat(admin.get("/api/authorizations/" + pending).body().get("status").asString())
				.isEqualTo("PENDING");
		}
		finally {
			placePerson(liu, hospital);
		}
	}

	private java.util.UUID institutionOfPerson(String personId) {
		return this.jdbc.sql("select institution_id from personnel.person where id = ?::uuid")
			.param(personId)
			.query(java.util.UUID.class)
			.single();
	}

	/** Moves the person's record directly (no event), or puts it back. */
	private void placePerson(String personId, java.util.UUID institutionId) {
		this.jdbc.sql("update personnel.person set institution_id = ? where id = ?::uuid")
			.params(institutionId, personId)
			.update();
	}

}
