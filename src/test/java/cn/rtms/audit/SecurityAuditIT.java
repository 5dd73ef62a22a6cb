package cn.rtms.audit;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security events reach the audit trail: refused requests (401 without session, 403 for a
 * missing CSRF token, 403 out of scope), exports, and unknown login names; the address is
 * the forwarded client only because this context trusts the proxy on 127.0.0.1
 * ({@code ClientAddressTests} shows an untrusted peer's header ignored).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.security.trusted-proxies=127.0.0.1/32")
class SecurityAuditIT {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	private List<AuditEntry> refusals(String path) {
		return this.audit.entries("Request", path, 50)
			.stream()
			.filter(e -> e.action().equals(SecurityEventsAuditor.ACTION))
			.toList();
	}

	@Test
	void recordsARequestWithoutSessionWithTheForwardedClient() throws Exception {
		String path = "/api/institutions?probe=401";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("X-Forwarded-For", "1.2.3.4, 203.0.113.7")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		List<AuditEntry> entries = this.audit.entries("Request", "/api/institutions", 50);
		assertThat(entries).isNotEmpty();
		AuditEntry entry = entries.getFirst();
		assertThat(entry.action()).isEqualTo("REQUEST_REFUSED");
		assertThat(entry.actorName()).isEqualTo("匿名");
		assertThat(entry.address()).isEqualTo("203.0.113.7");
		assertThat(entry.after()).contains("\"status\":401").contains("UNAUTHENTICATED").contains("GET");
	}

	@Test
	void theFrontEndsSessionCheckBeforeLoginIsNotARefusalToRecord() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> me = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/me")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(401);
		}
		assertThat(this.audit.entries("Request", "/api/auth/me", 50)).isEmpty();
		// any other path without a session still is
		HttpResponse<String> other = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/users")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).isEqualTo(401);
		assertThat(this.audit.entries("Request", "/api/auth/users", 50)).isNotEmpty();
	}

	@Test
	void recordsACsrfRefusalWithWhoWasLoggedIn() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response refused = clerk.post("/api/auth/logout", Map.of(), false);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
		AuditEntry entry = refusals("/api/auth/logout").getFirst();
		assertThat(entry.after()).contains("CSRF_TOKEN_INVALID").contains("\"status\":403").contains("POST");
		assertThat(entry.actorRole()).isEqualTo("HOSPITAL_CLERK");
		assertThat(entry.address()).isEqualTo("127.0.0.1");
	}

	@Test
	void recordsTheRefusalOfAnAccountThatMustChangeItsPassword() {
		Api admin = Api.as(this.port, "admin");
		Response created = admin.post("/api/users", Map.of("username", "audit-must-change", "displayName", "待改密账号",
				"role", "EXPERT", "initialPassword", "Qz7#vLm2pW"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Api fresh = new Api(this.port).login("audit-must-change", "Qz7#vLm2pW");
		Response refused = fresh.get("/api/filings/inbox?probe=must-change");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		AuditEntry entry = refusals("/api/filings/inbox").getFirst();
		assertThat(entry.after()).contains("PASSWORD_CHANGE_REQUIRED").contains("\"status\":403");
		assertThat(entry.actorName()).isEqualTo("待改密账号");
	}

	@Test
	void recordsARefusalByAnApplicationService() {
		Api clerk = Api.as(this.port, "songjiang-clerk");
		Response refused = clerk.get("/api/audit/verify");
		assertThat(refused.status()).isEqualTo(403);
		AuditEntry entry = refusals("/api/audit/verify").getFirst();
		assertThat(entry.after()).contains("\"status\":403").contains(refused.body().get("code").asString());
		assertThat(entry.actorRole()).isEqualTo("HOSPITAL_CLERK");
	}

	@Test
	void recordsAnExport() throws Exception {
		Api province = Api.as(this.port, "province");
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/filings/export.xlsx"))
				.header("Cookie", "JSESSIONID=" + province.cookie("JSESSIONID"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		AuditEntry entry = this.audit.entries("Filing", "export", 1).getFirst();
		assertThat(entry.action()).isEqualTo("FILING_LIST_EXPORTED");
		assertThat(entry.actorRole()).isEqualTo("PROVINCE_AUTHORITY");
		assertThat(entry.after()).contains("XLSX").contains("\"rows\"");
	}

	@Test
	void recordsALoginWithAnUnknownName() {
		Response failed = new Api(this.port).tryLogin("nobody-here", "Whatever#2026");
		assertThat(failed.status()).isEqualTo(401);
		AuditEntry entry = this.audit.entries("User", "nobody-here", 1).getFirst();
		assertThat(entry.action()).isEqualTo("LOGIN_FAILED");
		assertThat(entry.after()).contains("用户名不存在");
	}

	@Test
	void theChainStaysIntact() {
		assertThat(this.audit.verify().valid()).isTrue();
	}

}
