package cn.rtms.web.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 4 in the browser: a hospital clerk records a ledger movement (an issue of
 * seeds) on a lot's page and sees the balance change; a movement that would overdraw the
 * lot is refused in Chinese and the balance stays. Shares SeedLedgerIT's context (its
 * lots raise alerts other tests would count).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=SeedsIT", "rtms.demo-data.filings=true" })
class SeedLedgerBrowserIT extends BrowserTestSupport {

	private static final String CLERK = "ccszx-clerk";

	@LocalServerPort
	int port;

	BrowserContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void aClerkRecordsAnIssueAndSeesTheBalanceChange() {
		Api api = Api.as(this.port, CLERK);
		String custodian = api.get("/api/people?q=王淑华").body().get(0).get("id").asString();
		String lotNo = "UI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		Map<String, Object> receipt = new LinkedHashMap<>();
		receipt.put("isotope", "I-125");
		receipt.put("supplier", "原子高科股份有限公司");
		receipt.put("nmpaApproval", "国药准字H10970153");
		receipt.put("lotNo", lotNo);
		receipt.put("quantity", 10);
		receipt.put("activityMci", "0.696");
		receipt.put("calibrationDate", serverToday(this.port).toString());
		receipt.put("storageLocation", "核医学科粒子储源室 铅柜 A-1");
		receipt.put("custodianId", custodian);
		Api.Response received = api.post("/api/seeds/lots", receipt);
		assertThat(received.status()).as(received.text()).isEqualTo(201);
		String lotId = received.body().get("lot").get("id").asString();

		this.context = browser.newContext();
		Page page = watchCsp(this.context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		page.navigate("http://127.0.0.1:" + this.port + "/seeds");
		page.waitForURL("**/login**");
		page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill(CLERK);
		page.locator("[data-testid=login-password] input, input[data-testid=login-password]").fill(Api.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL("**/seeds");
		page.getByTestId("seed-lot-" + lotNo).click();
		page.waitForURL("**/seeds/lots/" + lotId);
		assertThat(page.getByTestId("lot-in-stock")).hasText("10");
		assertThat(page.getByTestId("lot-activity-today")).hasText("0.696");
		assertThat(page.locator("[data-testid=ledger-table] .el-table__body tr")).hasCount(1);

		// 领用 is the default kind: issue 3 seeds
		page.locator("[data-testid=movement-quantity] input").fill("3");
		page.locator("[data-testid=movement-quantity] input").press("Tab");
		page.locator("input[data-testid=movement-note], [data-testid=movement-note] input").fill("王淑华 术中领用");
		page.getByTestId("movement-submit").click();
		assertThat(page.getByTestId("lot-in-stock")).hasText("7");
		assertThat(page.getByTestId("lot-outstanding")).hasText("3");
		assertThat(page.locator("[data-testid=ledger-table] .el-table__body tr")).hasCount(2);
		assertThat(page.locator("[data-testid=ledger-table] .el-table__body tr").nth(1)).containsText("领用");
		assertThat(page.locator("[data-testid=ledger-table] .el-table__body tr").nth(1)).containsText("长春市中心医院医务科");

		// more than the store holds: refused, nothing saved
		page.locator("[data-testid=movement-quantity] input").fill("8");
		page.locator("[data-testid=movement-quantity] input").press("Tab");
		page.getByTestId("movement-submit").click();
		assertThat(page.getByTestId("movement-error")).containsText("库存现有 7 颗");
		assertThat(page.getByTestId("lot-in-stock")).hasText("7");
		assertThat(page.locator("[data-testid=ledger-table] .el-table__body tr")).hasCount(2);
		assertThat(api.get("/api/seeds/lots/" + lotId).body().get("lot").get("inStock").asInt()).isEqualTo(7);
	}

}
