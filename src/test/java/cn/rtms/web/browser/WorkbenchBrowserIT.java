package cn.rtms.web.browser;

import java.util.Map;
import java.util.regex.Pattern;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 1 in a real browser: the clerk, the city authority, an expert and the
 * physician each log in, land on their own 工作台 and see the counts the server computes for
 * them (docs/workbench.md), with no code on screen. Shares the context of
 * {@code WorkbenchIT} (its data only moves the numbers both sides read).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=WorkbenchIT")
class WorkbenchBrowserIT extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	@LocalServerPort
	int port;

	Page login(BrowserContext context, String user) {
		Page page = watchCsp(context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		page.navigate("http://127.0.0.1:" + this.port + "/login");
		page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill(user);
		page.locator("[data-testid=login-password] input, input[data-testid=login-password]").fill(Api.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL(url -> url.endsWith(":" + this.port + "/"));
		assertThat(page.getByTestId("workbench-scope")).isVisible();
		return page;
	}

	JsonNode server(String user) {
		Api.Response response = Api.as(this.port, user).get("/api/workbench");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.body();
	}

	static long todo(JsonNode workbench, String key) {
		for (JsonNode t : workbench.get("todos")) {
			if (t.get("key").asString().equals(key)) {
				return t.get("count").asLong();
			}
		}
		throw new AssertionError("no to-do " + key);
	}

	void noCodes(Page page) {
		String text = page.locator("main, .app-main, body").first().innerText();
		assertThat(CODE.matcher(text).results().map(r -> r.group()).toList()).as("codes on screen").isEmpty();
	}

	@Test
	void clerkCityExpertAndPhysicianSeeTheirOwnHomePage() {
		Api clerkApi = Api.as(this.port, "ccszx-clerk");
		Api.Response draft = clerkApi.post("/api/filings", Map.of("technology", "G10"));
		assertThat(draft.status()).as(draft.text()).isBetween(200, 201);

		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "ccszx-clerk");
			JsonNode expected = server("ccszx-clerk");
			assertThat(todo(expected, "DRAFT_FILINGS")).isPositive();
			assertThat(page.getByTestId("workbench-scope")).containsText("长春市中心医院");
			for (String key : new String[] { "DRAFT_FILINGS", "RETURNED_FILINGS", "PENDING_CLAUSES",
					"EXPIRING_LICENCES", "OVERDUE_FOLLOW_UPS", "FLAGGED_CASES" }) {
				assertThat(page.getByTestId("todo-count-" + key)).hasText(String.valueOf(todo(expected, key)));
			}
			noCodes(page);
			page.getByTestId("todo-DRAFT_FILINGS").click();
			page.waitForURL("**/filings?state=DRAFT");
		}

		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "changchun");
			JsonNode expected = server("changchun");
			assertThat(page.getByTestId("workbench-scope")).containsText("长春市");
			assertThat(page.getByTestId("deadline-OVERDUE"))
				.containsText(String.valueOf(expected.at("/inbox/overdue").asLong()));
			assertThat(page.getByTestId("statistics-total"))
				.containsText("已提交备案 " + expected.at("/statistics/total").asLong() + " 件");
			assertThat(page.getByTestId("chart-state").locator("canvas")).isVisible();
			assertThat(page.getByTestId("todo-count-INBOX")).hasText(String.valueOf(todo(expected, "INBOX")));
			noCodes(page);
		}

		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "expert1");
			JsonNode expected = server("expert1");
			assertThat(page.getByTestId("todo-count-PENDING_REVIEWS"))
				.hasText(String.valueOf(expected.get("reviews").size()));
			assertThat(page.getByTestId("reviews")).isVisible();
			assertThat(page.getByTestId("review-deadline")).hasCount(expected.get("reviews").size());
			noCodes(page);
		}

		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "doctor-wang");
			JsonNode expected = server("doctor-wang");
			assertThat(page.getByTestId("workbench-scope")).containsText("医师");
			assertThat(page.getByTestId("own-authorizations")).isVisible();
			assertThat(page.getByTestId("own-authorizations").locator("tbody tr"))
				.hasCount(Math.max(expected.get("authorizations").size(), 0));
			assertThat(page.getByTestId("own-eligibility")).isVisible();
			for (JsonNode c : expected.at("/eligibility/byStatus")) {
				assertThat(page.getByTestId("eligibility-" + c.get("code").asString()))
					.containsText(c.get("count").asLong() + " 项");
			}
			assertThat(page.getByTestId("todo-count-EXPIRING_AUTHORIZATIONS"))
				.hasText(String.valueOf(todo(expected, "EXPIRING_AUTHORIZATIONS")));
			noCodes(page);
		}
	}

}
