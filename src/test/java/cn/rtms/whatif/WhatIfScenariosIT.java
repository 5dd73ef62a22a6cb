package cn.rtms.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if scenarios and the edition diff over HTTP against the demo data
 * (docs/demo-data.md): 梅河口市梅源医院 meets G08 with exactly two qualified physicians (金成浩,
 * 曲美玲) and one DSA; its G08 filing is registered as a prior filing (ACTIVE). Own context:
 * it adds a filing and a grant other tests do not expect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=WhatIfScenariosIT")
class WhatIfScenariosIT {

	/** Tables whose rows (all columns) must be identical before and after a scenario. */
	static final List<String> TABLES = List.of("audit.entry", "filing.filing", "personnel.person",
			"institutions.institution", "authorizations.physician_authorization");

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api admin;

	Api province;

	static String meiyuan;

	static String meiyuanFiling;

	@BeforeEach
	void setUp() {
		this.admin = Api.as(this.port, "admin");
		this.province = Api.as(this.port, "province");
		if (meiyuan == null) {
			meiyuan = institutionId("梅河口市梅源医院");
			Map<String, Object> prior = new HashMap<>();
			prior.put("institutionId", meiyuan);
			prior.put("technology", "G08");
			prior.put("approvedOn", TODAY.minusYears(3).toString());
			prior.put("documentNo", "吉卫医政备字〔2023〕第 031 号");
			Response registered = this.province.post("/api/filings/prior", prior);
			assertThat(registered.status()).as(registered.text()).isEqualTo(201);
			assertThat(registered.body().get("state").asString()).isEqualTo("ACTIVE");
			meiyuanFiling = registered.body().get("id").asString();
		}
	}

	String institutionId(String name) {
		JsonNode found = this.admin.get("/api/institutions?q=" + name).body();
		assertThat(found.size()).as("demo institution %s", name).isEqualTo(1);
		return found.get(0).get("id").asString();
	}

	String personId(String name) {
		JsonNode found = this.admin.get("/api/people?q=" + name).body();
		assertThat(found.size()).as("demo person %s", name).isEqualTo(1);
		return found.get(0).get("id").asString();
	}

