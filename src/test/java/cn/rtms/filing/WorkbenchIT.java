package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.filing.FilingClient.Part;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page per role ({@code GET /api/workbench}, docs/workbench.md) over HTTP with
 * the demo users: each role's counts move by exactly what the test creates, and only in
 * the user's own scope (another hospital, another authority's region, another expert see
 * no change). In the filing test package to drive the workflow with {@link FilingClient};
 * its own Spring context and database ({@code rtms.test.context}), since it counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=WorkbenchIT")
class WorkbenchIT {

	static final String FIRST_CASE = TestClock.today().minusDays(7).toString();

	static final String MEETING = TestClock.today().minusDays(5).toString();

	@LocalServerPort
	int port;

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	JsonNode workbench(FilingClient user) {
		return user.ok(user.get("/api/workbench"));
	}

	@Test
	void hospitalAuthorityAndExpertCountWhatTheWorkflowCreatedInTheirScopeOnly() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient expert1 = as("expert1");
		FilingClient expert2 = as("expert2");
		Map<String, JsonNode> before = new HashMap<>();
		List<String> users = List.of("ccszx-clerk", "ccszx-admin", "songjiang-clerk", "changchun", "meihekou",
				"province", "expert1", "expert2");
		for (String user : users) {
			before.put(user, workbench(as(user)));
		}

		// 长春市中心医院: a draft, a self-assessed filing, one under expert1's review, one
		// returned
		clerk.ok(clerk.post("/api/filings", Map.of("technology", "G08")));
		JsonNode selfAssessed = clerk.ok(clerk.post("/api/filings", Map.of("technology", "S01")));
		clerk.ok(clerk.post("/api/filings/" + selfAssessed.get("id").asString() + "/self-assessment",
				Map.of("version", selfAssessed.get("version").asLong())));
		JsonNode review = submitted(clerk, "S04");
		review = act(city, review, "receive", Map.of());
		review = act(city, review, "expert-review", Map.of("expertIds", List.of(expert1.me())));
		JsonNode returned = submitted(clerk, "S05");
		returned = act(city, returned, "receive", Map.of());
		returned = act(city, returned, "expert-review", Map.of("expertIds", List.of(expert2.me())));
		returned = act(expert2, returned, "expert-opinions", Map.of("verdict", "AGREE", "text", "需补充材料"));
		returned = act(city, returned, "decision", Map.of("decision", "RETURNED_FOR_SUPPLEMENT", "reasons", "补充设备清单"));
		assertThat(returned.get("state").asString()).isEqualTo("RETURNED_FOR_SUPPLEMENT");

		for (String user : List.of("ccszx-clerk", "ccszx-admin")) {
			JsonNode now = workbench(as(user));
			assertThat(now.get("role").asString()).isIn("HOSPITAL_CLERK", "HOSPITAL_ADMIN");
			assertThat(now.get("scopeLabel").asString()).isEqualTo("长春市中心医院");
			assertThat(delta(before.get(user), now, "DRAFT_FILINGS")).as(user).isEqualTo(1);
			assertThat(delta(before.get(user), now, "SELF_ASSESSED_FILINGS")).as(user).isEqualTo(1);
			assertThat(delta(before.get(user), now, "RETURNED_FILINGS")).as(user).isEqualTo(1);
			JsonNode returnedTodo = todo(now, "RETURNED_FILINGS");
			assertThat(returnedTodo.get("tone").asString()).isEqualTo("danger");
			assertThat(returnedTodo.at("/link/path").asString()).isEqualTo("/filings");
			assertThat(returnedTodo.at("/link/query/state").asString()).isEqualTo("RETURNED_FOR_SUPPLEMENT");
			assertThat(now.has("statistics")).isFalse();
		}
		JsonNode other = workbench(as("songjiang-clerk"));
		for (String key : List.of("DRAFT_FILINGS", "SELF_ASSESSED_FILINGS", "RETURNED_FILINGS")) {
			assertThat(delta(before.get("songjiang-clerk"), other, key)).as("另一医院的 " + key).isZero();
		}

