package cn.rtms.cases.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseField.Condition;
import cn.rtms.cases.CaseField.FieldType;
import cn.rtms.cases.CaseField.Option;
import cn.rtms.cases.CaseField.Warning;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.FollowUpPoint;
import cn.rtms.web.SchemaMessages;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads case-form files ({@code <technology>-<edition>.yaml}), validates them against
 * {@code case-forms/case-form.schema.json} (JSON Schema 2020-12) and then semantically
 * (unique keys and codes, bounds only where they mean something, conditions naming
 * existing fields and values, follow-up points in order), and builds immutable
 * {@link CaseForm}s. Every problem of every file is reported at once in a
 * {@link CaseFormInvalid} naming file, path and problem. Thread-safe.
 */
public final class CaseFormLoader {

	/** Classpath location of the JSON schema. */
	public static final String SCHEMA_RESOURCE = "/case-forms/case-form.schema.json";

	/**
	 * Keys of the common fields of every case (and Excel columns); a form field may not
	 * reuse them.
	 */
	public static final Set<String> COMMON_KEYS = Set.of("medicalRecordNo", "inpatientNo", "patientName",
			"patientIdNumber", "patientPhone", "patientSex", "patientBirthDate", "subTechnique", "route",
			"procedureCodes", "admissionDate", "operationDate", "dischargeDate", "department", "operator", "assistants",
			"informedConsent", "complications", "deathDate", "dischargeStatus", "devices", "institution", "technology");

	/** Common fields a {@code requiredWhen} may refer to. */
	public static final Set<String> CONDITION_COMMON_KEYS = Set.of("subTechnique", "route", "dischargeStatus");

	private final YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final Schema schema;

	private final JsonNode schemaTree;

	/**
	 * Creates a loader using the schema on the classpath.
	 */
	public CaseFormLoader() {
		try (InputStream in = CaseFormLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("类路径上找不到病例表单 JSON Schema：" + SCHEMA_RESOURCE);
			}
			this.schemaTree = this.yaml.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(this.schemaTree);
	}

	/**
	 * Loads several files given as file name to content.
	 * @param sources file name (e.g. G08-2023.yaml) to YAML text
	 * @return the forms, sorted by key
	 * @throws CaseFormInvalid naming every problem of every file
	 */
	public List<CaseForm> loadAll(Map<String, String> sources) {
		List<CaseFormProblem> problems = new ArrayList<>();
		List<CaseForm> forms = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Map.Entry<String, String> source : sources.entrySet()) {
			try {
				CaseForm form = load(source.getKey(), source.getValue());
				if (!keys.add(form.key())) {
					problems.add(new CaseFormProblem(source.getKey(), "$", "病例表单 " + form.key() + " 重复定义"));
				}
				forms.add(form);
			}
			catch (CaseFormInvalid ex) {
				problems.addAll(ex.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new CaseFormInvalid(problems);
		}
		forms.sort((a, b) -> a.key().compareTo(b.key()));
		return List.copyOf(forms);
	}

	/**
	 * Loads one file's content.
	 * @param fileName the file name, which must be {@code <technology>-<edition>.yaml}
	 * @param yamlText the YAML text
	 * @return the form
	 * @throws CaseFormInvalid naming every problem
	 */
	public CaseForm load(String fileName, String yamlText) {
		List<CaseFormProblem> problems = new ArrayList<>();
		JsonNode root;
		try {
			root = this.yaml.readTree(yamlText);
		}
		catch (JacksonException ex) {
			problems.add(new CaseFormProblem(fileName, "$", "YAML 语法错误：" + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? "（第 " + ex.getLocation().getLineNr() + " 行）" : "")));
			throw new CaseFormInvalid(problems);
		}
		if (root == null || !root.isObject()) {
			problems.add(new CaseFormProblem(fileName, "$", "文件内容必须是一个 YAML 对象"));
			throw new CaseFormInvalid(problems);
		}
		Set<String> seen = new HashSet<>();
		for (Error error : this.schema.validate(root,
				(context) -> context.executionConfig((config) -> config.locale(Locale.SIMPLIFIED_CHINESE)))) {
			String path = SchemaMessages.jsonPath(error.getInstanceLocation());
			String message = SchemaMessages.message(error, this.schemaTree);
			if (message != null && seen.add(path + message)) {
				problems.add(new CaseFormProblem(fileName, path, message));
			}
		}
		if (!problems.isEmpty()) {
			throw new CaseFormInvalid(problems);
		}
		CaseForm form = new Reader(fileName, problems).read(root);
		if (!fileName.equals(form.key() + ".yaml")) {
			problems
				.add(new CaseFormProblem(fileName, "$", "文件名应为 " + form.key() + ".yaml（<technology>-<edition>.yaml）"));
		}
		if (!problems.isEmpty()) {
			throw new CaseFormInvalid(problems);
		}
		return form;
	}

