package cn.rtms.rules.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.ApplicableWhenRule;
import cn.rtms.rules.engine.rule.EquipmentRule;
import cn.rtms.rules.engine.rule.FacilityRule;
import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.Labels;
import cn.rtms.rules.engine.rule.PerformsSubTechniqueRule;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every facility and equipment code a spec reads is offered by the institution form
 * (frontend/src/features/institutions/labels.ts) in the same list (facility or equipment)
 * and has a Chinese name in {@link Labels}: a code the form cannot record, or records in
 * the other list, makes its clause unsatisfiable.
 */
class SpecCodesTests {

	static final Path FORM_LABELS = Path.of("frontend/src/features/institutions/labels.ts");

	@Test
	void everyFacilityCodeIsOfferedAsAFacilityAndLabelled() throws IOException {
		Set<String> offered = formCodes("FACILITY_KINDS");
		List<String> problems = new ArrayList<>();
		for (String code : codes(true)) {
			if (!offered.contains(code)) {
				problems.add(code + " 不在机构表单的设施列表中");
			}
			if (!Labels.facilityCodes().contains(code)) {
				problems.add(code + " 没有中文设施名称");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyEquipmentCodeIsOfferedAsEquipmentAndLabelled() throws IOException {
		Set<String> offered = formCodes("EQUIPMENT_KINDS");
		List<String> problems = new ArrayList<>();
		for (String code : codes(false)) {
			if (!offered.contains(code)) {
				problems.add(code + " 不在机构表单的设备列表中");
			}
			if (!Labels.equipmentCodes().contains(code)) {
				problems.add(code + " 没有中文设备名称");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everySubTechniqueConditionNamesASubTechniqueOfItsSpec() {
		List<String> problems = new ArrayList<>();
		for (RequirementSpec spec : new SpecLoader().loadDirectory(SpecGoldenTests.SPECS)) {
			Set<String> declared = new TreeSet<>();
			spec.subTechniques().forEach((s) -> declared.add(s.code()));
			for (Clause clause : spec.clauses()) {
				Set<String> named = new TreeSet<>();
				if (clause.rule() != null) {
					subTechniques(clause.rule(), named);
				}
				named.removeAll(declared);
				named.forEach((code) -> problems.add(clause.citation() + " 引用了未声明的亚类 " + code));
			}
		}
		assertThat(problems).isEmpty();
	}

	private static void subTechniques(Rule rule, Set<String> codes) {
		switch (rule) {
			case AllOfRule all -> all.rules().forEach((part) -> subTechniques(part, codes));
			case AnyOfRule any -> any.rules().forEach((part) -> subTechniques(part, codes));
			case IssueDateRule issueDate -> subTechniques(issueDate.rule(), codes);
			case ApplicableWhenRule when -> {
				subTechniques(when.condition(), codes);
				subTechniques(when.rule(), codes);
			}
			case PerformsSubTechniqueRule performs -> codes.addAll(performs.anyOf());
			default -> {
			}
		}
	}

	@Test
	void readsTheFormListsItChecks() throws IOException {
		assertThat(formCodes("FACILITY_KINDS")).contains("PACU", "ICU");
		assertThat(formCodes("EQUIPMENT_KINDS")).contains("CT", "MRI").doesNotContain("PACU");
		assertThat(codes(true)).contains("PACU", "PACS");
		assertThat(codes(false)).contains("DSA", "TPS", "HYPERTHERMIA_WHOLE_BODY", "DEFIBRILLATOR");
	}

	private static Set<String> codes(boolean facilities) {
		Set<String> codes = new TreeSet<>();
		for (RequirementSpec spec : new SpecLoader().loadDirectory(SpecGoldenTests.SPECS)) {
			for (Clause clause : spec.clauses()) {
				if (clause.rule() != null) {
					collect(clause.rule(), facilities, codes);
				}
			}
		}
		return codes;
	}

	private static void collect(Rule rule, boolean facilities, Set<String> codes) {
		switch (rule) {
			case AllOfRule all -> all.rules().forEach((part) -> collect(part, facilities, codes));
			case AnyOfRule any -> any.rules().forEach((part) -> collect(part, facilities, codes));
			case IssueDateRule issueDate -> collect(issueDate.rule(), facilities, codes);
			case ApplicableWhenRule when -> {
				collect(when.condition(), facilities, codes);
				collect(when.rule(), facilities, codes);
			}
			case FacilityRule facility when facilities -> codes.add(facility.facility());
			case EquipmentRule equipment when !facilities -> {
				codes.addAll(equipment.allOf());
				codes.addAll(equipment.anyOf());
			}
			default -> {
			}
		}
	}

	private static Set<String> formCodes(String list) throws IOException {
		String source = Files.readString(FORM_LABELS);
		int start = source.indexOf("export const " + list);
		assertThat(start).as("%s in %s", list, FORM_LABELS).isNotNegative();
		String block = source.substring(start, source.indexOf("\n]", start));
		Set<String> codes = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("value: '([A-Z0-9_]+)'").matcher(block);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

}