		// the city authority: its inbox holds the decision on S04 once the opinion is in;
		// now the filing waits for the expert, so the inbox does not count it
		JsonNode cityNow = workbench(city);
		assertThat(cityNow.get("scopeLabel").asString()).isEqualTo("长春市");
		assertThat(cityNow.at("/statistics/regionCode").asString()).isEqualTo("220100");
		assertThat(cityNow.at("/statistics/total").asLong() - before.get("changchun").at("/statistics/total").asLong())
			.isEqualTo(2);
		assertThat(count(cityNow.at("/statistics/byState"), "UNDER_EXPERT_REVIEW")
				- count(before.get("changchun").at("/statistics/byState"), "UNDER_EXPERT_REVIEW"))
			.isEqualTo(1);
		assertThat(count(cityNow.at("/statistics/byState"), "RETURNED_FOR_SUPPLEMENT")
				- count(before.get("changchun").at("/statistics/byState"), "RETURNED_FOR_SUPPLEMENT"))
			.isEqualTo(1);
		assertThat(count(cityNow.at("/statistics/byTechnology"), "S04")
				- count(before.get("changchun").at("/statistics/byTechnology"), "S04"))
			.isEqualTo(1);
		assertThat(labels(cityNow.at("/statistics/byState"))).as("草稿不计入行政部门统计").doesNotContain("草稿", "已自评");
		assertThat(count(cityNow.at("/statistics/byTechnology"), "G08")
				- count(before.get("changchun").at("/statistics/byTechnology"), "G08"))
			.as("草稿 G08 不计入")
			.isZero();
		assertThat(count(cityNow.at("/statistics/byDistrict"), "220102")
				- count(before.get("changchun").at("/statistics/byDistrict"), "220102"))
			.as("长春市中心医院在南关区")
			.isEqualTo(2);
		assertThat(cityNow.at("/statistics/byDistrict").toString()).contains("南关区");
		assertThat(sum(cityNow.at("/statistics/byDistrict"))).isEqualTo(cityNow.at("/statistics/total").asLong());
		JsonNode province = workbench(as("province"));
		assertThat(province.at("/statistics/total").asLong() - before.get("province").at("/statistics/total").asLong())
			.isEqualTo(2);
		assertThat(count(province.at("/statistics/byDistrict"), "220100")
				- count(before.get("province").at("/statistics/byDistrict"), "220100"))
			.as("全省按市（州）统计：长春市")
			.isEqualTo(2);
		JsonNode meihekou = workbench(as("meihekou"));
		assertThat(meihekou.at("/statistics/total").asLong()).as("梅河口市不辖长春市中心医院")
			.isEqualTo(before.get("meihekou").at("/statistics/total").asLong());

