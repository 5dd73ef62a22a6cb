package cn.rtms.indicators.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import cn.rtms.indicators.Threshold;
import cn.rtms.indicators.fhir.IndicatorFhirWriter.Subject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written FHIR resources, checked by the HAPI FHIR R4 validator (test scope, ADR
 * 0018) and field by field: a rate with a threshold and a stratifier, an average, a
 * monitor-only share, per-patient counting.
 */
class IndicatorFhirWriterTests {

	static final IndicatorView RATE = new IndicatorView("G07.DOSE_VERIFICATION", "术后剂量验证率",
			"术后行剂量验证的例次数占同期放射性粒子植入治疗总例次数的比例。", "CASE", "RATE", "OPERATION_DATE", "HIGHER_BETTER",
			new Threshold("GT", new BigDecimal("80"), "二（七）2"), null, List.of("subTechnique"), "二（七）2",
			List.of("术后剂量验证以病例字段为准。"));

	static final IndicatorView AVERAGE = new IndicatorView("G08.AVERAGE_LOS", "平均住院日",
			"实施肿瘤消融治疗的患者出院时占用总床日数与同期肿瘤消融治疗患者出院人数之比。", "DAY", "AVERAGE", "DISCHARGE_DATE", "LOWER_BETTER", null, null,
			List.of(), "一（七）7", List.of());

	static final IndicatorView SHARE = new IndicatorView("G08.THYROID_BENIGN_SHARE", "甲状腺良性肿瘤消融治疗占比",
			"甲状腺良性肿瘤消融治疗例次占甲状腺良、恶性肿瘤消融治疗总例次的百分比。", "CASE", "RATE", "OPERATION_DATE", "MONITOR", null, null, List.of(),
			"一（七）8①", List.of());

	static final IndicatorView MORTALITY = new IndicatorView("G08.MORTALITY_30D", "肿瘤消融治疗后30天内死亡率",
			"肿瘤消融治疗后30天内死亡患者数占同期肿瘤消融治疗患者总数的比例。", "PATIENT", "RATE", "OPERATION_DATE", "LOWER_BETTER", null, null,
			List.of(), "一（七）5", List.of());

	static final IndicatorSetView SET = new IndicatorSetView("G08-2023", "G08", "2023", "肿瘤消融治疗技术临床应用质量控制指标（2023年版）",
			"国家限制类技术临床应用管理规范（2023年版）", List.of(RATE, AVERAGE, SHARE, MORTALITY), List.of());

	static final String HOSPITAL = "11111111-2222-3333-4444-555555555555";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static IndicatorCell cell(IndicatorView indicator, String stratum, int numerator, int denominator, String value) {
		return new IndicatorCell(indicator.code(), HOSPITAL, "长春市中心医院", "2026-Q3", stratum,
				BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
				value == null ? null : new BigDecimal(value), null);
	}

	static ObjectNode organization() {
		ObjectNode reference = JsonNodeFactory.instance.objectNode();
		reference.put("type", "Organization");
		reference.putObject("identifier").put("system", IndicatorFhirWriter.INSTITUTION_ID).put("value", HOSPITAL);
		reference.put("display", "长春市中心医院");
		return reference;
	}

