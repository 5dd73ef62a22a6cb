package cn.rtms.catalog;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.rtms.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/dictionary} over HTTP: any logged-in user reads it, nobody else; it is
 * cacheable and revalidated with its entity tag. Spec editor notes reach the system
 * administrator only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DictionaryApiIT {

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void servesLabelsToEveryLoggedInUserWithAnEntityTag() throws Exception {
		HttpClient browser = loggedIn("doctor-wang");
		HttpResponse<String> first = get(browser, "/api/dictionary", null);
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(first.body());
		assertThat(body.at("/groups/equipment").toString()).contains("\"code\":\"ELECTRIC_DERMATOME\"",
				"\"label\":\"电动取皮刀\"");
		assertThat(body.at("/groups/filingState").toString()).contains("备案有效");
		assertThat(body.at("/groups/region").toString()).contains("全国");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).contains(body.get("version").asString());
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600", "private")
			.doesNotContain("no-store");
		HttpResponse<String> again = get(browser, "/api/dictionary", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void refusesAnonymousCallers() throws Exception {
		HttpResponse<String> anonymous = get(HttpClient.newHttpClient(), "/api/dictionary", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void showsSpecEditorNotesToTheSystemAdministratorOnly() {
		JsonNode forAdmin = Api.as(this.port, "admin").get("/api/specs/G08-2022").body();
		assertThat(forAdmin.get("notes").size()).isPositive();
		for (String user : new String[] { "province", "ccszx-clerk", "expert1", "doctor-wang" }) {
			JsonNode spec = Api.as(this.port, user).get("/api/specs/G08-2022").body();
			assertThat(spec.get("notes").size()).as(user).isZero();
		}
	}

	@Test
	void anEditionSaysWhichEditionTakesOverAndWhen() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		JsonNode superseded = clerk.get("/api/specs/G08-2022").body().get("summary");
		assertThat(superseded.get("supersededBy").asString()).isEqualTo("G08-2023");
		assertThat(superseded.get("supersededOn").asString()).isEqualTo("2023-01-01");
		JsonNode current = clerk.get("/api/specs/G08-2023").body().get("summary");
		assertThat(current.has("supersededBy")).isFalse();
		// ended by its own text before any successor (the 2022 catalogue dropped it)
		JsonNode ended = clerk.get("/api/specs/S04-2017").body().get("summary");
		assertThat(ended.get("effectiveUntil").asString()).isEqualTo("2022-04-19");
		assertThat(ended.has("supersededBy")).isFalse();
		JsonNode g08 = clerk.get("/api/technologies/G08").body().get("specs");
		assertThat(g08.get(0).get("supersededBy").asString()).isEqualTo("G08-2023");
	}

	HttpClient loggedIn(String user) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> login = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/login"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"" + user + "\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return client;
	}

	HttpResponse<String> get(HttpClient client, String path, String ifNoneMatch)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
