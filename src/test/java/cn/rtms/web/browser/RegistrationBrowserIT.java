package cn.rtms.web.browser;

import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.onboarding.CaptchaAnswers;
import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding end to end in the browser (issue 12, "Done when"; docs/onboarding.md): a
 * hospital registers from the login page (the captcha answered through the test-only
 * hook), the 长春 city authority approves it, the hospital administrator activates the
 * account through the link on the status page, creates a clerk, the clerk activates and
 * logs in and sees only that hospital — another hospital's page says 无权. Shares the
 * onboarding test context (it creates an institution and accounts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=Onboarding" })
class RegistrationBrowserIT extends BrowserTestSupport {

	static final String NAME = "长春净月康华医院";

	static final String ADMIN_PASSWORD = "Kanghua#2026";

	static final String CLERK_PASSWORD = "Yiwuke#2026";

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	@Test
	void aHospitalRegistersIsApprovedActivatesAndItsClerkSeesOnlyIt() {
		this.jdbc.sql("delete from onboarding.request_count").update();
		String statusUrl;
		try (BrowserContext context = browser.newContext()) {
			Page page = page(context);
			page.navigate(base() + "/login");
			page.getByTestId("login-register").click();
			page.waitForURL("**/register");
			fill(page, "reg-name", NAME);
			fill(page, "reg-credit-code", "12220100MB10000100");
			fill(page, "reg-licence", "PDY7788922010217A1001");
			fill(page, "reg-issuer", "长春市卫生健康委员会");
			cascade(page, "reg-issuer-region", "长春市", "吉林省 / 长春市");
			cascade(page, "reg-region", "南关区", "吉林省 / 长春市 / 南关区");
			choose(page, "reg-level", "二级甲等");
			choose(page, "reg-type", "综合");
			fill(page, "reg-contact", "赵敏");
			fill(page, "reg-mobile", "13804311234");
			fill(page, "reg-admin-username", "kanghua-admin");
			page.getByTestId("reg-scan").setInputFiles(new FilePayload("许可证.png", "image/png", PNG));
			Locator captcha = page.getByTestId("reg-captcha-image");
			assertThat(captcha).isVisible();
			String captchaId = captcha.getAttribute("data-captcha-id");
			fill(page, "reg-captcha-answer", CaptchaAnswers.answer(this.jdbc, captchaId));
			page.getByTestId("reg-submit").click();
			page.waitForCondition(
					() -> page.url().contains("/registration/status") || page.getByTestId("reg-error").isVisible());
			assertThat(page.url()).as(() -> "提交被拒绝：" + page.getByTestId("reg-error").textContent())
				.contains("/registration/status");
			page.waitForURL(Pattern.compile(".*/registration/status\\?token=.+"));
			assertThat(page.getByTestId("reg-status-label")).hasText("待审核");
			statusUrl = page.url();
		}

		String activationLink;
		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "changchun", Api.DEMO_PASSWORD);
			page.getByTestId("menu-/registrations").click();
			page.waitForURL("**/registrations");
			Locator row = page.getByTestId("registrations-table")
				.locator("tr.el-table__row", new Locator.LocatorOptions().setHasText(NAME));
			row.locator("[data-testid^=registration-approve-]").click();
			page.locator(".el-message-box__btns button", new Page.LocatorOptions().setHasText("审核通过")).click();
			activationLink = page.getByTestId("registrations-activation-link").innerText().strip();
			assertThat(activationLink).contains("/activate?token=");
		}

		try (BrowserContext context = browser.newContext()) {
			Page page = page(context);
			page.navigate(statusUrl);
			assertThat(page.getByTestId("reg-status-label")).hasText("已通过");
			assertThat(page.getByTestId("reg-activation-link")).hasText(activationLink);
			page.getByTestId("reg-activation-link").click();
			activate(page, ADMIN_PASSWORD);
		}

		String clerkLink;
		try (BrowserContext context = browser.newContext()) {
			Page page = login(context, "kanghua-admin", ADMIN_PASSWORD);
			page.getByTestId("menu-/institution-accounts").click();
			page.waitForURL("**/institution-accounts");
			page.getByTestId("accounts-new").click();
			fill(page, "accounts-username", "kanghua-clerk");
			fill(page, "accounts-display-name", "康华医院医务科");
			page.getByTestId("accounts-create").click();
			clerkLink = page.getByTestId("accounts-activation-link").innerText().strip();
			assertThat(page.getByTestId("accounts-table")).containsText("kanghua-clerk");
		}

		UUID kanghua = this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(NAME)
			.query(UUID.class)
			.single();
		UUID other = this.jdbc.sql("select id from institutions.institution where name = '长春市中心医院'")
			.query(UUID.class)
			.single();
		try (BrowserContext context = browser.newContext()) {
			Page page = page(context);
			page.navigate(clerkLink);
			activate(page, CLERK_PASSWORD);
			page.getByTestId("activate-login").click();
			page.waitForURL("**/login");
			signIn(page, "kanghua-clerk", CLERK_PASSWORD);
			assertThat(page.getByTestId("app-menu")).containsText("本机构");
			page.getByTestId("menu-/institutions/" + kanghua).click();
			page.waitForURL("**/institutions/" + kanghua);
			assertThat(page.locator("body")).containsText(NAME);
			page.navigate(base() + "/institutions");
			assertThat(page.locator("body")).containsText(NAME);
			assertThat(page.locator("body")).not().containsText("长春市中心医院");
			page.navigate(base() + "/institutions/" + other);
			assertThat(page.getByTestId("forbidden")).containsText("无权");
		}
	}

	private Page page(BrowserContext context) {
		Page page = watchCsp(context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		return page;
	}

	private Page login(BrowserContext context, String username, String password) {
		Page page = page(context);
		page.navigate(base() + "/login");
		signIn(page, username, password);
		return page;
	}

	private void signIn(Page page, String username, String password) {
		page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill(username);
		page.locator("[data-testid=login-password] input, input[data-testid=login-password]").fill(password);
		page.getByTestId("login-submit").click();
		page.waitForURL(url -> url.endsWith(":" + this.port + "/"));
	}

	private void activate(Page page, String password) {
		page.waitForURL(Pattern.compile(".*/activate\\?token=.+"));
		assertThat(page.getByTestId("activate-account")).isVisible();
		fill(page, "activate-password", password);
		fill(page, "activate-confirm", password);
		page.getByTestId("activate-submit").click();
		assertThat(page.getByTestId("activate-done")).containsText("已激活");
	}

	private static void fill(Page page, String testId, String text) {
		page.locator("[data-testid=" + testId + "] input, input[data-testid=" + testId + "]").first().fill(text);
	}

	private static void choose(Page page, String testId, String label) {
		page.locator("[data-testid=" + testId + "]").first().click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(label)).first().click();
	}

	private static void cascade(Page page, String testId, String search, String path) {
		Locator input = page.locator("[data-testid=" + testId + "] input").first();
		input.click();
		page.keyboard().type(search);
		// suggestions come in tree order, so the first one containing the path is the
		// node itself
		page.locator(".el-cascader__suggestion-item:visible", new Page.LocatorOptions().setHasText(path))
			.first()
			.click();
		// the panel fades out; the next cascader's suggestions must not be confused with
		// its items
		page.locator(".el-cascader__suggestion-item:visible")
			.first()
			.waitFor(new Locator.WaitForOptions()
				.setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
	}

}
