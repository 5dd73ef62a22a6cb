package cn.rtms.web.browser;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.web.browser.BrowserFilings.field;
import static cn.rtms.web.browser.BrowserFilings.ok;
import static cn.rtms.web.browser.BrowserFilings.readyFiling;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, done when: a filing submitted by the clerk raises a notification for the
 * authority and its approval one for the clerk — seen in a real browser. The city
 * authority's bell counts the submission, its list names the hospital and technology and
 * opens the filing; after the review (over the API) the clerk's message page shows the
 * approval and opens the filing. Its own Spring context and database, since it reads
 * unread counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=notifications-browser")
class NotificationsBrowserIT extends BrowserTestSupport {

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
	void submissionRingsTheAuthorityAndApprovalTheClerk() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Api city = Api.as(this.port, "changchun");
		Api expert = Api.as(this.port, "expert1");
		LocalDate today = serverToday(this.port);
		// provincial technologies the city authority receives, reviews and decides
		JsonNode filing = readyFiling(clerk, today, List.of("S04", "S05"));
		String id = filing.get("id").asString();
		String technologyName = filing.get("technologyName").asString();
		filing = act(clerk, filing, "submit", Map.of("firstCaseDate", today.minusDays(7).toString()));
		assertThat(filing.get("state").asString()).isEqualTo("SUBMITTED");

		Page authority = loggedIn("changchun", "/");
		assertThat(authority.getByTestId("notification-count").locator("sup")).isVisible();
		assertThat(authority.getByTestId("notification-count").locator("sup")).hasText("1");
		authority.getByTestId("notification-bell").click();
		Locator submitted = authority.getByTestId("notification-item")
			.filter(new Locator.FilterOptions().setHasText("待受理：长春市中心医院「" + technologyName + "」"));
		assertThat(submitted).hasCount(1);
		submitted.getByTestId("notification-open").click();
		authority.waitForURL("**/filings/" + id);
		assertThat(authority.getByTestId("filing-state")).hasText("已提交");
		this.context.close();

		filing = act(city, filing, "receive", Map.of());
		String expertId = ok(expert.get("/api/auth/me")).get("id").asString();
		filing = act(city, filing, "expert-review", Map.of("expertIds", List.of(expertId)));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(city, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));

		Page hospital = loggedIn("ccszx-clerk", "/notifications");
		Locator table = hospital.getByTestId("notifications-table");
		String approvedTitle = "备案审查通过：长春市中心医院「" + technologyName + "」";
		assertThat(table).containsText(approvedTitle);
		assertThat(hospital.getByTestId("notification-count").locator("sup")).isVisible();
		table.locator("a", new Locator.LocatorOptions().setHasText(approvedTitle)).click();
		hospital.waitForURL("**/filings/" + id);
		assertThat(hospital.getByTestId("filing-state")).not().hasText("已提交");
		assertThat(ok(clerk.get("/api/filings/" + id)).get("state").asString()).isIn("APPROVED", "ACTIVE");
	}

	private JsonNode act(Api user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return ok(user.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion));
	}

	private Page loggedIn(String user, String path) {
		this.context = browser.newContext();
		Page page = watchCsp(this.context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		page.navigate("http://127.0.0.1:" + this.port + path);
		page.waitForURL("**/login**");
		page.locator(field("login-username", "input")).fill(user);
		page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL("**" + path);
		assertThat(page.getByTestId("current-user")).isVisible();
		return page;
	}

}
