package cn.rtms.web.browser;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
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
 * The city authority of 长春市 changes the level of a hospital in its jurisdiction through
 * the 变更管辖与资质 dialog: the dialog refuses to send without a reason, the page shows the new
 * level, and the audit trail keeps the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JurisdictionChangeBrowserIT extends BrowserTestSupport {

	private static final String USER = "changchun";

	private static final String REASON = "医院等级复评结果：二级甲等（浏览器测试）";

	@LocalServerPort
	int port;

	Page page;

	@BeforeEach
	void openPage() {
		this.page = browser.newPage();
		this.page.setDefaultTimeout(TIMEOUT_MS);
	}

	@AfterEach
	void closePage() {
		this.page.close();
	}

	@Test
	void anAuthorityChangesTheLevelWithAReasonThroughTheDialog() {
		Api admin = Api.as(this.port, "admin");
		String name = "浏览器管辖测试医院" + System.nanoTime() % 100000;
		Response created = admin.post("/api/institutions", admin.json().readTree("""
				{"name": "%s", "regionCode": "220102", "level": "TERTIARY_A", "type": "GENERAL",
				 "licence": {"number": "PDY00001022010215A1001", "issuedBy": "长春市卫生健康委员会",
				             "issuerRegionCode": "220100", "validFrom": "2020-01-01", "validUntil": "2030-12-31"}}
				""".formatted(name)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();

		this.page.navigate("http://127.0.0.1:" + this.port + "/institutions/" + id);
		this.page.waitForURL("**/login**");
		this.page.locator(input("login-username")).fill(USER);
		this.page.locator(input("login-password")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/institutions/" + id);
		assertThat(this.page.getByTestId("institution-subtitle")).containsText("三级甲等");
		assertThat(this.page.getByTestId("institution-jurisdiction-locked")).isVisible();

		this.page.getByTestId("jurisdiction-open").click();
		this.page.getByTestId("jurisdiction-level").click();
		this.page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("二级甲等")).click();
		this.page.getByTestId("jurisdiction-submit").click();
		assertThat(this.page.getByText("请填写变更原因（将记入审计）")).isVisible();

		this.page.locator("textarea[data-testid=jurisdiction-reason], [data-testid=jurisdiction-reason] textarea")
			.fill(REASON);
		this.page.getByTestId("jurisdiction-submit").click();
		assertThat(this.page.getByTestId("institution-subtitle")).containsText("二级甲等");

		JsonNode entry = admin.get("/api/audit?entityType=Institution&entityId=" + id).body().get(0);
		assertThat(entry.get("action").asString()).isEqualTo("INSTITUTION_JURISDICTION_CHANGED");
		assertThat(entry.get("after").asString()).contains(REASON);
	}

	private static String input(String testId) {
		return "input[data-testid=" + testId + "], [data-testid=" + testId + "] input";
	}

}