	/**
	 * Checks a form against the spec edition it belongs to: conditions on the
	 * sub-technique or route must name codes the spec declares.
	 * @param form the form
	 * @param subTechniques the spec's sub-technique codes
	 * @param routes the spec's route codes
	 * @return the problems, empty when none
	 */
	public static List<CaseFormProblem> checkAgainstSpec(CaseForm form, Set<String> subTechniques, Set<String> routes) {
		List<CaseFormProblem> problems = new ArrayList<>();
		String file = form.key() + ".yaml";
		for (int i = 0; i < form.fields().size(); i++) {
			Condition condition = form.fields().get(i).requiredWhen();
			if (condition == null) {
				continue;
			}
			Set<String> codes = switch (condition.field()) {
				case "subTechnique" -> subTechniques;
				case "route" -> routes;
				default -> null;
			};
			if (codes != null && !codes.contains(condition.equals())) {
				problems.add(new CaseFormProblem(file, "$.fields[" + i + "].requiredWhen.equals",
						"管理规范 " + form.key() + " 的 " + condition.field() + " 中没有代码 " + condition.equals()));
			}
		}
		return problems;
	}

	/** Builds the model from a schema-valid tree and runs the semantic checks. */
	private static final class Reader {

		private final String file;

		private final List<CaseFormProblem> problems;

		Reader(String file, List<CaseFormProblem> problems) {
			this.file = file;
			this.problems = problems;
		}

		private void problem(String path, String message) {
			this.problems.add(new CaseFormProblem(this.file, path, message));
		}

		CaseForm read(JsonNode root) {
			String technology = root.get("technology").stringValue();
			String edition = root.get("edition").stringValue();
			List<FollowUpPoint> followUps = followUps(root.get("followUps"));
			List<CaseField> fields = new ArrayList<>();
			Map<String, Integer> keys = new HashMap<>();
			int index = 0;
			for (JsonNode node : root.get("fields").values()) {
				String path = "$.fields[" + index + "]";
				CaseField field = field(node, path);
				Integer previous = keys.putIfAbsent(field.key(), index);
				if (previous != null) {
					problem(path + ".key", "字段键 " + field.key() + " 重复（与 $.fields[" + previous + "] 相同）");
				}
				if (COMMON_KEYS.contains(field.key())) {
					problem(path + ".key", "字段键 " + field.key() + " 与公共字段重名");
				}
				fields.add(field);
				index++;
			}
			for (int i = 0; i < fields.size(); i++) {
				checkCondition(fields.get(i), fields, "$.fields[" + i + "].requiredWhen");
				checkBound(fields.get(i), fields, "$.fields[" + i + "].atMost");
			}
			List<Option> complicationTypes = complicationTypes(root.get("complicationTypes"));
			List<String> notes = new ArrayList<>();
			JsonNode notesNode = root.get("notes");
			if (notesNode != null) {
				notesNode.values().forEach(n -> notes.add(n.stringValue()));
			}
			return new CaseForm(technology + "-" + edition, technology, edition, root.get("title").stringValue(),
					followUps, fields, complicationTypes, notes);
		}

