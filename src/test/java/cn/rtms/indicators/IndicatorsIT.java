package cn.rtms.indicators;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator engine on the embedded PostgreSQL with hand-built case sets (issue 10,
 * done-when). Each expected numerator and denominator is worked out here from the
 * definition text, case by case, in the comments: strict versus inclusive boundaries,
 * counting units (cases, lesions, patients, discharges), who enters a denominator, which
 * period a case belongs to, length of stay in days; then grouping and the session's
 * scope. The clock is pinned to 2026-11-22 (as-of day for follow-up horizons). Own
 * context and database: the cases inserted here would change other tests' counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=IndicatorsIT")
class IndicatorsIT {

	static final LocalDate AS_OF = TestClock.today();

	static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	static final LocalDate TO = LocalDate.of(2025, 12, 31);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	IndicatorManagement indicators;

	final JsonMapper json = JsonMapper.builder().build();

	UUID a;

	UUID b;

	UUID c;

	UUID wang;

	UUID operatorX = UUID.randomUUID();

	UUID operatorZ = UUID.randomUUID();

	@BeforeEach
	void fixture() {
		this.a = institution("吉林省松江肿瘤医院");
		this.b = institution("长春市中心医院");
		this.c = institution("吉林市江城医院");
		this.wang = this.jdbc.sql("select id from personnel.person where name = '王淑华'").query(UUID.class).single();
		if (this.jdbc.sql("select count(*) from cases.case_report").query(Integer.class).single() > 0) {
			this.operatorX = this.jdbc.sql("select operator_id from cases.case_report where medical_record_no = 'A01'")
				.query(UUID.class)
				.single();
			this.operatorZ = this.jdbc.sql("select operator_id from cases.case_report where medical_record_no = 'B2'")
				.query(UUID.class)
				.single();
			return;
		}
		// ---- institution A (松江, 长春市), operator X, 2025-Q1: ten G08 cases --------------
		// c01 and c03: the same patient P1, one stay Z1 (admitted 01-05, discharged
		// 01-10)
		g08(this.a, this.operatorX, "A01", "P1", "Z1", d("2025-01-05"), d("2025-01-06"), d("2025-01-10"),
				form().lesions(3, 2), null, null, List.of());
		g08(this.a, this.operatorX, "A03", "P1", "Z1", d("2025-01-05"), d("2025-01-08"), d("2025-01-10"),
				form().pta(50.1), d("2025-01-18"), null, List.of());
		// c02: PTA exactly 50 (not > 50); serious bleeding on day 30; same-day stay
		g08(this.a, this.operatorX, "A02", "P2", "Z2", d("2025-01-20"), d("2025-01-20"), d("2025-01-20"),
				form().pta(50), null, null, List.of(complication("MAJOR_BLEEDING", true, "2025-02-19")));
		// c04: ECOG 2 (not < 2); a non-serious bleeding; one of two lesions completed
		g08(this.a, this.operatorX, "A04", "P4", "Z4", d("2025-02-01"), d("2025-02-02"), d("2025-02-05"),
				form().ecog(2).lesions(2, 1), null, null, List.of(complication("MAJOR_BLEEDING", false, "2025-02-03")));
		// c05: ASA III (in); serious infection on day 31 (out)
		g08(this.a, this.operatorX, "A05", "P5", "Z5", d("2025-02-09"), d("2025-02-10"), d("2025-02-12"),
				form().asa("III"), null, null, List.of(complication("SEVERE_INFECTION", true, "2025-03-13")));
		// c06: ASA IV (out); serious pneumothorax without onset date (counted within 30
		// days)
		g08(this.a, this.operatorX, "A06", "P6", "Z6", d("2025-02-14"), d("2025-02-15"), d("2025-02-20"),
				form().asa("IV"), null, null, List.of(complication("SEVERE_PNEUMOTHORAX", true, null)));
		// c07: organ dysfunction (out); residual tumour at 1 month; died on day 30 (in)
		g08(this.a, this.operatorX, "A07", "P7", "Z7", d("2025-02-28"), d("2025-03-01"), d("2025-03-05"),
				form().set("organFunctionImpaired", true).set("contrastImaging1m", "RESIDUAL"), d("2025-03-31"), null,
				List.of());
		// c08: liver Child-Pugh C (out); imaging not done; died on day 31 (out)
		g08(this.a, this.operatorX, "A08", "P8", "Z8", d("2025-03-04"), d("2025-03-05"), d("2025-03-08"),
				form().set("organ", "LIVER").set("childPugh", "C").set("contrastImaging1m", "NOT_DONE"),
				d("2025-04-05"), null, List.of());
		// c09: liver Child-Pugh B (in); auto-discharge, irreversible disease (counts as
		// death)
		g08(this.a, this.operatorX, "A09", "P9", "Z9", d("2025-03-09"), d("2025-03-10"), d("2025-03-12"),
				form().set("organ", "LIVER").set("childPugh", "B"), null, "AUTO_DISCHARGE_IRREVERSIBLE", List.of());
		// c10: PTA missing (out, still in the denominator); no imaging; operated 03-31
		// (Q1), discharged 04-02 (Q2)
		g08(this.a, this.operatorX, "A10", "P10", "Z10", d("2025-03-30"), d("2025-03-31"), d("2025-04-02"),
				form().remove("ptaPercent").remove("contrastImaging1m"), null, null, List.of());
		followUp("A01", "P6M", d("2025-07-06"), "ALIVE", null);
		followUp("A02", "P6M", d("2025-07-20"), "ALIVE", null);
		followUp("A04", "P6M", null, null, null);
		followUp("A03", "P1Y", d("2026-01-08"), "ALIVE", null);
		followUp("A10", "P1Y", d("2026-03-31"), "DEAD", d("2025-05-10")); // died on day
																			// 40: not
																			// within 30
																			// days
		// ---- institution A, operator Y, 2025-Q2: thyroid
		// -------------------------------------
		UUID operatorY = UUID.randomUUID();
		g08(this.a, operatorY, "T1", "T1", "T1", d("2025-04-10"), d("2025-04-10"), d("2025-04-10"),
				form().thyroid("BENIGN", 19.9), null, null, List.of());
		g08(this.a, operatorY, "T2", "T2", "T2", d("2025-04-11"), d("2025-04-11"), d("2025-04-11"),
				form().thyroid("BENIGN", 20), null, null, List.of());
		g08(this.a, operatorY, "T3", "T3", "T3", d("2025-04-12"), d("2025-04-12"), d("2025-04-12"),
				form().thyroid("MALIGNANT", 15), null, null, List.of());
		g08(this.a, operatorY, "T4", "T4", "T4", d("2025-04-13"), d("2025-04-13"), d("2025-04-13"),
				form().thyroid("BENIGN", null), null, null, List.of());
		// ---- institution A, 2025-Q4: the 1-year horizon reached on the as-of day or not
		// -------
		g08(this.a, operatorY, "H1", "H1", "H1", d("2025-11-22"), d("2025-11-22"), d("2025-11-22"), form(), null, null,
				List.of());
		g08(this.a, operatorY, "H2", "H2", "H2", d("2025-11-23"), d("2025-11-23"), d("2025-11-23"), form(), null, null,
				List.of());
		followUp("H1", "P1Y", d("2026-11-20"), "ALIVE", null);
		// ---- institution B (长春市中心医院): 王淑华 and operator Z, 2025-Q1 -------------------
		g08(this.b, this.wang, "B1", "PB1", "B1", d("2025-02-01"), d("2025-02-01"), d("2025-02-02"), form(), null, null,
				List.of());
		g08(this.b, this.operatorZ, "B2", "PB2", "B2", d("2025-02-03"), d("2025-02-03"), d("2025-02-04"),
				form().asa("IV"), null, null, List.of());
		// ---- institution C (吉林市江城医院), outside 长春市 ----------------------------------
		g08(this.c, UUID.randomUUID(), "C1", "PC1", "C1", d("2025-02-05"), d("2025-02-05"), d("2025-02-06"), form(),
				null, null, List.of());
		// ---- G07 at A: dose verification 4 of 5 in Q1 (exactly 80 %: not > 80), 5 of 6
		// over the year
		for (int i = 1; i <= 6; i++) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("tpsPlanDone", i != 2);
			data.put("postOpDoseVerification", i != 5);
			if (i <= 4) {
				data.put("recistResponse", List.of("CR", "PR", "SD", "PD").get(i - 1));
			}
			LocalDate op = (i <= 5) ? d("2025-03-0" + i) : d("2025-05-01");
			insert(this.a, this.operatorX, "G07", "G07-2022", "S" + i, "S" + i, "S" + i, op, op, op, data, null, null,
					List.of());
		}
		// ---- G10 at A: operative time per procedure type; major complications; LOS
		// -----------
		insert(this.a, this.operatorX, "G10", "G10-2023", "R1", "R1", "R1", d("2025-03-01"), d("2025-03-02"),
				d("2025-03-08"),
				Map.of("procedureType", "机器人辅助前列腺癌根治术", "operativeTimeMinutes", 120, "majorComplicationType", "NONE"),
				null, null, List.of());
		insert(this.a, this.operatorX, "G10", "G10-2023", "R2", "R2", "R2", d("2025-03-03"), d("2025-03-04"),
				d("2025-03-10"), Map.of("procedureType", "机器人辅助前列腺癌根治术", "operativeTimeMinutes", 180,
						"majorComplicationType", "BLEEDING"),
				null, null, List.of());
		insert(this.a, this.operatorX, "G10", "G10-2023", "R3", "R3", "R3", d("2025-03-05"), d("2025-03-06"),
				d("2025-03-07"), Map.of("procedureType", "机器人辅助肾部分切除术", "operativeTimeMinutes", 200), null, null,
				List.of());
		// ---- discharge scan at A, Q1: A01 on 01-07 (case operated 01-06: within 3 days,
		// reported), X9 (no case),
		// A05 on 02-14 (case operated 02-10: 4 days apart, not reported)
		UUID batch = UUID.randomUUID();
		Timestamp now = Timestamp.from(TestClock.pinned().toInstant());
		this.jdbc
			.sql("""
					insert into cases.discharge_batch (id, institution_id, file_name, sha256, format, row_count, inserted_count,
					  duplicate_count, restricted_count, uploaded_at, uploaded_by)
					values (?, ?, 'scan.csv', ?, 'CSV', 3, 3, 0, 3, ?, ?)
					""")
			.params(batch, this.a, "0".repeat(64), now, UUID.randomUUID())
			.update();
		procedure(batch, "A01", d("2025-01-07"));
		procedure(batch, "X9", d("2025-02-01"));
		procedure(batch, "A05", d("2025-02-14"));
		// ---- a paper approval of A's G08 filing, in force from 2025-06-01
		Map<String, Object> prior = new LinkedHashMap<>();
		prior.put("institutionId", this.a.toString());
		prior.put("technology", "G08");
		prior.put("approvedOn", "2025-06-01");
		prior.put("documentNo", "吉卫医备〔2025〕8号");
		Response registered = Api.as(this.port, "province").post("/api/filings/prior", prior);
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
	}

	// ------------------------------------------------------------------ G08

	@Test
	void indicationCountsOnlyCasesMeetingAllFourCriteriaWithStrictBoundaries() {
		// Q1 at A: c01 (all met), c03 (PTA 50.1), c05 (ASA III), c09 (liver, Child-Pugh
		// B) = 4;
		// out: c02 PTA 50, c04 ECOG 2, c06 ASA IV, c07 organ dysfunction, c08 Child-Pugh
		// C, c10 PTA missing
		// denominator: all ten cases of Q1
		assertCell(g08ByInstitution(), "G08.INDICATION", this.a, "2025-Q1", 4, 10);
		// Q2 at A: the four thyroid cases and nothing else (operation date in Q2), all
		// criteria met
		assertCell(g08ByInstitution(), "G08.INDICATION", this.a, "2025-Q2", 4, 4);
	}

	@Test
	void completionCountsLesionsNotCases() {
		// planned: c01 3 + nine cases × 2 = 21; completed: c01 2 + c04 1 + eight × 2 = 19
		assertCell(g08ByInstitution(), "G08.COMPLETION", this.a, "2025-Q1", 19, 21);
	}

	@Test
	void localControlIsCompleteAblationOnOneMonthImaging() {
		// COMPLETE: c01–c06, c09 = 7; c07 residual, c08 not done, c10 missing
		assertCell(g08ByInstitution(), "G08.LOCAL_CONTROL", this.a, "2025-Q1", 7, 10);
	}

	@Test
	void seriousComplicationsWithinThirtyDaysAndTheirFourSubRates() {
		List<IndicatorCell> cells = g08ByInstitution();
		// c02 serious bleeding on day 30 (in), c06 serious pneumothorax without date
		// (in);
		// c04 bleeding not serious, c05 infection on day 31: out
		assertCell(cells, "G08.SERIOUS_COMPLICATION_30D", this.a, "2025-Q1", 2, 10);
		assertCell(cells, "G08.MAJOR_BLEEDING_30D", this.a, "2025-Q1", 1, 10);
		assertCell(cells, "G08.SEVERE_PNEUMOTHORAX_30D", this.a, "2025-Q1", 1, 10);
		assertCell(cells, "G08.SEVERE_INFECTION_30D", this.a, "2025-Q1", 0, 10);
		assertCell(cells, "G08.ADJACENT_ORGAN_INJURY_30D", this.a, "2025-Q1", 0, 10);
	}

	@Test
	void mortalityCountsPatientsOnceIncludingIrreversibleAutoDischarge() {
		// patients in Q1: P1 (c01 and c03), P2, P4–P10 = 9; died: P1 (c03 on day 10), P7
		// (day 30),
		// P9 (auto-discharge, irreversible) = 3; P8 on day 31 and P10 (follow-up death on
		// day 40) are out
		assertCell(g08ByInstitution(), "G08.MORTALITY_30D", this.a, "2025-Q1", 3, 9);
	}

	@Test
	void followUpRatesCountOnlyCasesWhoseHorizonHasArrived() {
		List<IndicatorCell> cells = g08ByInstitution();
		// 6 months: every Q1 case reached it by 2026-11-22; performed: c01, c02 (c04's is
		// still open)
		assertCell(cells, "G08.FOLLOW_UP_6M", this.a, "2025-Q1", 2, 10);
		// 1 year: reached by all of Q1; performed: c03 and c10 (found dead at the
		// follow-up)
		assertCell(cells, "G08.FOLLOW_UP_1Y", this.a, "2025-Q1", 2, 10);
		// 2 years: nobody operated in 2025 has reached it: no denominator, no value
		IndicatorCell twoYears = cell(cells, "G08.FOLLOW_UP_2Y", this.a, "2025-Q1");
		assertThat(twoYears.denominator()).isEqualByComparingTo("0");
		assertThat(twoYears.value()).isNull();
		// Q4: H1 operated 2025-11-22 reaches 1 year on the as-of day (in), H2 (11-23)
		// does not
		assertCell(cells, "G08.FOLLOW_UP_1Y", this.a, "2025-Q4", 1, 1);
		assertCell(cells, "G08.FOLLOW_UP_6M", this.a, "2025-Q4", 0, 2);
	}

	@Test
	void averageLengthOfStayIsInDaysByDischargeDateEachStayOnce() {
		List<IndicatorCell> cells = g08ByInstitution();
		// discharged in Q1: stay Z1 (c01+c03, 01-05..01-10) 5, c02 same day 1, c04 4, c05
		// 3, c06 6,
		// c07 (02-28..03-05) 5, c08 4, c09 3 = 31 bed days over 8 discharges (c10 is
		// discharged in Q2)
		IndicatorCell q1 = assertCell(cells, "G08.AVERAGE_LOS", this.a, "2025-Q1", 31, 8);
		assertThat(q1.value()).isEqualByComparingTo("3.88"); // days, not %
		// Q2: c10 (operated in Q1, 03-30..04-02) 3 + four same-day thyroid stays 1 each =
		// 7 over 5
		assertCell(cells, "G08.AVERAGE_LOS", this.a, "2025-Q2", 7, 5);
	}

	/**
	 * Found by a review of the definitions against 一（七）: an irreversible auto-discharge
	 * on day 35 counted as a 30-day death and an in-hospital death without a death date
	 * did not; a 失访 follow-up counted as completed; a stay with cases by two operators
	 * gave the second operator a discharge without its bed days; a robotic case whose
	 * serious complication was only in the complication list counted as none. All in
	 * 2024, rolled back.
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void deathsFollowUpsStaysAndRoboticComplicationsCountAsTheTextDefinesThem() {
		UUID surgeon = UUID.randomUUID();
		g08(this.a, surgeon, "M1", "PM1", "M1", d("2024-03-01"), d("2024-03-01"), d("2024-04-05"), form(), null,
				"AUTO_DISCHARGE_IRREVERSIBLE", List.of());
		g08(this.a, surgeon, "M2", "PM2", "M2", d("2024-05-02"), d("2024-05-02"), d("2024-05-10"), form(), null,
				"DEATH", List.of());
		g08(this.a, surgeon, "M3", "PM3", "M3", d("2024-03-03"), d("2024-03-03"), d("2024-03-05"), form(), null, null,
				List.of());
		g08(this.a, surgeon, "M4", "PM4", "M4", d("2024-03-04"), d("2024-03-04"), d("2024-03-06"), form(), null, null,
				List.of());
		followUp("M3", "P6M", d("2024-09-03"), "LOST", null);
		followUp("M4", "P6M", d("2024-09-04"), "ALIVE", null);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		g08(this.a, first, "Q1", "PQ", "ZQ", d("2024-06-01"), d("2024-06-02"), d("2024-06-08"), form(), null, null,
				List.of());
		g08(this.a, second, "Q2", "PQ", "ZQ", d("2024-06-01"), d("2024-06-04"), d("2024-06-08"), form(), null, null,
				List.of());
		insert(this.a, surgeon, "G10", "G10-2023", "R9", "R9", "R9", d("2024-05-01"), d("2024-05-02"), d("2024-05-09"),
				Map.of("procedureType", "机器人辅助肾部分切除术", "operativeTimeMinutes", 150), null, null,
				List.of(complication("BLEEDING", true, "2024-05-03")));
		LocalDate from = d("2024-01-01");
		LocalDate to = d("2024-12-31");
		List<IndicatorCell> byInstitution = this.indicators
			.computeUnscoped(
					new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.YEAR, from, to, null, null, null))
			.cells();
		List<IndicatorCell> byQuarter = this.indicators
			.computeUnscoped(new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER, from, to, null,
					null, null))
			.cells();
		// Q1: PM1 (auto-discharge on day 35), PM3, PM4: no 30-day death
		assertCell(byQuarter, "G08.MORTALITY_30D", this.a, "2024-Q1", 0, 3);
		// Q2: PM2 (died in hospital, discharged on day 8, no death date), PQ
		assertCell(byQuarter, "G08.MORTALITY_30D", this.a, "2024-Q2", 1, 2);
		assertCell(byInstitution, "G08.FOLLOW_UP_6M", this.a, "2024", 1, 6);
		List<IndicatorCell> byOperator = this.indicators
			.computeUnscoped(
					new IndicatorQuery("G08-2023", Grouping.OPERATOR, PeriodUnit.YEAR, from, to, null, null, null))
			.cells();
		assertCell(byOperator, "G08.AVERAGE_LOS", first, "2024", 7, 1);
		assertThat(byOperator)
			.filteredOn(c -> c.indicatorCode().equals("G08.AVERAGE_LOS") && c.groupKey().equals(second.toString())
					&& c.stratum() == null)
			.as("the stay's later case gives its operator no discharge without bed days")
			.allSatisfy(c -> assertThat(c.denominator()).isEqualByComparingTo("0"));
		List<IndicatorCell> robotic = this.indicators
			.computeUnscoped(
					new IndicatorQuery("G10-2023", Grouping.INSTITUTION, PeriodUnit.YEAR, from, to, null, null, null))
			.cells();
		assertCell(robotic, "G10.MAJOR_COMPLICATION", this.a, "2024", 1, 1);
	}

	/**
	 * The view's stay_bed_days by case number, for one discharge day of institution A.
	 */
	Map<String, Boolean> stayFirsts(LocalDate discharge) {
		Map<String, Boolean> firsts = new java.util.TreeMap<>();
		this.jdbc
			.sql("select medical_record_no, stay_bed_days is not null from cases.indicator_case "
					+ "where institution_id = ? and discharge_date = ?")
			.params(this.a, discharge)
			.query(rs -> {
				firsts.put(rs.getString(1), rs.getBoolean(2));
			});
		return firsts;
	}

	/**
	 * 梅河口市 220581 carries 通化市's code prefix (2205) but reports to the province: 通化's
	 * indicators leave its hospital out, 梅河口's include it, and a grouping by city shows
	 * it as a city of its own (before, the prefix put it under 通化).
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void aUnitDirectlyUnderTheProvinceIsNotPartOfTheCityWhosePrefixItCarries() {
		UUID meiyuan = institution("梅河口市梅源医院");
		assertThat(this.jdbc.sql("select region_code from institutions.institution where id = ?")
			.param(meiyuan)
			.query(String.class)
			.single()).isEqualTo("220581");
		g08(meiyuan, this.operatorX, "MH-1", "PM", "ZM", d("2025-02-01"), d("2025-02-02"), d("2025-02-05"), form(),
				null, null, List.of());
		List<IndicatorCell> tonghua = this.indicators
			.computeUnscoped(new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.YEAR, FROM, TO, null,
					"220500", null))
			.cells();
		assertThat(tonghua).extracting(IndicatorCell::groupKey).doesNotContain(meiyuan.toString());
		List<IndicatorCell> meihekou = this.indicators
			.computeUnscoped(new IndicatorQuery("G08-2023", Grouping.INSTITUTION, PeriodUnit.YEAR, FROM, TO, null,
					"220581", null))
			.cells();
		assertThat(meihekou).extracting(IndicatorCell::groupKey).contains(meiyuan.toString());
		List<IndicatorCell> byCity = compute("G08-2023", Grouping.CITY, PeriodUnit.YEAR);
		assertThat(byCity).extracting(IndicatorCell::groupKey).contains("220581", "220100").doesNotContain("220500");
		assertThat(byCity).filteredOn(c -> c.groupKey().equals("220581"))
			.first()
			.satisfies(c -> assertThat(c.groupName()).isEqualTo("梅河口市"));
	}

	@Test
	@org.springframework.transaction.annotation.Transactional
	void theFirstCaseOfAStayFollowsInsertsAmendmentsAndDeletes() {
		LocalDate discharge = d("2024-06-10");
		g08(this.a, this.operatorX, "S-X", "PS", "ZS", d("2024-06-01"), d("2024-06-05"), discharge, form(), null, null,
				List.of());
		assertThat(stayFirsts(discharge)).containsExactly(Map.entry("S-X", true));
		g08(this.a, this.operatorX, "S-Y", "PS", "ZS", d("2024-06-01"), d("2024-06-03"), discharge, form(), null, null,
				List.of());
		assertThat(stayFirsts(discharge)).as("an earlier operation in the same stay becomes its first case")
			.containsExactly(Map.entry("S-X", false), Map.entry("S-Y", true));
		this.jdbc.sql("update cases.case_report set inpatient_no = 'ZT' where medical_record_no = 'S-Y'").update();
		assertThat(stayFirsts(discharge)).as("moved to another stay: each is the first of its own")
			.containsExactly(Map.entry("S-X", true), Map.entry("S-Y", true));
		this.jdbc
			.sql("update cases.case_report set inpatient_no = 'ZS', operation_date = ? where medical_record_no = 'S-Y'")
			.param(d("2024-06-07"))
			.update();
		assertThat(stayFirsts(discharge)).as("back, and now operated later")
			.containsExactly(Map.entry("S-X", true), Map.entry("S-Y", false));
		this.jdbc.sql("delete from cases.case_report where medical_record_no = 'S-X'").update();
		assertThat(stayFirsts(discharge)).containsExactly(Map.entry("S-Y", true));
	}

	/**
	 * The renumbering looks up only the stays a statement changed, through their index,
	 * however large the registry grew since the connection first ran it: a cached plan
	 * that scanned every case made an import of a million rows ten times slower at its
	 * end than at its start.
	 */
	@Test
	void theFirstCaseOfAStayIsFoundThroughItsIndexNotByReadingTheRegistry() {
		new org.springframework.transaction.support.TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			LocalDate discharge = d("2024-07-10");
			g08(this.a, this.operatorX, "L-0", "PL", "ZL-0", d("2024-07-01"), d("2024-07-05"), discharge, form(), null,
					null, List.of());
			this.jdbc
				.sql("create temp table stay_template on commit drop as "
						+ "select * from cases.case_report where medical_record_no = 'L-0'")
				.update();
			// the connection plans the renumbering while the registry holds a few
			// thousand
			// cases and its statistics say so (as after the demo data); a generic plan,
			// as
			// PostgreSQL keeps for a function's statements after a few calls
			cloneStays("F-", 4_000, 1);
			this.jdbc.sql("analyze cases.case_report").update();
			this.jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			for (int i = 1; i <= 3; i++) {
				cloneStays("S" + i + "-", 1, 1);
			}
			// …then the registry grows within the transaction, as in a long import
			cloneStays("G-", 30_000, 1);
			long before = caseReportSeqScans();
			// 300 new stays, and 100 second cases (operated a day earlier) in stays of
			// the
			// growth above
			cloneStays("N-", 300, 1);
			cloneStays("G-", 100, 0);
			assertThat(caseReportSeqScans() - before).as("sequential scans of cases.case_report").isZero();
			assertThat(this.jdbc.sql("""
					select count(*) filter (where first_of_stay), count(*) filter (where not first_of_stay)
					from cases.case_report where medical_record_no like 'G-%' and inpatient_no <= 'ZG-000100'""")
				.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
				.single()).as("each of the 100 stays: its earlier operation first, the earlier-inserted case not")
				.containsExactly(100L, 100L);
			assertThat(this.jdbc
				.sql("select count(*) from cases.case_report where medical_record_no like 'N-%' and first_of_stay")
				.query(Long.class)
				.single()).isEqualTo(300L);
			tx.setRollbackOnly();
		});
	}

	/**
	 * Inserts {@code count} copies of the template case in one statement, each in stay
	 * {@code ZG-000001…} (by the prefix), operated {@code dayOffset} days after
	 * 2024-07-01 (1: the template's day).
	 */
	private void cloneStays(String prefix, int count, int dayOffset) {
		this.jdbc
			.sql("""
					insert into cases.case_report (id, version, institution_id, institution_region_code, technology, form_key,
					    status, medical_record_no, inpatient_no, patient_pseudonym, sub_technique, route, procedure_codes,
					    admission_date, operation_date, discharge_date, department, operator_id, form_data, source,
					    created_at, created_by, updated_at, submitted_at, submitted_by)
					select gen_random_uuid(), 0, t.institution_id, t.institution_region_code, t.technology, t.form_key,
					    t.status, ? || lpad(g::text, 6, '0') || '-' || ?, 'Z' || ? || lpad(g::text, 6, '0'),
					    t.patient_pseudonym, t.sub_technique, t.route, t.procedure_codes, t.admission_date,
					    t.admission_date + ?, t.discharge_date, t.department, t.operator_id, t.form_data, t.source,
					    t.created_at, t.created_by, t.updated_at, t.submitted_at, t.submitted_by
					from stay_template t, generate_series(1, ?) g""")
			.params(prefix, dayOffset, prefix, dayOffset, count)
			.update();
	}

	private long caseReportSeqScans() {
		return this.jdbc
			.sql("select seq_scan from pg_stat_xact_user_tables where relid = 'cases.case_report'::regclass")
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Test
	void thyroidSharesWithStrictTwoCentimetres() {
		List<IndicatorCell> cells = g08ByInstitution();
		// benign: T1, T2, T4 of T1–T4 (T3 malignant)
		assertCell(cells, "G08.THYROID_BENIGN_SHARE", this.a, "2025-Q2", 3, 4);
		// < 20 mm: T1 (19.9); T2 exactly 20 mm is not < 2 cm; T4 without diameter is not
		// counted
		assertCell(cells, "G08.THYROID_SMALL_BENIGN_SHARE", this.a, "2025-Q2", 1, 3);
	}

	@Test
	void groupsByOperatorAndOverAll() {
		List<IndicatorCell> byOperator = compute("G08-2023", Grouping.OPERATOR, PeriodUnit.QUARTER);
		assertCell(byOperator, "G08.INDICATION", this.operatorX, "2025-Q1", 4, 10);
		assertCell(byOperator, "G08.INDICATION", this.wang, "2025-Q1", 1, 1);
		assertCell(byOperator, "G08.INDICATION", this.operatorZ, "2025-Q1", 0, 1);
		assertThat(cell(byOperator, "G08.INDICATION", this.wang, "2025-Q1").groupName()).isEqualTo("王淑华");
		// all institutions: A 4/10 + B 1/2 + C 1/1
		List<IndicatorCell> all = compute("G08-2023", Grouping.NONE, PeriodUnit.QUARTER);
		IndicatorCell total = all.stream()
			.filter(x -> x.indicatorCode().equals("G08.INDICATION") && x.period().equals("2025-Q1"))
			.findFirst()
			.orElseThrow();
		assertThat(total.numerator()).isEqualByComparingTo("6");
		assertThat(total.denominator()).isEqualByComparingTo("13");
		// year: Q1 + Q2 + Q4 at A = 10 + 4 + 2 cases
		List<IndicatorCell> year = compute("G08-2023", Grouping.INSTITUTION, PeriodUnit.YEAR);
		assertCell(year, "G08.INDICATION", this.a, "2025", 10, 16);
	}

	// ------------------------------------------------------------------ G07, G10

	@Test
	void doseVerificationThresholdIsStrictlyAboveEightyPercent() {
		List<IndicatorCell> q = compute("G07-2022", Grouping.INSTITUTION, PeriodUnit.QUARTER);
		IndicatorCell q1 = assertCell(q, "G07.DOSE_VERIFICATION", this.a, "2025-Q1", 4, 5);
		assertThat(q1.value()).isEqualByComparingTo("80.00");
		assertThat(q1.meetsThreshold()).isFalse();
		IndicatorCell year = assertCell(compute("G07-2022", Grouping.INSTITUTION, PeriodUnit.YEAR),
				"G07.DOSE_VERIFICATION", this.a, "2025", 5, 6);
		assertThat(year.meetsThreshold()).isTrue();
		// planning: all but S2; RECIST: CR + PR over the four assessed
		assertCell(q, "G07.PRE_OP_PLANNING", this.a, "2025-Q1", 4, 5);
		assertCell(q, "G07.RECIST_RESPONSE", this.a, "2025-Q1", 2, 4);
		// 3-year survival: no 2025 case has reached 3 years
		assertThat(cell(q, "G07.SURVIVAL_3Y", this.a, "2025-Q1").denominator()).isEqualByComparingTo("0");
	}

	@Test
	void roboticOperativeTimeIsStratifiedByProcedureType() {
		List<IndicatorCell> cells = compute("G10-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER);
		IndicatorCell all = assertCell(cells, "G10.AVERAGE_OPERATIVE_TIME", this.a, "2025-Q1", 500, 3);
		assertThat(all.value()).isEqualByComparingTo("166.67");
		IndicatorCell prostate = cells.stream()
			.filter(x -> x.indicatorCode().equals("G10.AVERAGE_OPERATIVE_TIME") && "机器人辅助前列腺癌根治术".equals(x.stratum()))
			.findFirst()
			.orElseThrow();
		assertThat(prostate.numerator()).isEqualByComparingTo("300");
		assertThat(prostate.denominator()).isEqualByComparingTo("2");
		// R2 bleeding; R1 NONE; R3 not filled: in the denominator only
		assertCell(cells, "G10.MAJOR_COMPLICATION", this.a, "2025-Q1", 1, 3);
		// R1 (03-01..03-08) 7 + R2 (03-03..03-10) 7 + R3 (03-05..03-07) 2 = 16 bed days
		// over 3 discharges
		assertCell(cells, "G10.AVERAGE_LOS", this.a, "2025-Q1", 16, 3);
	}

	// ------------------------------------------------------------------ hospital set

	@Test
	void hospitalIndicatorsPerTechnology() {
		List<IndicatorCell> cells = compute("HOSPITAL", Grouping.INSTITUTION, PeriodUnit.QUARTER);
		// patients at A in Q1: 9 (G08) + 5 (G07) + 3 (G10) = 17; deaths: the 3 G08 ones
		assertCell(cells, "HOSPITAL.MORTALITY_30D", this.a, "2025-Q1", 3, 17);
		assertThat(stratum(cells, "HOSPITAL.MORTALITY_30D", this.a, "2025-Q1", "G08").denominator())
			.isEqualByComparingTo("9");
		// cases at A in Q1: 10 + 5 + 3 = 18; serious within 30 days: c02, c06
		assertCell(cells, "HOSPITAL.SERIOUS_COMPLICATION_30D", this.a, "2025-Q1", 2, 18);
		// discharge scan: A01 matched within 3 days; X9 without case; A05 4 days apart
		assertCell(cells, "HOSPITAL.REPORTING_RATE", this.a, "2025-Q1", 1, 3);
		assertThat(stratum(cells, "HOSPITAL.REPORTING_RATE", this.a, "2025-Q1", "G08").numerator())
			.isEqualByComparingTo("1");
		// practised at A: Q1 G08, G07, G10 (filing in force only from 06-01: 0 of 3);
		// Q2 G08 and G07 (G08 in force on 06-30: 1 of 2); Q4 G08 (1 of 1)
		assertCell(cells, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q1", 0, 3);
		assertCell(cells, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q2", 1, 2);
		assertCell(cells, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q4", 1, 1);
		assertThat(stratum(cells, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q2", "G08").numerator())
			.isEqualByComparingTo("1");
	}

	/**
	 * 备案完成率 reads the filing's suspensions from its SUSPEND and RESUME steps: a filing
	 * suspended over a period's end is not in force there even after it was resumed, and
	 * a filing suspended today was in force at the ends before its suspension. Before,
	 * the view only knew the current state: the first case counted 1 of 1 for 2025-Q4,
	 * the second 0 of 1.
	 */
	@Test
	void filingCompletionReadsTheSuspensionsOfTheFiling() {
		UUID filing = this.jdbc
			.sql("select id from filing.filing where institution_id = ? and technology = 'G08' and state = 'ACTIVE'")
			.param(this.a)
			.query(UUID.class)
			.single();
		String body = this.jdbc.sql("select body::text from filing.filing where id = ?")
			.param(filing)
			.query(String.class)
			.single();
		try {
			// suspended 2025-12-20, resumed 2026-01-05: not in force on 2025-12-31
			steps(filing, "ACTIVE", "SUSPEND", "2025-12-20T01:00:00Z", "RESUME", "2026-01-05T01:00:00Z");
			List<IndicatorCell> resumed = compute("HOSPITAL", Grouping.INSTITUTION, PeriodUnit.QUARTER);
			assertCell(resumed, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q4", 0, 1);
			assertCell(resumed, "HOSPITAL.FILING_COMPLETION", this.a, "2025-Q2", 1, 2);

			// suspended on the period's last day: that day is not in force
			reset(filing, body);
			steps(filing, "ACTIVE", "SUSPEND", "2025-12-30T17:00:00Z", "RESUME", "2026-01-05T01:00:00Z");
			assertCell(compute("HOSPITAL", Grouping.INSTITUTION, PeriodUnit.QUARTER), "HOSPITAL.FILING_COMPLETION",
					this.a, "2025-Q4", 0, 1);

			// resumed on the period's last day: in force again that day
			reset(filing, body);
			steps(filing, "ACTIVE", "SUSPEND", "2025-12-20T01:00:00Z", "RESUME", "2025-12-30T17:00:00Z");
			assertCell(compute("HOSPITAL", Grouping.INSTITUTION, PeriodUnit.QUARTER), "HOSPITAL.FILING_COMPLETION",
					this.a, "2025-Q4", 1, 1);

			// suspended since 2026-01-05 and still suspended: in force on 2025-12-31
			reset(filing, body);
			steps(filing, "SUSPENDED", "SUSPEND", "2026-01-05T01:00:00Z");
			assertCell(compute("HOSPITAL", Grouping.INSTITUTION, PeriodUnit.QUARTER), "HOSPITAL.FILING_COMPLETION",
					this.a, "2025-Q4", 1, 1);
		}
		finally {
			reset(filing, body);
		}
	}

	/**
	 * Appends SUSPEND/RESUME steps (copies of the filing's last step with another action
	 * and time) and sets the state.
	 */
	private void steps(UUID filing, String state, String... actionsAndTimes) {
		for (int i = 0; i < actionsAndTimes.length; i += 2) {
			this.jdbc.sql("""
					update filing.filing
					set body = jsonb_set(body, '{steps}', (body -> 'steps') || jsonb_build_array(
					      (body -> 'steps' -> -1) || jsonb_build_object('action', ?::text, 'at', ?::text))),
					    state = ?
					where id = ?
					""").params(actionsAndTimes[i], actionsAndTimes[i + 1], state, filing).update();
		}
	}

	private void reset(UUID filing, String body) {
		this.jdbc.sql("update filing.filing set body = ?::jsonb, state = 'ACTIVE' where id = ?")
			.params(body, filing)
			.update();
	}

	static IndicatorCell stratum(List<IndicatorCell> cells, String code, UUID group, String period, String stratum) {
		return cells.stream()
			.filter(x -> x.indicatorCode().equals(code) && x.groupKey().equals(group.toString())
					&& x.period().equals(period) && stratum.equals(x.stratum()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no stratum " + stratum + " of " + code + " in " + cells));
	}

	// ------------------------------------------------------------------ HTTP, scope,
	// drill-down

	@Test
	void hospitalsSeeOnlyTheirOwnInstitution() {
		Api songjiang = Api.as(this.port, "songjiang-clerk");
		Response own = songjiang.get(results("INSTITUTION", "QUARTER", ""));
		assertThat(own.status()).isEqualTo(200);
		assertThat(groupKeys(own.body())).containsOnly(this.a.toString());
		Response other = songjiang.get(results("INSTITUTION", "QUARTER", "&institutionId=" + this.b));
		assertThat(other.status()).isEqualTo(403);
	}

	@Test
	void hospitalsCompareThemselvesWithTheirRegionsAggregateOnlyWhereThreeInstitutionsContribute() {
		Api songjiang = Api.as(this.port, "songjiang-clerk");
		Api admin = Api.as(this.port, "admin");
		// the province: 松江, 长春市中心医院 and 江城医院 all have G08 cases in 2025
		Response province = songjiang.get(results("NONE", "ALL", "&regionCode=220000"));
		assertThat(province.status()).isEqualTo(200);
		JsonNode all = admin.get(results("NONE", "ALL", "&regionCode=220000")).body();
		JsonNode perInstitution = admin.get(results("INSTITUTION", "ALL", "&regionCode=220000")).body();
		List<String> expected = new ArrayList<>();
		all.get("cells").forEach((cell) -> {
			long contributors = 0;
			for (JsonNode each : perInstitution.get("cells")) {
				if (each.get("indicatorCode").equals(cell.get("indicatorCode"))
						&& each.path("stratum").equals(cell.path("stratum"))
						&& each.get("denominator").decimalValue().signum() > 0) {
					contributors++;
				}
			}
			if (contributors >= 3) {
				expected.add(cell.get("indicatorCode").stringValue() + " " + cell.get("numerator").decimalValue() + "/"
						+ cell.get("denominator").decimalValue());
			}
		});
		List<String> shown = new ArrayList<>();
		province.body()
			.get("cells")
			.forEach((cell) -> shown.add(cell.get("indicatorCode").stringValue() + " "
					+ cell.get("numerator").decimalValue() + "/" + cell.get("denominator").decimalValue()));
		assertThat(expected).as("cells with three contributing institutions").isNotEmpty();
		assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(province.body().get("withheld").intValue()).isEqualTo(all.get("cells").size() - expected.size());
		assertThat(all.get("withheld").intValue()).isZero();
		// counts in plain notation (1000, never 1E+3), for every client
		assertThat(all.get("cells"))
			.filteredOn((cell) -> "G08.INDICATION".equals(cell.get("indicatorCode").stringValue()))
			.isNotEmpty()
			.allSatisfy((cell) -> assertThat(cell.get("denominator").isIntegralNumber()).isTrue());
		assertThat(admin.get(results("NONE", "ALL", "&regionCode=220000")).text())
			.doesNotContainPattern("[0-9][eE][+-]?[0-9]");
		// 长春: only 松江 and 长春市中心医院 — the aggregate would give the other one away
		Response changchun = songjiang.get(results("NONE", "ALL", "&regionCode=220100"));
		assertThat(changchun.status()).isEqualTo(200);
		assertThat(changchun.body().get("cells")).isEmpty();
		assertThat(changchun.body().get("withheld").intValue()).as("said, not silently empty").isPositive();
		// not its region, per institution, or the cases behind the aggregate: refused
		assertThat(songjiang.get(results("NONE", "ALL", "&regionCode=220200")).status()).isEqualTo(403);
		assertThat(songjiang.get(results("INSTITUTION", "ALL", "&regionCode=220000")).status()).isEqualTo(403);
		assertThat(songjiang
			.get("/api/indicators/cases?set=G08-2023&groupBy=NONE&from=" + FROM + "&to=" + TO
					+ "&regionCode=220000&indicator=G08.INDICATION&part=DENOMINATOR&groupKey=ALL&period=ALL"
					+ "&cellPeriod=ALL")
			.status()).isEqualTo(403);
	}

	@Test
	void cityAuthoritySeesOnlyItsRegion() {
		Api changchun = Api.as(this.port, "changchun");
		Response response = changchun.get(results("INSTITUTION", "QUARTER", ""));
		assertThat(response.status()).isEqualTo(200);
		assertThat(groupKeys(response.body())).contains(this.a.toString(), this.b.toString())
			.doesNotContain(this.c.toString());
		assertThat(changchun.get(results("INSTITUTION", "QUARTER", "&regionCode=220200")).status()).isEqualTo(403);
		assertThat(changchun.get(results("INSTITUTION", "QUARTER", "&institutionId=" + this.c)).status())
			.isEqualTo(403);
	}

	@Test
	void physiciansSeeTheirOwnCasesAndExpertsNothing() {
		Response own = Api.as(this.port, "doctor-wang").get(results("OPERATOR", "QUARTER", ""));
		assertThat(own.status()).isEqualTo(200);
		assertThat(groupKeys(own.body())).containsOnly(this.wang.toString());
		assertThat(Api.as(this.port, "expert1").get(results("NONE", "ALL", "")).status()).isEqualTo(403);
	}

	@Test
	void drillDownListsTheCasesBehindANumber() {
		Api songjiang = Api.as(this.port, "songjiang-clerk");
		Response numerator = songjiang
			.get("/api/indicators/cases?set=G08-2023&groupBy=INSTITUTION&from=" + FROM + "&to=" + TO
					+ "&indicator=G08.INDICATION&part=NUMERATOR&groupKey=" + this.a + "&period=2025-Q1&page=0&size=20");
		assertThat(numerator.status()).isEqualTo(200);
		assertThat(numerator.body().get("total").asLong()).isEqualTo(4);
		List<String> mrns = new ArrayList<>();
		numerator.body().get("rows").forEach(r -> mrns.add(r.get("medicalRecordNo").stringValue()));
		assertThat(mrns).containsExactly("A01", "A03", "A05", "A09");
		Response lesions = songjiang.get("/api/indicators/cases?set=G08-2023&groupBy=INSTITUTION&from=" + FROM + "&to="
				+ TO + "&indicator=G08.COMPLETION&part=DENOMINATOR&groupKey=" + this.a
				+ "&period=2025-Q1&page=0&size=2");
		assertThat(lesions.body().get("total").asLong()).isEqualTo(10);
		assertThat(lesions.body().get("rows").size()).isEqualTo(2);
		assertThat(lesions.body().get("rows").get(0).get("contribution").decimalValue()).isEqualByComparingTo("3");
	}

	@Test
	void boundsAndUnknownsAreProblemsInChinese() {
		Api admin = Api.as(this.port, "admin");
		Response span = admin.get("/api/indicators/results?set=G08-2023&from=2010-01-01&to=2025-12-31");
		assertThat(span.status()).isEqualTo(400);
		assertThat(span.body().get("code").stringValue()).isEqualTo("INVALID_INDICATOR_QUERY");
		assertThat(span.body().get("detail").stringValue()).contains("10 年");
		assertThat(admin.get("/api/indicators/sets/X99-2020").status()).isEqualTo(404);
		assertThat(
				admin.get("/api/indicators/results?set=G08-2023&groupBy=PLANET&from=2025-01-01&to=2025-12-31").status())
			.isEqualTo(400);
		Response size = admin.get("/api/indicators/cases?set=G08-2023&from=2025-01-01&to=2025-12-31"
				+ "&indicator=G08.INDICATION&part=NUMERATOR&period=ALL&size=201");
		assertThat(size.status()).isEqualTo(400);
		Response code = admin.get("/api/indicators/cases?set=G08-2023&from=2025-01-01&to=2025-12-31"
				+ "&indicator=G08.NOPE&part=NUMERATOR&period=ALL");
		assertThat(code.status()).isEqualTo(400);
		Response sets = admin.get("/api/indicators/sets");
		assertThat(sets.status()).isEqualTo(200);
		assertThat(sets.body().size()).isGreaterThanOrEqualTo(4);
	}

	// ------------------------------------------------------------------ helpers

	String results(String groupBy, String period, String extra) {
		return "/api/indicators/results?set=G08-2023&groupBy=" + groupBy + "&period=" + period + "&from=" + FROM
				+ "&to=" + TO + extra;
	}

	static List<String> groupKeys(JsonNode results) {
		List<String> keys = new ArrayList<>();
		results.get("cells").forEach(cell -> {
			if (!keys.contains(cell.get("groupKey").stringValue())) {
				keys.add(cell.get("groupKey").stringValue());
			}
		});
		return keys;
	}

	List<IndicatorCell> g08ByInstitution() {
		return compute("G08-2023", Grouping.INSTITUTION, PeriodUnit.QUARTER);
	}

	List<IndicatorCell> compute(String set, Grouping grouping, PeriodUnit period) {
		IndicatorResults results = this.indicators
			.computeUnscoped(new IndicatorQuery(set, grouping, period, FROM, TO, null, null, null));
		assertThat(results.asOf()).isEqualTo(AS_OF);
		return results.cells();
	}

	static IndicatorCell cell(List<IndicatorCell> cells, String code, UUID group, String period) {
		return cells.stream()
			.filter(x -> x.indicatorCode().equals(code) && x.groupKey().equals(group.toString())
					&& x.period().equals(period) && x.stratum() == null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cell " + code + " " + group + " " + period + " in " + cells));
	}

	static IndicatorCell assertCell(List<IndicatorCell> cells, String code, UUID group, String period, int numerator,
			int denominator) {
		IndicatorCell cell = cell(cells, code, group, period);
		assertThat(cell.numerator()).as(code + " numerator").isEqualByComparingTo(BigDecimal.valueOf(numerator));
		assertThat(cell.denominator()).as(code + " denominator").isEqualByComparingTo(BigDecimal.valueOf(denominator));
		return cell;
	}

	UUID institution(String name) {
		return this.jdbc.sql("select id from institutions.institution where name = ?")
			.param(name)
			.query(UUID.class)
			.single();
	}

	static LocalDate d(String text) {
		return LocalDate.parse(text);
	}

	/**
	 * A G08 form meeting all four indication criteria, two lesions completed, complete
	 * ablation.
	 */
	static Form form() {
		return new Form().set("organ", "LUNG")
			.set("lesionsPlanned", 2)
			.set("lesionsCompleted", 2)
			.set("ptaPercent", 60)
			.set("organFunctionImpaired", false)
			.set("ecog", 1)
			.set("asaClass", "II")
			.set("contrastImaging1m", "COMPLETE");
	}

	static final class Form {

		final Map<String, Object> data = new LinkedHashMap<>();

		Form set(String key, Object value) {
			this.data.put(key, value);
			return this;
		}

		Form remove(String key) {
			this.data.remove(key);
			return this;
		}

		Form pta(double value) {
			return set("ptaPercent", BigDecimal.valueOf(value));
		}

		Form ecog(int value) {
			return set("ecog", value);
		}

		Form asa(String value) {
			return set("asaClass", value);
		}

		Form lesions(int planned, int completed) {
			return set("lesionsPlanned", planned).set("lesionsCompleted", completed);
		}

		Form thyroid(String pathology, @Nullable Number diameter) {
			set("organ", "THYROID").set("thyroidPathology", pathology);
			return (diameter == null) ? this : set("thyroidLargestDiameterMm", diameter);
		}

	}

	static Map<String, Object> complication(String type, boolean serious, @Nullable String onset) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("name", type);
		if (onset != null) {
			c.put("onsetDate", onset);
		}
		c.put("grade", "III");
		c.put("type", type);
		c.put("serious", serious);
		return c;
	}

	void g08(UUID institution, UUID operator, String mrn, String patient, String inpatient, LocalDate admission,
			LocalDate operation, LocalDate discharge, Form form, @Nullable LocalDate death,
			@Nullable String dischargeStatus, List<Map<String, Object>> complications) {
		insert(institution, operator, "G08", "G08-2023", mrn, patient, inpatient, admission, operation, discharge,
				form.data, death, dischargeStatus, complications);
	}

	void insert(UUID institution, UUID operator, String technology, String formKey, String mrn, String patient,
			String inpatient, LocalDate admission, LocalDate operation, LocalDate discharge, Map<String, Object> data,
			@Nullable LocalDate death, @Nullable String dischargeStatus, List<Map<String, Object>> complications) {
		Timestamp now = Timestamp.from(TestClock.pinned().toInstant());
		String region = this.jdbc.sql("select region_code from institutions.institution where id = ?")
			.param(institution)
			.query(String.class)
			.single();
		this.jdbc
			.sql("""
					insert into cases.case_report (id, institution_id, institution_region_code, technology, form_key, status,
					  medical_record_no, inpatient_no, patient_pseudonym, admission_date, operation_date, discharge_date,
					  department, operator_id, complications, death_date, discharge_status, form_data, created_at, created_by,
					  updated_at, submitted_at, submitted_by)
					values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, '肿瘤介入科', ?, cast(? as jsonb), ?, ?,
					  cast(? as jsonb), ?, ?, ?, ?, ?)
					""")
			.params(UUID.randomUUID(), institution, region, technology, formKey, mrn, inpatient, patient, admission,
					operation, discharge, operator, this.json.writeValueAsString(complications), death, dischargeStatus,
					this.json.writeValueAsString(data), now, UUID.randomUUID(), now, now, UUID.randomUUID())
			.update();
	}

	void procedure(UUID batch, String mrn, LocalDate day) {
		UUID record = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into cases.discharge_record (id, batch_id, institution_id, row_no, content_key, medical_record_no,
					  admission_date, discharge_date, operator_status)
					values (?, ?, ?, 1, ?, ?, ?, ?, 'MISSING')
					""")
			.params(record, batch, this.a, mrn + "-".repeat(64 - mrn.length()), mrn, day, day)
			.update();
		this.jdbc.sql("""
				insert into cases.discharge_procedure (id, record_id, institution_id, technology, code, name, spec_key,
				  procedure_date)
				values (?, ?, ?, 'G08', '50.2300x001', '经皮肝病损射频消融术', 'G08-2023', ?)
				""").params(UUID.randomUUID(), record, this.a, day).update();
	}

	void followUp(String mrn, String period, @Nullable LocalDate performed, @Nullable String vital,
			@Nullable LocalDate death) {
		Instant now = TestClock.pinned().toInstant();
		this.jdbc.sql("""
				insert into cases.follow_up (id, case_id, institution_id, label, period, due_date, performed_on, method,
				  vital_status, death_date, recorded_at)
				select ?, id, institution_id, ?, ?, operation_date + cast(? as interval), ?, ?, ?, ?, ?
				from cases.case_report where medical_record_no = ?
				""")
			.params(UUID.randomUUID(), period, period, period, performed, (performed == null) ? null : "PHONE", vital,
					death, Timestamp.from(now), mrn)
			.update();
	}

}
