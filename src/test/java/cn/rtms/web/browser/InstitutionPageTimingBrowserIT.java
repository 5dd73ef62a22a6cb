package cn.rtms.web.browser;

import java.util.ArrayList;
import java.util.List;

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

import static com.microsoft.playwright.options.WaitForSelectorState.DETACHED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the institution page of the biggest demo institution (吉林省松江肿瘤医院) as its clerk:
 * time to interactive, DOM element count and page height, three loads each, and the time
 * a save takes until its toast. Prints the numbers (docs/ui-read-edit.md); it asserts no
 * timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstitutionPageTimingBrowserIT extends BrowserTestSupport {

	private static final String INSTITUTION = "吉林省松江肿瘤医院";

	private static final String USER = "songjiang-clerk";

	/**
	 * Resolves after two animation frames: the page has rendered and the main thread is
	 * free.
	 */
	private static final String SETTLED = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))";

	/** The read view's last section: when it is visible the whole record is on screen. */
	private static final String LAST_SECTION = "institution-section-volumes";

	/**
	 * The height of the page's content: the tallest scroll height (the layout scrolls
	 * inside its main area).
	 */
	private static final String CONTENT_HEIGHT = "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))";

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
	void measuresTheBiggestInstitutionPage() {
		String id = institutionId();
		String url = "http://127.0.0.1:" + this.port + "/institutions/" + id;
		this.page.navigate(url);
		this.page.waitForURL("**/login**");
		this.page.locator(input("login-username")).fill(USER);
		this.page.locator(input("login-password")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/institutions/" + id);
		this.page.getByTestId(LAST_SECTION).waitFor();

		List<Double> tti = new ArrayList<>();
		int elements = 0;
		int height = 0;
		for (int i = 0; i < 3; i++) {
			this.page.navigate(url);
			this.page.getByTestId(LAST_SECTION).waitFor();
			tti.add(((Number) this.page.evaluate(SETTLED)).doubleValue());
			elements = ((Number) this.page.evaluate("document.getElementsByTagName('*').length")).intValue();
			height = ((Number) this.page.evaluate(CONTENT_HEIGHT)).intValue();
		}
		assertThat(this.page.locator("[data-testid^=section-form-]").count()).as("no form before 编辑").isZero();
		assertThat(this.page.locator("[data-testid=institution-read-view] input").count()).isZero();
		assertThat(elements).as("elements of the read view (the editable form had ~16,000)").isLessThan(6000);

		long start = System.nanoTime();
		this.page.getByTestId("section-edit-equipment").click();
		this.page.getByTestId("institution-save").click();
		this.page.locator(".el-message--success").waitFor();
		this.page.getByTestId("section-form-equipment").waitFor(new Locator.WaitForOptions().setState(DETACHED));
		this.page.evaluate(SETTLED);
		long saveMs = (System.nanoTime() - start) / 1_000_000;

		System.out.printf(
				"RTMS-MEASURE institution page %s: time to interactive %s ms, %d elements, %d px high, "
						+ "open equipment editor + save until toast %d ms%n",
				INSTITUTION, tti, elements, height, saveMs);
	}

	private static String input(String testId) {
		return "input[data-testid=" + testId + "], [data-testid=" + testId + "] input";
	}

	private String institutionId() {
		Response list = Api.as(this.port, USER).get("/api/institutions?q=" + INSTITUTION);
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		for (JsonNode institution : list.body()) {
			if (INSTITUTION.equals(institution.get("name").asString())) {
				return institution.get("id").asString();
			}
		}
		throw new AssertionError("no demo institution " + INSTITUTION + ": " + list.text());
	}

}
