package cn.rtms.web.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing guidance in a real browser (docs/filing.md, "Guidance"): the hospital's clerk
 * sees the route of a ready filing as a step bar, submits it — the toast names the
 * authority and the due date the server answered (「已提交至长春市卫生健康委员会，办理时限至 …」) and the step
 * bar moves to that authority, 待受理 — then withdraws it before the authority received it,
 * and the toast and the state say so. The filing is prepared over the API up to a ready
 * self-assessment. Runs in the notifications test context (its own database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=NotificationsIT")
class FilingGuidanceBrowserIT extends BrowserTestSupport {

	private static final String CLERK = "ccszx-clerk";

	@LocalServerPort
	int port;

	private BrowserContext context;

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void showsTheRouteSubmitsWithATellingToastAndWithdraws() {
		Api clerkApi = Api.as(this.port, CLERK);
		LocalDate today = serverToday(this.port);
		JsonNode ready = readyFiling(clerkApi, today);
		String id = ready.get("id").asString();

		Page page = loggedIn("/filings/" + id);
		assertThat(page.getByTestId("filing-state")).hasText("已自评");
		Locator route = page.getByTestId("filing-route");
		assertThat(route).containsText("起草与自评");
		assertThat(route).containsText("长春市卫生健康委员会");
		assertThat(route.getByTestId("filing-route-step-process")).containsText("起草与自评");

		page.getByTestId("filing-action-submit").click();
		Locator firstCase = page.locator(field("dialog-first-case-date", "input"));
		firstCase.fill(today.minusDays(3).toString());
		firstCase.press("Enter");
		page.getByTestId("dialog-confirm").click();
		Locator warning = page.locator(".el-message-box button", new Page.LocatorOptions().setHasText("仍要提交"));
		if ("NOT_MET".equals(ready.get("assessment").get("status").asString())) {
			warning.click();
		}
		assertThat(page.getByTestId("filing-state")).hasText("已提交");
		JsonNode submitted = clerkApi.get("/api/filings/" + id).body();
		LocalDate due = LocalDate.parse(submitted.get("actionDueOn").asString());
		assertThat(page.locator(".el-message").first())
			.containsText("已提交至长春市卫生健康委员会，办理时限至 " + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
		assertThat(route.getByTestId("filing-route-step-process")).containsText("长春市卫生健康委员会");
		assertThat(route.getByTestId("filing-route-step-process")).containsText("待受理");

		page.getByTestId("filing-action-withdraw").click();
		page.locator(field("dialog-text", "textarea")).fill("补充材料后再提交（浏览器测试）");
		page.getByTestId("dialog-confirm").click();
		assertThat(page.getByTestId("filing-state")).hasText("已自评");
		assertThat(page.locator(".el-message", new Page.LocatorOptions().setHasText("已撤回提交"))).isVisible();
		assertThat(page.getByTestId("filing-action-withdraw")).hasCount(0);
		assertThat(page.getByTestId("filing-action-submit")).isVisible();
		assertThat(route.getByTestId("filing-route-step-process")).containsText("起草与自评");
		assertThat(page.getByTestId("filing-timeline")).containsText("撤回提交");
	}

	/**
	 * A filing of a technology the hospital has no open filing of, self-assessed, every
	 * clause confirmed (one batch) and both committee opinions recorded.
	 */
	private JsonNode readyFiling(Api clerk, LocalDate today) {
		JsonNode filing = null;
		for (String code : List.of("G08", "G10", "G07", "S01", "S02", "S03")) {
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

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	private static long version(JsonNode filing) {
		return filing.get("version").asLong();
	}

	private static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

	private Page loggedIn(String path) {
		this.context = browser.newContext();
		Page page = watchCsp(this.context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		page.navigate("http://127.0.0.1:" + this.port + path);
		page.waitForURL("**/login**");
		page.locator(field("login-username", "input")).fill(CLERK);
		page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL("**" + path);
		assertThat(page.getByTestId("current-user")).isVisible();
		return page;
	}

}
