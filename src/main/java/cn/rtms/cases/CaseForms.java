package cn.rtms.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.rtms.cases.CaseField.FieldType;
import cn.rtms.cases.CaseField.Option;
import cn.rtms.cases.domain.CaseFormInvalid;
import cn.rtms.cases.domain.CaseFormLoader;
import cn.rtms.cases.domain.CaseFormProblem;
import cn.rtms.rules.SpecOutline;
import cn.rtms.rules.SpecOutlines;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The case-form definitions ({@code case-forms/*.yaml}), one per spec edition, validated
 * when the application starts: a broken file, a spec edition without a form or a form
 * without a spec stops startup with file, path and problem named. The UI form and the
 * Excel template of a technology are generated from {@link #commonFields} plus the form's
 * {@link CaseForm#fields()}.
 */
@Service
public class CaseForms {

	/** 离院方式 codes (病案首页) and their Chinese names. */
	public static final Map<String, String> DISCHARGE_STATUSES = orderedMap("ORDERED", "医嘱离院", "TRANSFER_HOSPITAL",
			"医嘱转院", "TRANSFER_COMMUNITY", "医嘱转社区卫生服务机构/乡镇卫生院", "AGAINST_ADVICE", "非医嘱离院", "AUTO_DISCHARGE_IRREVERSIBLE",
			"自动出院（疾病不可逆）", "DEATH", "死亡", "OTHER", "其他");

	/** Clavien-Dindo grades of complications. */
	public static final Map<String, String> COMPLICATION_GRADES = orderedMap("I", "Ⅰ级", "II", "Ⅱ级", "III", "Ⅲ级", "IV",
			"Ⅳ级", "V", "Ⅴ级（死亡）");

	/** Patient sex codes. */
	public static final Map<String, String> SEXES = orderedMap("M", "男", "F", "女");

	private static final Logger log = LoggerFactory.getLogger(CaseForms.class);

	private final Map<String, CaseForm> forms;

	private final SpecOutlines specs;

	@Autowired
	CaseForms(SpecOutlines specs) {
		this(specs, sources());
	}

	CaseForms(SpecOutlines specs, Map<String, String> sources) {
		this.specs = specs;
		List<CaseForm> loaded = new CaseFormLoader().loadAll(sources);
		List<CaseFormProblem> problems = new ArrayList<>();
		Set<String> formKeys = loaded.stream().map(CaseForm::key).collect(Collectors.toSet());
		for (SpecOutline spec : specs.all()) {
			if (!formKeys.contains(spec.key())) {
				problems.add(new CaseFormProblem(spec.key() + ".yaml", "$", "管理规范 " + spec.key() + " 没有对应的病例表单"));
			}
		}
		for (CaseForm form : loaded) {
			Optional<SpecOutline> spec = specs.all().stream().filter(s -> s.key().equals(form.key())).findFirst();
			if (spec.isEmpty()) {
				problems.add(new CaseFormProblem(form.key() + ".yaml", "$", "没有与病例表单 " + form.key() + " 对应的管理规范版本"));
				continue;
			}
			problems.addAll(CaseFormLoader.checkAgainstSpec(form, spec.get().subTechniques().keySet(),
					spec.get().routes().keySet()));
		}
		if (!problems.isEmpty()) {
			throw new CaseFormInvalid(problems);
		}
		Map<String, CaseForm> byKey = new LinkedHashMap<>();
		loaded.forEach(f -> byKey.put(f.key(), f));
		this.forms = byKey;
		log.info("已加载 {} 个病例表单：{}", byKey.size(), byKey.keySet());
	}

	static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:case-forms/*.yaml")) {
				sources.put(String.valueOf(resource.getFilename()),
						resource.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取病例表单文件：" + ex.getMessage(), ex);
		}
		return sources;
	}

	/**
	 * @return every form, ordered by key
	 */
	public List<CaseForm> all() {
		return List.copyOf(this.forms.values());
	}

	/**
	 * @param key e.g. {@code G08-2023}
	 * @return the form
	 * @throws UnknownCaseForm when there is none
	 */
	public CaseForm get(String key) {
		CaseForm form = this.forms.get(key);
		if (form == null) {
			throw new UnknownCaseForm(key);
		}
		return form;
	}

	/**
	 * The form of the edition in force on a day: the newest edition whose spec applies
	 * that day; in a gap between editions the newest one already issued; before the first
	 * edition the first one.
	 * @param technology technology code
	 * @param day the operation day
	 * @return the form
	 * @throws UnknownCaseForm when the technology has no form
	 */
	public CaseForm forTechnology(String technology, LocalDate day) {
		return get(spec(technology, day, null).key());
	}

	/**
	 * As {@link #forTechnology(String, LocalDate)}, preferring a provincial edition of
	 * the institution's province.
	 * @param technology technology code
	 * @param day the operation day
	 * @param regionCode the institution's region, or null
	 * @return the form
	 * @throws UnknownCaseForm when the technology has no form
	 */
	public CaseForm forTechnology(String technology, LocalDate day, @Nullable String regionCode) {
		return get(spec(technology, day, regionCode).key());
	}

	/**
	 * @param technology technology code
	 * @param day the operation day
	 * @param regionCode the institution's region, or null
	 * @return the spec edition whose form and code lists apply (see
	 * {@link #forTechnology})
	 * @throws UnknownCaseForm when the technology has no edition
	 */
	SpecOutline spec(String technology, LocalDate day, @Nullable String regionCode) {
		Optional<SpecOutline> inForce = this.specs.inForce(technology, day, regionCode);
		if (inForce.isPresent()) {
			return inForce.get();
		}
		List<SpecOutline> editions = this.specs.editions(technology);
		if (editions.isEmpty()) {
			throw new UnknownCaseForm(technology);
		}
		return editions.stream()
			.filter(s -> !s.effectiveFrom().isAfter(day))
			.max(Comparator.comparing(SpecOutline::effectiveFrom))
			.orElse(editions.get(0));
	}

	/**
	 * The common fields of every case as field descriptors, with the sub-techniques and
	 * routes of the edition in force as CHOICE options.
	 * @param technology technology code
	 * @param day the operation day
	 * @return the descriptors, in form order
	 * @throws UnknownCaseForm when the technology has no form
	 */
	public List<CaseField> commonFields(String technology, LocalDate day) {
		return commonFields(spec(technology, day, null));
	}

	/**
	 * @param technology technology code
	 * @param day the operation day
	 * @return the procedure code list of the edition in force (empty when the spec has
	 * none, so no code is flagged)
	 * @throws UnknownCaseForm when the technology has no form
	 */
	public List<CodeName> procedureCodes(String technology, LocalDate day) {
		return spec(technology, day, null).procedureCodes()
			.stream()
			.map(c -> new CodeName(c.code(), c.name(), c.subTechnique()))
			.toList();
	}

	/**
	 * A procedure code of a spec's code list.
	 *
	 * @param code ICD-9-CM-3 code
	 * @param name Chinese name
	 * @param subTechnique the sub-technique it belongs to, if the spec says
	 */
	public record CodeName(String code, String name, @Nullable String subTechnique) {
	}

	static List<CaseField> commonFields(SpecOutline spec) {
		List<CaseField> fields = new ArrayList<>();
		fields.add(text("medicalRecordNo", "病案号", 40, true, "病案"));
		fields.add(text("inpatientNo", "住院号", 40, false, "病案"));
		fields.add(text("patientName", "患者姓名", 50, true, "患者"));
		fields.add(new CaseField("patientIdNumber", "身份证号", FieldType.TEXT, false, null, null, null, 18, List.of(),
				null, null, "18 位居民身份证号码（校验码按 GB 11643）", "患者"));
		fields.add(text("patientPhone", "联系电话", 20, false, "患者"));
		fields.add(choice("patientSex", "性别", SEXES, true, "患者"));
		fields.add(simple("patientBirthDate", "出生日期", FieldType.DATE, false, "患者"));
		List<Option> subs = spec.subTechniques()
			.entrySet()
			.stream()
			.map(s -> new Option(s.getKey(), s.getValue()))
			.toList();
		if (!subs.isEmpty()) {
			fields.add(new CaseField("subTechnique", "子技术", FieldType.CHOICE, true, null, null, null, null, subs, null,
					null, null, "手术"));
		}
		List<Option> routes = spec.routes().entrySet().stream().map(s -> new Option(s.getKey(), s.getValue())).toList();
		if (!routes.isEmpty()) {
			fields.add(new CaseField("route", "治疗途径", FieldType.CHOICE, false, null, null, null, null, routes, null,
					null, null, "手术"));
		}
		fields.add(new CaseField("procedureCodes", "手术操作编码", FieldType.TEXT, false, null, null, null, 400, List.of(),
				null, null,
				"ICD-9-CM-3 国家临床版编码，多个以 ; 或 ， 分隔" + (spec.procedureCodes().isEmpty() ? "" : "；规范编码表外的编码将提示"), "手术"));
		fields.add(simple("admissionDate", "入院日期", FieldType.DATE, true, "日期"));
		fields.add(simple("operationDate", "手术/治疗日期", FieldType.DATE, true, "日期"));
		fields.add(simple("dischargeDate", "出院日期", FieldType.DATE, false, "日期"));
		fields.add(text("department", "科室", 60, true, "手术"));
		fields.add(new CaseField("operator", "术者", FieldType.PERSON, true, null, null, null, null, List.of(), null,
				null, "本院执业注册的医师（Excel 中填姓名或医师执业证书编码）", "手术"));
		fields.add(new CaseField("assistants", "助手", FieldType.PERSON, false, null, null, null, null, List.of(), null,
				null, "本院人员，可多人", "手术"));
		fields.add(simple("informedConsent", "已签署知情同意书", FieldType.BOOLEAN, true, "手术"));
		fields.add(new CaseField("complications", "并发症", FieldType.TEXT, false, null, null, null, 100, List.of(), null,
				null, "名称、发生日期、Clavien-Dindo 分级（Ⅰ–Ⅴ）、类型（病例表单的并发症类型）、是否严重并发症", "转归"));
		fields.add(simple("deathDate", "死亡日期", FieldType.DATE, false, "转归"));
		fields.add(choice("dischargeStatus", "离院方式", DISCHARGE_STATUSES, false, "转归"));
		fields.add(new CaseField("devices", "器械/耗材", FieldType.TEXT, false, null, null, null, 200, List.of(), null,
				null, "扫码枪扫描条码（GS1 UDI、MA 码或其他条码）", "器械"));
		return List.copyOf(fields);
	}

	private static CaseField text(String key, String label, int maxLength, boolean required, String group) {
		return new CaseField(key, label, FieldType.TEXT, required, null, null, null, maxLength, List.of(), null, null,
				null, group);
	}

	private static CaseField simple(String key, String label, FieldType type, boolean required, String group) {
		return new CaseField(key, label, type, required, null, null, null, null, List.of(), null, null, null, group);
	}

	private static CaseField choice(String key, String label, Map<String, String> options, boolean required,
			String group) {
		return new CaseField(key, label, FieldType.CHOICE, required, null, null, null, null,
				options.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(), null, null, null,
				group);
	}

	private static Map<String, String> orderedMap(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