	static ObjectNode report(IndicatorView indicator, IndicatorCell cell, List<IndicatorCell> strata,
			List<Subject> numerator, List<Subject> denominator) {
		return IndicatorFhirWriter.measureReport(SET, indicator, cell, strata,
				IndicatorFhirWriter.period(cell.period(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
				LocalDate.of(2026, 11, 22), organization(), numerator, denominator);
	}

	static String json(ObjectNode node) {
		return JSON.writeValueAsString(node);
	}

	@Test
	void everyMeasureOfTheSetIsValidFhir() {
		String bundle = json(IndicatorFhirWriter.measureBundle(SET));
		assertThat(IndicatorFhirValidation.errors(bundle)).isEmpty();
		for (IndicatorView indicator : SET.indicators()) {
			assertThat(IndicatorFhirValidation.errors(json(IndicatorFhirWriter.measure(SET, indicator)))).isEmpty();
		}
	}

	@Test
	void aRateIsAProportionWithNumeratorAndDenominatorCarryingTheDefinition() {
		JsonNode measure = IndicatorFhirWriter.measure(SET, RATE);
		assertThat(measure.get("id").asString()).isEqualTo("G08-2023-G07.DOSE-VERIFICATION");
		assertThat(measure.get("url").asString())
			.isEqualTo("https://rtms.cn/fhir/Measure/G08-2023-G07.DOSE-VERIFICATION");
		assertThat(measure.at("/identifier/0/value").asString()).isEqualTo("G07.DOSE_VERIFICATION");
		assertThat(measure.get("title").asString()).isEqualTo("术后剂量验证率");
		assertThat(measure.get("description").asString()).isEqualTo(RATE.definition());
		assertThat(measure.at("/scoring/coding/0/code").asString()).isEqualTo("proportion");
		assertThat(measure.at("/improvementNotation/coding/0/code").asString()).isEqualTo("increase");
		assertThat(measure.get("rationale").asString()).contains("＞80%", "二（七）2");
		JsonNode populations = measure.at("/group/0/population");
		assertThat(populations.valueStream().map(p -> p.at("/code/coding/0/code").asString()))
			.containsExactly("numerator", "denominator");
		assertThat(populations.get(0).at("/criteria/language").asString()).isEqualTo("text/plain");
		assertThat(populations.get(0).at("/criteria/expression").asString()).isEqualTo(RATE.definition());
		assertThat(measure.at("/group/0/stratifier/0/code/coding/0/code").asString()).isEqualTo("subTechnique");
	}

	@Test
	void anAverageIsAContinuousVariableAndAMonitorHasNoImprovementNotation() {
		JsonNode average = IndicatorFhirWriter.measure(SET, AVERAGE);
		assertThat(average.at("/scoring/coding/0/code").asString()).isEqualTo("continuous-variable");
		assertThat(average.at("/improvementNotation/coding/0/code").asString()).isEqualTo("decrease");
		assertThat(average.at("/group/0/population").valueStream().map(p -> p.at("/code/coding/0/code").asString()))
			.containsExactly("initial-population", "measure-population", "measure-observation");
		JsonNode share = IndicatorFhirWriter.measure(SET, SHARE);
		assertThat(share.has("improvementNotation")).isFalse();
	}

	@Test
	void aSummaryReportCarriesTheCountsScoreAndStrata() {
		IndicatorCell total = cell(RATE, null, 41, 50, "82.00");
		List<IndicatorCell> strata = List.of(cell(RATE, "RFA", 30, 35, "85.71"), cell(RATE, "MWA", 11, 15, "73.33"));
		ObjectNode report = report(RATE, total, strata, null, null);
		assertThat(IndicatorFhirValidation.errors(json(report))).isEmpty();
		assertThat(report.get("type").asString()).isEqualTo("summary");
		assertThat(report.get("measure").asString()).isEqualTo(IndicatorFhirWriter.measureUrl("G08-2023", RATE.code()));
		assertThat(report.at("/period/start").asString()).isEqualTo("2026-07-01");
		assertThat(report.at("/period/end").asString()).isEqualTo("2026-09-30");
		assertThat(report.at("/reporter/identifier/value").asString()).isEqualTo(HOSPITAL);
		assertThat(report.at("/group/0/population/0/count").asInt()).isEqualTo(41);
		assertThat(report.at("/group/0/population/1/count").asInt()).isEqualTo(50);
		assertThat(report.at("/group/0/measureScore/value").decimalValue()).isEqualByComparingTo("82.00");
		assertThat(report.at("/group/0/measureScore/code").asString()).isEqualTo("%");
		assertThat(report.at("/group/0/stratifier/0/stratum/1/value/text").asString()).isEqualTo("MWA");
		assertThat(report.at("/group/0/stratifier/0/stratum/1/population/0/count").asInt()).isEqualTo(11);
		assertThat(report.has("contained")).isFalse();
		assertThat(report.at("/group/0/population/0").has("subjectResults")).isFalse();
	}

	@Test
	void anEmptyCellHasNoScoreAndIsStillValid() {
		ObjectNode report = report(SHARE, cell(SHARE, null, 0, 0, null), List.of(), null, null);
		assertThat(IndicatorFhirValidation.errors(json(report))).isEmpty();
		assertThat(report.at("/group/0").has("measureScore")).isFalse();
	}

	@Test
	void anAverageReportGivesTheDaysAsScore() {
		ObjectNode report = report(AVERAGE, cell(AVERAGE, null, 930, 120, "7.75"), List.of(), null, null);
		assertThat(IndicatorFhirValidation.errors(json(report))).isEmpty();
		assertThat(report.at("/group/0/measureScore/code").asString()).isEqualTo("d");
		assertThat(report.at("/group/0/population/1/count").asInt()).isEqualTo(120);
	}

	@Test
	void aSubjectListReferencesContainedListsOfPseudonymousSubjects() {
		List<Subject> cases = List.of(
				new Subject(IndicatorFhirWriter.CASE_ID, "cccccccc-0000-0000-0000-000000000001", "Procedure"),
				new Subject(IndicatorFhirWriter.CASE_ID, "cccccccc-0000-0000-0000-000000000002", "Procedure"));
		ObjectNode report = report(RATE, cell(RATE, null, 1, 2, "50.00"), List.of(), cases.subList(0, 1), cases);
		assertThat(IndicatorFhirValidation.errors(json(report))).isEmpty();
		assertThat(report.get("type").asString()).isEqualTo("subject-list");
		assertThat(report.at("/group/0/population/0/subjectResults/reference").asString()).isEqualTo("#numerator");
		assertThat(report.at("/group/0/population/1/subjectResults/reference").asString()).isEqualTo("#denominator");
		JsonNode denominator = report.get("contained").get(1);
		assertThat(denominator.get("resourceType").asString()).isEqualTo("List");
		assertThat(denominator.get("entry")).hasSize(2);
		assertThat(denominator.at("/entry/1/item/identifier/value").asString())
			.isEqualTo("cccccccc-0000-0000-0000-000000000002");
		assertThat(denominator.at("/entry/1/item").has("display")).isFalse();
	}

	@Test
	void aPatientSubjectListNamesPatientsByPseudonymAndAnEmptyNumeratorIsValid() {
		List<Subject> patients = List
			.of(new Subject(IndicatorFhirWriter.PATIENT_PSEUDONYM, "P0123456789ab", "Patient"));
		ObjectNode report = report(MORTALITY, cell(MORTALITY, null, 0, 1, "0.00"), List.of(), List.of(), patients);
		assertThat(IndicatorFhirValidation.errors(json(report))).isEmpty();
		assertThat(report.at("/contained/1/entry/0/item/type").asString()).isEqualTo("Patient");
		assertThat(report.at("/contained/1/entry/0/item/identifier/system").asString())
			.isEqualTo("https://rtms.cn/fhir/sid/patient-pseudonym");
		assertThat(report.at("/contained/0").has("emptyReason")).isTrue();
	}

	@Test
	void periodsOfEveryUnitAreClippedToTheQuery() {
		LocalDate from = LocalDate.of(2026, 2, 10);
		LocalDate to = LocalDate.of(2026, 11, 22);
		assertThat(IndicatorFhirWriter.period("2026-Q1", from, to)).containsExactly(from, LocalDate.of(2026, 3, 31));
		assertThat(IndicatorFhirWriter.period("2026-H2", from, to)).containsExactly(LocalDate.of(2026, 7, 1), to);
		assertThat(IndicatorFhirWriter.period("2026-05", from, to)).containsExactly(LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 5, 31));
		assertThat(IndicatorFhirWriter.period("2026", from, to)).containsExactly(from, to);
		assertThat(IndicatorFhirWriter.period("ALL", from, to)).containsExactly(from, to);
	}

}
