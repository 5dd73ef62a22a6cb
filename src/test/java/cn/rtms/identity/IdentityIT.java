package cn.rtms.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login, lockout, password policy, forced change, logout, session and CSRF over HTTP; the
 * region hierarchy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityIT {

	static final String INITIAL = "Init#2026x";

	private static final AtomicInteger counter = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	RegionHierarchy regions;

	@Autowired
	AccessPolicy access;

	@Value("${server.servlet.session.timeout}")
	Duration sessionTimeout;

	/** Creates a fresh expert account (as admin) and returns its username. */
	private String newUser() {
		String username = "identity-it-" + counter.incrementAndGet();
		Response created = Api.as(this.port, "admin")
			.post("/api/users",
					Map.of("username", username, "displayName", "测试专家", "role", "EXPERT", "initialPassword", INITIAL));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().get("mustChangePassword").asBoolean()).isTrue();
		return username;
	}

	/** Logs in a new user and changes the initial password; returns the session. */
	private Api newUserSession(String username, String password) {
		Api api = new Api(this.port).login(username, INITIAL);
		Response changed = api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", password));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		return api;
	}

	@Test
	void logsInWithADemoUserAndReturnsTheCurrentUser() {
		Api api = new Api(this.port);
		Response login = api.tryLogin("ccszx-clerk", Api.DEMO_PASSWORD);
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		assertThat(login.body().get("role").asString()).isEqualTo("HOSPITAL_CLERK");
		assertThat(login.body().get("roleLabel").asString()).isEqualTo("医务科");
		assertThat(login.body().get("institutionName").asString()).isEqualTo("长春市中心医院");
		assertThat(login.body().get("regionCode").asString()).isEqualTo("220102");
		assertThat(login.body().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(api.cookie("JSESSIONID")).isNotBlank();
		assertThat(api.cookie("XSRF-TOKEN")).isNotBlank();
		Response me = api.get("/api/auth/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("username").asString()).isEqualTo("ccszx-clerk");
	}

	@Test
	void refusesWrongPasswordAndUnknownUserAlikeInChinese() {
		Response wrong = new Api(this.port).tryLogin("expert2", "Wrong#2026");
		Response unknown = new Api(this.port).tryLogin("nobody-here", "Wrong#2026");
		for (Response response : List.of(wrong, unknown)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body().get("code").asString()).isEqualTo("LOGIN_FAILED");
			assertThat(response.body().get("detail").asString()).isEqualTo(Problems.LOGIN_FAILED_DETAIL)
				.startsWith("用户名或密码错误");
		}
		assertThat(new Api(this.port).tryLogin("expert2", Api.DEMO_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void requiresASessionForTheApiButNotForDocsOrPublicPages() {
		Api anonymous = new Api(this.port);
		Response institutions = anonymous.get("/api/institutions");
		assertThat(institutions.status()).isEqualTo(401);
		assertThat(institutions.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(institutions.body().get("detail").asString()).contains("请先登录");
		assertThat(anonymous.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/openapi").status()).isEqualTo(200);
		// Swagger UI: /api/docs redirects to the UI's own files under /api/swagger-ui/,
		// which load the document
		for (String ui : new String[] { "/api/swagger-ui/index.html", "/api/swagger-ui/swagger-initializer.js",
				"/api/openapi/swagger-config" }) {
			assertThat(anonymous.get(ui).status()).as(ui).isEqualTo(200);
		}
		assertThat(anonymous.get("/api/public/anything").status()).isNotIn(401, 403);
	}

	@Test
	void locksTheAccountAfterFiveFailuresForFifteenMinutes() {
		String username = newUser();
		Api api = new Api(this.port);
		for (int i = 1; i <= 4; i++) {
			assertThat(api.tryLogin(username, "Wrong#2026").status()).isEqualTo(401);
		}
		Response fifth = api.tryLogin(username, "Wrong#2026");
		assertThat(fifth.status()).isEqualTo(401);
		assertThat(fifth.body().get("code").asString()).isEqualTo("LOGIN_FAILED");
		assertThat(fifth.body().get("detail").asString()).contains("连续 5 次失败后账号将锁定 15 分钟");
		Response correctButLocked = api.tryLogin(username, INITIAL);
		assertThat(correctButLocked.status()).isEqualTo(401);
		assertThat(correctButLocked.text()).isEqualTo(fifth.text());

		Api admin = Api.as(this.port, "admin");
		String id = userId(admin, username);
		assertThat(admin.get("/api/users/" + id).body().get("lockedUntil")).isNotNull();
		assertThat(admin.post("/api/users/" + id + "/unlock", "{}").status()).isEqualTo(200);
		assertThat(api.tryLogin(username, INITIAL).status()).isEqualTo(200);
	}

	@Test
	void countsOnlyConsecutiveFailures() {
		String username = newUser();
		Api api = new Api(this.port);
		for (int i = 0; i < 4; i++) {
			api.tryLogin(username, "Wrong#2026");
		}
		assertThat(api.tryLogin(username, INITIAL).status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(api.tryLogin(username, "Wrong#2026").status()).isEqualTo(401);
		}
	}

	@Test
	void forcesTheChangeOfAnInitialPassword() {
		String username = newUser();
		Api api = new Api(this.port);
		Response login = api.tryLogin(username, INITIAL);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().get("mustChangePassword").asBoolean()).isTrue();
		Response refused = api.get("/api/regions");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(api.get("/api/auth/me").status()).isEqualTo(200);

		Response wrongOld = api.post("/api/auth/password",
				Map.of("oldPassword", "Nope#2026", "newPassword", "New#2026pw"));
		assertThat(wrongOld.status()).isEqualTo(422);
		assertThat(wrongOld.body().get("code").asString()).isEqualTo("WRONG_OLD_PASSWORD");
		Response same = api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", INITIAL));
		assertThat(same.status()).isEqualTo(422);
		assertThat(same.text()).contains("不能与原密码相同");

		Response changed = api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "New#2026pw"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.body().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(api.get("/api/regions").status()).isEqualTo(200);
		assertThat(new Api(this.port).tryLogin(username, INITIAL).status()).isEqualTo(401);
		assertThat(new Api(this.port).tryLogin(username, "New#2026pw").status()).isEqualTo(200);
	}

	@Test
	void enforcesThePasswordPolicy() {
		String username = newUser();
		Api api = new Api(this.port).login(username, INITIAL);
		Map<String, String> refused = Map.of("Ab#1234", "长度至少 8 位", "abcdefgh1", "至少三类", "ABCDEFGH#", "至少三类",
				username.substring(0, 1).toUpperCase() + username.substring(1), "不能与用户名相同");
		refused.forEach((password, reason) -> {
			Response response = api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", password));
			assertThat(response.status()).as(password).isEqualTo(422);
			assertThat(response.body().get("code").asString()).isEqualTo("PASSWORD_POLICY");
			assertThat(response.text()).as(password).contains(reason);
		});
		assertThat(api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "abcdefg1#")).status())
			.isEqualTo(200);

		Response weakInitial = Api.as(this.port, "admin")
			.post("/api/users", Map.of("username", "weak-initial", "displayName", "弱密码", "role", "EXPERT",
					"initialPassword", "12345678"));
		assertThat(weakInitial.status()).isEqualTo(422);
		assertThat(weakInitial.body().get("code").asString()).isEqualTo("PASSWORD_POLICY");
	}

	@Test
	void logsOut() {
		Api api = Api.as(this.port, "expert1");
		assertThat(api.get("/api/auth/me").status()).isEqualTo(200);
		assertThat(api.post("/api/auth/logout", "{}").status()).isEqualTo(204);
		assertThat(api.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(api.get("/api/regions").status()).isEqualTo(401);
	}

	@Test
	void changesTheSessionIdAtLogin() {
		Api api = new Api(this.port);
		api.get("/api/openapi");
		api.login("expert1", Api.DEMO_PASSWORD);
		String first = api.cookie("JSESSIONID");
		api.login("expert1", Api.DEMO_PASSWORD);
		assertThat(api.cookie("JSESSIONID")).isNotEqualTo(first);
	}

	@Test
	void endsIdleSessionsAfterThirtyMinutes() {
		assertThat(this.sessionTimeout).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void refusesStateChangesWithoutTheCsrfToken() {
		Api admin = Api.as(this.port, "admin");
		Map<String, String> user = Map.of("username", "csrf-" + counter.incrementAndGet(), "displayName", "CSRF 测试",
				"role", "EXPERT", "initialPassword", INITIAL);
		Response refused = admin.post("/api/users", user, false);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
		assertThat(admin.post("/api/users", user, true).status()).isEqualTo(201);
	}

	@Test
	void onlyTheSystemAdministratorManagesUsers() {
		Response refused = Api.as(this.port, "province").get("/api/users");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(refused.body().get("detail").asString()).contains("系统管理员");
		Response list = Api.as(this.port, "admin").get("/api/users");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).contains("doctor-wang", "ccszx-clerk").doesNotContain("passwordHash", "$2a$");
	}

	@Test
	void validatesTheScopeOfANewAccount() {
		Api admin = Api.as(this.port, "admin");
		Response noInstitution = admin.post("/api/users", Map.of("username", "clerk-without-hospital", "displayName",
				"无机构", "role", "HOSPITAL_CLERK", "initialPassword", INITIAL));
		assertThat(noInstitution.status()).isEqualTo(422);
		assertThat(noInstitution.body().get("code").asString()).isEqualTo("INVALID_USER");
		Response unknownRegion = admin.post("/api/users", Map.of("username", "authority-nowhere", "displayName", "无区划",
				"role", "CITY_AUTHORITY", "regionCode", "229999", "initialPassword", INITIAL));
		assertThat(unknownRegion.status()).isEqualTo(422);
		assertThat(unknownRegion.text()).contains("行政区划代码 229999 不存在");
	}

	@Test
	void endsTheSessionsOfADisabledAccount() {
		String username = newUser();
		Api api = newUserSession(username, "Active#2026");
		assertThat(api.get("/api/regions").status()).isEqualTo(200);
		Api admin = Api.as(this.port, "admin");
		assertThat(admin.post("/api/users/" + userId(admin, username) + "/disable", "{}").status()).isEqualTo(200);
		assertThat(api.get("/api/regions").status()).isEqualTo(401);
		Response login = new Api(this.port).tryLogin(username, "Active#2026");
		assertThat(login.status()).isEqualTo(401);
		assertThat(login.body().get("code").asString()).isEqualTo("ACCOUNT_DISABLED");
	}

	@Test
	void aPasswordChangeEndsTheAccountsOtherSessions() {
		String username = newUser();
		Api changing = newUserSession(username, "First#2026x");
		Api other = new Api(this.port).login(username, "First#2026x");
		assertThat(other.get("/api/regions").status()).isEqualTo(200);
		Response changed = changing.post("/api/auth/password",
				Map.of("oldPassword", "First#2026x", "newPassword", "Second#2026x"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changing.get("/api/regions").status()).as("the session that changed it stays").isEqualTo(200);
		Response ended = other.get("/api/regions");
		assertThat(ended.status()).isEqualTo(401);
		assertThat(ended.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aPasswordResetEndsTheAccountsSessions() {
		String username = newUser();
		Api api = newUserSession(username, "Before#2026x");
		assertThat(api.get("/api/regions").status()).isEqualTo(200);
		Api admin = Api.as(this.port, "admin");
		Response reset = admin.post("/api/users/" + userId(admin, username) + "/password-reset",
				Map.of("password", "Reset#2026xy"));
		assertThat(reset.status()).as(reset.text()).isEqualTo(200);
		assertThat(api.get("/api/regions").status()).isEqualTo(401);
		assertThat(admin.get("/api/users").status()).as("the administrator's own session stays").isEqualTo(200);
	}

	@Test
	void followsDirectAdministrationInTheRegionHierarchy() {
		assertThat(this.regions.ancestry("220102")).containsExactly("220102", "220100", "220000");
		assertThat(this.regions.ancestry("220581")).containsExactly("220581", "220000");
		assertThat(this.regions.ancestry("229900")).containsExactly("229900", "220000");
		CurrentUser tonghua = new CurrentUser(UUID.randomUUID(), "tonghua", "通化市卫生健康委员会", Role.CITY_AUTHORITY, null,
				null, "220500", false);
		assertThat(this.access.coversRegion(tonghua, "220502")).isTrue();
		assertThat(this.access.coversRegion(tonghua, "220581")).isFalse();
		CurrentUser province = new CurrentUser(UUID.randomUUID(), "p", "省", Role.PROVINCE_AUTHORITY, null, null,
				"220000", false);
		assertThat(this.access.coversRegion(province, "220581")).isTrue();
		assertThat(this.access.coversRegion(province, "229900")).isTrue();
	}

	private static String userId(Api admin, String username) {
		for (var user : admin.get("/api/users").body()) {
			if (user.get("username").asString().equals(username)) {
				return user.get("id").asString();
			}
		}
		throw new AssertionError("no user " + username);
	}

}
