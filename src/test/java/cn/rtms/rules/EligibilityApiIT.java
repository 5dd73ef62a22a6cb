package cn.rtms.rules;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityApiIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	String institutionId(String name) {
		return this.api.get("/api/institutions?q=" + name).body().get(0).get("id").asString();
	}

	@Test
	void dumpsDemo() {
		String id = institutionId("长春市中心医院");
		Response matrix = this.api.get("/api/institutions/" + id + "/eligibility?asOf=2026-11-22");
		System.out.println("MATRIX " + matrix.text());
		Response report = this.api.get("/api/institutions/" + id + "/eligibility/G08?asOf=2026-11-22");
		System.out.println("REPORT " + report.text());
		for (JsonNode inst : this.api.get("/api/institutions").body()) {
			Response m = this.api.get("/api/institutions/" + inst.get("id").asString() + "/eligibility?asOf=2026-11-22");
			StringBuilder line = new StringBuilder(inst.get("name").asString());
			for (JsonNode row : m.body().get("rows")) {
				line.append(' ').append(row.get("technology").asString()).append('=').append(row.get("status").asString());
			}
			System.out.println("ROW " + line);
		}
		assertThat(matrix.status()).isEqualTo(200);
	}

}
