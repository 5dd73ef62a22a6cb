package cn.rtms.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorities run their subordinate accounts (docs/experts.md): strictly below them and
 * inside their region, never their own level or above, never another city; county
 * authorities run none. Shares the {@code experts} context with the assignment tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.test.context=experts")
class AuthorityAccountsIT {

	static final String PASSWORD = "Qz7#vLm2pW";

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	static Map<String, Object> account(String username, String role, String region) {
		return Map.of("username", username, "displayName", "测试" + username, "role", role, "regionCode", region,
				"initialPassword", PASSWORD);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	@Test
	void theProvinceCreatesCityAndCountyAuthoritiesOfItsProvinceButNothingOfItsOwnLevel() {
		Api province = as("province");
		JsonNode city = ok(
				province.post("/api/authority/accounts", account("scope-jilin", "CITY_AUTHORITY", "220200")));
		assertThat(city.get("account").get("mustChangePassword").asBoolean()).isTrue();
		assertThat(city.get("regionName").asString()).isEqualTo("吉林市");
		ok(province.post("/api/authority/accounts", account("scope-changyi", "COUNTY_AUTHORITY", "220202")));
		assertProblem(province.post("/api/authority/accounts", account("scope-prov", "PROVINCE_AUTHORITY", "220000")),
				403, "FORBIDDEN");
		// the role must match the region's tier
		assertProblem(province.post("/api/authority/accounts", account("scope-wrongtier", "CITY_AUTHORITY", "220102")),
				422, "INVALID_USER");
		// hospital roles are not run here
		assertProblem(province.post("/api/authority/accounts", account("scope-clerk", "HOSPITAL_CLERK", "220102")), 403,
				"FORBIDDEN");
		String provinceId = province.get("/api/auth/me").body().get("id").asString();
		List<String> audited = new ArrayList<>();
		this.audit.entries("User", city.get("account").get("id").asString(), 10)
			.forEach(e -> audited.add(e.action() + " " + e.actorId()));
		assertThat(audited).contains("USER_CREATED " + provinceId);
	}

	@Test
	void aCityCreatesCountyAuthoritiesAndExpertsOfItsCityOnly() {
		Api changchun = as("changchun");
		ok(changchun.post("/api/authority/accounts", account("scope-chaoyang", "COUNTY_AUTHORITY", "220104")));
		ok(changchun.post("/api/authority/accounts", account("scope-cc-expert", "EXPERT", "220100")));
		// its own level and above
		assertProblem(changchun.post("/api/authority/accounts", account("scope-cc2", "CITY_AUTHORITY", "220100")), 403,
				"FORBIDDEN");
		Response above = changchun.post("/api/authority/accounts",
				account("scope-prov2", "PROVINCE_AUTHORITY", "220000"));
		assertProblem(above, 403, "FORBIDDEN");
		assertThat(above.body().get("detail").asString()).contains("省级卫生健康行政部门");
		// another city and its counties
		Response other = changchun.post("/api/authority/accounts",
				account("scope-longtan", "COUNTY_AUTHORITY", "220203"));
		assertProblem(other, 403, "FORBIDDEN");
		assertThat(other.body().get("detail").asString()).contains("龙潭区").contains("不在本辖区内");
		assertProblem(changchun.post("/api/authority/accounts", account("scope-jl-expert", "EXPERT", "220200")), 403,
				"FORBIDDEN");
		// a directly administered city-tier unit cannot reach into 长春市 either
		assertProblem(
				as("meihekou").post("/api/authority/accounts", account("scope-mhk", "COUNTY_AUTHORITY", "220102")), 403,
				"FORBIDDEN");
	}

	@Test
	void aCountyRunsNoAccounts() {
		Api nanguan = as("nanguan");
		assertProblem(nanguan.get("/api/authority/accounts"), 403, "FORBIDDEN");
		assertProblem(nanguan.post("/api/authority/accounts", account("scope-ng", "COUNTY_AUTHORITY", "220102")), 403,
				"FORBIDDEN");
		assertProblem(nanguan.post("/api/authority/accounts", account("scope-ng-city", "CITY_AUTHORITY", "220100")),
				403, "FORBIDDEN");
		assertProblem(nanguan.get("/api/experts"), 403, "FORBIDDEN");
	}

	@Test
	void aCityDisablesReEnablesAndResetsItsCountyAccountsButNotOthers() {
		Api changchun = as("changchun");
		JsonNode county = ok(
				changchun.post("/api/authority/accounts", account("scope-erdao", "COUNTY_AUTHORITY", "220105")));
		String id = county.get("account").get("id").asString();
		JsonNode disabled = ok(changchun.post("/api/authority/accounts/" + id + "/disable", Map.of()));
		assertThat(disabled.get("account").get("enabled").asBoolean()).isFalse();
		assertProblem(new Api(this.port).tryLogin("scope-erdao", PASSWORD), 401, "ACCOUNT_DISABLED");
		ok(changchun.post("/api/authority/accounts/" + id + "/enable", Map.of()));
		JsonNode reset = ok(
				changchun.post("/api/authority/accounts/" + id + "/password-reset", Map.of("password", "Tmp#8kWq3z")));
		assertThat(reset.get("account").get("mustChangePassword").asBoolean()).isTrue();
		JsonNode me = new Api(this.port).login("scope-erdao", "Tmp#8kWq3z").get("/api/auth/me").body();
		assertThat(me.get("mustChangePassword").asBoolean()).isTrue();

		String changchunId = changchun.get("/api/auth/me").body().get("id").asString();
		List<String> actions = new ArrayList<>();
		for (AuditEntry entry : this.audit.entries("User", id, 20)) {
			if (!entry.action().startsWith("LOGIN")) {
				actions.add(entry.action() + " " + entry.actorId());
			}
		}
		assertThat(actions).contains("USER_CREATED " + changchunId, "USER_DISABLED " + changchunId,
				"USER_ENABLED " + changchunId, "PASSWORD_RESET " + changchunId);

		// the list shows its own region's accounts only
		List<String> listed = new ArrayList<>();
		ok(changchun.get("/api/authority/accounts"))
			.forEach(a -> listed.add(a.get("account").get("username").asString()));
		assertThat(listed).contains("scope-erdao", "nanguan").doesNotContain("changchun", "province", "meihekou");

		// not the province, not itself, not another city's county
		String provinceId = new Api(this.port).login("province", Api.DEMO_PASSWORD)
			.get("/api/auth/me")
			.body()
			.get("id")
			.asString();
		assertProblem(changchun.post("/api/authority/accounts/" + provinceId + "/disable", Map.of()), 403, "FORBIDDEN");
		assertProblem(changchun.post("/api/authority/accounts/" + changchunId + "/password-reset",
				Map.of("password", "Tmp#8kWq3z")), 403, "FORBIDDEN");
		JsonNode jilinCounty = ok(
				as("province").post("/api/authority/accounts", account("scope-fengman", "COUNTY_AUTHORITY", "220211")));
		assertProblem(changchun
			.post("/api/authority/accounts/" + jilinCounty.get("account").get("id").asString() + "/disable", Map.of()),
				403, "FORBIDDEN");
	}

}