		// expert1 has one review waiting for the opinion, expert2 none (given)
		JsonNode e1 = workbench(expert1);
		assertThat(e1.get("reviews")).hasSize(before.get("expert1").get("reviews").size() + 1);
		JsonNode mine = null;
		for (JsonNode r : e1.get("reviews")) {
			if (r.get("filingId").asString().equals(review.get("id").asString())) {
				mine = r;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("institutionName").asString()).isEqualTo("长春市中心医院");
		assertThat(delta(before.get("expert1"), e1, "PENDING_REVIEWS")).isEqualTo(1);
		assertThat(workbench(expert2).get("reviews")).hasSize(before.get("expert2").get("reviews").size());

		// the opinion moves the filing to the city's inbox (汇总专家意见并作出审查决定)
		act(expert1, review, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		assertThat(workbench(expert1).get("reviews")).hasSize(before.get("expert1").get("reviews").size());
		JsonNode cityAfter = workbench(city);
		assertThat(count(cityAfter.at("/inbox/byAction"), "DECIDE")
				- count(before.get("changchun").at("/inbox/byAction"), "DECIDE"))
			.isEqualTo(1);
		assertThat(cityAfter.at("/inbox/total").asLong() - before.get("changchun").at("/inbox/total").asLong())
			.isEqualTo(1);
		assertThat(sum(cityAfter.at("/inbox/byDeadline"))).isEqualTo(cityAfter.at("/inbox/total").asLong());
		// 逾期待办 opens the inbox on its overdue items only
		assertThat(todo(cityAfter, "OVERDUE_INBOX").at("/link/path").asString()).isEqualTo("/inbox");
		assertThat(todo(cityAfter, "OVERDUE_INBOX").at("/link/query/overdue").asString()).isEqualTo("true");
		assertThat(workbench(as("meihekou")).at("/inbox/total").asLong())
			.isEqualTo(before.get("meihekou").at("/inbox/total").asLong());
	}

	@Test
	void physicianSeesOwnAuthorizationsAndEligibility() {
		FilingClient admin = as("ccszx-admin");
		FilingClient doctor = as("doctor-wang");
		int before = workbench(doctor).get("authorizations").size();
		String wang = admin.ok(admin.get("/api/people?q=王淑华")).get(0).get("id").asString();
		FilingClient clerk = as("ccszx-clerk");
		String filing = clerk.selfAssessedFiling("G08");
		JsonNode record = admin.ok(admin.post("/api/authorizations",
				Map.of("personId", wang, "technology", "G08", "subTechniques", List.of(), "validFrom",
						TestClock.today().toString(), "validUntil", TestClock.today().plusDays(40).toString())));
		admin.ok(admin.post("/api/authorizations/" + record.get("id").asString() + "/grant", Map.of("version", 0)));
		// the grant needed it; the workflow test of this context files a G08 draft itself
		clerk.deleteFiling(filing);

		JsonNode home = workbench(doctor);
		assertThat(home.get("role").asString()).isEqualTo("PHYSICIAN");
		assertThat(home.get("authorizations")).hasSize(before + 1);
		JsonNode granted = home.get("authorizations").get(0);
		assertThat(granted.get("technologyName").asString()).isEqualTo("肿瘤消融治疗技术");
		assertThat(granted.get("statusLabel").asString()).isNotBlank();
		assertThat(granted.get("validUntil").asString()).isEqualTo(TestClock.today().plusDays(40).toString());
		assertThat(todo(home, "EXPIRING_AUTHORIZATIONS").get("count").asLong()).as("40 天后到期").isPositive();
		// the card opens 到期提醒 on its window and its kind only
		assertThat(todo(home, "EXPIRING_AUTHORIZATIONS").at("/link/query/kind").asString()).isEqualTo("AUTHORIZATION");
		assertThat(todo(home, "EXPIRING_AUTHORIZATIONS").at("/link/query/days").asString()).isEqualTo("90");
		assertThat(todo(workbench(admin), "EXPIRING_LICENCES").at("/link/query/kind").asString()).isEqualTo("LICENCES");
		// 待确认条款 opens the institution's 限制类技术符合性 tab (the clause counts per technology)
		JsonNode clauses = todo(workbench(admin), "PENDING_CLAUSES");
		assertThat(clauses.at("/link/path").asString()).startsWith("/institutions/");
		assertThat(clauses.at("/link/query/tab").asString()).isEqualTo("eligibility");
		assertThat(home.at("/eligibility/personId").asString()).isEqualTo(wang);
		assertThat(home.at("/eligibility/rows").size()).isPositive();
		assertThat(sum(home.at("/eligibility/byStatus"))).isEqualTo(home.at("/eligibility/rows").size());
		assertThat(home.has("statistics")).isFalse();
		// nobody else's: the clerk of another hospital does not see the expiring grant
		JsonNode songjiang = workbench(as("songjiang-clerk"));
		assertThat(songjiang.has("authorizations")).isFalse();
	}

	@Test
	void flaggedCasesAndOverdueFollowUpsOfTheOwnHospitalOnly() {
		FilingClient clerk = as("songjiang-clerk");
		JsonNode before = workbench(clerk);
		JsonNode otherBefore = workbench(as("ccszx-clerk"));
		JsonNode cityBefore = workbench(as("changchun"));
		JsonNode nanguanBefore = workbench(as("nanguan"));
		String operator = clerk.ok(clerk.get("/api/people?q=高志远")).get(0).get("id").asString();
		// a year-old G08 case without consent, no filing and no authorization in this
		// database
		Map<String, Object> c = ablationCase(operator);
		JsonNode draft = clerk.ok(clerk.post("/api/cases", c));
		JsonNode drafted = workbench(clerk);
		assertThat(delta(before, drafted, "DRAFT_CASES")).as("a saved draft is a to-do").isEqualTo(1);
		assertThat(todo(drafted, "DRAFT_CASES").at("/link/query/status").asString()).isEqualTo("DRAFT");
		assertThat(delta(otherBefore, workbench(as("ccszx-clerk")), "DRAFT_CASES")).isZero();
		JsonNode submitted = clerk.ok(clerk.post("/api/cases/" + draft.get("id").asString() + "/submit",
				Map.of("version", 0, "confirmedWarnings", List.of())));
		List<String> flags = new ArrayList<>();
		submitted.get("flags").forEach(f -> flags.add(f.get("code").asString()));
		assertThat(flags).contains("UNFILED", "UNAUTHORIZED", "NO_CONSENT");

		JsonNode after = workbench(clerk);
		assertThat(delta(before, after, "DRAFT_CASES")).as("submitted, no longer a draft").isZero();
		assertThat(delta(before, after, "FLAGGED_CASES")).isEqualTo(1);
		assertThat(todo(after, "FLAGGED_CASES").get("hint").asString()).contains("未备案开展", "未授权", "未记录知情同意");
		long overdue = clerk.ok(clerk.get("/api/follow-ups?status=OVERDUE")).get("overdue").asLong();
		assertThat(todo(after, "OVERDUE_FOLLOW_UPS").get("count").asLong()).isEqualTo(overdue);
		assertThat(delta(before, after, "OVERDUE_FOLLOW_UPS")).as("一年前手术的随访已逾期").isPositive();
		assertThat(todo(after, "OVERDUE_FOLLOW_UPS").at("/link/query/status").asString()).isEqualTo("OVERDUE");
		JsonNode other = workbench(as("ccszx-clerk"));
		assertThat(delta(otherBefore, other, "FLAGGED_CASES")).isZero();
		assertThat(delta(otherBefore, other, "OVERDUE_FOLLOW_UPS")).isZero();
		assertThat(delta(cityBefore, workbench(as("changchun")), "FLAGGED_CASES")).as("松江肿瘤医院在长春市朝阳区").isEqualTo(1);
		assertThat(delta(nanguanBefore, workbench(as("nanguan")), "FLAGGED_CASES")).as("南关区不辖朝阳区").isZero();

		// the card opens the list of exactly the cases it counts (any blocking flag), for
		// the hospital, the city over it and the operating physician
		assertThat(todo(after, "FLAGGED_CASES").at("/link/query/flag").asString()).isEqualTo("BLOCKING");
		for (String user : List.of("songjiang-clerk", "changchun", "nanguan")) {
			FilingClient api = as(user);
			JsonNode card = todo(workbench(api), "FLAGGED_CASES");
			JsonNode list = api.ok(api.get("/api/cases?status=SUBMITTED&flag=BLOCKING&size=500"));
			assertThat(list.get("total").asLong()).as(user).isEqualTo(card.get("count").asLong());
			list.get("items").forEach(item -> assertThat(item.get("flags").size()).as(user).isPositive());
		}
	}

	static Map<String, Object> ablationCase(String operatorId) {
		LocalDate operation = TestClock.today().minusYears(1);
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
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("technology", "G08");
		c.put("subTechnique", "RFA");
		c.put("route", "PERCUTANEOUS");
		c.put("procedureCodes", List.of("06.3100x001"));
		c.put("medicalRecordNo", "WB-" + System.nanoTime() % 1000000);
		c.put("patient", patient);
		c.put("admissionDate", operation.minusDays(2).toString());
		c.put("operationDate", operation.toString());
		c.put("department", "超声介入科");
		c.put("operatorId", operatorId);
		c.put("informedConsent", false);
		c.put("dischargeStatus", "ORDERED");
		c.put("fields", fields);
		c.put("devices", List.of());
		return c;
	}

	static JsonNode todo(JsonNode workbench, String key) {
		for (JsonNode t : workbench.get("todos")) {
			if (t.get("key").asString().equals(key)) {
				return t;
			}
		}
		throw new AssertionError("no to-do " + key + " in " + workbench.get("todos"));
	}

	static long delta(JsonNode before, JsonNode after, String key) {
		return todo(after, key).get("count").asLong() - todo(before, key).get("count").asLong();
	}

	static long count(JsonNode counts, String code) {
		for (JsonNode c : counts) {
			if (c.get("code").asString().equals(code)) {
				return c.get("count").asLong();
			}
		}
		return 0;
	}

	static long sum(JsonNode counts) {
		long n = 0;
		for (JsonNode c : counts) {
			n += c.get("count").asLong();
		}
		return n;
	}

	static List<String> labels(JsonNode counts) {
		List<String> labels = new ArrayList<>();
		counts.forEach(c -> labels.add(c.get("label").asString()));
		return labels;
	}

	JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return user.ok(user.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion));
	}

	JsonNode submitted(FilingClient clerk, String technology) {
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", technology)));
		String id = filing.get("id").asString();
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/self-assessment",
				Map.of("version", filing.get("version").asLong())));
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk
				.ok(clerk.multipart("/api/filings/" + id + "/attestations",
						fields("version", String.valueOf(filing.get("version").asLong()), "clauseRef", clause,
								"evidence", "现场核查：符合要求"),
						List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", String.valueOf(filing.get("version").asLong()), "committee", committee,
							"meetingDate", MEETING, "opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/submit",
				Map.of("version", filing.get("version").asLong(), "firstCaseDate", FIRST_CASE)));
		assertThat(filing.get("state").asString()).isEqualTo("SUBMITTED");
		return filing;
	}

}
