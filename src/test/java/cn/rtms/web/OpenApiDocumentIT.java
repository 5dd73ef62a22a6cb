package cn.rtms.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.rtms.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The front end's API types are generated from {@code frontend/openapi.json} (ADR 0025),
 * a committed copy of the document the running application serves at
 * {@code /api/openapi}. This test fetches the live document from the real application and
 * fails when the committed copy differs, listing where and giving the command that
 * refreshes it; with {@code -Drtms.openapi.write=true} it rewrites the copy instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

	static final Path COMMITTED = Path.of("frontend", "openapi.json");

	static final String REFRESH = "./rtms openapi";

	@LocalServerPort
	int port;

	@Test
	void committedDocumentIsTheOneTheApplicationServes() throws IOException {
		Api.Response response = new Api(this.port).get("/api/openapi");
		assertThat(response.status()).as("GET /api/openapi").isEqualTo(200);
		JsonNode live = OpenApiDocuments.normalize(response.body());
		String liveText = OpenApiDocuments.write(live);

		if (Boolean.getBoolean("rtms.openapi.write")) {
			Files.writeString(COMMITTED, liveText, StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(COMMITTED)) {
			fail(COMMITTED + " is missing. Create it with: " + REFRESH);
		}
		String committedText = Files.readString(COMMITTED, StandardCharsets.UTF_8);
		if (committedText.equals(liveText)) {
			return;
		}
		List<String> differences = OpenApiDocuments.differences(OpenApiDocuments.read(committedText), live);
		fail("""
				%s differs from the document the application serves at /api/openapi, so the front end's \
				generated API types (frontend/src/api/generated/openapi.ts) are out of date.
				Refresh it with: %s  (then `cd frontend && npm run check` and commit openapi.json).
				Differences (committed -> served):
				  %s""".formatted(COMMITTED, REFRESH,
				differences.isEmpty() ? "(formatting only)" : String.join("\n  ", differences)));
	}

	@Test
	void theDocumentIntegratorsReadNamesNoFileOfTheRepository() {
		String served = new Api(this.port).get("/api/openapi").text();
		assertThat(served).as("an integrator has the served API documentation, not the repository's docs/ folder")
			.doesNotContainPattern("docs/[A-Za-z0-9_-]+\\.md");
	}

}
