package cn.rtms.cases.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseField.FieldType;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.FollowUpPoint;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The case-form definitions under {@code src/main/resources/case-forms}: each loads, one
 * per spec edition, and broken definitions are refused naming file, path and problem.
 */
class CaseFormLoaderTests {

	static final Path FORMS = Path.of("src/main/resources/case-forms");

	static final Path SPECS = Path.of("src/main/resources/specs");

	final CaseFormLoader loader = new CaseFormLoader();

	static Stream<String> files() throws IOException {
		try (Stream<Path> list = Files.list(FORMS)) {
			return list.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".yaml"))
				.sorted()
				.toList()
				.stream();
		}
	}

	static String read(String file) {
		try {
			return Files.readString(FORMS.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest
	@MethodSource("files")
	void loadsEachDefinition(String file) {
		CaseForm form = this.loader.load(file, read(file));
		assertThat(form.key() + ".yaml").isEqualTo(file);
		assertThat(form.fields()).isNotEmpty();
		assertThat(form.followUps()).isNotEmpty();
		assertThat(form.notes()).as("每个定义说明随访时间点的依据").anyMatch(n -> n.contains("随访"));
		for (FollowUpPoint point : form.followUps()) {
			assertThat(java.time.Period.parse(point.period()).isNegative()).isFalse();
		}
	}

	@Test
	void everySpecEditionHasExactlyOneForm() throws IOException {
		Set<String> specs = new SpecLoader().loadDirectory(SPECS)
			.stream()
			.map(RequirementSpec::key)
			.collect(Collectors.toSet());
		Map<String, String> sources = new LinkedHashMap<>();
		for (String file : files().toList()) {
			sources.put(file, read(file));
		}
		Set<String> forms = this.loader.loadAll(sources).stream().map(CaseForm::key).collect(Collectors.toSet());
		assertThat(forms).isEqualTo(specs)
			.contains("G07-2022", "G08-2022", "G08-2023", "G10-2023", "S01-2022", "S02-2022", "S03-2022", "S04-2017",
					"S04-2022", "S05-2022");
	}

	@Test
	void conditionsOnSubTechniquesNameCodesOfTheSpec() throws IOException {
		for (RequirementSpec spec : new SpecLoader().loadDirectory(SPECS)) {
			CaseForm form = this.loader.load(spec.key() + ".yaml", read(spec.key() + ".yaml"));
			assertThat(CaseFormLoader.checkAgainstSpec(form,
					spec.subTechniques().stream().map(c -> c.code()).collect(Collectors.toSet()),
					spec.routes().stream().map(c -> c.code()).collect(Collectors.toSet())))
				.as(spec.key())
				.isEmpty();
		}
		CaseForm s04 = this.loader.load("S04-2022.yaml", read("S04-2022.yaml"));
		assertThat(CaseFormLoader.checkAgainstSpec(s04, Set.of("DEEP"), Set.of())).singleElement()
			.satisfies(p -> assertThat(p.toString()).contains("S04-2022.yaml", "requiredWhen.equals", "WHOLE_BODY"));
	}

	@Test
	void ablationFormHasTheFieldsTheIssueNames() {
		CaseForm form = this.loader.load("G08-2023.yaml", read("G08-2023.yaml"));
		CaseField organ = form.field("organ").orElseThrow();
		assertThat(organ.options()).extracting(CaseField.Option::code)
			.containsExactly("THYROID", "LIVER", "LUNG", "KIDNEY", "BREAST", "BONE", "PANCREAS", "OTHER");
		// PTA is 凝血酶原活动度 (注1(1)), a laboratory value that may exceed 100 %
		assertThat(form.field("ptaPercent").orElseThrow().max()).isEqualByComparingTo("200");
		assertThat(form.field("ptaPercent").orElseThrow().group()).isEqualTo("术前评估");
		assertThat(form.field("organFunctionImpaired").orElseThrow().type()).isEqualTo(CaseField.FieldType.BOOLEAN);
		assertThat(form.complicationTypes()).extracting(CaseField.Option::code)
			.containsExactly("MAJOR_BLEEDING", "SEVERE_PNEUMOTHORAX", "ADJACENT_ORGAN_INJURY", "SEVERE_INFECTION",
					"OTHER");
		assertThat(form.complicationTypes()).extracting(CaseField.Option::name)
			.containsExactly("大量出血", "严重气胸", "邻近重要脏器损伤", "严重感染", "其他");
		CaseForm earlier = this.loader.load("G08-2022.yaml", read("G08-2022.yaml"));
		assertThat(earlier.complicationTypes()).isEqualTo(form.complicationTypes());
		assertThat(earlier.field("ptaPercent")).isEqualTo(form.field("ptaPercent"));
		assertThat(earlier.field("organFunctionImpaired")).isEqualTo(form.field("organFunctionImpaired"));
		assertThat(form.field("ecog").orElseThrow().max()).isEqualByComparingTo("4");
		assertThat(form.field("asaClass").orElseThrow().options()).hasSize(6);
		assertThat(form.field("preOpPathology").orElseThrow().requiredWhen())
			.isEqualTo(new CaseField.Condition("organ", "THYROID"));
		assertThat(form.field("lesionsPlanned").orElseThrow().warnIf().code()).isEqualTo("ZERO_LESIONS");
		assertThat(form.field("thyroidPathology").orElseThrow().options()).extracting(CaseField.Option::code)
			.containsExactly("BENIGN", "MALIGNANT", "NOT_DONE");
		assertThat(form.field("thyroidPathology").orElseThrow().requiredWhen())
			.isEqualTo(new CaseField.Condition("organ", "THYROID"));
		assertThat(form.field("lesionsCompleted").orElseThrow().atMost()).isEqualTo("lesionsPlanned");
		assertThat(form.field("thyroidLargestDiameterMm").orElseThrow().unit()).isEqualTo("mm");
		assertThat(form.followUps()).extracting(FollowUpPoint::period)
			.containsExactly("P1M", "P3M", "P6M", "P1Y", "P2Y", "P3Y", "P5Y");
		assertThat(form.fields()).extracting(CaseField::key)
			.contains("childPugh", "lesionsCompleted", "contrastImaging1m");
	}

	@Test
	void seedRoboticAndHyperthermiaFormsHaveTheirFields() {
		CaseForm seeds = this.loader.load("G07-2022.yaml", read("G07-2022.yaml"));
		assertThat(seeds.fields()).extracting(CaseField::key)
			.contains("tpsPlanDone", "target", "prescriptionDoseGy", "seedCount", "activityPerSeedMci", "seedLot",
					"postOpDoseVerification", "recistResponse");
		assertThat(seeds.field("recistResponse").orElseThrow().options()).extracting(CaseField.Option::code)
			.containsExactly("CR", "PR", "SD", "PD");
		CaseForm robotic = this.loader.load("G10-2023.yaml", read("G10-2023.yaml"));
		CaseField time = robotic.field("operativeTimeMinutes").orElseThrow();
		assertThat(time.type()).isEqualTo(FieldType.INTEGER);
		assertThat(time.min()).isEqualByComparingTo("1");
		assertThat(time.max()).isEqualByComparingTo("1440");
		assertThat(robotic.fields()).extracting(CaseField::key)
			.contains("procedureType", "conversion", "majorComplicationType");
		assertThat(robotic.followUps()).extracting(FollowUpPoint::period)
			.containsExactly("P1M", "P6M", "P1Y", "P3Y", "P5Y");
		CaseForm heat = this.loader.load("S04-2022.yaml", read("S04-2022.yaml"));
		assertThat(heat.field("vitalSignMonitoring").orElseThrow().requiredWhen())
			.isEqualTo(new CaseField.Condition("subTechnique", "WHOLE_BODY"));
		assertThat(heat.field("temperatureMonitoring").orElseThrow().required()).isTrue();
		assertThat(heat.field("maxTemperatureC").orElseThrow().unit()).isEqualTo("°C");
		assertThat(heat.followUps()).extracting(FollowUpPoint::period).containsExactly("P1M", "P3M", "P6M", "P1Y");
	}

	static final String HEAD = """
			technology: G08
			edition: "2023"
			title: 测试表单
			followUps: [{period: P6M, label: 6个月}]
			""";

	List<CaseFormProblem> problems(String yaml) {
		return problems("G08-2023.yaml", yaml);
	}

	List<CaseFormProblem> problems(String file, String yaml) {
		try {
			this.loader.load(file, yaml);
		}
		catch (CaseFormInvalid ex) {
			assertThat(ex.getMessage()).startsWith("病例表单文件 " + file + " 校验失败：");
			return ex.problems();
		}
		throw new AssertionError("应当校验失败");
	}

	@Test
	void complicationTypesAreCheckedLikeOptions() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: BOOLEAN}
				complicationTypes: [{code: BLEEDING, name: 出血}, {code: BLEEDING, name: 大出血}, {code: bad, name: X}]
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactly("$.complicationTypes[2].code 选项代码应为大写英文、数字或下划线（如 THYROID），至多 30 个字符");
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: BOOLEAN}
				complicationTypes: [{code: BLEEDING, name: 出血}, {code: BLEEDING, name: 大出血}]
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder("$.complicationTypes[1].code 并发症类型代码 BLEEDING 重复",
					"$.complicationTypes 并发症类型须包含 OTHER（其他），以便登记不属于所列类型的并发症");
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: BOOLEAN}
				complicationTypes: []
				""")).extracting(p -> p.jsonPath() + " " + p.message()).containsExactly("$.complicationTypes 至少需要 1 项");
		CaseForm none = this.loader.load("G08-2023.yaml", HEAD + """
				fields:
				  - {key: a, label: A, type: BOOLEAN}
				""");
		assertThat(none.complicationTypes()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("files")
	void everyShippedFormClassifiesComplicationsWithOther(String file) {
		CaseForm form = this.loader.load(file, read(file));
		assertThat(form.complicationTypes()).extracting(CaseField.Option::code)
			.contains("OTHER")
			.doesNotHaveDuplicates();
	}

	@Test
	void refusesDuplicateKeysAndCommonFieldNames() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: organ, label: 器官, type: TEXT, maxLength: 10}
				  - {key: organ, label: 器官2, type: TEXT, maxLength: 10}
				  - {key: operationDate, label: 日期, type: DATE}
				""")).extracting(CaseFormProblem::toString)
			.containsExactlyInAnyOrder("G08-2023.yaml $.fields[1].key：字段键 organ 重复（与 $.fields[0] 相同）",
					"G08-2023.yaml $.fields[2].key：字段键 operationDate 与公共字段重名");
	}

	@Test
	void refusesBoundsThatMeanNothing() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: INTEGER, min: 10, max: 5}
				  - {key: b, label: B, type: TEXT, min: 1, maxLength: 5}
				  - {key: c, label: C, type: INTEGER, min: 0.5}
				  - {key: d, label: D, type: BOOLEAN, maxLength: 3}
				  - {key: e, label: E, type: TEXT}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder("$.fields[0].max 最大值 5 小于最小值 10",
					"$.fields[1] 只有 INTEGER、DECIMAL 字段可以填写 min/max", "$.fields[2].min 整数字段的最小值应为整数",
					"$.fields[3].maxLength 只有 TEXT 字段可以填写 maxLength", "$.fields[4] TEXT 字段必须填写 maxLength");
	}

	@Test
	void refusesChoicesWithoutOptionsAndOptionsElsewhere() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: CHOICE}
				  - {key: b, label: B, type: DATE, options: [{code: X, name: x}]}
				  - {key: c, label: C, type: CHOICE, options: [{code: X, name: x}, {code: X, name: y}]}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder("$.fields[0] CHOICE 字段必须填写 options",
					"$.fields[1].options 只有 CHOICE 字段可以填写 options", "$.fields[2].options[1].code 选项代码 X 重复");
	}

	@Test
	void refusesConditionsOnMissingFieldsAndValues() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: organ, label: 器官, type: CHOICE, options: [{code: LIVER, name: 肝}]}
				  - {key: a, label: A, type: BOOLEAN, requiredWhen: {field: organs, equals: LIVER}}
				  - {key: b, label: B, type: BOOLEAN, requiredWhen: {field: organ, equals: THYROID}}
				  - {key: c, label: C, type: BOOLEAN, required: true, requiredWhen: {field: organ, equals: LIVER}}
				  - {key: d, label: D, type: TEXT, maxLength: 5, requiredWhen: {field: a, equals: yes}}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder(
					"$.fields[1].requiredWhen.field requiredWhen 引用的字段 organs 不存在（可引用本表单字段或 dischargeStatus、route、subTechnique）",
					"$.fields[2].requiredWhen.equals 字段 organ 没有选项代码 THYROID",
					"$.fields[3].requiredWhen required 为 true 时不应再填写 requiredWhen",
					"$.fields[4].requiredWhen.equals 布尔字段 a 的条件值应为 true 或 false");
	}

	@Test
	void refusesBoundsByFieldsThatAreNotNumbers() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: planned, label: 计划, type: INTEGER}
				  - {key: note, label: 说明, type: TEXT, maxLength: 5}
				  - {key: a, label: A, type: INTEGER, atMost: plans}
				  - {key: b, label: B, type: INTEGER, atMost: note}
				  - {key: c, label: C, type: TEXT, maxLength: 5, atMost: planned}
				  - {key: d, label: D, type: INTEGER, atMost: d}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder("$.fields[2].atMost atMost 引用的字段 plans 不存在",
					"$.fields[3].atMost atMost 引用的字段 note 不是数值字段",
					"$.fields[4].atMost 只有 INTEGER、DECIMAL 字段可以填写 atMost", "$.fields[5].atMost atMost 不能引用字段本身");
	}

	@Test
	void refusesWarningsOnTextAndWithoutBound() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: a, label: A, type: TEXT, maxLength: 5, warnIf: {below: 1, code: X_Y, message: m}}
				  - {key: b, label: B, type: INTEGER, warnIf: {code: X_Y, message: m}}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.containsExactlyInAnyOrder("$.fields[0].warnIf 只有 INTEGER、DECIMAL 字段可以填写 warnIf",
					"$.fields[1].warnIf warnIf 须填写 below 或 above");
	}

	@Test
	void refusesFollowUpsOutOfOrderOrRepeated() {
		assertThat(problems(
				"""
						technology: G08
						edition: "2023"
						title: 测试表单
						followUps: [{period: P1Y, label: 1年}, {period: P6M, label: 6个月}, {period: P1Y, label: 1年}, {period: P0D, label: 当天}]
						fields: []
						"""))
			.extracting(p -> p.jsonPath() + " " + p.message())
			.contains("$.followUps[1].period 随访时间点 P6M 应晚于前一个时间点（按时间先后排列）", "$.followUps[2].period 随访时间点 P1Y 重复",
					"$.followUps[3].period 随访时间点 P0D 必须晚于手术日");
	}

	@Test
	void schemaErrorsNameThePath() {
		assertThat(problems(HEAD + """
				fields:
				  - {key: Bad-Key, label: A, type: TEXT, maxLength: 5, colour: red}
				  - {key: b, label: B, type: NUMBER}
				""")).extracting(p -> p.jsonPath() + " " + p.message())
			.contains("$.fields[0].key 字段键应为小驼峰英文（如 ptaPercent），至多 40 个字符", "$.fields[0] 不允许的字段“colour”")
			.anyMatch(p -> p.startsWith("$.fields[1].type 取值必须为以下之一"));
	}

	@Test
	void refusesWrongFileNameAndBrokenYaml() {
		assertThat(problems("G08-2022.yaml", HEAD + "fields: []\n")).extracting(CaseFormProblem::message)
			.containsExactly("文件名应为 G08-2023.yaml（<technology>-<edition>.yaml）");
		assertThat(problems("technology: [G08\n")).singleElement()
			.satisfies(p -> assertThat(p.message()).startsWith("YAML 语法错误"));
		assertThat(problems("- a\n- b\n")).extracting(CaseFormProblem::message).containsExactly("文件内容必须是一个 YAML 对象");
	}

	@Test
	void loadAllReportsEveryFileAndDuplicates() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put("G08-2023.yaml", HEAD + "fields: []\n");
		sources.put("S01-2022.yaml", "technology: S01\n");
		assertThatExceptionOfType(CaseFormInvalid.class).isThrownBy(() -> this.loader.loadAll(sources))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("病例表单文件 S01-2022.yaml 校验失败", "缺少必填字段“edition”"));
	}

}
