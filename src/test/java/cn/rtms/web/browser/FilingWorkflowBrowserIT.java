package cn.rtms.web.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a provincial-technology filing of 长春市中心医院 through the UI with two logged-in users
 * in two browser sessions: the hospital's 医务科 (ccszx-clerk) creates the draft,
 * self-assesses, confirms what needs confirming, records both committee opinions with
 * their minutes (file upload) and submits; 长春市卫生健康委员会 (changchun), which issued the
 * hospital's licence and is the review level of a provincial technology (docs/filing.md),
 * receives it, approves it after the expert review and notes it on the licence. The
 * expert, picked from the directory by the city authority, gives the opinion in the UI as
 * well. Finally the filing shows 备案有效 and appears on the public list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilingWorkflowBrowserIT extends BrowserTestSupport {

	private static final String INSTITUTION = "长春市中心医院";

	private static final String CLERK = "ccszx-clerk";

	private static final String AUTHORITY = "changchun";

	private static final String EXPERT = "expert1";

	/**
	 * Technology preferred for the walk: provincial, met by the hospital in the demo
	 * data.
	 */
	private static final String PREFERRED = "S03";

	private static final Set<String> CLOSED = Set.of("REJECTED", "REVOKED");

	@LocalServerPort
	int port;

	private final List<BrowserContext> contexts = new ArrayList<>();

	@BeforeEach
	void noContexts() {
		this.contexts.clear();
	}

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(BrowserContext::close);
	}

	@Test
	void hospitalSubmitsAndCityAuthorityApprovesAProvincialTechnology() {
		Api clerkApi = Api.as(this.port, CLERK);
		String technology = technologyWithoutOpenFiling(clerkApi);
		LocalDate today = serverToday(this.port);

		// ---- 医务科: draft, self-assessment, confirmations, committee opinions, submission
		Page clerk = loggedIn(CLERK, "/filings");
		clerk.getByTestId("filing-new").click();
		clerk.waitForURL("**/filings/new");
		choose(clerk, "filing-new-technology", technology + " ");
		clerk.getByTestId("filing-new-submit").click();
		clerk.waitForURL(url -> url.matches(".*/filings/[0-9a-f-]{36}$"));
		String filingId = clerk.url().substring(clerk.url().lastIndexOf('/') + 1);
		assertThat(clerk.getByTestId("filing-state")).hasText("草稿");
		assertThat(clerk.getByTestId("filing-title")).containsText(INSTITUTION);

		action(clerk, "self-assessment");
		assertThat(clerk.getByTestId("filing-state")).hasText("已自评");

		Locator confirmed = clerk.locator("tr[data-testid^=attestation-]");
		for (int i = 0; i < 30 && clerk.getByTestId("attestation-form").count() > 0; i++) {
			int before = confirmed.count();
			clerk.locator("[data-testid=attestation-clause]").first().click();
			clerk.locator(".el-select-dropdown__item:visible").first().click();
			clerk.locator(field("attestation-evidence", "textarea")).fill("已核对原始资料，符合要求（浏览器测试）");
			clerk.getByTestId("attestation-save").click();
			assertThat(confirmed).hasCount(before + 1);
		}
		assertThat(clerk.getByTestId("filing-pending-attestations")).hasCount(0);

		committeeOpinion(clerk, "TECHNOLOGY_MANAGEMENT", today.minusDays(5), "同意开展该技术", "技术管理委员会会议纪要.pdf");
		committeeOpinion(clerk, "ETHICS", today.minusDays(4), "符合伦理要求，同意开展", "伦理委员会会议纪要.pdf");
		assertThat(clerk.getByTestId("committee-ETHICS")).containsText("符合伦理要求");

		shot(clerk, "clerk-before-submit");
		clerk.getByTestId("filing-action-submit").click();
		Locator firstCase = clerk.locator(field("dialog-first-case-date", "input"));
		firstCase.fill(today.minusDays(3).toString());
		firstCase.press("Enter");
		clerk.getByTestId("dialog-confirm").click();
		// a 不符合 self-assessment asks for confirmation first (docs/filing.md, "Guidance")
		Locator stillSubmit = clerk.locator(".el-message-box button", new Page.LocatorOptions().setHasText("仍要提交"));
		clerk.getByTestId("filing-state")
			.filter(new Locator.FilterOptions().setHasText("已提交"))
			.or(stillSubmit)
			.first()
			.waitFor();
		if (stillSubmit.count() > 0) {
			stillSubmit.click();
		}
		assertThat(clerk.getByTestId("filing-state")).hasText("已提交");
		shot(clerk, "clerk-submitted");

		// ---- 市卫健委: receive from the inbox
		Page city = loggedIn(AUTHORITY, "/inbox");
		city.getByTestId("inbox-link-" + INSTITUTION + "-" + technology).click();
		city.waitForURL("**/filings/" + filingId);
		assertThat(city.getByTestId("filing-state")).hasText("已提交");
		city.getByTestId("filing-action-receive").click();
		city.locator(field("dialog-opinion", "textarea")).fill("材料齐全，予以受理");
		city.getByTestId("dialog-confirm").click();
		assertThat(city.getByTestId("filing-state")).hasText("已受理");
		assertThat(city.getByTestId("filing-action-expert-review")).isVisible();

		// ---- expert review: the city picks expert1 from the directory, the expert
		// answers
		city.getByTestId("filing-action-expert-review").click();
		city.getByTestId("dialog-expert-" + EXPERT).click();
		city.getByTestId("dialog-confirm").click();
		assertThat(city.getByTestId("filing-state")).hasText("专家审查中");
		Page expert = loggedIn(EXPERT, "/inbox");
		expert.getByTestId("inbox-link-" + INSTITUTION + "-" + technology).click();
		expert.waitForURL("**/filings/" + filingId);
		expert.getByTestId("filing-action-expert-opinions").click();
		expert.getByTestId("dialog-verdict-AGREE").click();
		expert.locator(field("dialog-text", "textarea")).fill("人员、设备、制度均符合要求，同意备案");
		expert.getByTestId("dialog-confirm").click();
		assertThat(expert.getByTestId("filing-experts")).containsText("人员、设备、制度均符合要求，同意备案");
		shot(expert, "expert");

		// ---- 市卫健委: approve, then note it on the licence
		city.reload();
		assertThat(city.getByTestId("filing-state")).hasText("专家审查中");
		city.getByTestId("filing-action-approve").click();
		city.locator(field("dialog-reasons", "textarea")).fill("符合管理规范要求，同意备案");
		city.getByTestId("dialog-confirm").click();
		assertThat(city.getByTestId("filing-state")).hasText("审查通过");
		assertThat(city.getByTestId("filing-decision")).hasText("审查通过");

		city.getByTestId("filing-action-activate").click();
		city.locator(field("dialog-licence-note", "textarea")).fill("已备案 " + technology + "（浏览器测试）");
		city.getByTestId("dialog-confirm").click();
		assertThat(city.getByTestId("filing-state")).hasText("备案有效");
		assertThat(city.getByTestId("filing-licence-note")).containsText("已备案 " + technology);
		assertThat(city.getByTestId("filing-step")).hasCount(stepCount(filingId));
		assertThat(city.getByTestId("filing-timeline")).containsText("材料齐全，予以受理");
		assertThat(city.getByTestId("filing-no-actions").or(city.getByTestId("filing-action-suspend"))).isVisible();
		shot(city, "city-active");

		// ---- the hospital sees the result; anyone sees it on the public list
		clerk.reload();
		assertThat(clerk.getByTestId("filing-state")).hasText("备案有效");

		Page visitor = newPage();
		visitor.navigate(url("/public/filings"));
		assertThat(visitor.getByTestId("public-table")).containsText(INSTITUTION);
		assertThat(visitor.getByTestId("public-table")
			.locator("tr", new Locator.LocatorOptions().setHasText(INSTITUTION))
			.filter(new Locator.FilterOptions().setHasText(technology + " "))).containsText("备案有效");
		shot(visitor, "public");
	}

	/**
	 * A provincial technology in force for which the hospital has no open or active
	 * filing.
	 */
	private String technologyWithoutOpenFiling(Api clerkApi) {
		Response technologies = clerkApi.get("/api/technologies");
		assertThat(technologies.status()).as(technologies.text()).isEqualTo(200);
		List<String> candidates = new ArrayList<>();
		for (JsonNode t : technologies.body()) {
			if ("PROVINCIAL".equals(t.get("level").asString()) && "IN_FORCE".equals(t.get("status").asString())) {
				String code = t.get("code").asString();
				if (PREFERRED.equals(code)) {
					candidates.addFirst(code);
				}
				else {
					candidates.add(code);
				}
			}
		}
		for (String code : candidates) {
			Response filings = clerkApi.get("/api/filings?technology=" + code);
			assertThat(filings.status()).as(filings.text()).isEqualTo(200);
			boolean open = false;
			for (JsonNode f : filings.body()) {
				open |= !CLOSED.contains(f.get("state").asString());
			}
			if (!open) {
				return code;
			}
		}
		throw new AssertionError(
				INSTITUTION + " already has open filings for every provincial technology " + candidates);
	}

	private int stepCount(String filingId) {
		Response filing = Api.as(this.port, AUTHORITY).get("/api/filings/" + filingId);
		assertThat(filing.status()).as(filing.text()).isEqualTo(200);
		return filing.body().get("steps").size();
	}

	private void committeeOpinion(Page page, String committee, LocalDate meetingDate, String opinion, String fileName) {
		page.getByTestId("committee-kind-" + committee).click();
		Locator date = page.locator(field("committee-date", "input"));
		date.fill(meetingDate.toString());
		date.press("Enter");
		page.locator(field("committee-opinion", "textarea")).fill(opinion);
		page.locator("input[type=file][data-testid=committee-minutes]")
			.setInputFiles(new FilePayload(fileName, "application/pdf", minimalPdf()));
		page.getByTestId("committee-save").click();
		assertThat(page.getByTestId("committee-" + committee)).containsText(opinion);
	}

	private static byte[] minimalPdf() {
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Opens an action's dialog and confirms it without further input. */
	private static void action(Page page, String key) {
		page.getByTestId("filing-action-" + key).click();
		page.getByTestId("dialog-confirm").click();
	}

	/**
	 * Picks the option of an Element Plus select whose label starts with the given text.
	 */
	private static void choose(Page page, String testId, String labelStart) {
		page.locator("[data-testid=" + testId + "]").first().click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(labelStart))
			.first()
			.click();
	}

	/**
	 * The native element of a test id, whether Element Plus put the id on it or on its
	 * wrapper.
	 */
	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

	private Page loggedIn(String username, String path) {
		Page page = newPage();
		page.navigate(url(path));
		page.waitForURL("**/login**");
		page.locator(field("login-username", "input")).fill(username);
		page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		shot(page, "login-" + username);
		page.getByTestId("login-submit").click();
		page.waitForURL("**" + path);
		assertThat(page.getByTestId("current-user")).isVisible();
		return page;
	}

	private static void shot(Page page, String name) {
		String dir = System.getenv("RTMS_SCREENSHOTS");
		if (dir != null) {
			page.setViewportSize(1280, 2600);
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(dir, name + ".png")));
			page.setViewportSize(1280, 720);
		}
	}

	private Page newPage() {
		BrowserContext context = browser.newContext();
		this.contexts.add(context);
		Page page = watchCsp(context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		return page;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
