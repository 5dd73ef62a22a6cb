package cn.rtms.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Common and published passwords are refused for real accounts (demo accounts keep the
 * demo password); a password older than {@code rtms.security.password-max-age} (90 days)
 * must be changed before anything else, also within a running session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordRulesIT {

	static final String INITIAL = "Init#2026x";

	private static final AtomicInteger counter = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Response create(String username, String password) {
		return Api.as(this.port, "admin")
			.post("/api/users",
					Map.of("username", username, "displayName", "密码测试", "role", "EXPERT", "initialPassword", password));
	}

	private String newUser() {
		String username = "password-it-" + counter.incrementAndGet();
		Response created = create(username, INITIAL);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return username;
	}

	@Test
	void refusesCommonAndPublishedPasswordsForRealAccounts() {
		for (String password : new String[] { "Password1", "Admin@123", "P@ssw0rd", Api.DEMO_PASSWORD }) {
			Response refused = create("password-it-weak-" + counter.incrementAndGet(), password);
			assertThat(refused.status()).as(password).isEqualTo(422);
			assertThat(refused.body().get("code").asString()).isEqualTo("PASSWORD_POLICY");
		}
		assertThat(create("password-it-demo-" + counter.incrementAndGet(), Api.DEMO_PASSWORD).text())
			.contains("不能使用公开的演示密码");

		String username = newUser();
		Api api = new Api(this.port).login(username, INITIAL);
		for (String password : new String[] { "Admin@123", "qwer@1234", Api.DEMO_PASSWORD }) {
			Response refused = api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", password));
			assertThat(refused.status()).as(password).isEqualTo(422);
			assertThat(refused.body().get("code").asString()).isEqualTo("PASSWORD_POLICY");
		}
		Api admin = Api.as(this.port, "admin");
		Response reset = admin.post("/api/users/" + userId(username) + "/password-reset",
				Map.of("password", Api.DEMO_PASSWORD));
		assertThat(reset.status()).isEqualTo(422);
		assertThat(reset.text()).contains("不能使用公开的演示密码");

		assertThat(new Api(this.port).tryLogin("songjiang-clerk", Api.DEMO_PASSWORD).status())
			.as("demo accounts keep the demo password")
			.isEqualTo(200);
	}

	@Test
	void forcesTheChangeOfAPasswordOlderThanNinetyDays() {
		String username = newUser();
		Api api = new Api(this.port).login(username, INITIAL);
		assertThat(
				api.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "Later#2026x")).status())
			.isEqualTo(200);

		passwordSetAgo(username, Duration.ofDays(89));
		assertThat(api.get("/api/regions").status()).isEqualTo(200);

		passwordSetAgo(username, Duration.ofDays(91));
		Response refused = api.get("/api/regions");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(refused.body().get("detail").asString()).contains("已过期");
		Api again = new Api(this.port);
		Response login = again.tryLogin(username, "Later#2026x");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().get("mustChangePassword").asBoolean()).isTrue();

		Response changed = again.post("/api/auth/password",
				Map.of("oldPassword", "Later#2026x", "newPassword", "Renewed#2026y"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.body().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(again.get("/api/regions").status()).isEqualTo(200);
	}

	@Test
	void letsDemoAccountsKeepTheirPublishedPassword() {
		this.jdbc.sql("update identity.user_account set created_at = ? where username = 'songjiang-base'")
			.param(Timestamp.from(TestClock.pinned().toInstant().minus(Duration.ofDays(400))))
			.update();
		Response login = new Api(this.port).tryLogin("songjiang-base", Api.DEMO_PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().get("mustChangePassword").asBoolean()).isFalse();
	}

	private void passwordSetAgo(String username, Duration age) {
		this.jdbc.sql("update identity.user_account set password_changed_at = ? where username = ?")
			.params(Timestamp.from(TestClock.pinned().toInstant().minus(age)), username)
			.update();
	}

	private String userId(String username) {
		return this.jdbc.sql("select id::text from identity.user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

}
