package cn.rtms.web.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk of 吉林省松江肿瘤医院 (an ACTIVE G08 filing in the demo data) enters a G08 case
 * through the form generated from the G08 case-form definition, scans a device's GS1
 * barcode (then Enter) into the scanner field and sees the device row filled, and submits
 * the case with an operator who holds no G08 authorization: the submitted case shows the
 * 未授权 flag (docs/cases.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
class CaseEntryBrowserIT extends BrowserTestSupport {

	private static final String CLERK = "songjiang-clerk";

	private static final String TECHNOLOGY = "G08";

	/** GS1's example GTIN (check digit valid). */
	private static final String GTIN = "09506000134352";

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
	void entersACaseThroughTheGeneratedFormScansADeviceAndSeesTheUnauthorizedFlag() {
		Api api = Api.as(this.port, CLERK);
		String institutionId = api.get("/api/auth/me").body().get("institutionId").asString();
		JsonNode operator = physicianWithoutAuthorization(api, institutionId);
		LocalDate today = serverToday(this.port);
		JsonNode bundle = api.get("/api/case-forms/" + TECHNOLOGY + "?date=" + today).body();
		String recordNo = "BIT-" + UUID.randomUUID().toString().substring(0, 8);
		String serial = "SN" + recordNo.substring(4);
		String expiry = today.plusYears(2).format(DateTimeFormatter.ofPattern("yyMMdd"));
		String lot = "L" + recordNo.substring(4, 8);
		// a scanner ends the variable-length lot with GS (U+001D, FNC1) before the serial
		String barcode = "]C101" + GTIN + "17" + expiry + "10" + lot + "\u001D21" + serial;

		this.page.navigate(url("/cases"));
		this.page.waitForURL("**/login**");
		this.page.locator(field("login-username", "input")).fill(CLERK);
		this.page.locator(field("login-password", "input")).fill(Api.DEMO_PASSWORD);
		this.page.getByTestId("login-submit").click();
		this.page.waitForURL("**/cases");

		this.page.getByTestId("case-new").click();
		// the hospital holds one filing in force (G08): the form starts on it
		this.page.waitForURL("**/cases/new?technology=" + TECHNOLOGY);
		choose("case-technology", TECHNOLOGY + " ");
		assertThat(this.page.getByTestId("case-form")).isVisible();

		// every required field of the definition, whatever the YAML holds
		for (JsonNode f : bundle.get("commonFields")) {
			fill(f, f.get("key").asString(), recordNo, today, operator);
		}
		for (JsonNode f : bundle.get("form").get("fields")) {
			fill(f, "fields-" + f.get("key").asString(), recordNo, today, operator);
		}

		Locator scanner = this.page.locator(field("device-scan", "input"));
		scanner.fill(barcode);
		scanner.press("Enter");
		assertThat(this.page.getByTestId("device-gtin-0")).hasText(GTIN);
		assertThat(this.page.getByTestId("device-serial-0")).hasText(serial);
		assertThat(this.page.getByTestId("device-lot-0")).hasText(lot);
		assertThat(this.page.getByTestId("device-expiry-0")).hasText(today.plusYears(2).toString());
		assertThat(this.page.getByTestId("case-form")).isVisible();
		assertThat(scanner).hasValue("");

		// a complication with its type (from the form's list) and marked 严重 (注3's
		// definition shown)
		assertThat(this.page.getByTestId("serious-complication-help")).containsText("护理级别提升或住院时间延长");
		this.page.getByTestId("complication-add").click();
		this.page.locator(field("complication-name-0", "input")).fill("腹腔出血");
		String typeName = bundle.get("form").get("complicationTypes").get(0).get("name").asString();
		choose("complication-type-0", typeName);
		Locator serious = this.page.locator(
				".el-checkbox[data-testid=complication-serious-0], .el-checkbox:has([data-testid=complication-serious-0])");
		serious.click();
		assertThat(serious).hasClass(java.util.regex.Pattern.compile("is-checked"));

		this.page.getByTestId("case-submit").click();
		this.page.waitForURL(u -> u.matches(".*/cases/[0-9a-f-]{36}$"));
		assertThat(this.page.getByText(typeName).first()).isVisible();
		assertThat(this.page.getByTestId("case-status")).hasText("已提交");
		Locator flag = this.page.getByTestId("case-flag-UNAUTHORIZED");
		assertThat(flag).containsText("未授权");
		// the hospital holds an active G08 filing: no 未备案开展
		assertThat(this.page.getByTestId("case-flag-UNFILED")).hasCount(0);

		// what was stored: the device as read
		String id = this.page.url().substring(this.page.url().lastIndexOf('/') + 1);
		Response stored = api.get("/api/cases/" + id);
		assertThat(stored.status()).as(stored.text()).isEqualTo(200);
		JsonNode device = stored.body().get("devices").get(0);
		assertThat(device.get("gtin").asString()).isEqualTo(GTIN);
		assertThat(device.get("serial").asString()).isEqualTo(serial);
		assertThat(device.get("lot").asString()).isEqualTo(lot);
		assertThat(stored.body().get("operatorId").asString()).isEqualTo(operator.get("id").asString());
		JsonNode complication = stored.body().get("complications").get(0);
		assertThat(complication.get("type").asString())
			.isEqualTo(bundle.get("form").get("complicationTypes").get(0).get("code").asString());
		assertThat(complication.get("serious").asBoolean()).isTrue();
	}

	/**
	 * Fills one field of the generated form when the definition requires it (or may, by
	 * its requiredWhen).
	 */
	private void fill(JsonNode f, String testKey, String recordNo, LocalDate today, JsonNode operator) {
		String key = f.get("key").asString();
		// fields required under a condition are filled too: the values chosen may meet it
		boolean required = f.path("required").asBoolean(false) || f.hasNonNull("requiredWhen");
		if (!required || key.equals("complications") || key.equals("devices")) {
			return;
		}
		String testId = "case-field-" + testKey;
		String type = f.get("type").asString();
		switch (type) {
			case "TEXT" -> {
				if (key.equals("procedureCodes")) {
					this.page.locator("[data-testid=" + testId + "]").first().click();
					this.page.locator(".el-select-dropdown__item:visible").first().click();
					this.page.keyboard().press("Escape");
					dropdownsClosed();
					return;
				}
				String value = switch (key) {
					case "medicalRecordNo" -> recordNo;
					case "patientName" -> "王测试";
					case "department" -> "肿瘤介入科";
					default -> "测试";
				};
				this.page.locator(itemInput(testId)).fill(value);
			}
			case "INTEGER", "DECIMAL" -> {
				Locator input = this.page.locator(itemInput(testId));
				input.fill(number(f).toPlainString());
				input.press("Tab");
			}
			case "DATE" -> {
				LocalDate day = key.equals("admissionDate") ? today.minusDays(2) : today;
				Locator input = this.page.locator(itemInput(testId));
				input.fill(day.toString());
				input.press("Enter");
			}
			case "BOOLEAN" ->
				this.page.locator("[data-testid=" + testId + "] .el-radio", new Page.LocatorOptions().setHasText("是"))
					.first()
					.click();
			case "CHOICE" -> choose(testId, f.get("options").get(0).get("name").asString());
			case "PERSON" -> choose(testId, operator.get("name").asString());
			default -> throw new AssertionError("unknown field type " + type + " of " + key);
		}
	}

	/** A value in range that raises no plausibility warning. */
	private static BigDecimal number(JsonNode f) {
		BigDecimal value = BigDecimal.ONE;
		if (f.hasNonNull("min") && f.get("min").decimalValue().compareTo(value) > 0) {
			value = f.get("min").decimalValue();
		}
		JsonNode warn = f.path("warnIf");
		if (warn.hasNonNull("below") && warn.get("below").decimalValue().compareTo(value) > 0) {
			value = warn.get("below").decimalValue();
		}
		if (f.hasNonNull("max") && f.get("max").decimalValue().compareTo(value) < 0) {
			value = f.get("max").decimalValue();
		}
		return value.stripTrailingZeros();
	}

	/** A physician of the hospital with no G08 authorization at all. */
	private JsonNode physicianWithoutAuthorization(Api api, String institutionId) {
		Response people = api.get("/api/people?role=PHYSICIAN&institutionId=" + institutionId);
		assertThat(people.status()).as(people.text()).isEqualTo(200);
		for (JsonNode person : people.body()) {
			Response grants = api
				.get("/api/authorizations?technology=" + TECHNOLOGY + "&personId=" + person.get("id").asString());
			if (grants.status() == 200 && grants.body().isEmpty()) {
				return person;
			}
		}
		throw new AssertionError("every physician of the hospital has a " + TECHNOLOGY + " authorization");
	}

	private void choose(String testId, String labelStart) {
		this.page.locator("[data-testid=" + testId + "]").first().click();
		this.page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(labelStart))
			.first()
			.click();
		dropdownsClosed();
	}

	/**
	 * Waits until the dropdown just used has faded out, so the next select's options are
	 * not confused with a closing list's.
	 */
	private void dropdownsClosed() {
		assertThat(this.page.locator(".el-select__popper:visible")).hasCount(0);
	}

	/** The input of a generated field, found through its form item. */
	private static String itemInput(String testId) {
		return "[data-testid=" + testId + "-item] input";
	}

	private static String field(String testId, String element) {
		return element + "[data-testid=" + testId + "], [data-testid=" + testId + "] " + element;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
