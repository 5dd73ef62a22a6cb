package cn.rtms.web.browser;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the built front end in headless Chromium: logs in on the login page as the city
 * authority of 长春市, goes from the institution list to the G08 clause drill-down of the
 * demo hospital 长春市中心医院, and checks that a clause the engine finds not met is shown as
 * 不符合 with its explanation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstitutionEligibilityBrowserIT extends BrowserTestSupport {

	private static final String INSTITUTION = "长春市中心医院";

	private static final String TECHNOLOGY = "G08";

	/** 长春市卫生健康委员会: sees the hospital through its jurisdiction. */
	private static final String USER = "changchun";

	@LocalServerPort
	int port;

	Api api;

	Page page;

	@BeforeEach
	void openPage() {
		this.api = Api.as(this.port, USER);
		this.page = watchCsp(browser.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
	}

	@AfterEach
	void closePage() {
		this.page.close();
	}

	@Test
	void showsANotMetClauseOfG08WithItsExplanation() {
		String id = institutionId();
		JsonNode notMet = firstNotMetClause(id);
		String ref = notMet.get("ref").asString();
		String explanation = notMet.get("explanation").asString();

		this.page.navigate("http://127.0.0.1:" + this.port + "/institutions");
		this.page.waitForURL("**/login**");
		this.page.locator(input("login-username")).fill(USER);
		this.page.locator(input("login-password")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/institutions");
		this.page.getByTestId("institution-link-" + INSTITUTION).click();
		assertThat(this.page.getByTestId("institution-title")).hasText(INSTITUTION);

		this.page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("限制类技术符合性")).click();
		this.page.getByTestId("eligibility-row-" + TECHNOLOGY).click();
		this.page.waitForURL("**/institutions/" + id + "/eligibility/" + TECHNOLOGY + "**");

		Locator clause = this.page.getByTestId("clause-" + ref);
		assertThat(clause.getByTestId("clause-status")).hasText("不符合");
		assertThat(clause.getByTestId("clause-explanation")).containsText(explanation);
	}

	/**
	 * The input of a test id, whether Element Plus put the id on the input or on its
	 * wrapper.
	 */
	private static String input(String testId) {
		return "input[data-testid=" + testId + "], [data-testid=" + testId + "] input";
	}

	private String institutionId() {
		Response list = this.api.get("/api/institutions?q=" + INSTITUTION);
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		for (JsonNode institution : list.body()) {
			if (INSTITUTION.equals(institution.get("name").asString())) {
				return institution.get("id").asString();
			}
		}
		throw new AssertionError("demo data has no institution named " + INSTITUTION + ": " + list.text());
	}

	private JsonNode firstNotMetClause(String id) {
		Response result = this.api.get("/api/institutions/" + id + "/eligibility/" + TECHNOLOGY);
		assertThat(result.status()).as(result.text()).isEqualTo(200);
		for (JsonNode clause : result.body().get("clauses")) {
			JsonNode explanation = clause.get("explanation");
			if ("NOT_MET".equals(clause.get("status").asString()) && explanation != null && !explanation.isNull()
					&& !explanation.asString().isBlank()) {
				return clause;
			}
		}
		throw new AssertionError(
				INSTITUTION + " meets every " + TECHNOLOGY + " clause; pick another: " + result.text());
	}

}
