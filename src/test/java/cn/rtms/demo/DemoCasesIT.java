package cn.rtms.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.cases.followup.FollowUpRecord;
import cn.rtms.cases.followup.FollowUpView;
import cn.rtms.cases.followup.FollowUpPage;
import cn.rtms.cases.followup.FollowUpStatus;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.rules.CaseVolumeRow;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first start of a demo with {@code rtms.demo-data.cases} (docs/demo-data.md, "Demo
 * cases"): four hospitals' prior filings and authorizations, three years of cases of
 * which only the intended ones are flagged, follow-ups done, due and overdue, registry
 * volumes per year, and docs/demo-discharge-records.csv matching the cases. Its own
 * context and database (the demo cases change every registry count).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rtms.demo-data.filings=true", "rtms.demo-data.cases=true" })
class DemoCasesIT {

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	UserManagement users;

	@Autowired
	EligibilityManagement eligibility;

	@Autowired
	DemoCases demoCases;

	UUID institution(String name) {
		return this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(name)
			.query(UUID.class)
			.single();
	}

	int flagged(String code) {
		return this.jdbc
			.sql("select count(*) from cases.case_report where status = 'SUBMITTED' and flags @> cast(? as jsonb)")
			.param("[{\"code\":\"" + code + "\"}]")
			.query(Integer.class)
			.single();
	}

	@Test
	void threeYearsOfCasesOfTheFiledHospitals() {
		int submitted = this.jdbc.sql("select count(*) from cases.case_report where status = 'SUBMITTED'")
			.query(Integer.class)
			.single();
		assertThat(submitted).isBetween(3_000, 4_500);
		assertThat(this.jdbc.sql("select count(*) from cases.case_report where status = 'DRAFT'")
			.query(Integer.class)
			.single()).isEqualTo(3);
		Map<String, Integer> perHospital = new HashMap<>();
		this.jdbc.sql("""
				select i.name, count(*), min(c.operation_date), max(c.operation_date)
				from cases.case_report c join institutions.institution i on i.id = c.institution_id
				where c.status = 'SUBMITTED' group by i.name""").query((rs, n) -> {
			perHospital.put(rs.getString(1), rs.getInt(2));
			assertThat(rs.getDate(3).toLocalDate()).as(rs.getString(1)).isAfter(TODAY.minusYears(3));
			assertThat(rs.getDate(4).toLocalDate()).as(rs.getString(1)).isBefore(TODAY);
			return null;
		}).list();
		assertThat(perHospital).containsOnlyKeys(DemoCases.SONGJIANG, DemoCases.MEIYUAN, DemoCases.YINGCHENG,
				DemoCases.YUHUANG, DemoCases.JIANGCHENG);
		assertThat(perHospital.get(DemoCases.SONGJIANG)).isGreaterThan(3_000);
		assertThat(perHospital.get(DemoCases.MEIYUAN)).isGreaterThan(300);
		assertThat(perHospital.get(DemoCases.YINGCHENG)).isGreaterThan(150);
		assertThat(perHospital.get(DemoCases.YUHUANG)).isGreaterThan(100);
		assertThat(perHospital.get(DemoCases.JIANGCHENG)).isEqualTo(3);

		// every case was imported through the registry's API, with its source
		assertThat(
				this.jdbc.sql("select count(*) from cases.case_report where status = 'SUBMITTED' and source <> 'DEMO'")
					.query(Integer.class)
					.single())
			.isZero();
		// deterministic content: the same seed gives the same 病案号 and patients
		assertThat(this.jdbc.sql("select count(distinct medical_record_no) from cases.case_report")
			.query(Integer.class)
			.single()).isEqualTo(submitted + 3);
		// complications in a few per cent, deaths rare, devices with GS1 barcodes
		int complications = this.jdbc
			.sql("select count(*) from cases.case_report where jsonb_array_length(complications) > 0")
			.query(Integer.class)
			.single();
		assertThat(complications).isBetween(submitted / 100, submitted / 15);
		int deaths = this.jdbc.sql("select count(*) from cases.case_report where death_date is not null")
			.query(Integer.class)
			.single();
		assertThat(deaths).isBetween(1, submitted / 100);
		int devices = this.jdbc.sql("select count(*) from cases.case_device where gtin is not null")
			.query(Integer.class)
			.single();
		assertThat(devices).isBetween(submitted / 4, submitted / 2);
	}

	int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	@Test
	void onlyTheIntendedCasesAreFlagged() {
		// 松江's robotic operations (G10): no G10 filing, no G10 authorization
		int robotic = count("select count(*) from cases.case_report where technology = 'G10'");
		assertThat(robotic).isBetween(30, 80);
		assertThat(count("""
				select count(*) from cases.case_report where technology = 'G10'
				  and flags @> '[{"code":"UNFILED"},{"code":"UNAUTHORIZED"}]'::jsonb""")).isEqualTo(robotic);
		// 江城's three cases: its filing is a draft and 吴国庆 holds no authorization
		assertThat(flagged("UNFILED")).isEqualTo(3 + robotic);
		// 松江's 马丽娜 (three cases and the discharge-record case 0086509) and 江城's three
		assertThat(flagged("UNAUTHORIZED")).isEqualTo(7 + robotic);
		assertThat(flagged("NO_PREOP_PATHOLOGY")).isEqualTo(2);
		assertThat(flagged("DEVICE_EXPIRED")).isEqualTo(2);
		int anyFlag = this.jdbc
			.sql("select count(*) from cases.case_report where status = 'SUBMITTED' and flags <> '[]'::jsonb")
			.query(Integer.class)
			.single();
		assertThat(anyFlag).isEqualTo(3 + 4 + 2 + 2 + robotic);
		assertThat(this.jdbc.sql("""
				select count(*) from cases.case_report c join institutions.institution i on i.id = c.institution_id
				where i.name = '吉林省松江肿瘤医院' and c.medical_record_no = '0086509'
				  and c.flags @> '[{"code":"UNAUTHORIZED"}]'::jsonb""").query(Integer.class).single()).isEqualTo(1);
	}

	/**
	 * The case data the quality-control indicators read is realistic and varies between
	 * hospitals (docs/demo-data.md, "Indicator realism"): every indication criterion of
	 * G08-2023 一（七）注1 fails somewhere, each of the four serious complication types occurs
	 * within 30 days, a hospital's G07 dose verification is at or below 80 %, robotic
	 * operations of several types and durations.
	 */
	@Test
	void indicatorInputsAreRealisticAndVaried() {
		String g08 = "from cases.case_report where status = 'SUBMITTED' and technology = 'G08'";
		int ablations = count("select count(*) " + g08);
		// 注1: each of the four criteria fails in some cases, most cases meet all four
		assertThat(count("select count(*) " + g08 + " and (form_data ->> 'ptaPercent')::numeric <= 50")).isPositive();
		assertThat(count("select count(*) " + g08 + " and (form_data ->> 'organFunctionImpaired')::boolean"))
			.isPositive();
		assertThat(count("select count(*) " + g08 + " and (form_data ->> 'ecog')::int >= 2")).isPositive();
		assertThat(count("select count(*) " + g08 + " and form_data ->> 'asaClass' in ('IV', 'V', 'VI')")).isPositive();
		int indicated = count("select count(*) " + g08 + """
				and (form_data ->> 'ptaPercent')::numeric > 50 and not (form_data ->> 'organFunctionImpaired')::boolean
				and (form_data ->> 'ecog')::int < 2 and form_data ->> 'asaClass' in ('I', 'II', 'III')""");
		assertThat(indicated).isBetween(ablations * 85 / 100, ablations * 99 / 100);
		assertThat(count("select count(*) " + g08
				+ " and form_data -> 'ptaPercent' is not null and form_data -> 'organFunctionImpaired' is not null"))
			.isEqualTo(ablations);
		// and the share differs between hospitals: 英城 fails more often than 松江
		Map<String, Double> offShare = new HashMap<>();
		this.jdbc.sql("""
				select i.name, avg(case when (c.form_data ->> 'ptaPercent')::numeric > 50
				    and not (c.form_data ->> 'organFunctionImpaired')::boolean and (c.form_data ->> 'ecog')::int < 2
				    and c.form_data ->> 'asaClass' in ('I', 'II', 'III') then 0.0 else 1.0 end)
				from cases.case_report c join institutions.institution i on i.id = c.institution_id
				where c.status = 'SUBMITTED' and c.technology = 'G08' group by i.name""")
			.query((rs, n) -> offShare.put(rs.getString(1), rs.getDouble(2)))
			.list();
		assertThat(offShare.get(DemoCases.YINGCHENG)).isGreaterThan(offShare.get(DemoCases.SONGJIANG));
		// lesions: a few not completed
		int incomplete = count("select count(*) " + g08
				+ " and (form_data ->> 'lesionsCompleted')::int < (form_data ->> 'lesionsPlanned')::int");
		assertThat(incomplete).isBetween(1, ablations / 10);
		// 1-month imaging mostly complete ablation
		int imaged = count("select count(*) " + g08 + " and form_data -> 'contrastImaging1m' is not null");
		assertThat(count("select count(*) " + g08 + " and form_data ->> 'contrastImaging1m' = 'COMPLETE'"))
			.isBetween(imaged * 80 / 100, imaged * 97 / 100);
		// each of the four serious complication types of indicator 4 within 30 days
		for (String type : List.of("MAJOR_BLEEDING", "SEVERE_PNEUMOTHORAX", "ADJACENT_ORGAN_INJURY",
				"SEVERE_INFECTION")) {
			assertThat(count("select count(*) " + g08 + """
					and exists (select 1 from jsonb_array_elements(complications) x
					  where x ->> 'type' = '%s' and (x ->> 'serious')::boolean
					    and (x ->> 'onsetDate')::date - operation_date <= 30)""".formatted(type))).as(type)
				.isPositive();
		}
		// some serious only after 30 days, some not serious
		assertThat(count("select count(*) " + g08 + """
				and exists (select 1 from jsonb_array_elements(complications) x
				  where (x ->> 'serious')::boolean and (x ->> 'onsetDate')::date - operation_date > 30)"""))
			.isPositive();
		assertThat(count("select count(*) " + g08
				+ """
						and exists (select 1 from jsonb_array_elements(complications) x where not (x ->> 'serious')::boolean)"""))
			.isPositive();
		// every complication is typed from its form and states its seriousness
		assertThat(count("""
				select count(*) from cases.case_report c, jsonb_array_elements(c.complications) x
				where c.status = 'SUBMITTED' and (x ->> 'type' is null or x ->> 'serious' is null)""")).isZero();
		// deaths within 30 days and an 自动出院 for irreversible disease
		assertThat(count("select count(*) " + g08 + " and death_date - operation_date <= 30")).isPositive();
		assertThat(count("select count(*) " + g08 + " and discharge_status = 'AUTO_DISCHARGE_IRREVERSIBLE'"))
			.isPositive();
		// thyroid: benign and malignant, diameters around 20 mm on both sides of 2 cm
		String thyroid = g08 + " and form_data ->> 'organ' = 'THYROID'";
		assertThat(count("select count(*) " + thyroid + " and form_data ->> 'thyroidPathology' = 'BENIGN'"))
			.isGreaterThan(count("select count(*) " + thyroid + " and form_data ->> 'thyroidPathology' = 'MALIGNANT'"))
			.isGreaterThan(0);
		assertThat(
				count("select count(*) " + thyroid + " and (form_data ->> 'thyroidLargestDiameterMm')::numeric < 20"))
			.isPositive();
		assertThat(
				count("select count(*) " + thyroid + " and (form_data ->> 'thyroidLargestDiameterMm')::numeric >= 20"))
			.isPositive();
		assertThat(this.jdbc.sql("select avg((form_data ->> 'thyroidLargestDiameterMm')::numeric) " + thyroid)
			.query(Double.class)
			.single()).isBetween(15.0, 25.0);
		// G07: dose verification mostly done, but at or below 80 % at 玉皇山 (三(二) requires
		// more than 80 %)
		Double verified = this.jdbc.sql("""
				select avg(case when (c.form_data ->> 'postOpDoseVerification')::boolean then 1.0 else 0.0 end)
				from cases.case_report c join institutions.institution i on i.id = c.institution_id
				where c.status = 'SUBMITTED' and c.technology = 'G07' and i.name = ?""")
			.param(DemoCases.YUHUANG)
			.query(Double.class)
			.single();
		assertThat(verified).isBetween(0.6, 0.8);
		assertThat(count(
				"select count(*) from cases.case_report where technology = 'G07' and form_data -> 'recistResponse' is not null"))
			.isPositive();
		// G10: several procedure types with different operative times
		List<Double> minutes = this.jdbc.sql("""
				select avg((form_data ->> 'operativeTimeMinutes')::int) from cases.case_report
				where technology = 'G10' group by form_data ->> 'procedureType'""").query(Double.class).list();
		assertThat(minutes).hasSizeGreaterThanOrEqualTo(3);
		assertThat(minutes.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
			.isGreaterThan(minutes.stream().mapToDouble(Double::doubleValue).min().orElseThrow() + 30);
		// lengths of stay vary
		assertThat(count("""
				select count(distinct discharge_date - admission_date) from cases.case_report
				where status = 'SUBMITTED' and discharge_date is not null""")).isGreaterThanOrEqualTo(10);
	}

	@Test
	void priorFilingsAndAuthorizationsReachBackBeforeTheFirstCase() {
		JsonNode all = Api.as(this.port, "admin").get("/api/filings").body();
		Map<String, String> states = new HashMap<>();
		for (JsonNode filing : all) {
			states.put(filing.get("institutionName").asString() + " " + filing.get("technology").asString(),
					filing.get("state").asString());
		}
		assertThat(states).containsEntry("吉林省松江肿瘤医院 G08", "ACTIVE")
			.containsEntry("梅河口市梅源医院 G08", "ACTIVE")
			.containsEntry("四平市英城医院 G08", "ACTIVE")
			.containsEntry("通化市玉皇山医院 G07", "ACTIVE")
			.containsEntry("吉林省松江肿瘤医院 G07", "UNDER_EXPERT_REVIEW")
			.containsEntry("长春市中心医院 G08", "RETURNED_FOR_SUPPLEMENT")
			.containsEntry("吉林市江城医院 G08", "DRAFT");
		List<LocalDate> grantedFrom = this.jdbc
			.sql("select valid_from from authorizations.physician_authorization where status = 'GRANTED'")
			.query(LocalDate.class)
			.list();
		assertThat(grantedFrom).hasSize(9).allSatisfy(d -> assertThat(d).isBefore(TODAY.minusYears(3)));
	}

	@Test
	void followUpsAreDoneDueAndOverdue() {
		FollowUpPage page = this.identity.asSystem(() -> this.followUps.list(FollowUpStatus.DUE, null, 0, 1));
		assertThat(page.due()).isPositive();
		assertThat(page.overdue()).isPositive();
		// a clerk keeps up: a few weeks' backlog, not years of open points
		assertThat(page.done()).isGreaterThan(15 * page.overdue());
		assertThat(this.jdbc.sql("select count(*) from cases.follow_up where vital_status = 'LOST'")
			.query(Integer.class)
			.single()).isPositive();
		// recorded in one batch, audited once with the count; only the system may do that
		assertThat(this.jdbc
			.sql("select count(*) from audit.entry where action = 'FOLLOW_UPS_RECORDED'"
					+ " and (after_state::jsonb ->> 'recorded')::int = ?")
			.param(page.done())
			.query(Integer.class)
			.single()).isEqualTo(1);
		FollowUpView open = this.identity.asSystem(() -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 1))
			.items()
			.get(0);
		assertThatThrownBy(() -> this.users.actingAs("songjiang-clerk",
				() -> this.followUps.recordAll(Map.of(open.id(),
						new FollowUpRecord(open.version(), TODAY, "PHONE", "ALIVE", null, null, null)))))
			.isInstanceOf(AccessDenied.class);
	}

	@Test
	void theRegistryGivesSongjiangsYearlyVolumes() {
		UUID songjiang = institution(DemoCases.SONGJIANG);
		List<CaseVolumeRow> rows = this.identity.asSystem(() -> this.eligibility.institutionCaseVolumes(songjiang));
		Map<Integer, Integer> registryByYear = new HashMap<>();
		int lastTwelveMonths = 0;
		for (CaseVolumeRow row : rows) {
			if (row.technology().equals("G08") && row.subTechnique() == null
					&& row.source() == CaseVolumeRow.Source.REGISTRY) {
				registryByYear.merge(row.year(), row.cases(), Integer::sum);
				LocalDate month = LocalDate.of(row.year(), (row.month() == null) ? 1 : row.month(), 1);
				if (row.month() != null && month.isAfter(TODAY.minusYears(1).withDayOfMonth(1))) {
					lastTwelveMonths += row.cases();
				}
			}
		}
		assertThat(registryByYear).containsKeys(TODAY.getYear() - 1, TODAY.getYear());
		assertThat(registryByYear.get(TODAY.getYear() - 1)).isBetween(800, 1_600);
		// the training base's "申报前一年内 ≥ 1400" still holds on the registry's figures
		assertThat(lastTwelveMonths).isGreaterThanOrEqualTo(1_400);
	}

	@Test
	void theDemoDischargeFileMatchesTheDemoCases() throws IOException {
		byte[] demo = Files.readAllBytes(Path.of("docs/demo-discharge-records.csv"));
		Api clerk = Api.as(this.port, "songjiang-clerk");
		Response uploaded = upload(clerk, "demo-discharge-records.csv", demo);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		UUID songjiang = institution(DemoCases.SONGJIANG);
		Map<String, List<String>> lines = new HashMap<>();
		for (String category : List.of("REPORTED", "NOT_REPORTED", "UNAUTHORIZED", "UNFILED")) {
			Response response = clerk.get("/api/discharge-scan/items?institutionId=" + songjiang
					+ "&from=2026-09-01&to=" + TODAY + "&size=500&category=" + category);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			for (JsonNode item : response.body().get("items")) {
				JsonNode technology = item.get("technology");
				lines.computeIfAbsent(category, k -> new ArrayList<>())
					.add(item.get("medicalRecordNo").asString() + " "
							+ ((technology == null || technology.isNull()) ? "-" : technology.asString()));
			}
		}
		assertThat(lines.get("REPORTED")).containsExactlyInAnyOrder("0086501 G08", "0086503 G08", "0086505 G08",
				"0086509 G08", "0086516 G08", "0086517 G08", "0086518 G08");
		assertThat(lines.get("NOT_REPORTED")).contains("0086512 G08", "0086519 G08", "0086523 G08");
		assertThat(lines.get("UNAUTHORIZED")).contains("0086509 G08").doesNotContain("0086501 G08", "0086503 G08");
		assertThat(lines.get("UNFILED")).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("G10"));
	}

	@Test
	void aSecondStartAddsNothing() {
		int before = this.jdbc.sql("select count(*) from cases.case_report").query(Integer.class).single();
		this.demoCases.run(null);
		assertThat(this.jdbc.sql("select count(*) from cases.case_report").query(Integer.class).single())
			.isEqualTo(before);
	}

	Response upload(Api api, String fileName, byte[] content) {
		return api.upload("/api/discharge-records", fileName, content);
	}

}