		private List<Option> complicationTypes(@Nullable JsonNode array) {
			List<Option> types = new ArrayList<>();
			if (array == null) {
				return types;
			}
			Set<String> codes = new HashSet<>();
			int i = 0;
			for (JsonNode node : array.values()) {
				String code = node.get("code").stringValue();
				if (!codes.add(code)) {
					problem("$.complicationTypes[" + i + "].code", "并发症类型代码 " + code + " 重复");
				}
				types.add(new Option(code, node.get("name").stringValue()));
				i++;
			}
			if (!types.isEmpty() && !codes.contains("OTHER")) {
				problem("$.complicationTypes", "并发症类型须包含 OTHER（其他），以便登记不属于所列类型的并发症");
			}
			return types;
		}

		private List<FollowUpPoint> followUps(JsonNode array) {
			List<FollowUpPoint> points = new ArrayList<>();
			LocalDate base = LocalDate.of(2000, 1, 1);
			LocalDate previousDue = null;
			Set<String> periods = new HashSet<>();
			int index = 0;
			for (JsonNode node : array.values()) {
				String path = "$.followUps[" + index + "]";
				String text = node.get("period").stringValue();
				try {
					Period period = Period.parse(text);
					LocalDate due = base.plus(period);
					if (!due.isAfter(base)) {
						problem(path + ".period", "随访时间点 " + text + " 必须晚于手术日");
					}
					else if (previousDue != null && !due.isAfter(previousDue)) {
						problem(path + ".period", "随访时间点 " + text + " 应晚于前一个时间点（按时间先后排列）");
					}
					previousDue = due;
				}
				catch (DateTimeParseException ex) {
					problem(path + ".period", "不是 ISO-8601 期间：" + text);
				}
				if (!periods.add(text)) {
					problem(path + ".period", "随访时间点 " + text + " 重复");
				}
				points.add(new FollowUpPoint(text, node.get("label").stringValue()));
				index++;
			}
			return points;
		}

		private CaseField field(JsonNode node, String path) {
			String key = node.get("key").stringValue();
			FieldType type = FieldType.valueOf(node.get("type").stringValue());
			boolean required = node.has("required") && node.get("required").booleanValue();
			BigDecimal min = decimal(node, "min");
			BigDecimal max = decimal(node, "max");
			Integer maxLength = node.has("maxLength") ? node.get("maxLength").intValue() : null;
			boolean numeric = type == FieldType.INTEGER || type == FieldType.DECIMAL;
			if ((min != null || max != null) && !numeric) {
				problem(path, "只有 INTEGER、DECIMAL 字段可以填写 min/max");
			}
			if (type == FieldType.INTEGER) {
				if (min != null && min.stripTrailingZeros().scale() > 0) {
					problem(path + ".min", "整数字段的最小值应为整数");
				}
				if (max != null && max.stripTrailingZeros().scale() > 0) {
					problem(path + ".max", "整数字段的最大值应为整数");
				}
			}
			if (min != null && max != null && max.compareTo(min) < 0) {
				problem(path + ".max", "最大值 " + max.toPlainString() + " 小于最小值 " + min.toPlainString());
			}
			if (maxLength != null && type != FieldType.TEXT) {
				problem(path + ".maxLength", "只有 TEXT 字段可以填写 maxLength");
			}
			if (type == FieldType.TEXT && maxLength == null) {
				problem(path, "TEXT 字段必须填写 maxLength");
			}
			List<Option> options = new ArrayList<>();
			JsonNode optionsNode = node.get("options");
			if (optionsNode != null) {
				if (type != FieldType.CHOICE) {
					problem(path + ".options", "只有 CHOICE 字段可以填写 options");
				}
				Set<String> codes = new HashSet<>();
				int i = 0;
				for (JsonNode option : optionsNode.values()) {
					String code = option.get("code").stringValue();
					if (!codes.add(code)) {
						problem(path + ".options[" + i + "].code", "选项代码 " + code + " 重复");
					}
					options.add(new Option(code, option.get("name").stringValue()));
					i++;
				}
			}
			else if (type == FieldType.CHOICE) {
				problem(path, "CHOICE 字段必须填写 options");
			}
			Condition requiredWhen = null;
			JsonNode whenNode = node.get("requiredWhen");
			if (whenNode != null) {
				requiredWhen = new Condition(whenNode.get("field").stringValue(), whenNode.get("equals").stringValue());
				if (required) {
					problem(path + ".requiredWhen", "required 为 true 时不应再填写 requiredWhen");
				}
			}
			Warning warnIf = null;
			JsonNode warnNode = node.get("warnIf");
			if (warnNode != null) {
				warnIf = new Warning(decimal(warnNode, "below"), decimal(warnNode, "above"),
						warnNode.get("code").stringValue(), warnNode.get("message").stringValue());
				if (!numeric) {
					problem(path + ".warnIf", "只有 INTEGER、DECIMAL 字段可以填写 warnIf");
				}
				if (warnIf.below() == null && warnIf.above() == null) {
					problem(path + ".warnIf", "warnIf 须填写 below 或 above");
				}
			}
			String atMost = text(node, "atMost");
			if (atMost != null && !numeric) {
				problem(path + ".atMost", "只有 INTEGER、DECIMAL 字段可以填写 atMost");
			}
			return new CaseField(key, node.get("label").stringValue(), type, required, text(node, "unit"), min, max,
					maxLength, options, requiredWhen, warnIf, text(node, "help"), text(node, "group"), atMost);
		}

