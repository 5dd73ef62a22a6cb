package cn.rtms.cases.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseProblem;
import cn.rtms.cases.Complication;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.PatientInput;
import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.cases.domain.CaseRules.Context;
import cn.rtms.cases.domain.CaseRules.Outcome;
import cn.rtms.cases.domain.CaseRules.Staff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a case against the G08-2023 form that need no database. */
class CaseRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final UUID SURGEON = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final UUID NURSE = UUID.fromString("00000000-0000-0000-0000-000000000002");

	static final UUID ASSISTANT = UUID.fromString("00000000-0000-0000-0000-000000000003");

	static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-000000000009");

	static final CaseForm FORM = load("G08-2023.yaml");

	static CaseForm load(String file) {
		try {
			return new CaseFormLoader().load(file,
					Files.readString(Path.of("src/main/resources/case-forms").resolve(file), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Context context(boolean complete) {
		return new Context(FORM, Set.of("RFA", "MWA"), Set.of("PERCUTANEOUS"), Set.of("ORDERED", "DEATH"),
				Map.of(SURGEON, new Staff(SURGEON, "高志远", true), NURSE, new Staff(NURSE, "宋佳", false), ASSISTANT,
						new Staff(ASSISTANT, "林雪梅", true)),
				TODAY, complete);
	}

	/** A builder of a complete, valid thyroid ablation. */
	static final class Case {

		String subTechnique = "RFA";

		List<String> codes = new ArrayList<>(List.of("06.3100x001"));

		String recordNo = "BA001";

		PatientInput patient = new PatientInput("张三丰", "220104196503151230", "13812345678", "M",
				LocalDate.of(1965, 3, 15));

		LocalDate admission = TODAY.minusDays(3);

		LocalDate operation = TODAY.minusDays(2);

		LocalDate discharge = TODAY;

		LocalDate death;

		UUID operator = SURGEON;

		List<UUID> assistants = new ArrayList<>();

		Boolean consent = true;

		List<Complication> complications = new ArrayList<>();

		Map<String, Object> fields = new LinkedHashMap<>(Map.of("organ", "THYROID", "lesionsPlanned", 1,
				"lesionsCompleted", 1, "preOpPathology", true, "thyroidLargestDiameterMm", 12, "ptaPercent", 85,
				"organFunctionImpaired", false, "ecog", 0, "asaClass", "II", "thyroidPathology", "BENIGN"));

		List<DeviceInput> devices = new ArrayList<>();

		CaseInput input() {
			return new CaseInput(null, "G08", this.subTechnique, "PERCUTANEOUS", this.codes, this.recordNo, null,
					this.patient, this.admission, this.operation, this.discharge, "超声科", this.operator, this.assistants,
					this.consent, this.complications, this.death, "ORDERED", this.fields, this.devices);
		}

		Outcome check() {
			return CaseRules.check(input(), context(true));
		}

		List<String> errors() {
			return check().errors().stream().map(e -> e.field() + " " + e.code()).toList();
		}

		List<String> warnings() {
			return check().warnings().stream().map(CaseProblem::code).toList();
		}

	}

	@Test
	void acceptsACompleteCaseAndNormalizesItsValues() {
		Case c = new Case();
		c.fields.put("ptaPercent", "99.50");
		c.fields.put("childPugh", "A级");
		c.fields.put("localControl", "是");
		c.codes = List.of("06. 3100X001", "06.3100x001");
		Outcome outcome = c.check();
		assertThat(outcome.errors()).isEmpty();
		assertThat(outcome.warnings()).isEmpty();
		assertThat(outcome.procedureCodes()).containsExactly("06.3100x001");
		assertThat(outcome.fields()).containsEntry("ecog", 0L)
			.containsEntry("ptaPercent", new java.math.BigDecimal("99.5"))
			.containsEntry("childPugh", "A")
			.containsEntry("localControl", true)
			.containsEntry("organ", "THYROID");
	}

	@Test
	void requiresCommonAndFormFieldsOnlyForSubmission() {
		CaseInput empty = new CaseInput(null, "G08", null, null, List.of(), "BA9", null,
				new PatientInput(null, null, null, null, null), null, null, null, null, null, List.of(), null,
				List.of(), null, null, Map.of("organ", "LIVER"), List.of());
		assertThat(CaseRules.check(empty, context(false)).errors()).isEmpty();
		assertThat(CaseRules.check(empty, context(true)).errors()).extracting(e -> e.field() + " " + e.code())
			.containsExactlyInAnyOrder("patient.name REQUIRED", "patient.sex REQUIRED", "subTechnique REQUIRED",
					"admissionDate REQUIRED", "operationDate REQUIRED", "department REQUIRED", "operatorId REQUIRED",
					"informedConsent REQUIRED", "fields.lesionsPlanned REQUIRED", "fields.lesionsCompleted REQUIRED",
					"fields.childPugh REQUIRED", "fields.ptaPercent REQUIRED", "fields.organFunctionImpaired REQUIRED",
					"fields.ecog REQUIRED", "fields.asaClass REQUIRED");
	}

	@Test
	void ptaIsThePreOperativeProthrombinActivityRequiredOnSubmitOnly() {
		// G08-2023 一（七）注1(1): 凝血酶原活动度（PTA）> 50 %, a pre-operative value, not 完全消融率
		assertThat(FORM.field("ptaPercent")).hasValueSatisfying(f -> {
			assertThat(f.label()).isEqualTo("凝血酶原活动度（PTA）");
			assertThat(f.group()).isEqualTo("术前评估");
			assertThat(f.required()).isTrue();
			assertThat(f.help()).contains("注1(1)", "PTA > 50%");
		});
		assertThat(FORM.field("organFunctionImpaired")).hasValueSatisfying(f -> {
			assertThat(f.type()).isEqualTo(CaseField.FieldType.BOOLEAN);
			assertThat(f.required()).isTrue();
			assertThat(f.label()).isEqualTo("存在器官功能障碍");
			assertThat(f.help()).contains("注1(2)", "Child A、B 级为无障碍");
		});
		Case legacy = new Case();
		legacy.fields.remove("ptaPercent");
		legacy.fields.remove("organFunctionImpaired");
		// a draft saved before the fields existed stays a valid draft; submitting names
		// both
		assertThat(CaseRules.check(legacy.input(), context(false)).errors()).isEmpty();
		assertThat(legacy.check().errors()).extracting(CaseProblem::message)
			.containsExactlyInAnyOrder("凝血酶原活动度（PTA）不能为空", "存在器官功能障碍不能为空");
		// PTA above 100 % is a real laboratory value (normal about 70–120 %)
		Case high = new Case();
		high.fields.put("ptaPercent", 118);
		assertThat(high.errors()).isEmpty();
	}

	@Test
	void complicationTypesComeFromTheFormAndGradeIvOrVIsSerious() {
		Case c = new Case();
		c.complications.add(new Complication("腹腔大出血", TODAY.minusDays(1), "III", "MAJOR_BLEEDING", true));
		c.complications.add(new Complication("低热", TODAY.minusDays(1), "I", "OTHER", false));
		c.complications.add(new Complication("喉返神经损伤", TODAY.minusDays(1), "II", null, null));
		assertThat(c.errors()).isEmpty();

		Case bad = new Case();
		bad.complications.add(new Complication("低热", TODAY.minusDays(1), "I", "OTHER", false));
		bad.complications.add(new Complication("吻合口瘘", TODAY.minusDays(1), "III", "ANASTOMOTIC_LEAK", true));
		bad.complications.add(new Complication("多器官功能衰竭", TODAY.minusDays(1), "V", "OTHER", false));
		assertThat(bad.errors()).containsExactlyInAnyOrder("complications[1].type INVALID_CHOICE",
				"complications[2].serious SERIOUS_MISMATCH");
		assertThat(bad.check().errors()).filteredOn(e -> e.field().equals("complications[1].type"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).startsWith("第 2 项并发症的类型“ANASTOMOTIC_LEAK”不在病例表单 G08-2023 的并发症类型中")
				.contains("MAJOR_BLEEDING 大量出血", "SEVERE_PNEUMOTHORAX 严重气胸", "ADJACENT_ORGAN_INJURY 邻近重要脏器损伤",
						"SEVERE_INFECTION 严重感染", "OTHER 其他"));
		// drafts are checked for wrong values too
		assertThat(CaseRules.check(bad.input(), context(false)).errors()).hasSize(2);
	}

	@Test
	void thyroidRequiresPathologyAndDiameterLiverChildPugh() {
		Case thyroid = new Case();
		thyroid.fields.remove("preOpPathology");
		thyroid.fields.remove("thyroidLargestDiameterMm");
		assertThat(thyroid.errors()).containsExactlyInAnyOrder("fields.preOpPathology REQUIRED",
				"fields.thyroidLargestDiameterMm REQUIRED");
		assertThat(thyroid.check().errors().get(0).message()).contains("消融部位（器官）为甲状腺时必填");
		Case liver = new Case();
		liver.fields.put("organ", "LIVER");
		liver.fields.remove("preOpPathology");
		liver.fields.remove("thyroidLargestDiameterMm");
		assertThat(liver.errors()).containsExactly("fields.childPugh REQUIRED");
	}

	@Test
	void checksDateOrderAndFutureDates() {
		Case c = new Case();
		c.admission = TODAY.minusDays(1);
		c.discharge = TODAY.minusDays(3);
		c.death = TODAY.minusDays(5);
		c.complications.add(new Complication("出血", TODAY.minusDays(4), "II"));
		assertThat(c.errors()).containsExactlyInAnyOrder("operationDate DATE_ORDER", "dischargeDate DATE_ORDER",
				"deathDate DATE_ORDER", "complications[0].onsetDate DATE_ORDER");
		Case future = new Case();
		future.operation = TODAY.plusDays(1);
		future.discharge = TODAY.plusDays(2);
		assertThat(future.errors()).contains("operationDate FUTURE_DATE", "dischargeDate FUTURE_DATE");
		Case born = new Case();
		born.patient = new PatientInput("张三丰", null, null, "M", TODAY.minusDays(1));
		assertThat(born.errors()).containsExactly("patient.birthDate DATE_ORDER");
	}

	@Test
	void warnsAboutStaysLongerThan60DaysAndZeroLesions() {
		Case sixty = new Case();
		sixty.admission = TODAY.minusDays(60);
		sixty.operation = TODAY.minusDays(59);
		assertThat(sixty.warnings()).isEmpty();
		Case sixtyOne = new Case();
		sixtyOne.admission = TODAY.minusDays(61);
		sixtyOne.operation = TODAY.minusDays(59);
		assertThat(sixtyOne.warnings()).containsExactly("LONG_STAY");
		Case zero = new Case();
		zero.fields.put("lesionsPlanned", 0);
		zero.fields.put("lesionsCompleted", 0);
		assertThat(zero.warnings()).containsExactly("ZERO_LESIONS");
		assertThat(zero.errors()).isEmpty();
	}

	@Test
	void refusesValuesOutOfRangeOfTheWrongTypeOrUnknown() {
		Case c = new Case();
		c.fields.put("ecog", 5);
		c.fields.put("lesionsCompleted", 1.5);
		c.fields.put("ptaPercent", "很好");
		c.fields.put("organ", "HEART");
		c.fields.put("preOpPathology", "也许");
		c.fields.put("colour", "red");
		assertThat(c.errors()).containsExactlyInAnyOrder("fields.ecog OUT_OF_RANGE",
				"fields.lesionsCompleted INVALID_TYPE", "fields.ptaPercent INVALID_TYPE", "fields.organ INVALID_CHOICE",
				"fields.preOpPathology INVALID_TYPE", "fields.colour UNKNOWN_FIELD");
		assertThat(c.check().errors()).filteredOn(e -> e.field().equals("fields.ecog"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).isEqualTo("ECOG 评分 5 超出范围 0–4"));
	}

	@Test
	void checksCodesOfTheSpecAndPatientData() {
		Case c = new Case();
		c.subTechnique = "HIFU";
		c.codes = List.of("ABC");
		c.patient = new PatientInput("张三丰", "220104196503151231", "电话", "F", null);
		assertThat(c.errors()).containsExactlyInAnyOrder("subTechnique INVALID_CHOICE",
				"procedureCodes[0] INVALID_CODE", "patient.idNumber INVALID_ID_NUMBER", "patient.phone INVALID_PHONE");
		Case mismatch = new Case();
		mismatch.patient = new PatientInput("张三丰", "220104196503151230", null, "F", LocalDate.of(1966, 1, 1));
		assertThat(mismatch.errors()).containsExactlyInAnyOrder("patient.birthDate ID_MISMATCH",
				"patient.sex ID_MISMATCH");
	}

	@Test
	void operatorAndAssistantsArePeopleOfTheInstitution() {
		Case c = new Case();
		c.operator = NURSE;
		c.assistants = List.of(STRANGER, ASSISTANT, ASSISTANT);
		assertThat(c.errors()).containsExactlyInAnyOrder("operatorId NOT_A_PHYSICIAN",
				"assistantIds[0] NOT_OF_INSTITUTION", "assistantIds[2] DUPLICATE_PERSON");
		Case stranger = new Case();
		stranger.operator = STRANGER;
		stranger.assistants = List.of(STRANGER);
		assertThat(stranger.errors()).containsExactlyInAnyOrder("operatorId NOT_OF_INSTITUTION",
				"assistantIds[0] NOT_OF_INSTITUTION");
	}

	@Test
	void readsDeviceBarcodesWithGsWrittenAsText() {
		Case c = new Case();
		c.devices.add(new DeviceInput("]C10109506000134352" + "17301231" + "10LOT7<GS>21SN1", null, "消融针", null, 1));
		c.devices.add(new DeviceInput("(01)09506000134352(10)LOT7(21)SN1", null, null, null, null));
		c.devices.add(new DeviceInput("(01)09506000134353", null, null, null, null));
		c.devices.add(new DeviceInput("MA.156.M0.100001.1AB", null, null, null, 0));
		Outcome outcome = c.check();
		assertThat(outcome.devices().get(0).serial()).isEqualTo("SN1");
		assertThat(outcome.devices().get(0).lot()).isEqualTo("LOT7");
		assertThat(outcome.devices().get(2)).isNull();
		assertThat(outcome.errors()).extracting(e -> e.field() + " " + e.code())
			.containsExactlyInAnyOrder("devices[1].scanned DEVICE_REUSED", "devices[2].scanned INVALID_BARCODE",
					"devices[3].quantity OUT_OF_RANGE");
	}

	/**
	 * The case form reads codes with the module's one normalisation (review F5), as the
	 * gate and the discharge scan do, and stores the normalised code. It used to remove
	 * blanks and lower-case X only, refusing the missing dot, full-width input and ×.
	 */
	@Test
	void acceptsAndStoresTheCodesTheGateAndTheScanRead() {
		Case c = new Case();
		c.codes = new ArrayList<>(List.of(" 50.24 00X001\t", "063100x001", "０６．３１００ｘ００２", "06.3100×003", "544x00x055",
				"17.41\u300000", "06.3100x001"));
		Outcome outcome = c.check();
		assertThat(outcome.errors()).isEmpty();
		assertThat(outcome.procedureCodes()).containsExactly("50.2400x001", "06.3100x001", "06.3100x002", "06.3100x003",
				"54.4x00x055", "17.4100");
		for (String code : List.of("50.2400X001", " 50.24 00X001\t", "17.41\u00a000", "063100x001")) {
			assertThat(CaseRules.normalizeProcedureCode(code))
				.isEqualTo(ProcedureCodeNormaliser.code(code).orElseThrow());
		}
		assertThat(CaseRules.normalizeProcedureCode("X")).isEqualTo("x");
	}

	@Test
	void refusesWhatIsNoCodeAndSeveralCodesInOneEntry() {
		Case c = new Case();
		c.codes = new ArrayList<>(List.of("待补录", "06.3100x001 17.4100", "6.3100x001"));
		assertThat(c.errors()).containsExactly("procedureCodes[0] INVALID_CODE", "procedureCodes[1] INVALID_CODE",
				"procedureCodes[2] INVALID_CODE");
	}

	/**
	 * A subcategory form of a listed NN.NN00 is in the list (no CODE_NOT_IN_SPEC), by the
	 * matcher the gate and the scan use; an unlisted extension of a listed stem is not.
	 */
	@Test
	void aSubcategoryFormOfAListedCodeIsInTheList() {
		ProcedureCodeMatcher<String> g10 = ProcedureCodeMatcher.of(List.of("17.4100", "17.4900"), code -> code);
		assertThat(
				CaseRules.outsideList(List.of("17.41", "17.4101", "17.4100x003", "17.4900", "17.4200", "17.40"), g10))
			.containsExactly("17.4200", "17.40");
		ProcedureCodeMatcher<String> g08 = ProcedureCodeMatcher.of(List.of("06.3100x001"), code -> code);
		assertThat(CaseRules.outsideList(List.of("06.3100x001", "06.3100x009", "06.31"), g08))
			.containsExactly("06.3100x009", "06.31");
	}

	/**
	 * More lesions ablated than planned would push 肿瘤消融治疗完成率 (completed ÷ planned
	 * lesions) above 100 %: the form bounds the one by the other (atMost).
	 */
	@Test
	void completedLesionsCannotExceedThePlanned() {
		Case c = new Case();
		c.fields.put("lesionsPlanned", 1);
		c.fields.put("lesionsCompleted", 3);
		assertThat(c.errors()).containsExactly("fields.lesionsCompleted ABOVE_FIELD");
		assertThat(c.check().errors().getFirst().message()).isEqualTo("实际完成消融病灶数（3）不能大于计划消融病灶数（1）");
		c.fields.put("lesionsCompleted", 1);
		assertThat(c.errors()).isEmpty();
	}

	/**
	 * A thyroid ablation states its pathology (benign, malignant, or not done): a blank
	 * one silently left the denominator of 甲状腺良性肿瘤消融治疗占比.
	 */
	@Test
	void aThyroidAblationStatesItsPathology() {
		Case c = new Case();
		c.fields.remove("thyroidPathology");
		assertThat(c.errors()).containsExactly("fields.thyroidPathology REQUIRED");
		c.fields.put("thyroidPathology", "NOT_DONE");
		assertThat(c.errors()).isEmpty();
		c.fields.put("organ", "LIVER");
		c.fields.put("childPugh", "A");
		c.fields.remove("thyroidPathology");
		assertThat(c.errors()).as("only for the thyroid").isEmpty();
	}

	/**
	 * A grade IV or V complication left unmarked dropped out of every
	 * serious-complication rate.
	 */
	@Test
	void aGradeFourOrFiveComplicationIsMarkedSerious() {
		Case c = new Case();
		c.complications.add(new Complication("失血性休克", TODAY.minusDays(1), "IV", "MAJOR_BLEEDING", null));
		assertThat(c.errors()).containsExactly("complications[0].serious SERIOUS_MISMATCH");
		assertThat(CaseRules.check(c.input(), context(false)).errors()).as("a draft may leave it for later").isEmpty();
		c.complications.set(0, new Complication("失血性休克", TODAY.minusDays(1), "IV", "MAJOR_BLEEDING", true));
		assertThat(c.errors()).isEmpty();
	}

	/**
	 * The robotic form's 主要并发症类型 is required (无 is an option): a blank counted as no
	 * complication.
	 */
	@Test
	void aRoboticCaseStatesItsMajorComplicationType() {
		CaseForm robotic = load("G10-2023.yaml");
		CaseField type = robotic.field("majorComplicationType").orElseThrow();
		assertThat(type.required()).isTrue();
		assertThat(type.option("NONE")).isPresent();
	}

}
