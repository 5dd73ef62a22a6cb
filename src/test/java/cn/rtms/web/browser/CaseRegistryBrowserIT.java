package cn.rtms.web.browser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.bench.CaseDataset;
import cn.rtms.cases.CaseForms;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.Api;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case registry's pages as the demo hospitals' clerks and administrator use them
 * (docs/cases-ui.md): Excel import all-or-nothing, valid rows only and idempotent; the
 * follow-up list and recording; the discharge-record scan with drill-down; the provincial
 * export; API keys for the order-entry check. One browser, one logged-in browser context
 * per demo user.
 * <p>
 * The class has a Spring context (and so a database) of its own — the extra property
 * {@code rtms.test.context} keeps it apart from the suite's shared contexts — because it
 * registers cases, discharge records and API keys that other tests would count. The
 * import runs first (the follow-up and export tests use its cases; run alone they run the
 * import first).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.demo-data.filings=true", "rtms.test.context=case-registry-browser" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseRegistryBrowserIT extends BrowserTestSupport {

	private static final String CLERK = "ccszx-clerk";

	private static final String ADMIN = "ccszx-admin";

	private static final String SONGJIANG_CLERK = "songjiang-clerk";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CaseForms forms;

	@Autowired
	PersonnelManagement people;

	@Autowired
	JdbcTemplate jdbc;

	private final Map<String, BrowserContext> sessions = new HashMap<>();

	private final List<Page> pages = new ArrayList<>();

	/** 病案号 prefix of this run's imported cases. */
	private final String prefix = "UI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	/** The imported valid rows' 病案号, once imported. */
	private List<String> imported;

	private LocalDate today;

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
	@Order(1)
	void importsAFilledTemplateRefusingABadFileThenValidRowsOnlyWithoutDuplicates() throws IOException {
		Page page = open(CLERK, "/cases/import");
		choose(page, "import-technology", "G08 ");
		Download download = page.waitForDownload(() -> page.getByTestId("import-template").click());
		byte[] template = Files.readAllBytes(download.path());
		byte[] file = fill(template, rows(3, true));
		page.getByTestId("import-file").setInputFiles(new FilePayload("病例导入.xlsx", XLSX, file));

		// all or nothing: one bad cell, nothing imported, the place named in Chinese
		page.getByTestId("import-start").click();
		assertThat(page.getByTestId("import-status")).hasText("未导入");
		assertThat(page.getByTestId("import-outcome")).containsText("本次未导入任何病例");
		Locator problem = page.locator("[data-testid=import-problems] .el-table__body tr");
		assertThat(problem).hasCount(1);
		assertThat(problem).containsText("病例");
		// the header is row 1: the third data row is row 4
		assertThat(problem.locator("td").nth(1)).hasText("4");
		assertThat(problem).containsText("ECOG 评分");
		assertThat(problem).containsText("“二级” 不是整数");
		assertThat(registered()).isZero();

		// 仅导入有效行: the two good rows
		page.getByTestId("import-valid-only").click();
		page.getByTestId("import-start").click();
		assertThat(page.getByTestId("import-status")).hasText("已导入");
		assertThat(page.getByTestId("import-job")).containsText("导入 2 例；跳过已登记 0 例；有问题 1 行");
		assertThat(registered()).isEqualTo(2);

		// the same file again: nothing new
		page.getByTestId("import-start").click();
		assertThat(page.getByTestId("import-job")).containsText("导入 0 例；跳过已登记 2 例");
		assertThat(page.getByTestId("import-status")).hasText("已导入");
		assertThat(registered()).isEqualTo(2);
		this.imported = List.of(this.prefix + "00000001", this.prefix + "00000002");
	}

	@Test
	@Order(2)
	void anOverdueFollowUpIsListedAndRecordingItRemovesItFromTheList() {
		List<String> cases = importedCases();
		String recordNo = cases.get(0);
		Page page = open(CLERK, "/follow-ups");
		// operated 45 days ago: the 1-month point is overdue, and listed under 已逾期 (the
		// tab shown first)
		Locator row = page.locator("[data-testid=follow-up-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(recordNo));
		Locator other = page.locator("[data-testid=follow-up-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(cases.get(1)));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("术后1个月");
		assertThat(row).containsText(this.today.minusDays(45).plusMonths(1).toString());
		assertThat(other).hasCount(1);

		// the clerk calls the patient: the full number on request, the read audited
		other.getByText("电话").click();
		Locator contact = page.getByTestId("patient-contact");
		assertThat(contact).containsText("（病案号 " + cases.get(1) + "）：");
		assertThat(contact).hasText(Pattern.compile(".*：13[0-9]{9}$"));
		page.locator(".el-message-box").getByText("关闭").click();
		assertThat(Api.as(this.port, "admin")
			.get("/api/audit?entityType=CaseReport&entityId=" + caseId(cases.get(1)))
			.text()).contains("PATIENT_CONTACT_VIEWED");

		row.getByText("登记").click();
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("登记随访"));
		assertThat(dialog).isVisible();
		Locator day = dialog.locator(".el-form-item", new Locator.LocatorOptions().setHasText("随访日期")).locator("input");
		day.fill(this.today.toString());
		day.press("Enter");
		dialog.locator("[data-testid=follow-up-method]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("门诊")).click();
		dialog.locator(".el-radio", new Locator.LocatorOptions().setHasText("存活")).click();
		dialog.getByTestId("follow-up-save").click();

		assertThat(row).hasCount(0);
		assertThat(other).hasCount(1);
		JsonNode points = Api.as(this.port, CLERK).get("/api/follow-ups/by-case/" + caseId(recordNo)).body();
		JsonNode first = points.get(0);
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("method").asString()).isEqualTo("OUTPATIENT");
		assertThat(first.get("performedOn").asString()).isEqualTo(this.today.toString());

		// and the case's page shows its schedule with the point recorded
		Page detail = open(CLERK, "/cases/" + caseId(recordNo));
		Locator section = detail.getByTestId("case-follow-ups");
		assertThat(section.locator(".el-table__body tr").first()).containsText("已随访");
		assertThat(section.locator(".el-table__body tr").first()).containsText("门诊，存活");
		assertThat(section.locator(".el-table__body tr").nth(1)).containsText("未到期");
	}

	@Test
	@Order(3)
	void aDischargeFileShowsItsUnreportedRestrictedProcedureWithDrillDown() {
		LocalDate day = today().minusDays(20);
		String restricted = "DS" + UUID.randomUUID().toString().substring(0, 6);
		String ordinary = restricted + "X";
		String csv = "病案号,住院号,入院日期,出院日期,科室,主要手术操作编码,其他手术操作编码,手术日期,术者,离院方式\n" + restricted + ",ZY1," + day.minusDays(2)
				+ "," + day.plusDays(5) + ",肿瘤介入科,50.2400x001,," + day + ",,1\n" + ordinary + ",ZY2," + day.minusDays(2)
				+ "," + day.plusDays(5) + ",普外科,47.0100,," + day + ",,1\n";
		Page page = open(SONGJIANG_CLERK, "/discharge-records");
		page.getByTestId("discharge-file")
			.setInputFiles(new FilePayload("出院病案首页.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("discharge-upload").click();
		assertThat(page.getByTestId("discharge-result")).containsText("已导入");

		page.navigate(url("/discharge-scan"));
		Locator hospital = page
			.locator("[data-testid=discharge-scan-table] .el-table__body tr",
					new Page.LocatorOptions().setHasText("松江肿瘤医院"))
			.first();
		Locator unreported = hospital.getByTestId("discharge-count-NOT_REPORTED");
		assertThat(unreported).hasText("1");
		assertThat(hospital.getByTestId("discharge-rate")).hasText("0.0%");
		unreported.click();
		Locator drawer = page.locator(".el-drawer", new Page.LocatorOptions().setHasText("未填报病例"));
		assertThat(drawer).isVisible();
		Locator lines = drawer.locator(".el-table__body tr");
		assertThat(lines).hasCount(1);
		assertThat(lines).containsText(restricted);
		assertThat(lines).containsText("50.2400x001");
		assertThat(lines).containsText("G08");
		assertThat(drawer).not().containsText(ordinary);
	}

	@Test
	@Order(4)
	void theProvincialExportOfThePeriodContainsTheCase() throws IOException {
		String id = caseId(importedCases().get(0));
		Page page = open(CLERK, "/case-exports");
		Locator range = page.locator("[data-testid=case-export-panel] .el-range-input");
		range.nth(0).fill(this.today.minusDays(60).toString());
		range.nth(1).fill(this.today.toString());
		range.nth(1).press("Enter");
		assertThat(range.nth(0)).hasValue(this.today.minusDays(60).toString());
		// the picker's panel closes before the buttons below it are clicked
		page.locator("[data-testid=case-export-panel] .el-card__header").click();
		assertThat(page.locator(".el-picker__popper:visible")).hasCount(0);

		Download json = page.waitForDownload(() -> page.getByTestId("case-export-json").click());
		JsonNode document = JSON.readTree(Files.readAllBytes(json.path()));
		assertThat(document.at("/period/from").asString()).isEqualTo(this.today.minusDays(60).toString());
		List<String> ids = new ArrayList<>();
		document.get("cases").forEach(c -> ids.add(c.get("caseId").asString()));
		assertThat(ids).contains(id);
		assertThat(new String(Files.readAllBytes(json.path()), StandardCharsets.UTF_8)).as("no 病案号 in the export")
			.doesNotContain(importedCases().get(0));

		Download xlsx = page.waitForDownload(() -> page.getByTestId("case-export-xlsx").click());
		assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
			Sheet sheet = workbook.getSheet("病例");
			assertThat(sheet).isNotNull();
			int column = -1;
			for (Cell cell : sheet.getRow(0)) {
				if (cell.getStringCellValue().equals("病例ID")) {
					column = cell.getColumnIndex();
				}
			}
			assertThat(column).as("病例ID column").isNotNegative();
			List<String> rows = new ArrayList<>();
			DataFormatter format = new DataFormatter();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					rows.add(format.formatCellValue(row.getCell(column)));
				}
			}
			assertThat(rows).contains(id);
		}
	}

	@Test
	@Order(5)
	void theHospitalAdministratorCreatesAKeyThatTheGateAnswersAndRevokesIt() {
		String name = "HIS 手术申请 " + UUID.randomUUID().toString().substring(0, 4);
		Api admin = Api.as(this.port, ADMIN);
		String institutionId = admin.get("/api/auth/me").body().get("institutionId").asString();
		String physician = admin.get("/api/people?role=PHYSICIAN&institutionId=" + institutionId)
			.body()
			.get(0)
			.get("id")
			.asString();
		String ask = "/api/gate?physician=" + physician + "&technology=G08&date=" + today();

		Page page = open(ADMIN, "/gate/api-keys");
		page.getByTestId("api-key-new").click();
		page.locator("[data-testid=api-key-name] input, input[data-testid=api-key-name]").fill(name);
		page.getByTestId("api-key-create").click();
		Locator secretField = page.locator("[data-testid=api-key-secret] input, input[data-testid=api-key-secret]");
		assertThat(secretField).hasValue(java.util.regex.Pattern.compile("rtms_[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}"));
		String secret = secretField.inputValue();
		page.getByText("我已保存").click();
		Locator row = page.locator("[data-testid=api-key-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("有效");
		// shown once: the list has the prefix only
		assertThat(page.getByTestId("api-key-table")).not().containsText(secret);

		HttpResponse<String> allowed = gate(ask, secret);
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
		assertThat(JSON.readTree(allowed.body()).get("decision").asString()).isIn("ALLOW", "DENY");

		row.getByText("吊销").click();
		page.locator(".el-message-box")
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("吊销"))
			.click();
		assertThat(row).containsText("已吊销");

		HttpResponse<String> refused = gate(ask, secret);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
		assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("API_KEY_INVALID");
	}

	private HttpResponse<String> gate(String path, String secret) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "ApiKey " + secret)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The cases imported by the first test; a test run alone runs that import first.
	 */
	private List<String> importedCases() {
		if (this.imported == null) {
			try {
				importsAFilledTemplateRefusingABadFileThenValidRowsOnlyWithoutDuplicates();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.imported;
	}

	private String caseId(String recordNo) {
		return this.jdbc.queryForObject("select id::text from cases.case_report where medical_record_no = ?",
				String.class, recordNo);
	}

	private int registered() {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from cases.case_report where medical_record_no like ? and status = 'SUBMITTED'",
				Integer.class, this.prefix + "%");
		return n == null ? 0 : n;
	}

	private LocalDate today() {
		if (this.today == null) {
			this.today = serverToday(this.port);
		}
		return this.today;
	}

	/**
	 * Realistic G08 rows of 长春市中心医院 (its physicians as operators) operated 45 days ago;
	 * the last one with text in the ECOG column when {@code bad}.
	 */
	private List<Map<String, Object>> rows(int n, boolean bad) {
		LocalDate day = today();
		String institutionId = Api.as(this.port, CLERK).get("/api/auth/me").body().get("institutionId").asString();
		List<String> staff = CaseDataset.staffNames(this.people.atInstitution(UUID.fromString(institutionId)));
		LocalDate operation = day.minusDays(45);
		List<Map<String, Object>> rows = new ArrayList<>();
		CaseDataset.rows(this.forms, "G08", day, staff, n, this.prefix, 8L).forEachRemaining(generated -> {
			LocalDate was = (LocalDate) generated.get("operationDate");
			Map<String, Object> row = new LinkedHashMap<>();
			generated.forEach((key, value) -> {
				if (value instanceof LocalDate d && !key.equals("patientBirthDate")) {
					// the same distance from the operation as generated
					row.put(key, operation.plusDays(d.toEpochDay() - was.toEpochDay()));
				}
				else if (value instanceof String s && s.contains(was.toString())) {
					row.put(key, s.replace(was.toString(), operation.toString()));
				}
				else {
					row.put(key, value);
				}
			});
			rows.add(row);
		});
		if (bad) {
			rows.get(n - 1).put("ecog", "二级");
		}
		return rows;
	}

	/**
	 * Fills the template's 病例 sheet as a clerk would, finding each key's column through
	 * the 说明 sheet (column letter in A, key in C).
	 */
	static byte[] fill(byte[] template, List<Map<String, Object>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Map<String, Integer> columns = new HashMap<>();
			for (Row row : workbook.getSheet("说明")) {
				Cell letter = row.getCell(0);
				Cell key = row.getCell(2);
				if (letter != null && key != null && row.getRowNum() > 3) {
					columns.put(key.getStringCellValue().replace("fields.", ""),
							columnIndex(letter.getStringCellValue()));
				}
			}
			Sheet sheet = workbook.getSheet("病例");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (Map.Entry<String, Object> value : rows.get(r).entrySet()) {
					Integer index = columns.get(value.getKey());
					if (index == null) {
						throw new AssertionError("template has no column " + value.getKey());
					}
					Cell cell = row.createCell(index);
					switch (value.getValue()) {
						case LocalDate day -> {
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
						case Number number -> cell.setCellValue(number.doubleValue());
						case Boolean bool -> cell.setCellValue(bool ? "是" : "否");
						default -> cell.setCellValue(value.getValue().toString());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** A → 0, Z → 25, AA → 26. */
	static int columnIndex(String letters) {
		int index = 0;
		for (char c : letters.trim().toCharArray()) {
			index = index * 26 + (c - 'A' + 1);
		}
		return index - 1;
	}

	/** A page of the user's browser context, logged in on first use. */
	private Page open(String user, String path) {
		today();
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

	private static void choose(Page page, String testId, String labelStart) {
		page.locator("[data-testid=" + testId + "]").first().click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(labelStart))
			.first()
			.click();
		assertThat(page.locator(".el-select__popper:visible")).hasCount(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
