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
 * Issue 10 item 5 in the browser: the province analyses the DSA of 梅河口市梅源医院 going out of
 * service (变化影响分析) and sees G08's equipment clause flip, in Chinese; and compares G08
 * 2022 with 2023 (版本对比). Reads only: the shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatIfBrowserIT extends BrowserTestSupport {

	/** What {@link NoCodesOnScreenBrowserIT} looks for: an UPPER_SNAKE code on screen. */
	static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeEach
	void login() {
		this.context = browser.newContext();
		this.page = watchCsp(this.context.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
		this.page.navigate("http://127.0.0.1:" + this.port + "/impact");
		this.page.waitForURL("**/login**");
		this.page.locator(BrowserFilings.field("login-username", "input")).fill("province");
		this.page.locator(BrowserFilings.field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/impact");
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	private void choose(String testId, String option) {
		com.microsoft.playwright.Locator item = this.page
			.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(option))
			.first();
		// options that load after a previous choice (the institution's equipment) may not
		// be
		// there at the first click: close and open again, up to three times
		for (int attempt = 1;; attempt++) {
			this.page.getByTestId(testId).click();
			try {
				item.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
				break;
			}
			catch (com.microsoft.playwright.TimeoutError ex) {
				if (attempt == 3) {
					throw ex;
				}
				this.page.keyboard().press("Escape");
			}
		}
		item.click();
	}

	private String visibleText() {
		return (String) this.page.evaluate("() => document.body.innerText");
	}

	@Test
	void equipmentOutOfServiceShowsTheFlippingClause_andTheDiffPageListsTheChanges() {
		this.page.getByText("设备停用", new Page.GetByTextOptions().setExact(true)).click();
		choose("impact-institution", "梅河口市梅源医院");
		// the equipment select stays disabled until the institution's record has loaded
		assertThat(this.page
			.locator("[data-testid=impact-equipment] .is-disabled, [data-testid=impact-equipment].is-disabled"))
			.hasCount(0);
		choose("impact-equipment", "数字减影血管造影（DSA）");
		this.page.getByTestId("impact-run").click();
		assertThat(this.page.getByTestId("scenario-result")).isVisible();
		assertThat(this.page.getByTestId("scenario-result")).containsText("停用 1 台");
		assertThat(this.page.getByTestId("impact-technology").first()).containsText("肿瘤消融治疗技术");
		assertThat(this.page.getByTestId("impact-clauses").first()).containsText("G08/2023 (三)6(1)");
		assertThat(this.page.getByTestId("impact-clauses").first()).containsText("不符合");
		assertThat(CODE.matcher(visibleText()).results().map(r -> r.group()).toList()).as("代码上屏").isEmpty();

		this.page.getByTestId("menu-/spec-diff").click();
		this.page.waitForURL("**/spec-diff**");
		this.page.navigate("http://127.0.0.1:" + this.port + "/spec-diff?from=G08-2022&to=G08-2023");
		assertThat(this.page.getByTestId("diff-summary")).isVisible();
		assertThat(this.page.getByTestId("diff-changes")).containsText("新增");
		assertThat(this.page.getByTestId("diff-changes")).containsText("(七)8");
		assertThat(this.page.getByTestId("diff-changes")).containsText("(四)2");
		assertThat(this.page.getByTestId("diff-summary")).containsText("肿瘤消融治疗技术临床应用管理规范");
		assertThat(CODE.matcher(visibleText()).results().map(r -> r.group()).toList()).as("代码上屏").isEmpty();
		assertThat(visibleText()).doesNotContain("000000");
	}

}
