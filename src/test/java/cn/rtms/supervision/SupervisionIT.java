package cn.rtms.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.PatientInput;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision alerts (docs/supervision.md) on the embedded PostgreSQL, every
 * condition built by hand: 松江 (长春市朝阳区) with a G08 filing whose only registry case lies
 * exactly 2 years back, the demo discharge file and its overdue follow-ups; 长春市中心医院 (南关区)
 * with a G08 filing although it lacks the PACU its clause requires; 江城 (吉林市) with an
 * expired practice licence. Checks exactly which alerts are raised and who sees them, the
 * evidence against the owning modules' own numbers, acknowledgement per side (audited,
 * scoped), closing when the condition disappears (only by a refresh whose scope covers
 * it), reopening, and the daily job's lock. Own context: it files and imports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=SupervisionIT", "rtms.cases.registry-start=2024-01-01" })
class SupervisionIT {

	static final LocalDate TODAY = TestClock.today();

	static final String SONGJIANG = "吉林省松江肿瘤医院";

	static final String CCSZX = "长春市中心医院";

	static final String JIANGCHENG = "吉林市江城医院";

	static final String MEIYUAN = "梅河口市梅源医院";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	@Autowired
	UserManagement users;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PersonnelManagement people;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SupervisionSchedule schedule;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	@Test
	void raisesExactlyTheConditionsScopesAcknowledgesClosesAndReopens() throws Exception {
		UUID songjiang = institution("songjiang-clerk");
		UUID ccszx = institution("ccszx-clerk");
		UUID jiangcheng = institution("jiangcheng-clerk");
		Api province = as("province");
		// (1) 松江 G08 in effect since 2022, its only registry case exactly 2 years before
		// today
		assertThat(province.post("/api/filings/prior", prior(songjiang, "G08", LocalDate.of(2022, 3, 1))).status())
			.isEqualTo(201);
		UUID gao = person(songjiang, "高志远");
		importCase(songjiang, gao, "SUP-1", TODAY.minusYears(2));
		// (2) 长春市中心医院 G08 in effect for 100 days: no PACU, which the G08 spec requires
		assertThat(province.post("/api/filings/prior", prior(ccszx, "G08", TODAY.minusDays(100))).status())
			.isEqualTo(201);
		// (3) 江城's practice licence ended yesterday
		LocalDate licenceBefore = licence(jiangcheng);
		setLicence(jiangcheng, TODAY.minusDays(1));
		// (4) 松江's discharge abstracts (the demo file: robotic operations without a G10
		// filing …)
		Api songjiangClerk = as("songjiang-clerk");
		Response uploaded = songjiangClerk.upload("/api/discharge-records", "demo-discharge-records.csv",
				Files.readAllBytes(Path.of("docs/demo-discharge-records.csv")));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);

		Response refreshed = province.post("/api/alerts/refresh", Map.of());
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		assertThat(refreshed.body().get("failures").size()).as(refreshed.text()).isZero();

