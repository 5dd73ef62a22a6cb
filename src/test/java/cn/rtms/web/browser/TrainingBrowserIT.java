package cn.rtms.web.browser;

import java.time.LocalDate;
import java.util.Map;

import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 in the browser (docs/training.md "Pickers" and "Demo data"): with the demo
 * training data on, the training-base admin of 松江 sees the demo trainees, enrols a
 * physician picked by name at a base picked from the filed ones, logs a case with an
 * instructor picked from the base's instructors of that day and sees the count and the
 * completion verdict change; a case dated outside the period is refused in Chinese and
 * nothing is saved. The province follows the demo base through its workflow history, and
 * the public list shows it without login. Own context: it turns the demo training data on
 * and adds a trainee file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.test.context=TrainingBrowserIT", "rtms.demo-data.training=true" })
class TrainingBrowserIT extends BrowserTestSupport {

	private static final String BASE_ADMIN = "songjiang-base";

	private static final String TRAINEE = "程立新";

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
	void aBaseAdminEnrolsWithThePickersAndLogsACaseThatMovesTheVerdict() {
		Page page = loggedIn(BASE_ADMIN, "/trainees");
		Locator files = page.getByTestId("trainee-files");
		assertThat(files).containsText("赵雨桐");
		assertThat(files).containsText("冯磊");
		assertThat(files.locator("tr", new Locator.LocatorOptions().setHasText("赵雨桐"))).containsText("合格");

		// enrol: person, technology and base from pickers, no typed ids
		page.getByTestId("enrol-open").click();
		page.getByTestId("enrol-submit").click();
		assertThat(page.locator(".el-dialog .el-alert")).containsText("请选择学员");
		page.locator(field("enrol-person", "input")).click();
		page.locator(field("enrol-person", "input")).fill(TRAINEE);
		choose(page, TRAINEE);
		page.locator("[data-testid=enrol-technology]").first().click();
		choose(page, "G08");
		page.locator("[data-testid=enrol-base]").first().click();
		choose(page, "吉林省松江肿瘤医院");
		date(page, "enrol-start", "2026-05-01");
		date(page, "enrol-end", "2026-11-01");
		page.getByTestId("enrol-submit").click();
		assertThat(files.locator("tr", new Locator.LocatorOptions().setHasText(TRAINEE))).containsText("G08");

		Api api = Api.as(this.port, BASE_ADMIN);
		String fileId = null;
		for (JsonNode f : api.get("/api/trainees").body()) {
			if (f.get("personName").asString().equals(TRAINEE)) {
				fileId = f.get("id").asString();
			}
		}
		assertThat(fileId).as("enrolled through the dialog").isNotNull();
		// six months, 24 cases independent under supervision and 25 managed through the
		// whole course, passed exams: one independent case short of G08's 25
		String instructor = api.get("/api/trainees/" + fileId + "/instructors?on=2026-05-04")
			.body()
			.get(0)
			.get("personId")
			.asString();
		for (int i = 0; i < 25; i++) {
			String day = LocalDate.of(2026, 5, 4).plusDays(i).toString();
			if (i < 24) {
				logged(api, fileId, day, "SUPERVISED", instructor);
			}
			logged(api, fileId, day, "FULL_COURSE", instructor);
		}
		assertThat(api
			.post("/api/trainees/" + fileId + "/exams", Map.of("kind", "THEORY", "score", 86, "takenOn", "2026-10-30"))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/trainees/" + fileId + "/exams", Map.of("kind", "SKILLS", "score", 90, "takenOn", "2026-10-31"))
			.status()).isEqualTo(200);

		files.getByText(TRAINEE).click();
		page.waitForURL("**/trainees/" + fileId);
		assertThat(page.getByTestId("trainee-tally")).containsText("在指导下独立完成 24 例");
		assertThat(page.getByTestId("trainee-verdict")).hasText("不符合");
		assertThat(page.locator("body")).containsText("独立完成不足 25 例");

		// a day before the period: warned on the form, refused by the server, nothing
		// saved
		date(page, "case-date", "2026-04-30");
		assertThat(page.locator(".el-alert", new Page.LocatorOptions().setHasText("不在培训期"))).isVisible();
		page.locator("[data-testid=case-instructor]").first().click();
		choose(page, "高志远");
		page.getByTestId("case-submit").click();
		assertThat(page.locator(".el-message", new Page.LocatorOptions().setHasText("不在培训期")))
			.containsText("病例日期 2026-04-30 不在培训期 2026-05-01 至 2026-11-01 内，未保存");
		assertThat(page.getByTestId("trainee-tally")).containsText("在指导下独立完成 24 例");

		// the 25th independent case, inside the period, instructor from the picker
		date(page, "case-date", "2026-10-20");
		page.locator("[data-testid=case-role]").first().click();
		choose(page, "在指导下独立完成");
		page.locator("[data-testid=case-instructor]").first().click();
		choose(page, "高志远（主任医师）");
		page.getByTestId("case-submit").click();
		assertThat(page.getByTestId("trainee-tally")).containsText("在指导下独立完成 25 例");
		// every count met: only the base's conclusion (考核结果) is still open
		assertThat(page.getByTestId("trainee-verdict")).hasText("信息不全");
		assertThat(page.locator("body")).not().containsText("独立完成不足 25 例");
		assertThat(api.get("/api/trainees/" + fileId).body().get("cases").size()).isEqualTo(50);
	}

	@Test
	void theProvinceSeesTheDemoBaseThroughItsWorkflowAndThePublicListShowsIt() {
		Page page = loggedIn("province", "/training/bases");
		page.getByTestId("base-list").getByText("吉林省松江肿瘤医院").first().click();
		page.waitForURL("**/training/bases/*");
		assertThat(page.getByTestId("base-status")).hasText("已备案");
		assertThat(page.getByTestId("instructors")).containsText("高志远");
		assertThat(page.getByTestId("instructors")).containsText("马丽娜");
		page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("办理记录")).click();
		Locator steps = page.locator(".el-timeline");
		assertThat(steps).containsText("提交申请");
		assertThat(steps).containsText("予以备案");
		assertThat(steps).containsText("经专家评审，予以备案");
		page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("专家评审")).click();
		assertThat(page.locator(".el-tab-pane:visible")).containsText("建议予以备案");

		try (BrowserContext nobody = browser.newContext()) {
			Page anonymous = nobody.newPage();
			anonymous.setDefaultTimeout(TIMEOUT_MS);
			anonymous.navigate(url("/public/training-bases"));
			Locator row = anonymous.getByTestId("public-bases")
				.locator("tr", new Locator.LocatorOptions().setHasText("吉林省松江肿瘤医院"));
			assertThat(row).containsText("G08");
		}
	}

	private static void logged(Api api, String file, String day, String role, String instructor) {
		Api.Response response = api.post("/api/trainees/" + file + "/cases",
				Map.of("performedOn", day, "role", role, "instructorId", instructor));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private Page loggedIn(String username, String path) {
		this.context = browser.newContext();
		Page page = watchCsp(this.context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		page.navigate(url(path));
		page.waitForURL("**/login**");
		page.locator(field("login-username", "input")).fill(username);
		page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL("**" + path);
		return page;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * Clicks the visible option of the open Element Plus select whose label contains the
	 * text.
	 */
	private static void choose(Page page, String label) {
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(label)).first().click();
	}

	/** Types a date into an Element Plus date picker and confirms it. */
	private static void date(Page page, String testId, String day) {
		Locator input = page.locator(field(testId, "input"));
		input.fill(day);
		input.press("Enter");
	}

	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

}
