package cn.rtms.web.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filings prepared over the API for browser tests: up to a ready self-assessment, so the
 * browser only does what the test is about.
 */
final class BrowserFilings {

	private BrowserFilings() {
	}

	/**
	 * A filing of a technology the hospital has no open filing of, self-assessed, every
	 * clause confirmed (one batch) and both committee opinions recorded.
	 */
	static JsonNode readyFiling(Api clerk, LocalDate today) {
		return readyFiling(clerk, today, List.of("G08", "G10", "G07", "S01", "S02", "S03"));
	}

	/**
	 * Like {@link #readyFiling(Api, LocalDate)}, of the first of these technologies that
	 * can be filed.
	 */
	static JsonNode readyFiling(Api clerk, LocalDate today, List<String> technologies) {
		JsonNode filing = null;
		for (String code : technologies) {
			Response created = clerk.post("/api/filings", Map.of("technology", code));
			if (created.status() == 409) {
				continue;
			}
			String id = ok(created).get("id").asString();
			Response assessed = clerk.post("/api/filings/" + id + "/self-assessment",
					Map.of("version", version(created.body())));
			if (assessed.status() == 200) {
				filing = assessed.body();
				break;
			}
			assertThat(clerk.delete("/api/filings/" + id).status()).isEqualTo(204);
		}
		assertThat(filing).as("a technology with a spec in force and without an open filing").isNotNull();
		String id = filing.get("id").asString();
		List<Map.Entry<String, String>> batch = new ArrayList<>();
		batch.add(new SimpleEntry<>("version", String.valueOf(version(filing))));
		filing.get("pendingAttestations").forEach(c -> batch.add(new SimpleEntry<>("clauseRefs", c.asString())));
		batch.add(new SimpleEntry<>("evidence", "现场核查：符合要求"));
		if (batch.size() > 2) {
			filing = ok(clerk.multipart("/api/filings/" + id + "/attestations/batch", batch, "file", "evidence.pdf",
					pdf()));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					List.of(new SimpleEntry<>("version", String.valueOf(version(filing))),
							new SimpleEntry<>("committee", committee),
							new SimpleEntry<>("meetingDate", today.minusDays(5).toString()),
							new SimpleEntry<>("opinion", "经讨论，同意开展该技术")),
					"minutes", "minutes.pdf", pdf()));
		}
		return filing;
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	static long version(JsonNode filing) {
		return filing.get("version").asLong();
	}

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The element itself or inside the element with that test id (Element Plus wraps
	 * inputs).
	 */
	static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

}
