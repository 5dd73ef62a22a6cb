package cn.rtms.web.browser;

import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page and the forced password change: a wrong password is refused in Chinese;
 * a new account (created by the system administrator, so it must change its initial
 * password) is taken from the login to /password, and after the change to the page it
 * asked for, with its name, role and institution in the header; logging out returns to
 * the login page and a protected page then redirects there with the page as
 * {@code redirect}. No page breaks the Content-Security-Policy, and an injected inline
 * script is blocked (and reported, which proves the check can fail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserIT extends BrowserTestSupport {

	private static final String INITIAL_PASSWORD = "Init@2026x";

	private static final String NEW_PASSWORD = "Neu#2026pw";

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
	void newAccountMustChangeItsPasswordBeforeWorking() {
		String username = "fe-clerk-" + UUID.randomUUID().toString().substring(0, 8);
		createClerk(username);

		this.page.navigate(url("/filings"));
		this.page.waitForURL(u -> isLoginRedirectingTo(u, "/filings"));
		login(username, "Wrong@2026");
		assertThat(this.page.getByTestId("login-error")).containsText("用户名或密码错误");

		login(username, INITIAL_PASSWORD);
		this.page.waitForURL("**/password**");
		assertThat(this.page.getByTestId("password-forced")).isVisible();
		this.page.locator(field("password-old", "input")).fill(INITIAL_PASSWORD);
		this.page.locator(field("password-new", "input")).fill("short");
		this.page.locator(field("password-confirm", "input")).fill("short");
		this.page.getByTestId("password-submit").click();
		assertThat(this.page.getByTestId("password-error")).containsText("密码至少 8 位");

		this.page.locator(field("password-new", "input")).fill(NEW_PASSWORD);
		this.page.locator(field("password-confirm", "input")).fill(NEW_PASSWORD);
		this.page.getByTestId("password-submit").click();
		this.page.waitForURL("**/filings");
		assertThat(this.page.getByTestId("current-user-name")).hasText("前端测试医务科");
		assertThat(this.page.getByTestId("current-user-role")).hasText("医务科");
		assertThat(this.page.getByTestId("current-user-scope")).hasText("长春市中心医院");
		assertThat(this.page.getByTestId("filing-table")).isVisible();

		this.page.getByTestId("logout").click();
		this.page.waitForURL("**/login");
		this.page.navigate(url("/authorizations"));
		this.page.waitForURL(u -> isLoginRedirectingTo(u, "/authorizations"));
		login(username, NEW_PASSWORD);
		this.page.waitForURL("**/authorizations");
		assertThat(this.page.getByTestId("authorization-table")).isVisible();
	}

	@Test
	void contentSecurityPolicyBlocksInjectedInlineScripts() {
		this.page.navigate(url("/login"));
		assertThat(this.page.getByTestId("login-submit")).isVisible();
		this.page.evaluate("() => { const s = document.createElement('script'); "
				+ "s.textContent = 'window.injected = true'; document.head.appendChild(s); }");
		this.page.waitForCondition(() -> !this.cspViolations.isEmpty());
		assertThat(this.page.evaluate("() => window.injected === true")).isEqualTo(false);
		assertThat(this.cspViolations).singleElement().asString().contains("script-src 'self'");
		this.cspViolations.clear();
	}

	private static boolean isLoginRedirectingTo(String url, String path) {
		return url.contains("/login?redirect=")
				&& (url.endsWith("redirect=" + path) || url.endsWith("redirect=" + path.replace("/", "%2F")));
	}

	private void createClerk(String username) {
		Api admin = Api.as(this.port, "admin");
		Response institutions = admin.get("/api/institutions?q=长春市中心医院");
		assertThat(institutions.status()).as(institutions.text()).isEqualTo(200);
		String institutionId = institutions.body().get(0).get("id").asString();
		Response created = admin.post("/api/users", Map.of("username", username, "displayName", "前端测试医务科", "role",
				"HOSPITAL_CLERK", "institutionId", institutionId, "initialPassword", INITIAL_PASSWORD));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	private void login(String username, String password) {
		this.page.locator(field("login-username", "input")).fill(username);
		this.page.locator(field("login-password", "input")).fill(password);
		this.page.getByTestId("login-submit").click();
	}

	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