		long overdue = province.get("/api/follow-ups?status=OVERDUE&institutionId=" + songjiang)
			.body()
			.get("total")
			.asLong();
		assertThat(overdue).isPositive();
		List<String> expected = List.of("INACTIVE_FILING|" + SONGJIANG + "「肿瘤消融治疗技术」备案2年以上未开展",
				"CONDITIONS_NOT_MET|" + CCSZX + "「肿瘤消融治疗技术」不再符合管理规范", "EXPIRED|" + JIANGCHENG + "医疗机构执业许可证已过期",
				"DISCHARGE_SCAN|" + SONGJIANG + "未备案开展限制类技术", "DISCHARGE_SCAN|" + SONGJIANG + "术者未授权或超范围开展",
				"DISCHARGE_SCAN|" + SONGJIANG + "限制类技术病例未填报",
				"FOLLOW_UP_OVERDUE|" + SONGJIANG + "随访逾期 " + overdue + " 例",
				// in the demo data as shipped: 梅源医院's 辐射安全许可证 has ended
				"EXPIRED|" + MEIYUAN + "辐射安全许可证已过期");
		assertThat(titles(province)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(titles(as("admin"))).containsExactlyInAnyOrderElementsOf(expected);
		// the city sees its districts (朝阳区, 南关区), not 吉林市 nor 梅河口 (directly
		// administered); the county only
		// itself; 梅河口 its own hospital
		assertThat(titles(as("changchun"))).containsExactlyInAnyOrderElementsOf(
				expected.stream().filter(t -> !t.contains(JIANGCHENG) && !t.contains(MEIYUAN)).toList());
		assertThat(titles(as("nanguan"))).containsExactly(expected.get(1));
		assertThat(titles(as("meihekou"))).containsExactly(expected.get(7));
		assertThat(titles(songjiangClerk))
			.containsExactlyInAnyOrderElementsOf(expected.stream().filter(t -> t.contains(SONGJIANG)).toList());
		Api jiangchengClerk = as("jiangcheng-clerk");
		assertThat(titles(jiangchengClerk)).containsExactly(expected.get(2));
		assertThat(as("doctor-wang").get("/api/alerts").status()).isEqualTo(403);
		assertThat(as("expert1").get("/api/alerts").status()).isEqualTo(403);

		// filters and counts
		assertThat(province.get("/api/alerts?kind=DISCHARGE_SCAN").body().get("total").asLong()).isEqualTo(3);
		assertThat(province.get("/api/alerts?technology=G08").body().get("total").asLong()).isEqualTo(2);
		assertThat(province.get("/api/alerts?institutionId=" + ccszx).body().get("total").asLong()).isEqualTo(1);
		assertThat(province.get("/api/alerts?size=2").body().get("items").size()).isEqualTo(2);
		assertThat(province.get("/api/alerts?size=1000").status()).isEqualTo(400);
		assertThat(province.get("/api/alerts?kind=NONSENSE").status()).isEqualTo(400);
		JsonNode counts = as("changchun").get("/api/alerts/counts").body();
		assertThat(counts.get("open").asLong()).isEqualTo(6);
		assertThat(counts.get("kinds").get(3).get("kind").asString()).isEqualTo("DISCHARGE_SCAN");
		assertThat(counts.get("kinds").get(3).get("open").asLong()).isEqualTo(3);
		// the workbench's to-do counts the same open alerts and links to the inbox
		JsonNode todo = todo(as("changchun"), "OPEN_ALERTS");
		assertThat(todo.get("count").asLong()).isEqualTo(6);
		assertThat(todo.at("/link/path").asString()).isEqualTo("/alerts");
		assertThat(todo(songjiangClerk, "OPEN_ALERTS").get("count").asLong()).isEqualTo(5);

		// evidence: the engine's failing clause with actual and required; the scan's and
		// follow-ups' own numbers
		JsonNode notMet = alert(province, "CONDITIONS_NOT_MET", CCSZX);
		assertThat(notMet.get("severity").asString()).isEqualTo("HIGH");
		assertThat(notMet.at("/evidence/link").asString()).isEqualTo("/institutions/" + ccszx + "/eligibility/G08");
		assertThat(notMet.at("/evidence/items").size()).isPositive();
		assertThat(notMet.at("/evidence/items/0/text").asString()).isNotBlank();
		assertThat(notMet.at("/evidence/items/0/required").asString()).isNotBlank();
		assertThat(notMet.get("message").asString()).contains("G08-", "不符合");
		JsonNode scan = province.get("/api/discharge-scan?institutionId=" + songjiang).body().at("/hospitals/0/counts");
		JsonNode unfiled = alert(province, "DISCHARGE_SCAN", "未备案开展限制类技术");
		assertThat(fact(unfiled, "例数")).isEqualTo(scan.get("UNFILED").asString());
		assertThat(fact(alert(province, "DISCHARGE_SCAN", "病例未填报"), "例数"))
			.isEqualTo(scan.get("NOT_REPORTED").asString());
		// the link opens the scan of the alert's window on the hospital's cases of the
		// category
		String window = "&from=" + TODAY.minusYears(1).plusDays(1) + "&to=" + TODAY;
		assertThat(unfiled.at("/evidence/link").asString())
			.isEqualTo("/discharge-scan?institutionId=" + songjiang + "&category=UNFILED" + window);
		JsonNode operators = alert(province, "DISCHARGE_SCAN", "术者未授权或超范围开展");
		String link = operators.at("/evidence/link").asString();
		String category = link.replaceAll(".*category=([A-Z_]+).*", "$1");
		assertThat(category).isIn("UNAUTHORIZED", "OUT_OF_SCOPE");
		assertThat(scan.get(category).asInt()).as("a category with cases, of the two the alert counts").isPositive();
		assertThat(link).endsWith(window);
		JsonNode inactive = alert(province, "INACTIVE_FILING", SONGJIANG);
		assertThat(fact(inactive, "病例登记中最后一例")).isEqualTo(TODAY.minusYears(2).toString());
		assertThat(inactive.get("message").asString()).contains("2年以上未开展");
		assertThat(inactive.at("/evidence/link").asString()).startsWith("/filings/");
		JsonNode followUps = alert(province, "FOLLOW_UP_OVERDUE", SONGJIANG);
		assertThat(fact(followUps, "逾期随访")).isEqualTo(String.valueOf(overdue));
		assertThat(followUps.at("/evidence/link").asString())
			.isEqualTo("/follow-ups?status=OVERDUE&institutionId=" + songjiang);

		// acknowledgement: scoped, with a bounded note, per side, audited
		String expiredId = alert(province, "EXPIRED", JIANGCHENG).get("id").asString();
		assertThat(as("changchun").get("/api/alerts/" + expiredId).status()).isEqualTo(404);
		assertThat(songjiangClerk.get("/api/alerts/" + expiredId).status()).isEqualTo(404);
		Response foreign = songjiangClerk.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "不是我们的"));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body().get("code").asString()).isEqualTo("ALERT_NOT_FOUND");
		Response blank = jiangchengClerk.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "  "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body().get("detail").asString()).containsPattern("\\p{IsHan}");
		assertThat(jiangchengClerk.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "长".repeat(501)))
			.status()).isEqualTo(400);
		assertThat(as("admin").post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "看过")).status())
			.isEqualTo(403);
		Response acknowledged = jiangchengClerk.post("/api/alerts/" + expiredId + "/acknowledge",
				Map.of("note", "许可证已于上月延续，新证正在录入"));
		assertThat(acknowledged.status()).as(acknowledged.text()).isEqualTo(200);
		assertThat(acknowledged.body().get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.body().get("canAcknowledge").asBoolean()).isFalse();
		assertThat(acknowledged.body().at("/acknowledgements/0/partyLabel").asString()).isEqualTo("医疗机构");
		Response twice = jiangchengClerk.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "再次"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body().get("code").asString()).isEqualTo("ALERT_ALREADY_ACKNOWLEDGED");
		// the province's side is separate: still open for it, and it sees the hospital's
		// explanation
		JsonNode forProvince = province.get("/api/alerts/" + expiredId).body();
		assertThat(forProvince.get("status").asString()).isEqualTo("OPEN");
		assertThat(forProvince.at("/acknowledgements/0/note").asString()).isEqualTo("许可证已于上月延续，新证正在录入");
		assertThat(province.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "已电话核实，督促更新")).status())
			.isEqualTo(200);
		assertThat(province.get("/api/alerts?status=ACKNOWLEDGED").body().get("total").asLong()).isEqualTo(1);
		assertThat(province.get("/api/alerts?status=OPEN").body().get("total").asLong()).isEqualTo(7);
		JsonNode history = province.get("/api/alerts/" + expiredId).body().get("history");
		assertThat(events(history)).containsExactly("RAISED", "ACKNOWLEDGED", "ACKNOWLEDGED");
		assertThat(history.get(2).get("actorName").asString()).contains("吉林省卫生健康委员会");
		assertThat(
				this.jdbc.sql("select count(*) from audit.entry where action = 'ALERT_ACKNOWLEDGED' and entity_id = ?")
					.param(expiredId)
					.query(Long.class)
					.single())
			.isEqualTo(2);

		// the condition disappears: a refresh whose scope does not cover 江城 leaves it;
		// the province's closes it
		setLicence(jiangcheng, TODAY.plusYears(1));
		assertThat(as("changchun").post("/api/alerts/refresh", Map.of()).status()).isEqualTo(200);
		assertThat(province.get("/api/alerts/" + expiredId).body().get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(songjiangClerk.post("/api/alerts/refresh", Map.of()).status()).isEqualTo(403);
		assertThat(province.post("/api/alerts/refresh", Map.of()).status()).isEqualTo(200);
		JsonNode closed = jiangchengClerk.get("/api/alerts/" + expiredId).body();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedOn").asString()).isEqualTo(TODAY.toString());
		Response late = jiangchengClerk.post("/api/alerts/" + expiredId + "/acknowledge", Map.of("note", "晚了"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body().get("code").asString()).isEqualTo("ALERT_CLOSED");

		// a case within the 2 years: the inactivity alert closes (the case itself is
		// flagged 未授权: a new alert)
		importCase(songjiang, gao, "SUP-2", TODAY.minusDays(30));
		assertThat(province.post("/api/alerts/refresh", Map.of()).status()).isEqualTo(200);
		assertThat(alert(province, "INACTIVE_FILING", SONGJIANG).get("status").asString()).isEqualTo("CLOSED");
		JsonNode unauthorized = alert(province, "EXPIRED", "术者无有效授权");
		assertThat(unauthorized.get("status").asString()).isEqualTo("OPEN");
		assertThat(fact(unauthorized, "病例数")).isEqualTo("1");
		assertThat(unauthorized.at("/evidence/link").asString()).contains("flag=UNAUTHORIZED",
				"institutionId=" + songjiang);

		// the condition comes back: the same alert reopens, the earlier acknowledgements
		// no longer count
		setLicence(jiangcheng, TODAY.minusDays(1));
		JsonNode rerun = province.post("/api/alerts/refresh", Map.of()).body();
		assertThat(rerun.get("reopened").asInt()).isEqualTo(1);
		JsonNode reopened = jiangchengClerk.get("/api/alerts/" + expiredId).body();
		assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
		assertThat(reopened.get("acknowledgements").size()).isZero();
		assertThat(reopened.get("firstSeen").asString()).isEqualTo(TODAY.toString());
		assertThat(events(reopened.get("history"))).containsExactly("RAISED", "ACKNOWLEDGED", "ACKNOWLEDGED", "CLOSED",
				"REOPENED");
		assertThat(province.get("/api/alerts?kind=EXPIRED&institutionId=" + jiangcheng).body().get("total").asLong())
			.isEqualTo(1);

		// the daily job: once a day across nodes
		this.jdbc.sql("delete from platform.job_run where job = 'supervision.alerts'").update();
		assertThat(this.schedule.daily()).isPresent();
		assertThat(this.schedule.daily()).isEmpty();
		setLicence(jiangcheng, licenceBefore);
	}

	static JsonNode todo(Api api, String key) {
		for (JsonNode t : api.get("/api/workbench").body().get("todos")) {
			if (t.get("key").asString().equals(key)) {
				return t;
			}
		}
		throw new AssertionError("no to-do " + key);
	}

	static List<String> events(JsonNode history) {
		List<String> events = new ArrayList<>();
		history.forEach(e -> events.add(e.get("event").asString()));
		return events;
	}

	static String fact(JsonNode alert, String label) {
		for (JsonNode fact : alert.at("/evidence/facts")) {
			if (fact.get("label").asString().equals(label)) {
				return fact.get("value").asString();
			}
		}
		throw new AssertionError("no fact " + label + " in " + alert);
	}

	static List<String> titles(Api api) {
		Response response = api.get("/api/alerts?size=100&status=OPEN");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		response.body()
			.get("items")
			.forEach(a -> titles.add(a.get("kind").asString() + "|" + a.get("title").asString()));
		return titles;
	}

	static JsonNode alert(Api api, String kind, String titleContains) {
		for (JsonNode a : api.get("/api/alerts?size=100&kind=" + kind).body().get("items")) {
			if (a.get("title").asString().contains(titleContains)) {
				return api.get("/api/alerts/" + a.get("id").asString()).body();
			}
		}
		throw new AssertionError("no " + kind + " alert with " + titleContains);
	}

	static Map<String, Object> prior(UUID institution, String technology, LocalDate approvedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("institutionId", institution.toString());
		body.put("technology", technology);
		body.put("approvedOn", approvedOn.toString());
		body.put("documentNo", "吉卫医备〔" + approvedOn.getYear() + "〕" + technology + "号");
		return body;
	}

	void importCase(UUID institution, UUID operator, String recordNo, LocalDate operation) {
		CaseInput input = ablation(operator, recordNo, operation, "肿瘤介入科");
		this.transactions.execute(status -> this.users.actingAs("songjiang-clerk",
				() -> this.cases.importSubmitted(institution, List.of(input), "IMPORT")));
	}

	/**
	 * A complete G08 liver ablation, imported as submitted by the tests of this package.
	 */
	static CaseInput ablation(UUID operator, String recordNo, LocalDate operation, String department) {
		return new CaseInput(null, "G08", "MWA", "PERCUTANEOUS", List.of("50.2400x001"), recordNo, null,
				new PatientInput("测试患者", "220102198001010012", null, "M", LocalDate.of(1980, 1, 1)),
				operation.minusDays(1), operation, operation.plusDays(2), department, operator, List.of(), true,
				List.of(), null, "ORDERED",
				Map.of("organ", "LIVER", "lesionsPlanned", 1, "lesionsCompleted", 1, "childPugh", "A", "ecog", 0,
						"asaClass", "II", "ptaPercent", 85, "organFunctionImpaired", false),
				List.of());
	}

	UUID institution(String user) {
		return this.users.actingAs(user, (Supplier<UUID>) () -> this.identity.currentUser().institutionId());
	}

	UUID person(UUID institution, String name) {
		return this.users.actingAs("admin",
				(Supplier<UUID>) () -> this.people.atInstitution(institution)
					.stream()
					.filter(p -> p.name().equals(name))
					.findFirst()
					.orElseThrow()
					.id());
	}

	LocalDate licence(UUID institution) {
		return this.jdbc.sql("select licence_valid_until from institutions.institution where id = ?")
			.param(institution)
			.query(LocalDate.class)
			.single();
	}

	void setLicence(UUID institution, LocalDate validUntil) {
		this.jdbc.sql("update institutions.institution set licence_valid_until = ? where id = ?")
			.params(validUntil, institution)
			.update();
	}

}
