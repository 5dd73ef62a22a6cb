package cn.rtms.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseFlag;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.domain.CaseFormLoader;
import cn.rtms.cases.discharge.ScanCategory;
import cn.rtms.cases.domain.CaseStatus;
import cn.rtms.cases.export.CaseExportCodes;
import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.cases.followup.FollowUpStatus;
import cn.rtms.filing.domain.EndingReason;
import cn.rtms.filing.domain.FilingOrigin;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.FilingStep;
import cn.rtms.identity.ConfirmationKind;
import cn.rtms.identity.Role;
import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.ApplicableWhenRule;
import cn.rtms.rules.engine.rule.EquipmentRule;
import cn.rtms.rules.engine.rule.FacilityRule;
import cn.rtms.rules.engine.rule.InstitutionSpecialtyRule;
import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.LicenceRule;
import cn.rtms.rules.engine.rule.PerformsSubTechniqueRule;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.CodedName;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.Section;
import cn.rtms.rules.engine.spec.SpecLoader;
import cn.rtms.rules.engine.spec.Subject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every code that can reach the screen has a Chinese label in the code dictionary
 * ({@code dictionary/labels.yaml}): codes read by spec files, the upper-case enums of the
 * spec and case-export JSON schemas, the Java enums and code lists shown to users, the
 * demo data and the front end's option lists. A new code without a label fails here.
 */
class DictionaryTests {

	static final Path SPECS = Path.of("src/main/resources/specs");

	/** Schema vocabulary only the spec editor sees (rule parameters, never displayed). */
	static final Set<String> EDITOR_ONLY = Set.of("ISSUE_DATE", "EACH_YEAR", "TOTAL", "CALENDAR_YEARS", "ROLLING",
			"ALWAYS", "UNDECIDED");

	final CodeDictionary dictionary = CodeDictionary.standard();

	final List<String> problems = new ArrayList<>();

