package cn.rtms.web.browser;

import java.time.LocalDate;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hospital administrator of 长春市中心医院 registers a G08 authorization for one of the
 * hospital's physicians who does not meet the G08 physician requirements and tries to
 * grant it: the grant is refused and the dialog lists the failing clauses with their
 * citations and explanations (docs/authorization.md, 422 NOT_ELIGIBLE); the record stays
 * 待审批. The hospital has self-assessed its G08 filing, so the filing does not stand in the
 * way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationRefusalBrowserIT extends BrowserTestSupport {

	private static final String ADMIN = "ccszx-admin";

	private static final String TECHNOLOGY = "G08";

	@LocalServerPort
	int port;

	Page page;

	@BeforeEach
	void openPage() {
		this.page = watchCsp(browser.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
	}

	@AfterEach
	void closePage() {
		this.page.close();
	}

	@Test
	void refusesToGrantAnIneligiblePhysicianAndShowsTheFailingClauses() {
		Api api = Api.as(this.port, ADMIN);
		JsonNode me = api.get("/api/auth/me").body();
		String institutionId = me.get("institutionId").asString();
		JsonNode physician = ineligiblePhysician(api, institutionId);
		String personId = physician.get("id").asString();
		String name = physician.get("name").asString();
		JsonNode failing = firstBlockingClause(api, personId);
		String filing = selfAssessedFiling();
		try {
			refusesInTheLedger(personId, name, failing, api);
		}
		finally {
			if (filing != null) {
				// leaves G08 free for the filing tests of this context
				Api.as(this.port, "ccszx-clerk").delete("/api/filings/" + filing);
			}
		}
	}

	private void refusesInTheLedger(String personId, String name, JsonNode failing, Api api) {
		this.page.navigate(url("/authorizations"));
		this.page.waitForURL("**/login**");
		this.page.locator(field("login-username", "input")).fill(ADMIN);
		this.page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/authorizations");
		assertThat(this.page.getByTestId("current-user-role")).hasText("医院管理员");

		this.page.getByTestId("authorization-apply").click();
		choose("authorization-person", name);
		choose("authorization-technology", TECHNOLOGY + " ");
		Locator until = this.page.locator(field("authorization-valid-until", "input"));
		until.fill(serverToday(this.port).plusYears(3).toString());
		until.press("Enter");
		this.page.getByTestId("authorization-save").click();
		assertThat(this.page.getByTestId("authorization-form")).isHidden();

		String id = pendingAuthorization(api, personId);
		assertThat(this.page.getByTestId("authorization-status-" + id)).hasText("待审批");
		this.page.getByTestId("authorization-grant-" + id).click();
		this.page.locator(".el-message-box__btns button", new Page.LocatorOptions().setHasText("授权")).click();

		Locator refusal = this.page.getByTestId("refusal");
		assertThat(refusal.getByTestId("refusal-detail")).containsText("不能授权");
		Locator clause = refusal.getByTestId("refusal-clause-" + failing.get("citation").asString()).first();
		assertThat(clause.getByTestId("refusal-citation")).hasText(failing.get("citation").asString());
		JsonNode explanation = failing.get("explanation");
		if (explanation != null && !explanation.isNull() && !explanation.asString().isBlank()) {
			assertThat(clause.getByTestId("refusal-explanation")).containsText(explanation.asString());
		}

		this.page
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("知道了"))
			.click();
		assertThat(this.page.getByTestId("authorization-status-" + id)).hasText("待审批");
	}

	/**
	 * A physician of the hospital whose G08 verdict is not MET (an S03 surgeon in the
	 * demo data).
	 */
	private JsonNode ineligiblePhysician(Api api, String institutionId) {
		Response people = api.get("/api/people?role=PHYSICIAN&institutionId=" + institutionId);
		assertThat(people.status()).as(people.text()).isEqualTo(200);
		for (JsonNode person : people.body()) {
			Response verdict = api.get("/api/people/" + person.get("id").asString() + "/eligibility/" + TECHNOLOGY);
			if (verdict.status() == 200 && !"MET".equals(verdict.body().get("status").asString())) {
				return person;
			}
		}
		throw new AssertionError("every physician of the hospital meets " + TECHNOLOGY + ": " + people.text());
	}

	/**
	 * Makes sure the hospital has a G08 filing that is self-assessed or later.
	 * @return the id of the filing created here, or null when the hospital had one
	 */
	private String selfAssessedFiling() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response created = clerk.post("/api/filings", java.util.Map.of("technology", TECHNOLOGY));
		if (created.status() == 409) {
			for (JsonNode filing : clerk.get("/api/filings?technology=" + TECHNOLOGY).body()) {
				if ("DRAFT".equals(filing.get("state").asString())) {
					Response assessed = clerk.post("/api/filings/" + filing.get("id").asString() + "/self-assessment",
							java.util.Map.of("version", filing.get("version").asLong()));
					assertThat(assessed.status()).as(assessed.text()).isEqualTo(200);
				}
			}
			return null;
		}
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		Response assessed = clerk.post("/api/filings/" + id + "/self-assessment",
				java.util.Map.of("version", created.body().get("version").asLong()));
		assertThat(assessed.status()).as(assessed.text()).isEqualTo(200);
		return id;
	}

	private JsonNode firstBlockingClause(Api api, String personId) {
		Response verdict = api.get("/api/people/" + personId + "/eligibility/" + TECHNOLOGY);
		String overall = verdict.body().get("status").asString();
		for (JsonNode clause : verdict.body().get("clauses")) {
			if (overall.equals(clause.get("status").asString())) {
				return clause;
			}
		}
		throw new AssertionError("no clause with the overall status " + overall + ": " + verdict.text());
	}

	private String pendingAuthorization(Api api, String personId) {
		Response list = api
			.get("/api/authorizations?status=PENDING&technology=" + TECHNOLOGY + "&personId=" + personId);
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		assertThat(list.body().size()).as(list.text()).isPositive();
		return list.body().get(0).get("id").asString();
	}

	private void choose(String testId, String labelStart) {
		this.page.locator("[data-testid=" + testId + "]").first().click();
		this.page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(labelStart))
			.first()
			.click();
	}

	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
