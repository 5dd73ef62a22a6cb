package cn.rtms.cases.gate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures of the order-entry check over HTTP, on the demo data with demo filings
 * (吉林省松江肿瘤医院 holds an ACTIVE G08 filing, G07 under expert review, S04 revoked): a
 * hospital administrator for 松江 (the demo has none), API keys, G08 grants, and a client
 * that sends an API key instead of a session.
 */
final class GateFixtures {

	static final String SONGJIANG = "吉林省松江肿瘤医院";

	static final String CHANGCHUN = "长春市中心医院";

	static final String SONGJIANG_ADMIN = "songjiang-admin";

	static final String PASSWORD = "Gate#2026pw";

	static final LocalDate TODAY = TestClock.today();

	private GateFixtures() {
	}

	static String institutionId(Api api, String name) {
		Response found = api.get("/api/institutions?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	static String personId(Api api, String name) {
		Response found = api.get("/api/people?q=" + name);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return found.body().get(0).get("id").asString();
	}

	/**
	 * Creates 松江's hospital administrator (first login changes the initial password).
	 * @return a session of that administrator
	 */
	static Api songjiangAdmin(int port) {
		Api admin = Api.as(port, "admin");
		String songjiang = institutionId(admin, SONGJIANG);
		Response created = admin.post("/api/users", Map.of("username", SONGJIANG_ADMIN, "displayName", "松江肿瘤医院管理员",
				"role", "HOSPITAL_ADMIN", "institutionId", songjiang, "initialPassword", "Init#2026x"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Api api = new Api(port).login(SONGJIANG_ADMIN, "Init#2026x");
		Response changed = api.post("/api/auth/password", Map.of("oldPassword", "Init#2026x", "newPassword", PASSWORD));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		return api;
	}

	/**
	 * @return the issued key ({@code key.id}, {@code secret})
	 */
	static JsonNode createKey(Api hospitalAdmin, String name) {
		Response created = hospitalAdmin.post("/api/api-keys", Map.of("name", name));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body();
	}

	/**
	 * Applies (clerk) for and grants (administrator) a G08 authorization from today.
	 * @return the authorization's id
	 */
	static String grantG08(Api clerk, Api admin, String personId, String... subTechniques) {
		return grantG08(clerk, admin, personId, TODAY, subTechniques);
	}

	/**
	 * Applies (clerk) for and grants (administrator) a G08 authorization valid from the
	 * given day (a paper grant recorded late may start in the past).
	 * @return the authorization's id
	 */
	static String grantG08(Api clerk, Api admin, String personId, LocalDate validFrom, String... subTechniques) {
		Response applied = clerk.post("/api/authorizations",
				Map.of("personId", personId, "technology", "G08", "subTechniques", List.of(subTechniques), "validFrom",
						validFrom.toString(), "validUntil", TODAY.plusYears(3).minusDays(1).toString()));
		assertThat(applied.status()).as(applied.text()).isEqualTo(201);
		String id = applied.body().get("id").asString();
		Response granted = admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 0));
		assertThat(granted.status()).as(granted.text()).isEqualTo(200);
		return id;
	}

	static void revoke(Api admin, String authorizationId) {
		Response revoked = admin.post("/api/authorizations/" + authorizationId + "/revoke",
				Map.of("version", 1, "reason", "发生严重并发症，暂停授权"));
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
	}

	/** A machine client: sends its API key, keeps no cookies. */
	static final class KeyClient {

		private final HttpClient http = HttpClient.newHttpClient();

		private final JsonMapper json = JsonMapper.builder().build();

		private final String base;

		private final String key;

		private final boolean schemeHeader;

		KeyClient(int port, String key, boolean schemeHeader) {
			this.base = "http://127.0.0.1:" + port;
			this.key = key;
			this.schemeHeader = schemeHeader;
		}

		static KeyClient of(int port, JsonNode issued) {
			return new KeyClient(port, issued.get("secret").asString(), true);
		}

		KeyClient withHeader() {
			return new KeyClient(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), this.key,
					false);
		}

		Reply get(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		Reply post(String path, Object body) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))));
		}

		private Reply send(HttpRequest.Builder request) {
			if (this.schemeHeader) {
				request.header("Authorization", "ApiKey " + this.key);
			}
			else {
				request.header("X-Api-Key", this.key);
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				JsonNode body = response.body().isEmpty() ? null : this.json.readTree(response.body());
				return new Reply(response.statusCode(), body, response.body(),
						response.headers().allValues("Set-Cookie"));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** A reply to a machine client. */
	record Reply(int status, JsonNode body, String text, List<String> cookies) {

		String decision() {
			assertThat(this.status).as(this.text).isEqualTo(200);
			return this.body.get("decision").asString();
		}

		List<String> codes() {
			assertThat(this.status).as(this.text).isEqualTo(200);
			List<String> codes = new java.util.ArrayList<>();
			for (JsonNode reason : this.body.get("reasons")) {
				codes.add(reason.get("code").asString());
			}
			return codes;
		}

		String code() {
			return this.body.get("code").asString();
		}

	}

}