	@Test
	void labelsEveryCodeTheSpecFilesUse() {
		for (RequirementSpec spec : new SpecLoader().loadDirectory(SPECS)) {
			for (CodedName sub : spec.subTechniques()) {
				require("subTechnique", sub.code(), spec.key());
			}
			for (CodedName route : spec.routes()) {
				require("route", route.code(), spec.key());
			}
			for (Clause clause : spec.clauses()) {
				if (clause.rule() != null) {
					collect(clause.rule(), spec.key() + " " + clause.ref());
				}
			}
		}
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryUpperCaseEnumOfTheSchemas() throws IOException {
		Set<String> labelled = new TreeSet<>();
		this.dictionary.groups().values().forEach((labels) -> labelled.addAll(labels.keySet()));
		for (String schema : List.of("src/main/resources/specs/spec.schema.json",
				"src/main/resources/case-export/case-export.schema.json")) {
			Set<String> values = new TreeSet<>();
			enums(JsonMapper.builder().build().readTree(Files.readString(Path.of(schema))), values);
			values.removeIf((v) -> !v.matches("[A-Z][A-Z0-9_]*") || EDITOR_ONLY.contains(v));
			assertThat(values).as(schema).isNotEmpty();
			values.stream()
				.filter((v) -> !labelled.contains(v))
				.forEach((v) -> this.problems.add(schema + " 的枚举值 " + v + " 没有中文名称"));
		}
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryConstantOfTheEnumsShownToUsers() {
		requireAll("filingState", FilingState.values());
		requireAll("filingStep", FilingStep.values());
		requireAll("filingOrigin", FilingOrigin.values());
		requireAll("endingReason", EndingReason.values());
		requireAll("authorizationStatus", AuthorizationStatus.values());
		requireAll("role", Role.values());
		requireAll("confirmationKind", ConfirmationKind.values());
		requireAll("caseStatus", CaseStatus.values());
		requireAll("followUpStatus", FollowUpStatus.values());
		requireAll("dischargeScanCategory", ScanCategory.values());
		requireAll("clauseStatus", Status.values());
		requireAll("section", Section.values());
		requireAll("subject", Subject.values());
		requireAll("pathway", Pathway.values());
		requireAll("institutionLevel", cn.rtms.institutions.InstitutionLevel.values());
		requireAll("institutionLevel", cn.rtms.rules.engine.facts.InstitutionLevel.values());
		requireAll("institutionType", cn.rtms.institutions.InstitutionType.values());
		requireAll("title", cn.rtms.personnel.Title.values());
		requireAll("title", cn.rtms.rules.engine.facts.Title.values());
		requireAll("staffRole", cn.rtms.personnel.StaffRole.values());
		requireAll("staffRole", cn.rtms.rules.engine.facts.StaffRole.values());
		requireAll("operationCategory", cn.rtms.personnel.OperationCategory.values());
		requireAll("cleanGrade", cn.rtms.rules.engine.facts.CleanGrade.values());
		requireAll("catalogueLevel", RestrictedTechnology.TechnologyLevel.values());
		requireAll("technologyStatus", RestrictedTechnology.TechnologyStatus.values());
		requireAll("assessmentConclusion", cn.rtms.assessment.Conclusion.values());
		requireAll("assessmentSection", cn.rtms.assessment.AssessmentSection.values());
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryCodeListOfTheCaseRegistry() {
		CaseExportCodes.FLAGS.keySet().forEach((code) -> require("caseFlag", code, "CaseExportCodes.FLAGS"));
		List.of(CaseFlag.UNFILED, CaseFlag.FILING_PENDING, CaseFlag.UNAUTHORIZED, CaseFlag.OUT_OF_SCOPE,
				CaseFlag.NO_CONSENT, CaseFlag.NO_PREOP_PATHOLOGY, CaseFlag.DEVICE_EXPIRED, CaseFlag.CODE_NOT_IN_SPEC)
			.forEach((code) -> require("caseFlag", code, "CaseFlag"));
		CaseExportCodes.DISCHARGE_STATUS.keySet().forEach((code) -> require("dischargeStatus", code, "离院方式"));
		CaseExportCodes.BARCODE_TYPES.keySet().forEach((code) -> require("barcodeType", code, "条码类型"));
		CaseExportCodes.SOURCES.keySet().forEach((code) -> require("caseSource", code, "病例来源"));
		FollowUpManagement.METHODS.keySet().forEach((code) -> require("followUpMethod", code, "随访方式"));
		FollowUpManagement.VITAL_STATUSES.keySet().forEach((code) -> require("vitalStatus", code, "生存状态"));
		FollowUpManagement.DISEASE_STATUSES.keySet().forEach((code) -> require("diseaseStatus", code, "疾病状态"));
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryComplicationTypeOfTheCaseFormsWithTheFormsName() throws IOException {
		CaseFormLoader loader = new CaseFormLoader();
		try (var files = Files.list(Path.of("src/main/resources/case-forms"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml")).sorted().toList()) {
				CaseForm form = loader.load(file.getFileName().toString(), Files.readString(file));
				assertThat(form.complicationTypes()).as(file + " complicationTypes").isNotEmpty();
				for (CaseField.Option type : form.complicationTypes()) {
					require("complicationType", type.code(), file.getFileName().toString());
					String label = this.dictionary.group("complicationType").get(type.code());
					if (label != null && !label.equals(type.name())) {
						this.problems.add(file.getFileName() + "：并发症类型 " + type.code() + " 的名称“" + type.name()
								+ "”与代码字典的“" + label + "”不同");
					}
				}
			}
		}
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryFacilityEquipmentAndLicenceOfTheDemoData() throws IOException {
		JsonNode demo = YAMLMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("src/main/resources/demo/institutions.yaml")));
		for (JsonNode institution : demo.findParents("facilities")) {
			institution.path("facilities").forEach((f) -> require("facility", f.path("kind").asString(), "演示数据"));
			institution.path("equipment").forEach((e) -> require("equipment", e.path("kind").asString(), "演示数据"));
			institution.path("licences").forEach((l) -> require("licence", l.path("kind").asString(), "演示数据"));
		}
		assertThat(demo.findParents("facilities")).isNotEmpty();
		assertThat(this.problems).isEmpty();
	}

	@Test
	void labelsEveryOptionOfTheFrontEndLists() throws IOException {
		Map<String, String> lists = Map.of("FACILITY_KINDS", "facility", "EQUIPMENT_KINDS", "equipment",
				"LICENCE_KINDS", "licence", "SPECIALTIES", "specialty", "INSTITUTION_LEVELS", "institutionLevel");
		String source = Files.readString(Path.of("frontend/src/features/institutions/labels.ts"));
		lists.forEach((list, group) -> {
			Set<String> codes = optionCodes(source, list);
			assertThat(codes).as(list).isNotEmpty();
			codes.forEach((code) -> require(group, code, "labels.ts " + list));
		});
		assertThat(this.problems).isEmpty();
	}

	@Test
	void failsOnAMissingLabelAndRefusesABlankOne() {
		require("equipment", "NO_SUCH_DEVICE", "测试");
		assertThat(this.problems).containsExactly("测试：equipment 代码 NO_SUCH_DEVICE 没有中文名称");
		assertThat(this.dictionary.label("equipment", "ELECTRIC_DERMATOME")).isEqualTo("电动取皮刀");
		assertThat(this.dictionary.label("equipment", "NO_SUCH_DEVICE")).isEqualTo("NO_SUCH_DEVICE");
		assertThatThrownBy(() -> CodeDictionary.parse("equipment:\n  CT: ''\n")).hasMessageContaining("equipment.CT");
		assertThatThrownBy(() -> CodeDictionary.parse("equipment:\n  CT: a\n  CT: b\n")).hasMessageContaining("CT");
	}

	@Test
	void versionChangesWithTheContent() {
		assertThat(CodeDictionary.parse("a:\n  X: 甲\n").version())
			.isEqualTo(CodeDictionary.parse("a:\n  X: 甲\n").version())
			.isNotEqualTo(CodeDictionary.parse("a:\n  X: 乙\n").version());
	}

	private void collect(Rule rule, String where) {
		switch (rule) {
			case AllOfRule all -> all.rules().forEach((part) -> collect(part, where));
			case AnyOfRule any -> any.rules().forEach((part) -> collect(part, where));
			case IssueDateRule issueDate -> collect(issueDate.rule(), where);
			case ApplicableWhenRule when -> {
				collect(when.condition(), where);
				collect(when.rule(), where);
			}
			case FacilityRule facility -> require("facility", facility.facility(), where);
			case EquipmentRule equipment -> {
				equipment.allOf().forEach((code) -> require("equipment", code, where));
				equipment.anyOf().forEach((code) -> require("equipment", code, where));
			}
			case LicenceRule licence -> require("licence", licence.licenceKind(), where);
			case InstitutionSpecialtyRule specialty ->
				specialty.anyOf().forEach((code) -> require("specialty", code, where));
			case PerformsSubTechniqueRule performs ->
				performs.anyOf().forEach((code) -> require("subTechnique", code, where));
			default -> {
			}
		}
	}

	private void requireAll(String group, Enum<?>[] constants) {
		for (Enum<?> constant : constants) {
			require(group, constant.name(), constant.getDeclaringClass().getName());
		}
	}

	private void require(String group, String code, String where) {
		if (!this.dictionary.group(group).containsKey(code)) {
			this.problems.add(where + "：" + group + " 代码 " + code + " 没有中文名称");
		}
	}

	private static void enums(JsonNode node, Set<String> values) {
		if (node.isObject()) {
			JsonNode list = node.get("enum");
			if (list != null && list.isArray()) {
				list.forEach((v) -> {
					if (v.isString()) {
						values.add(v.asString());
					}
				});
			}
			node.properties().forEach((e) -> enums(e.getValue(), values));
		}
		else if (node.isArray()) {
			node.forEach((child) -> enums(child, values));
		}
	}

	private static Set<String> optionCodes(String source, String list) {
		int start = source.indexOf("export const " + list);
		assertThat(start).as(list).isNotNegative();
		int end = source.indexOf("\n]", start);
		int braceEnd = source.indexOf("\n}", start);
		String block = source.substring(start, (end < 0) ? braceEnd : (braceEnd < 0) ? end : Math.min(end, braceEnd));
		Set<String> codes = new TreeSet<>();
		Matcher matcher = Pattern.compile("value: '([A-Z0-9_]+)'").matcher(block);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

}
