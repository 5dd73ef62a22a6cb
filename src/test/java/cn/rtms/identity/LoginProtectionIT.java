package cn.rtms.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import cn.rtms.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

/**
 * The login probes of issue 7: 40 parallel wrong passwords check at most 5; an unknown
 * name, a wrong password and a locked account get byte-identical answers after the same
 * hashing work; a client address with a login in flight is throttled (429) while another
 * address logs in. Password checks are counted on a spy of the password encoder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginProtectionIT {

	static final String INITIAL = "Init#2026x";

	static final String WRONG = "Wrong#2026";

	private static final AtomicInteger counter = new AtomicInteger();

	@LocalServerPort
	int port;

	@MockitoSpyBean
	PasswordEncoder passwords;

	@Autowired
	UserManagement users;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	private String newUser() {
		String username = "login-it-" + counter.incrementAndGet();
		Response created = Api.as(this.port, "admin")
			.post("/api/users",
					Map.of("username", username, "displayName", "登录测试", "role", "EXPERT", "initialPassword", INITIAL));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return username;
	}

	private String hash(String username) {
		return this.jdbc.sql("select password_hash from identity.user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	/**
	 * @return how many times the encoder compared a password with this hash
	 */
	private long checksAgainst(String hash) {
		return mockingDetails(this.passwords).getInvocations()
			.stream()
			.filter(i -> i.getMethod().getName().equals("matches"))
			.filter(i -> hash.equals(i.getArgument(1)))
			.count();
	}

	private long checks() {
		return mockingDetails(this.passwords).getInvocations()
			.stream()
			.map(Invocation::getMethod)
			.filter(m -> m.getName().equals("matches"))
			.count();
	}

	@Test
	void checksAtMostFivePasswordsOfFortyParallelWrongOnes() throws Exception {
		String username = newUser();
		String hash = hash(username);
		clearInvocations(this.passwords);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> logins = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			logins.add(() -> {
				start.await();
				try {
					this.users.login(username, WRONG);
					return "logged in";
				}
				catch (ProblemException ex) {
					return ex.getStatusCode().value() + " " + ex.code() + " " + ex.getBody().getDetail();
				}
			});
		}
		List<String> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
			List<Future<String>> futures = logins.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<String> future : futures) {
				answers.add(future.get());
			}
		}
		assertThat(checksAgainst(hash)).isEqualTo(UserManagement.MAX_FAILURES);
		assertThat(answers).hasSize(40).containsOnly("401 LOGIN_FAILED " + Problems.LOGIN_FAILED_DETAIL);
		Map<String, Object> stored = this.jdbc
			.sql("select failed_attempts, locked_until from identity.user_account where username = ?")
			.param(username)
			.query()
			.singleRow();
		assertThat(stored.get("failed_attempts")).isEqualTo(5);
		assertThat(((Timestamp) stored.get("locked_until")).toInstant()).isAfter(TestClock.pinned().toInstant());
	}

	@Test
	void answersUnknownNamesWrongPasswordsAndLockedAccountsAlike() {
		String username = newUser();
		String hash = hash(username);
		Response wrong = new Api(this.port).tryLogin(username, WRONG);
		for (int i = 2; i <= UserManagement.MAX_FAILURES; i++) {
			assertThat(new Api(this.port).tryLogin(username, WRONG).text()).isEqualTo(wrong.text());
		}

		clearInvocations(this.passwords);
		Response lockedRightPassword = new Api(this.port).tryLogin(username, INITIAL);
		assertThat(checks()).as("a locked account costs one hash like an unknown name").isEqualTo(1);
		assertThat(checksAgainst(hash)).as("but its password is not checked").isZero();
		Response lockedWrongPassword = new Api(this.port).tryLogin(username, WRONG);
		clearInvocations(this.passwords);
		Response unknown = new Api(this.port).tryLogin("no-such-" + username, WRONG);
		assertThat(checks()).isEqualTo(1);

		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body().get("code").asString()).isEqualTo("LOGIN_FAILED");
		assertThat(unknown.body().get("detail").asString()).isEqualTo(Problems.LOGIN_FAILED_DETAIL);
		for (Response response : List.of(wrong, lockedRightPassword, lockedWrongPassword)) {
			assertThat(response.status()).isEqualTo(unknown.status());
			assertThat(response.text()).isEqualTo(unknown.text());
		}
	}

	@Test
	void startsANewCountWhenTheLockHasExpired() {
		String username = newUser();
		for (int i = 1; i <= UserManagement.MAX_FAILURES; i++) {
			new Api(this.port).tryLogin(username, WRONG);
		}
		assertThat(new Api(this.port).tryLogin(username, INITIAL).status()).as("locked").isEqualTo(401);
		this.jdbc.sql("update identity.user_account set locked_until = ? where username = ?")
			.params(Timestamp.from(TestClock.pinned().toInstant().minusSeconds(60)), username)
			.update();
		assertThat(new Api(this.port).tryLogin(username, WRONG).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select failed_attempts from identity.user_account where username = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(new Api(this.port).tryLogin(username, INITIAL).status()).isEqualTo(200);
	}

	@Test
	void throttlesTheLoginsOfABusyClientAddressButNotOfOthers() throws Exception {
		try (LoginThrottle.Permit busy = this.throttle.acquire("127.0.0.1")) {
			HttpResponse<String> refused = login(InetAddress.getByName("127.0.0.1"));
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(refused.body()).contains("\"code\":\"LOGIN_THROTTLED\"", "登录请求过多");

			HttpResponse<String> other = login(InetAddress.getByName("127.0.0.2"));
			assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
		}
		assertThat(login(InetAddress.getByName("127.0.0.1")).statusCode()).isEqualTo(200);
		assertThat(this.throttle.addressesInFlight()).isZero();
	}

	@Test
	void countsWrongOldPasswordsWithFailedLoginsAndLocksEverySessionOut() {
		String username = newUser();
		String hash = hash(username);
		Api guesser = new Api(this.port).login(username, INITIAL);
		Api other = new Api(this.port).login(username, INITIAL);
		assertThat(new Api(this.port).tryLogin(username, WRONG).status()).isEqualTo(401);
		clearInvocations(this.passwords);
		List<Response> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			answers
				.add(guesser.post("/api/auth/password", Map.of("oldPassword", WRONG + i, "newPassword", "New#2026pw")));
		}
		assertThat(checksAgainst(hash)).as("one failed login and four wrong old passwords make five")
			.isEqualTo(UserManagement.MAX_FAILURES - 1);
		assertThat(answers.subList(0, 3)).allSatisfy(a -> {
			assertThat(a.status()).as(a.text()).isEqualTo(422);
			assertThat(a.body().get("code").asString()).isEqualTo("WRONG_OLD_PASSWORD");
		});
		Response locking = answers.get(3);
		assertThat(locking.status()).as(locking.text()).isEqualTo(423);
		assertThat(locking.body().get("code").asString()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(locking.body().get("detail").asString()).contains("账号已锁定", "已退出");
		assertThat(locking.body().get("lockedUntil").asString()).isNotBlank();
		assertThat(answers.subList(4, 6)).as("the session was ended")
			.allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
		assertThat(other.get("/api/auth/me").status()).as("so were the account's other sessions").isEqualTo(401);
		assertThat(new Api(this.port).tryLogin(username, INITIAL).status()).as("locked").isEqualTo(401);
		assertThat(checksAgainst(hash)).isEqualTo(UserManagement.MAX_FAILURES - 1);

		String id = this.jdbc.sql("select id::text from identity.user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
		List<String> audited = this.jdbc.sql("select action from audit.entry where entity_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(audited).containsSubsequence("LOGIN_FAILED", "PASSWORD_CHANGE_FAILED", "PASSWORD_CHANGE_FAILED",
				"PASSWORD_CHANGE_FAILED", "PASSWORD_CHANGE_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED");
	}

	@Test
	void aRightOldPasswordResetsTheCountAndAPasswordChangeIsThrottledLikeALogin() throws Exception {
		String username = newUser();
		Api session = new Api(this.port).login(username, INITIAL);
		for (int i = 0; i < UserManagement.MAX_FAILURES - 1; i++) {
			assertThat(session.post("/api/auth/password", Map.of("oldPassword", WRONG, "newPassword", "New#2026pw"))
				.status()).isEqualTo(422);
		}
		Response weak = session.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "short"));
		assertThat(weak.body().get("code").asString()).as(weak.text()).isEqualTo("PASSWORD_POLICY");
		assertThat(this.jdbc.sql("select failed_attempts from identity.user_account where username = ?")
			.param(username)
			.query(Integer.class)
			.single()).isZero();

		String hash = hash(username);
		clearInvocations(this.passwords);
		try (LoginThrottle.Permit busy = this.throttle.acquire("127.0.0.1")) {
			Response throttled = session.post("/api/auth/password",
					Map.of("oldPassword", WRONG, "newPassword", "New#2026pw"));
			assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
			assertThat(throttled.body().get("code").asString()).isEqualTo("LOGIN_THROTTLED");
		}
		assertThat(checksAgainst(hash)).isZero();
		assertThat(session.post("/api/auth/password", Map.of("oldPassword", INITIAL, "newPassword", "New#2026pw"))
			.status()).isEqualTo(200);
	}

	/** Logs in as a demo user from the given local address. */
	private HttpResponse<String> login(InetAddress from) throws Exception {
		try (HttpClient http = HttpClient.newBuilder().localAddress(from).build()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"expert1\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
