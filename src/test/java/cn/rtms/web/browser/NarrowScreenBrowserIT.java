package cn.rtms.web.browser;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 6 on a 390 px phone screen: the login page and the city authority's inbox
 * have no horizontal overflow, the header stays one line high, and the sidebar is
 * collapsed behind the header's menu button.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NarrowScreenBrowserIT extends BrowserTestSupport {

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openPhone() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
		this.page = watchCsp(this.context.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	private int overflow() {
		return ((Number) this.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

	@Test
	void loginAndInboxFitA390PixelScreen() {
		this.page.navigate("http://127.0.0.1:" + this.port + "/inbox");
		this.page.waitForURL("**/login**");
		assertThat(this.page.getByTestId("login-submit")).isVisible();
		assertThat(overflow()).as("登录页横向溢出（px）").isLessThanOrEqualTo(0);

		this.page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill("changchun");
		this.page.locator("[data-testid=login-password] input, input[data-testid=login-password]")
			.fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/inbox");
		assertThat(this.page.getByTestId("inbox-table")).isVisible();
		assertThat(overflow()).as("待办页横向溢出（px）").isLessThanOrEqualTo(0);
		assertThat(this.page.locator(".app-header").boundingBox().height).isLessThanOrEqualTo(52);
		assertThat(this.page.locator(".app-title").boundingBox().height).isLessThan(30);
		assertThat(this.page.getByTestId("notification-bell")).isVisible();
		assertThat(this.page.getByTestId("password-link")).isVisible();
		assertThat(this.page.getByTestId("logout")).isVisible();

		assertThat(this.page.getByTestId("app-aside")).isHidden();
		this.page.getByTestId("menu-toggle").click();
		assertThat(this.page.getByTestId("app-aside")).isVisible();
		this.page.getByTestId("menu-/filings").click();
		this.page.waitForURL("**/filings");
		assertThat(this.page.getByTestId("app-aside")).isHidden();
	}

}
