package cn.rtms.web.browser;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 监管预警 inbox in the browser (docs/supervision.md): the province authority opens it
 * from the workbench to-do, runs the check, sees 四平市英城医院's expired practice licence,
 * follows the alert to its evidence (the institution page), comes back and acknowledges
 * it with a note; the row then reads 已确认 and the history lists the note. Shares the
 * supervision test context; restores the licence and closes the alert afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=SupervisionIT", "rtms.cases.registry-start=2024-01-01" })
class AlertsBrowserIT extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void authorityFollowsAnAlertToItsEvidenceAndAcknowledgesIt() {
		UUID yingcheng = this.jdbc.sql("select id from institutions.institution where name = '四平市英城医院'")
			.query(UUID.class)
			.single();
		LocalDate before = this.jdbc.sql("select licence_valid_until from institutions.institution where id = ?")
			.param(yingcheng)
			.query(LocalDate.class)
			.single();
		LocalDate today = serverToday(this.port);
		this.jdbc.sql("update institutions.institution set licence_valid_until = ? where id = ?")
			.params(today.minusDays(3), yingcheng)
			.update();
		try (BrowserContext context = browser.newContext()) {
			Page page = watchCsp(context.newPage());
			page.setDefaultTimeout(TIMEOUT_MS);
			page.navigate("http://127.0.0.1:" + this.port + "/login");
			page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill("province");
			page.locator("[data-testid=login-password] input, input[data-testid=login-password]")
				.fill(Api.DEMO_PASSWORD);
			page.getByTestId("login-submit").click();
			page.waitForURL(url -> url.endsWith(":" + this.port + "/"));
			page.getByTestId("menu-/alerts").click();
			page.waitForURL("**/alerts**");
			page.getByTestId("alerts-refresh").click();
			Locator row = page.getByTestId("alerts-table")
				.locator("tr.el-table__row", new Locator.LocatorOptions().setHasText("四平市英城医院医疗机构执业许可证已过期"));
			assertThat(row).isVisible();
			assertThat(row).containsText("高");
			assertThat(row).containsText("证照、器械或授权过期");
			assertThat(row).containsText("待处理");
			String text = page.locator("main, .app-main, body").first().innerText();
			assertThat(CODE.matcher(text).results().map(r -> r.group()).toList()).as("codes on screen").isEmpty();

			row.locator("[data-testid^=alert-evidence-]").click();
			page.waitForURL("**/institutions/" + yingcheng);
			assertThat(page.locator("body")).containsText("四平市英城医院");
			page.goBack();
			page.waitForURL("**/alerts**");

			row.locator("[data-testid^=alert-acknowledge-]").click();
			Locator dialog = page.getByTestId("alert-acknowledge-dialog");
			dialog.getByTestId("alert-acknowledge-confirm").click();
			assertThat(dialog).containsText("请填写确认说明");
			dialog.locator("textarea").fill("已电话联系医院，督促三日内办理延续");
			dialog.getByTestId("alert-acknowledge-confirm").click();
			assertThat(row).containsText("已确认");
			row.getByText("记录").click();
			assertThat(page.locator(".el-drawer")).containsText("已电话联系医院，督促三日内办理延续");
		}
		finally {
			this.jdbc.sql("update institutions.institution set licence_valid_until = ? where id = ?")
				.params(before, yingcheng)
				.update();
			Api.Response refreshed = Api.as(this.port, "province").post("/api/alerts/refresh", Map.of());
			assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		}
	}

}
