package cn.rtms.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 items 3 and 5 in the browser: a list pages and sorts on the server (a click on
 * a column header or the pager changes the request and the URL, and back returns to the
 * previous state), and the audit page shows who, what and which object in words, with no
 * UPPER_SNAKE code or UUID as visible text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListsBrowserIT extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*_[A-Z0-9_]+");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern ASC = Pattern.compile(".*/institutions\\?sort=name(%2C|,)asc$");

	private static final Pattern DESC = Pattern.compile(".*/institutions\\?sort=name(%2C|,)desc$");

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	final List<String> listRequests = new ArrayList<>();

	@BeforeEach
	void open() {
		this.context = browser.newContext();
		this.page = watchCsp(this.context.newPage());
		this.page.setDefaultTimeout(TIMEOUT_MS);
		this.page.onRequest((Request r) -> {
			if (r.url().contains("/page?") || r.url().endsWith("/page")) {
				this.listRequests.add(r.url());
			}
		});
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	void login(String user, String path) {
		this.page.navigate("http://127.0.0.1:" + this.port + path);
		this.page.waitForURL("**/login**");
		this.page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill(user);
		this.page.locator("[data-testid=login-password] input, input[data-testid=login-password]")
			.fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**" + path.replace("?", "\\?") + "*");
	}

	List<String> firstColumn(String table) {
		return this.page.locator("[data-testid=" + table + "] .el-table__body tr td:nth-child(1)").allInnerTexts();
	}

	String lastRequest() {
		return this.listRequests.get(this.listRequests.size() - 1);
	}

	@Test
	void institutionListSortsOnTheServerWithTheStateInTheUrl() {
		login("admin", "/institutions");
		assertThat(this.page.getByTestId("institution-table").locator(".el-table__body tr").first()).isVisible();
		List<String> before = firstColumn("institution-table");

		this.page.getByTestId("institution-table")
			.locator("th", new Locator.LocatorOptions().setHasText("机构名称"))
			.click();
		this.page.waitForURL(ASC);
		this.page.waitForCondition(() -> lastRequest().contains("sort=name%2Casc"));
		List<String> ascending = firstColumn("institution-table");
		this.page.getByTestId("institution-table")
			.locator("th", new Locator.LocatorOptions().setHasText("机构名称"))
			.click();
		this.page.waitForURL(DESC);
		this.page.waitForCondition(() -> lastRequest().contains("sort=name%2Cdesc"));
		this.page.waitForCondition(() -> !firstColumn("institution-table").equals(before));
		List<String> descending = firstColumn("institution-table");
		assertThat(lastRequest()).contains("/api/institutions/page").contains("page=0").contains("size=20");

		assertThat(descending.get(0)).isNotEqualTo(ascending.get(0));

		this.page.goBack();
		this.page.waitForURL(ASC);
		this.page.waitForCondition(() -> lastRequest().contains("sort=name%2Casc"));
		this.page.waitForCondition(() -> firstColumn("institution-table").equals(ascending));

		this.page.navigate("http://127.0.0.1:" + this.port + "/institutions?level=TERTIARY_A&sort=beds%2Cdesc");
		this.page
			.waitForCondition(() -> lastRequest().contains("level=TERTIARY_A") && lastRequest().contains("sort=beds"));
		assertThat(this.page.getByTestId("institution-table")).containsText("三级甲等");
		assertThat(this.page.getByTestId("institution-table")).not().containsText("二级甲等");
	}

	@Test
	void auditPagesOnTheServerAndShowsNamesAndLabelsNotCodes() {
		for (int i = 0; i < 3; i++) {
			Api.as(this.port, "ccszx-clerk");
			Api.as(this.port, "changchun");
		}
		// an entry with details among the newest: a request without a session, refused
		assertThat(new Api(this.port).get("/api/institutions?probe=audit-page").status()).isEqualTo(401);
		login("admin", "/audit");
		Locator table = this.page.getByTestId("audit-table");
		assertThat(table.locator(".el-table__body tr").first()).isVisible();
		assertThat(table).containsText("登录成功");
		assertThat(table).containsText("系统管理员");
		assertThat(table).containsText("医务科");

		this.page.getByTestId("audit-pager").locator(".btn-next").click();
		this.page.waitForURL(Pattern.compile(".*/audit\\?page=2$"));
		this.page.waitForCondition(() -> lastRequest().contains("/api/audit/page") && lastRequest().contains("page=1"));

		this.page.navigate("http://127.0.0.1:" + this.port + "/audit");
		assertThat(table.locator(".el-table__body tr").first()).isVisible();
		for (Locator expand : table.locator(".el-table__expand-icon").all().subList(0, 5)) {
			expand.click();
		}
		assertThat(this.page.locator("table.audit-changes").first()).isVisible();
		String visible = this.page.locator("body").innerText();
		assertThat(CODE.matcher(visible).results().map(m -> m.group()).toList())
			.as("UPPER_SNAKE codes on the audit page")
			.isEmpty();
		assertThat(UUID.matcher(visible).results().map(m -> m.group()).toList()).as("UUIDs on the audit page")
			.isEmpty();
	}

}
