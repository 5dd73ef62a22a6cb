package cn.rtms.web.browser;

import java.time.LocalDate;

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
import static cn.rtms.web.browser.BrowserFilings.readyFiling;
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
