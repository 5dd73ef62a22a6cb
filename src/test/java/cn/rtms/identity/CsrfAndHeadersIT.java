package cn.rtms.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The CSRF token belongs to one session and is renewed at login; every response carries
 * the security headers (CSP, frame-ancestors, nosniff, Referrer-Policy), and requests
 * over TLS also HSTS and Secure cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsrfAndHeadersIT {

	/**
	 * A write any logged-in user may attempt: refused as 422 once the CSRF check passes.
	 */
	private static final Map<String, String> WRONG_PASSWORD_CHANGE = Map.of("oldPassword", "Nope#2026x", "newPassword",
			"Another#2026x");

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Test
	void refusesTheCsrfTokenOfAnotherSession() {
		Api mine = Api.as(this.port, "expert1");
		Api theirs = Api.as(this.port, "expert2");
		assertThat(mine.post("/api/auth/password", WRONG_PASSWORD_CHANGE).status()).as("own token").isEqualTo(422);

		mine.withCookie("XSRF-TOKEN", theirs.cookie("XSRF-TOKEN"));
		Response refused = mine.post("/api/auth/password", WRONG_PASSWORD_CHANGE);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
	}

	@Test
	void renewsTheCsrfTokenAtLogin() {
		Api api = Api.as(this.port, "expert1");
		String before = api.cookie("XSRF-TOKEN");
		api.login("expert1", Api.DEMO_PASSWORD);
		String after = api.cookie("XSRF-TOKEN");
		assertThat(after).isNotBlank().isNotEqualTo(before);
		assertThat(api.post("/api/auth/password", WRONG_PASSWORD_CHANGE).status()).isEqualTo(422);

		api.withCookie("XSRF-TOKEN", before);
		Response refused = api.post("/api/auth/password", WRONG_PASSWORD_CHANGE);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
	}

	@Test
	void givesNoSessionOrTokenToAnonymousVisitorsAndAnswersTheirWrites401() {
		Api anonymous = new Api(this.port);
		assertThat(anonymous.get("/api/openapi").status()).isEqualTo(200);
		assertThat(anonymous.get("/api/public/clock").status()).isEqualTo(200);
		assertThat(anonymous.cookie("XSRF-TOKEN")).isNull();
		assertThat(anonymous.cookie("JSESSIONID")).isNull();

		anonymous.withCookie("JSESSIONID", "EXPIRED0000000000000000000000000").withCookie("XSRF-TOKEN", "forged");
		Response write = anonymous.post("/api/users", Map.of("username", "x"));
		assertThat(write.status()).isEqualTo(401);
		assertThat(write.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void sendsTheSecurityHeaders() throws Exception {
		for (String path : List.of("/", "/login", "/api/auth/me", "/api/openapi")) {
			HttpResponse<String> response;
			try (HttpClient http = HttpClient.newHttpClient()) {
				response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
			var headers = response.headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'",
						"default-src 'self'"));
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
			assertThat(headers.firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
		}
	}

	@Test
	void sendsHstsAndSecureCookiesOverTls() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		MvcResult page = mvc.perform(get("/").secure(true)).andReturn();
		assertThat(page.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=31536000",
				"includeSubDomains");

		MvcResult login = mvc
			.perform(post("/api/auth/login").secure(true)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"expert1\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"))
			.andReturn();
		assertThat(login.getResponse().getStatus()).isEqualTo(200);
		assertThat(login.getResponse().getHeaders("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure", "SameSite=Lax"));
	}

}
