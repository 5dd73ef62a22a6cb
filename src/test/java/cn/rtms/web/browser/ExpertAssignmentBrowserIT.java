package cn.rtms.web.browser;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
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
 * The filing's expert-assignment dialog (docs/experts.md): 长春市卫生健康委员会 sees the pools'
 * suggestions, an expert employed by the filing hospital greyed with the reason, draws
 * experts at random and assigns them. Shares the {@code experts} context with the
 * assignment ITs (its filing's technology is none of theirs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.test.context=experts")
class ExpertAssignmentBrowserIT extends BrowserTestSupport {

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
	void theDialogGreysTheRecusedExpertDrawsAtRandomAndAssigns() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Api city = Api.as(this.port, "changchun");
		LocalDate today = serverToday(this.port);
		String central = ok(city.get("/api/institutions?q=长春市中心医院")).get(0).get("id").asString();
		// provincial technologies reviewed by the city (S04 is ExpertAssignmentIT's)
		JsonNode filing = readyFiling(clerk, today, List.of("S05", "S03", "S01", "S02"));
		String id = filing.get("id").asString();
		String technology = filing.get("technology").asString();
		ok(city.post("/api/experts",
				Map.of("username", "eb-recused", "displayName", "本院专家", "regionCode", "220100", "initialPassword",
						"Qz7#vLm2pW", "specialties", List.of(technology), "employerInstitutionId", central)));
		filing = act(clerk, filing, "submit", Map.of("firstCaseDate", today.minusDays(3).toString()));
		filing = act(city, filing, "receive", Map.of());
		assertThat(filing.get("state").asString()).isEqualTo("RECEIVED");

		Page page = loggedIn("changchun", "/filings/" + id);
		page.getByTestId("filing-action-expert-review").click();
		assertThat(page.getByTestId("expert-suggestions")).isVisible();
		assertThat(page.getByTestId("candidate-expert1")).containsText("专业匹配");
		assertThat(page.getByTestId("candidate-eb-recused")).hasClass(java.util.regex.Pattern.compile("recused"));
		assertThat(page.getByTestId("candidate-eb-recused")).containsText("受聘于长春市中心医院（被审查机构），须回避");
		assertThat(page.getByTestId("candidate-eb-recused").locator("input[type=checkbox]")).isDisabled();

		page.getByTestId("draw-experts").click();
		assertThat(page.getByTestId("draw-result")).containsText("随机种子");
		page.getByTestId("dialog-confirm").click();
		assertThat(page.getByTestId("filing-state")).hasText("专家审查中");

		JsonNode assigned = ok(city.get("/api/filings/" + id));
		assertThat(assigned.get("experts").size()).isEqualTo(2);
		assertThat(assigned.get("experts").toString()).doesNotContain("本院专家");
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
