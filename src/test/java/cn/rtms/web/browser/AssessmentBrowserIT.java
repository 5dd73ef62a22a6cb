package cn.rtms.web.browser;

import java.util.regex.Pattern;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 7 in the browser: 松江肿瘤医院's clerk generates the capability assessment of
 * the hospital for G08 and the previous half-year, reads its sections, signs it with a
 * conclusion and saves it; the saved assessment shows the conclusion, the signers and a
 * PDF link, and no code reaches the screen. Shares the suite's context: it only adds a
 * row to the assessment schema, which no other test reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentBrowserIT extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b|[0-9a-f]{8}-[0-9a-f]{4}-");

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeEach
	void open() {
		this.context = browser.newContext();
		this.page = watchCsp(this.context.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	private void choose(String testId, String label) {
		this.page.locator("[data-testid=" + testId + "]").first().click();
		this.page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(label))
			.first()
			.click();
		this.page.locator(".el-select-dropdown:visible")
			.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
				.setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
	}

	private void type(String testId, String text) {
		this.page
			.locator("[data-testid=" + testId + "] input, [data-testid=" + testId + "] textarea, input[data-testid="
					+ testId + "], textarea[data-testid=" + testId + "]")
			.first()
			.fill(text);
	}

	@Test
	void clerkGeneratesSignsAndSavesTheHospitalsAssessment() {
		this.page.navigate("http://127.0.0.1:" + this.port + "/assessments");
		this.page.waitForURL("**/login**");
		this.page.locator("[data-testid=login-username] input, input[data-testid=login-username]")
			.fill("songjiang-clerk");
		this.page.locator("[data-testid=login-password] input, input[data-testid=login-password]")
			.fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/assessments");

		choose("assessment-technology", "肿瘤消融治疗技术");
		this.page.getByTestId("assessment-preview").click();
		assertThat(this.page.getByTestId("assessment-sections")).isVisible();
		assertThat(this.page.getByTestId("assessment-section-0")).containsText("病例选择");
		assertThat(this.page.getByTestId("assessment-sections")).containsText("严重并发症");
		assertThat(this.page.getByTestId("assessment-sections")).containsText("随访情况");
		assertThat(this.page.getByTestId("assessment-sections")).containsText("病历质量");
		assertThat(this.page.getByTestId("assessment-cases")).hasText(Pattern.compile("^\\d+$"));

		this.page.locator("[data-testid=assessment-conclusion] .el-radio", new Page.LocatorOptions().setHasText("基本合格"))
			.click();
		type("assessment-conclusion-text", "本期未开展病例，下期继续评估。");
		type("assessment-assessor", "李评估");
		type("assessment-department-head", "高志远");
		type("assessment-medical-affairs-head", "张医务");
		this.page.getByTestId("assessment-save").click();
		this.page.waitForURL(u -> u.matches(".*/assessments/[0-9a-f-]{36}$"));
		assertThat(this.page.getByTestId("assessment-conclusion-label")).hasText("基本合格");
		assertThat(this.page.getByTestId("assessment-title")).containsText("吉林省松江肿瘤医院");
		assertThat(this.page.getByTestId("assessment-pdf")).isVisible();
		assertThat(this.page.locator("body")).containsText("李评估");
		assertThat(this.page.locator("body")).containsText("松江肿瘤医院医务科");

		String text = this.page.locator("body").innerText();
		assertThat(CODE.matcher(text).find()).as("no code or id on screen: " + text).isFalse();

		this.page.navigate("http://127.0.0.1:" + this.port + "/assessments");
		assertThat(this.page.getByTestId("assessment-list")).containsText("基本合格");
	}

}
