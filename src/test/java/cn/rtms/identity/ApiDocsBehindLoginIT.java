package cn.rtms.identity;

import cn.rtms.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rtms.security.public-api-docs=false}: the OpenAPI document and Swagger UI answer
 * 401 with a Chinese problem without a session and are served to any logged-in user; the
 * public clock stays open. The default (open) is covered by {@code IdentityIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.security.public-api-docs=false")
class ApiDocsBehindLoginIT {

	@LocalServerPort
	int port;

	@Test
	void anonymousCallersGet401() {
		Api anonymous = new Api(this.port);
		for (String path : new String[] { "/api/openapi", "/api/docs", "/api/docs/index.html",
				"/api/swagger-ui/index.html", "/swagger-ui/index.html" }) {
			Api.Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.body().get("code").asString()).as(path).isEqualTo("UNAUTHENTICATED");
			assertThat(response.body().get("detail").asString()).as(path).contains("请先登录");
		}
		assertThat(anonymous.get("/api/public/clock").status()).isEqualTo(200);
	}

	@Test
	void anyLoggedInUserReadsTheDocument() {
		for (String user : new String[] { "admin", "ccszx-clerk", "doctor-wang" }) {
			Api.Response response = Api.as(this.port, user).get("/api/openapi");
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.body().get("paths").size()).as(user).isGreaterThan(30);
			assertThat(Api.as(this.port, user).get("/api/swagger-ui/index.html").status()).as(user).isEqualTo(200);
		}
	}

}
