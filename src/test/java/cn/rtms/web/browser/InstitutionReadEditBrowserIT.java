package cn.rtms.web.browser;

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
 * Issue 9 item 4: detail pages are read views edited one section at a time; users who may
 * not edit see no edit control; a failing clause leads to the section whose facts decide
 * it; an out-of-scope page says so instead of loading forever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstitutionReadEditBrowserIT extends BrowserTestSupport {

	private static final String HOSPITAL = "长春市中心医院";

	/** Any section's 编辑 button. */
	private static final String EDIT_CONTROL = "[data-testid^=section-edit-], [data-testid=person-new], "
			+ "[data-testid=institution-save], [data-testid=person-save]";

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
	void thePhysicianReadsHisOwnRecordWithoutAnEditControl() {
		String personId = Api.as(this.port, "doctor-wang").get("/api/auth/me").body().get("personId").asString();
		open("/people/" + personId, "doctor-wang");
		assertThat(this.page.getByTestId("person-section-titles")).isVisible();
		assertThat(this.page.getByTestId("person-section-basic")).containsText("王淑华");
		assertThat(this.page.locator(EDIT_CONTROL)).hasCount(0);
		assertThat(this.page.locator("[data-testid=person-read-view] input")).hasCount(0);
	}

	@Test
	void theCityAuthorityReadsAHospitalWithoutAnEditControl() {
		open("/institutions/" + hospitalId(), "changchun");
		assertThat(this.page.getByTestId("institution-section-equipment")).isVisible();
		assertThat(this.page.locator(EDIT_CONTROL)).hasCount(0);
		assertThat(this.page.locator("[data-testid=institution-read-view] input")).hasCount(0);
		// its own act stays: changing jurisdiction and qualification with a reason
		assertThat(this.page.getByTestId("jurisdiction-open")).isVisible();
	}

	@Test
	void aClerkEditsOneSectionAndSeesTheChange() {
		String id = hospitalId();
		Api clerk = Api.as(this.port, "ccszx-clerk");
		JsonNode before = clerk.get("/api/institutions/" + id).body();
		String model = "浏览器测试型号" + System.nanoTime() % 100000;

		open("/institutions/" + id, "ccszx-clerk");
		assertThat(this.page.locator("[data-testid^=section-form-]")).hasCount(0);
		this.page.getByTestId("section-edit-equipment").click();
		Locator form = this.page.getByTestId("section-form-equipment");
		assertThat(form).isVisible();
		assertThat(form.getByTestId("row-editor-departments")).hasCount(0);
		form.locator("[data-testid=cell-equipment-0-model] input").fill(model);
		form.getByTestId("institution-save").click();
		assertThat(this.page.locator(".el-message--success")).containsText("已保存");
		assertThat(form).hasCount(0);
		assertThat(this.page.getByTestId("institution-section-equipment")).containsText(model);

		JsonNode after = clerk.get("/api/institutions/" + id).body();
		assertThat(after.get("equipment").get(0).get("model").asString()).isEqualTo(model);
		assertThat(after.get("departments")).as("the other sections are sent back unchanged")
			.isEqualTo(before.get("departments"));
		assertThat(after.get("facilities")).isEqualTo(before.get("facilities"));
		assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
	}

	@Test
	void aFailingClauseLinksToTheSectionWhoseFactsDecideIt() {
		String id = hospitalId();
		JsonNode clause = null;
		for (JsonNode c : Api.as(this.port, "ccszx-clerk")
			.get("/api/institutions/" + id + "/eligibility/G08")
			.body()
			.get("clauses")) {
			if ("NOT_MET".equals(c.get("status").asString())) {
				clause = c;
				break;
			}
		}
		assertThat(clause).as("demo data: 长春市中心医院 has no PACU, so a G08 clause is NOT_MET").isNotNull();
		assertThat(clause.get("failedRuleKinds").get(0).asString()).isEqualTo("facility");

		open("/institutions/" + id + "/eligibility/G08", "ccszx-clerk");
		Locator link = this.page.getByTestId("clause-section-link-" + clause.get("ref").asString());
		assertThat(link).containsText("设施");
		link.click();
		this.page.waitForURL(url -> url.endsWith("/institutions/" + id + "?section=facilities"));
		assertThat(this.page.getByTestId("section-form-facilities")).isVisible();
	}

	@Test
	void anExpertOpeningAnOutOfScopeInstitutionIsToldSo() {
		String id = hospitalId();
		assertThat(Api.as(this.port, "expert1").get("/api/institutions/" + id).status())
			.as("precondition: no review assigned, so the hospital is outside the expert's scope")
			.isEqualTo(403);
		open("/institutions/" + id, "expert1");
		assertThat(this.page.getByTestId("forbidden")).containsText("无权查看该医疗机构");
		assertThat(this.page.locator(".el-skeleton")).hasCount(0);
	}

	private void open(String path, String user) {
		this.page.navigate("http://127.0.0.1:" + this.port + path);
		this.page.waitForURL("**/login**");
		this.page.locator(input("login-username")).fill(user);
		this.page.locator(input("login-password")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL(url -> url.endsWith(path));
	}

	private static String input(String testId) {
		return "input[data-testid=" + testId + "], [data-testid=" + testId + "] input";
	}

	private String hospitalId() {
		Response list = Api.as(this.port, "admin").get("/api/institutions?q=" + HOSPITAL);
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		for (JsonNode institution : list.body()) {
			if (HOSPITAL.equals(institution.get("name").asString())) {
				return institution.get("id").asString();
			}
		}
		throw new AssertionError("no demo institution " + HOSPITAL + ": " + list.text());
	}

}