	/** Every row of the tables as text, hashed per table, with the row count. */
	Map<String, String> fingerprint() {
		Map<String, String> prints = new HashMap<>();
		for (String table : TABLES) {
			prints.put(table, this.jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
					+ "order by t::text)), '') from " + table + " t", String.class));
		}
		return prints;
	}

	static JsonNode technology(JsonNode result, String institutionId, String technology) {
		for (JsonNode institution : result.get("institutions")) {
			if (institution.get("institutionId").asString().equals(institutionId)) {
				for (JsonNode t : institution.get("technologies")) {
					if (t.get("technology").asString().equals(technology)) {
						return t;
					}
				}
			}
		}
		throw new AssertionError("no " + technology + " of " + institutionId + " in " + result);
	}

	static List<String> refs(JsonNode technology) {
		List<String> refs = new ArrayList<>();
		technology.get("clauses")
			.forEach(c -> refs.add(c.has("afterRef") ? c.get("afterRef").asString() : c.get("beforeRef").asString()));
		return refs;
	}

	@Test
	void aPhysicianLeaving_flipsTheTwoPhysicianClause_andTheActiveFilingNoLongerStands_withNothingSaved() {
		JsonNode report = this.admin.get("/api/institutions/" + meiyuan + "/eligibility/G08").body();
		assertThat(report.get("status").asString()).as("梅源 meets G08 today").isEqualTo("MET");
		List<String> qualified = new ArrayList<>();
		report.get("qualifiedPhysicians").forEach(p -> {
			if (p.get("status").asString().equals("MET")) {
				qualified.add(p.get("name").asString());
			}
		});
		assertThat(qualified).as("exactly two qualified physicians").containsExactlyInAnyOrder("金成浩", "曲美玲");

		Map<String, String> before = fingerprint();
		Response response = this.province.post("/api/what-if/scenarios",
				Map.of("kind", "PERSON_LEAVES", "personId", personId("金成浩")));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(fingerprint()).as("nothing saved").isEqualTo(before);

		JsonNode result = response.body();
		assertThat(result.get("description").asString()).contains("金成浩", "梅河口市梅源医院");
		JsonNode g08 = technology(result, meiyuan, "G08");
		assertThat(g08.get("before").asString()).isEqualTo("MET");
		assertThat(g08.get("after").asString()).isEqualTo("NOT_MET");
		assertThat(g08.get("afterLabel").asString()).isEqualTo("不符合");
		assertThat(refs(g08)).containsExactly("(三)7");
		JsonNode flip = g08.get("clauses").get(0);
		assertThat(flip.get("citation").asString()).isEqualTo("G08/2023 (三)7");
		assertThat(flip.get("beforeLabel").asString()).isEqualTo("符合");
		assertThat(flip.get("afterLabel").asString()).isEqualTo("不符合");
		assertThat(flip.get("actualBefore").asString()).contains("2");
		assertThat(flip.get("actualAfter").asString()).contains("1");
		assertThat(flip.get("explanation").asString()).containsPattern("[\\u4e00-\\u9fa5]");

		assertThat(result.get("filings")).singleElement().satisfies(f -> {
			assertThat(f.get("filingId").asString()).isEqualTo(meiyuanFiling);
			assertThat(f.get("consequence").asString()).isEqualTo("NO_LONGER_STANDS");
			assertThat(f.get("consequenceLabel").asString()).isEqualTo("备案将不再成立");
			assertThat(f.get("explanation").asString()).contains("G08/2023 (三)7");
		});
		assertThat(this.province.get("/api/filings/" + meiyuanFiling).body().get("state").asString())
			.isEqualTo("ACTIVE");
	}

	@Test
	void theLeavingPhysiciansAuthorizationsEnd_andTheScenarioIsOpenToHisHospitalOnly() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Api hospitalAdmin = Api.as(this.port, "ccszx-admin");
		String liu = personId("刘建国");
		// his hospital has filed G08 (a hospital grants only a technology it has filed)
		Map<String, Object> prior = new HashMap<>();
		prior.put("institutionId", institutionId("长春市中心医院"));
		prior.put("technology", "G08");
		prior.put("approvedOn", TODAY.minusYears(1).toString());
		prior.put("documentNo", "吉卫医政备字〔2025〕第 101 号");
		Response filed = this.province.post("/api/filings/prior", prior);
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		Response created = clerk.post("/api/authorizations", Map.of("personId", liu, "technology", "G08", "validFrom",
				TODAY.toString(), "validUntil", TODAY.plusYears(3).toString()));
		assertThat(created.status()).as(created.text()).isBetween(200, 201);
		Response granted = hospitalAdmin.post("/api/authorizations/" + created.body().get("id").asString() + "/grant",
				Map.of("version", created.body().get("version").asInt()));
		assertThat(granted.status()).as(granted.text()).isEqualTo(200);

		Map<String, String> before = fingerprint();
		Response response = clerk.post("/api/what-if/scenarios",
				Map.of("kind", "PERSON_LEAVES", "personId", liu, "leaveDate", TODAY.plusDays(10).toString()));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(response.body().get("asOf").asString()).isEqualTo(TODAY.plusDays(10).toString());
		assertThat(response.body().get("authorizations")).anySatisfy(a -> {
			assertThat(a.get("personName").asString()).isEqualTo("刘建国");
			assertThat(a.get("technology").asString()).isEqualTo("G08");
			assertThat(a.get("reason").asString()).isEqualTo("HOLDER_LEAVES");
			assertThat(a.get("reasonLabel").asString()).isEqualTo("随人员离开而终止");
		});

		Response otherHospital = clerk.post("/api/what-if/scenarios",
				Map.of("kind", "PERSON_LEAVES", "personId", personId("金成浩")));
		assertThat(otherHospital.status()).isEqualTo(403);
		assertThat(otherHospital.body().get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(otherHospital.body().get("detail").asString()).containsPattern("[\\u4e00-\\u9fa5]");
		Response otherEquipment = clerk.post("/api/what-if/scenarios",
				Map.of("kind", "EQUIPMENT_OUT_OF_SERVICE", "institutionId", meiyuan, "equipmentCode", "DSA"));
		assertThat(otherEquipment.status()).isEqualTo(403);
		Response physician = Api.as(this.port, "doctor-wang")
			.post("/api/what-if/scenarios", Map.of("kind", "PERSON_LEAVES", "personId", liu));
		assertThat(physician.status()).isEqualTo(403);
		Response outsideRegion = Api.as(this.port, "changchun")
			.post("/api/what-if/scenarios", Map.of("kind", "PERSON_LEAVES", "personId", personId("金成浩")));
		assertThat(outsideRegion.status()).as("长春市 does not cover 梅河口").isEqualTo(403);
	}

	@Test
	void theDsaGoingOutOfService_flipsTheEquipmentClause() {
		Api meihekou = Api.as(this.port, "meihekou");
		Map<String, String> before = fingerprint();
		Response response = meihekou.post("/api/what-if/scenarios",
				Map.of("kind", "EQUIPMENT_OUT_OF_SERVICE", "institutionId", meiyuan, "equipmentCode", "DSA"));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(fingerprint()).isEqualTo(before);
		JsonNode result = response.body();
		assertThat(result.get("description").asString()).contains("数字减影血管造影（DSA）", "停用 1 台");
		JsonNode g08 = technology(result, meiyuan, "G08");
		assertThat(g08.get("after").asString()).isEqualTo("NOT_MET");
		assertThat(refs(g08)).contains("(三)6(1)");
		assertThat(result.get("filings")).extracting(f -> f.get("filingId").asString()).containsExactly(meiyuanFiling);

		Response unknown = this.province.post("/api/what-if/scenarios",
				Map.of("kind", "EQUIPMENT_OUT_OF_SERVICE", "institutionId", meiyuan, "equipmentCode", "PET_CT"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("detail").asString()).contains("未登记设备");
	}

	@Test
	void aNewEditionTakingEffect_listsTheClausesItChanges() {
		LocalDate before2023 = LocalDate.of(2022, 12, 1);
		Map<String, String> prints = fingerprint();
		Response response = this.province.post("/api/what-if/scenarios",
				Map.of("kind", "EDITION_TAKES_EFFECT", "technology", "G08", "edition", "2023", "institutionIds",
						List.of(meiyuan), "asOf", before2023.toString()));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(fingerprint()).isEqualTo(prints);
		JsonNode g08 = technology(response.body(), meiyuan, "G08");
		assertThat(g08.get("beforeSpecKey").asString()).isEqualTo("G08-2022");
		assertThat(g08.get("afterSpecKey").asString()).isEqualTo("G08-2023");
		assertThat(g08.get("clauses")).anySatisfy(c -> {
			assertThat(c.has("beforeRef")).isFalse();
			assertThat(c.get("afterRef").asString()).startsWith("(七)");
			assertThat(c.get("beforeLabel").asString()).isEqualTo("无此条款");
			assertThat(c.get("explanation").asString()).startsWith("新版新增条款");
		});

		Response defaultScope = this.province.post("/api/what-if/scenarios",
				Map.of("kind", "EDITION_TAKES_EFFECT", "specKey", "G08-2022"));
		assertThat(defaultScope.status()).as(defaultScope.text()).isEqualTo(200);
		assertThat(defaultScope.body().get("institutionsEvaluated").asInt()).isGreaterThanOrEqualTo(1);

		Response missing = this.province.post("/api/what-if/scenarios", Map.of("kind", "EDITION_TAKES_EFFECT"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body().get("code").asString()).isEqualTo("INVALID_WHAT_IF");
		Response tooMany = this.province.post("/api/what-if/scenarios", Map.of("kind", "EDITION_TAKES_EFFECT",
				"specKey", "G08-2022", "institutionIds", java.util.Collections.nCopies(101, meiyuan)));
		assertThat(tooMany.status()).isEqualTo(400);
		Response badKind = this.province.post("/api/what-if/scenarios", Map.of("kind", "FLOOD"));
		assertThat(badKind.status()).isEqualTo(400);
	}

	@Test
	void theEditionDiffListsChangesWithTheInstitutionsTheyAffect() {
		Map<String, String> prints = fingerprint();
		Response response = this.province.get("/api/specs/diff?from=G08-2022&to=G08-2023");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(fingerprint()).isEqualTo(prints);
		JsonNode diff = response.body();
		assertThat(diff.get("technologyName").asString()).isEqualTo("肿瘤消融治疗技术");
		assertThat(diff.get("institutionsEvaluated").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(diff.get("renumbered").toString()).contains("(三)7");
		List<String> kinds = new ArrayList<>();
		diff.get("changes").forEach(c -> kinds.add(c.get("change").get("kind").asString()));
		assertThat(kinds).contains("ADDED", "REMOVED", "CHANGED");
		assertThat(diff.get("changes")).anySatisfy(c -> {
			assertThat(c.get("change").get("fromRef").asString()).isEqualTo("二(二)");
			assertThat(c.get("change").get("toRef").asString()).isEqualTo("(四)2");
		});

		Response byTechnology = this.province.get("/api/specs/diff?technology=S04&from=2017&to=2022");
		assertThat(byTechnology.status()).as(byTechnology.text()).isEqualTo(200);
		assertThat(byTechnology.body().get("from").get("key").asString()).isEqualTo("S04-2017");
		assertThat(byTechnology.body().get("changes").size()).isPositive();

		Response expert = Api.as(this.port, "expert1").get("/api/specs/diff?from=G08-2022&to=G08-2023");
		assertThat(expert.status()).isEqualTo(200);
		assertThat(expert.body().get("institutionsEvaluated").asInt()).isZero();

		assertThat(this.province.get("/api/specs/diff?from=G08-2022&to=S04-2022").status()).isEqualTo(422);
		assertThat(this.province.get("/api/specs/diff?from=G08-1999&to=G08-2023").status()).isEqualTo(404);
		assertThat(this.province.get("/api/specs/diff?from=2022&to=2023").status()).isEqualTo(422);
		assertThat(this.province.get("/api/specs/diff?from=x%27or&to=2023").status()).isEqualTo(400);
	}

}