		private void checkBound(CaseField field, List<CaseField> fields, String path) {
			String bound = field.atMost();
			if (bound == null) {
				return;
			}
			CaseField other = fields.stream().filter(f -> f.key().equals(bound)).findFirst().orElse(null);
			if (bound.equals(field.key())) {
				problem(path, "atMost 不能引用字段本身");
			}
			else if (other == null) {
				problem(path, "atMost 引用的字段 " + bound + " 不存在");
			}
			else if (other.type() != FieldType.INTEGER && other.type() != FieldType.DECIMAL) {
				problem(path, "atMost 引用的字段 " + bound + " 不是数值字段");
			}
		}

		private void checkCondition(CaseField field, List<CaseField> fields, String path) {
			Condition condition = field.requiredWhen();
			if (condition == null) {
				return;
			}
			if (condition.field().equals(field.key())) {
				problem(path + ".field", "requiredWhen 不能引用字段本身");
				return;
			}
			if (CONDITION_COMMON_KEYS.contains(condition.field())) {
				return;
			}
			CaseField other = fields.stream().filter(f -> f.key().equals(condition.field())).findFirst().orElse(null);
			if (other == null) {
				problem(path + ".field", "requiredWhen 引用的字段 " + condition.field() + " 不存在（可引用本表单字段或 "
						+ String.join("、", CONDITION_COMMON_KEYS.stream().sorted().toList()) + "）");
			}
			else if (other.type() == FieldType.CHOICE && other.option(condition.equals()).isEmpty()) {
				problem(path + ".equals", "字段 " + other.key() + " 没有选项代码 " + condition.equals());
			}
			else if (other.type() == FieldType.BOOLEAN && !Set.of("true", "false").contains(condition.equals())) {
				problem(path + ".equals", "布尔字段 " + other.key() + " 的条件值应为 true 或 false");
			}
			else if (other.type() != FieldType.CHOICE && other.type() != FieldType.BOOLEAN) {
				problem(path + ".field", "requiredWhen 只能引用 CHOICE 或 BOOLEAN 字段");
			}
		}

		private static @Nullable BigDecimal decimal(JsonNode node, String name) {
			JsonNode value = node.get(name);
			return (value == null || value.isNull()) ? null : value.decimalValue();
		}

		private static @Nullable String text(JsonNode node, String name) {
			JsonNode value = node.get(name);
			return (value == null || value.isNull()) ? null : value.stringValue();
		}

	}

}
