package cn.rtms.web.browser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's done-when in a real browser (docs/indicators-dashboards.md): the city
 * authority opens the regional indicator dashboard, finds its hospitals ranked, and
 * drills from a number to the cases behind it — the count shown is the number of cases
 * listed; a hospital clerk sees its own hospital only.
 * <p>
 * Its own Spring context ({@code rtms.test.context}): it submits G08 cases at two
 * Changchun hospitals over the API (demo cases are off in tests), which every count of
 * the registry and the indicators of a shared context would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=indicator-dashboard-browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorDashboardBrowserIT extends BrowserTestSupport {

	private static final String CENTRAL = "长春市中心医院";

	private static final String SONGJIANG = "松江肿瘤医院";

	private static final Pattern CODE = Pattern.compile("\\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]\\d{2}\\.[A-Z_0-9]+)\\b");

	@LocalServerPort
	int port;

	@Autowired
	CaseForms forms;

	private final Map<String, BrowserContext> sessions = new HashMap<>();

	private final List<Page> pages = new ArrayList<>();

	/** 病案号 of the cases submitted per clerk. */
	private final Map<String, List<String>> recordNos = new HashMap<>();

	private LocalDate today;

	@BeforeAll
	void submitCases() {
		this.today = serverToday(this.port);
		// operated a month ago: in the current quarter and half-year of the pinned clock
		// (2026-11-22), whatever period the dashboard shows first
		LocalDate operation = this.today.minusDays(30);
		this.recordNos.put("ccszx-clerk", submit("ccszx-clerk", 3, operation));
		this.recordNos.put("songjiang-clerk", submit("songjiang-clerk", 2, operation));
	}

	@AfterEach
	void closePages() {
		this.pages.forEach(Page::close);
		this.pages.clear();
	}

	@AfterAll
	void closeSessions() {
		this.sessions.values().forEach(BrowserContext::close);
	}

	@Test
	void theCityAuthorityRanksItsHospitalsAndDrillsFromANumberToTheCasesBehindIt() {
		Page page = open("changchun", "/indicators");
		choose(page, "indicator-set", "肿瘤消融");
		assertThat(page.getByTestId("indicator-direction")).hasText("越高越好");

		Locator table = page.locator("[data-testid=indicator-rank-table] .el-table__body tr");
		Locator central = table.filter(new Locator.FilterOptions().setHasText(CENTRAL));
		Locator songjiang = table.filter(new Locator.FilterOptions().setHasText(SONGJIANG));
		assertThat(central).hasCount(1);
		assertThat(songjiang).hasCount(1);
		// the first indicator (指征正确率) counts every case in its denominator
		assertThat(central.getByTestId("rank-denominator")).hasText("3");
		assertThat(songjiang.getByTestId("rank-denominator")).hasText("2");
		assertThat(page.getByTestId("regional-denominator")).hasText("5");
		// ranking, distribution and trend drawn (ECharts on a canvas), and no code on
		// screen: set, indicator, direction, unit and periods all in Chinese
		for (String chart : List.of("indicator-ranking", "indicator-distribution", "indicator-trend")) {
			assertThat(page.locator("[data-testid=" + chart + "] canvas").first()).isVisible();
		}
		noCodes(page);

		// the denominator: the count shown is the number of cases listed, each a link to
		// its case
		central.getByTestId("rank-denominator").click();
		Locator drawer = page.getByTestId("indicator-drill");
		assertThat(drawer).isVisible();
		assertThat(drawer.getByTestId("indicator-drill-total")).hasText("3");
		Locator rows = drawer.locator("[data-testid=indicator-drill-table] .el-table__body tr");
		assertThat(rows).hasCount(3);
		for (String recordNo : this.recordNos.get("ccszx-clerk")) {
			assertThat(rows.filter(new Locator.FilterOptions().setHasText(recordNo))).hasCount(1);
		}
		assertThat(drawer).not().containsText(SONGJIANG);

		// the numerator: whatever it counts, the list has as many cases as the number
		// says
		drawer.getByTestId("indicator-drill-part-NUMERATOR").click();
		String numerator = central.getByTestId("rank-numerator").innerText().trim();
		assertThat(drawer.getByTestId("indicator-drill-total")).hasText(numerator);
		assertThat(rows).hasCount(Integer.parseInt(numerator));

		// a case row opens the case page
		drawer.getByTestId("indicator-drill-part-DENOMINATOR").click();
		assertThat(rows).hasCount(3);
		String first = rows.first().getByTestId("indicator-drill-case").innerText().trim();
		rows.first().getByTestId("indicator-drill-case").click();
		page.waitForURL("**/cases/**");
		assertThat(page.locator("body")).containsText(first);
	}

	@Test
	void aHospitalClerkSeesItsOwnHospitalOnly() {
		Api clerk = Api.as(this.port, "songjiang-clerk");
		String own = clerk.get("/api/auth/me").body().get("institutionId").asString();
		// the server keeps a hospital to its own cells, whatever it asks for
		JsonNode results = ok(clerk.get("/api/indicators/results?set=G08-2023&groupBy=INSTITUTION&period=ALL&from="
				+ this.today.minusYears(1) + "&to=" + this.today));
		assertThat(results.get("cells").size()).isPositive();
		results.get("cells").forEach(c -> assertThat(c.get("groupKey").asString()).isEqualTo(own));

		Page page = open("songjiang-clerk", "/indicators/hospital");
		choose(page, "indicator-set", "肿瘤消融");
		assertThat(page.getByTestId("indicators-scope")).containsText(SONGJIANG);
		Locator first = page.locator("[data-testid=hospital-indicator-table] .el-table__body tr").first();
		Locator own2 = first.getByTestId("hospital-own").first();
		assertThat(own2.getByTestId("cell-denominator")).hasText("2");
		assertThat(page.locator("body")).not().containsText(CENTRAL);
		noCodes(page);

		own2.getByTestId("cell-denominator").click();
		Locator drawer = page.getByTestId("indicator-drill");
		assertThat(drawer.getByTestId("indicator-drill-total")).hasText("2");
		Locator rows = drawer.locator("[data-testid=indicator-drill-table] .el-table__body tr");
		assertThat(rows).hasCount(2);
		for (String recordNo : this.recordNos.get("ccszx-clerk")) {
			assertThat(drawer).not().containsText(recordNo);
		}
		assertThat(drawer).not().containsText(CENTRAL);
	}

	/**
	 * Fails on an indicator code (G08.INDICATION) or an enum code (HIGHER_BETTER) on the
	 * page.
	 */
	private static void noCodes(Page page) {
		String text = page.locator(".app-main").first().innerText();
		assertThat(CODE.matcher(text).results().map(r -> r.group()).toList()).as("codes on screen").isEmpty();
	}

	/**
	 * Complete G08 thyroid ablations operated on the day by a physician of the clerk's
	 * hospital, submitted.
	 */
	private List<String> submit(String user, int n, LocalDate day) {
		Api clerk = Api.as(this.port, user);
		String institutionId = clerk.get("/api/auth/me").body().get("institutionId").asString();
		String operatorId = ok(clerk.get("/api/people?role=PHYSICIAN&institutionId=" + institutionId)).get(0)
			.get("id")
			.asString();
		CaseForm form = this.forms.forTechnology("G08", day);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("organ", "THYROID");
			fields.put("lesionsPlanned", 1);
			fields.put("lesionsCompleted", 1);
			fields.put("preOpPathology", true);
			fields.put("thyroidPathology", "BENIGN");
			fields.put("thyroidLargestDiameterMm", 18.5);
			fields.put("ecog", 0);
			fields.put("asaClass", "II");
			// the indication criteria of the 2023 set, where the form has the field
			if (form.field("ptaPercent").isPresent()) {
				fields.put("ptaPercent", 85);
			}
			if (form.field("organFunctionImpaired").isPresent()) {
				fields.put("organFunctionImpaired", false);
			}
			Map<String, Object> patient = new LinkedHashMap<>();
			patient.put("name", "测试患者");
			patient.put("idNumber",
					idNumber(String.format("22010419650315%03d", (user.hashCode() & 0x3f) * 8 + i * 2 + 1)));
			patient.put("sex", "M");
			patient.put("birthDate", "1965-03-15");
			String recordNo = "QC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("technology", "G08");
			c.put("subTechnique", "RFA");
			c.put("route", "PERCUTANEOUS");
			c.put("procedureCodes", List.of("06.3100x001"));
			c.put("medicalRecordNo", recordNo);
			c.put("inpatientNo", "ZY" + recordNo);
			c.put("patient", patient);
			c.put("admissionDate", day.minusDays(2).toString());
			c.put("operationDate", day.toString());
			c.put("dischargeDate", day.plusDays(3).toString());
			c.put("department", "超声介入科");
			c.put("operatorId", operatorId);
			c.put("informedConsent", true);
			c.put("dischargeStatus", "ORDERED");
			c.put("fields", fields);
			c.put("devices", List.of());
			String id = ok(clerk.post("/api/cases", c)).get("id").asString();
			Api.Response submitted = clerk.post("/api/cases/" + id + "/submit", Map.of("version", 0));
			if (submitted.status() == 422 && submitted.body().has("warnings")) {
				List<String> warnings = new ArrayList<>();
				submitted.body().get("warnings").forEach(w -> warnings.add(w.get("code").asString()));
				submitted = clerk.post("/api/cases/" + id + "/submit",
						Map.of("version", 0, "confirmedWarnings", warnings));
			}
			ok(submitted);
			numbers.add(recordNo);
		}
		return numbers;
	}

	/** An 18-digit resident id number with its GB 11643 check digit. */
	static String idNumber(String body) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (body.charAt(k) - '0') * weights[k];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	private static JsonNode ok(Api.Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	/** A page of the user's browser context, logged in on first use. */
	private Page open(String user, String path) {
		BrowserContext context = this.sessions.get(user);
		boolean fresh = context == null;
		if (fresh) {
			context = browser.newContext();
			this.sessions.put(user, context);
		}
		Page page = watchCsp(context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		this.pages.add(page);
		page.navigate(url(path));
		if (fresh) {
			page.waitForURL("**/login**");
			page.locator("[data-testid=login-username] input, input[data-testid=login-username]").fill(user);
			page.locator("[data-testid=login-password] input, input[data-testid=login-password]")
				.fill(Api.DEMO_PASSWORD);
			page.getByTestId("login-submit").click();
			page.waitForURL(u -> !u.contains("/login"));
		}
		return page;
	}

	private static void choose(Page page, String testId, String labelPart) {
		page.locator("[data-testid=" + testId + "]").first().click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(labelPart))
			.first()
			.click();
		assertThat(page.locator(".el-select__popper:visible")).hasCount(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
