package cn.rtms.indicators.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import cn.rtms.indicators.Threshold;
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
 * Reads indicator files ({@code indicators/<KEY>.yaml}), validates them against
 * {@code indicators/indicator-set.schema.json} (JSON Schema 2020-12) and then
 * semantically (unique codes, parents declared before their sub-indicators, fields each
 * source knows, one operator per comparison, parameters that exist, ordinal comparisons
 * on declared orders, measures and units that fit the kind), and builds immutable
 * {@link IndicatorSet}s. Every problem of every file is reported at once in a
 * {@link DictionaryInvalid} naming file, path and problem. Thread-safe.
 */
public final class IndicatorSetLoader {

	/** Classpath location of the JSON schema. */
	public static final String SCHEMA_RESOURCE = "/indicators/indicator-set.schema.json";

	/** Fields of a case every CASE indicator may use, beside the case form's own keys. */
	public static final Set<String> CASE_FIELDS = Set.of("operationDate", "admissionDate", "dischargeDate", "deathDate",
			"followUpDeathDate", "dischargeStatus", "department", "technology", "subTechnique", "formKey", "bedDays",
			"stayBedDays");

	/** Fields of a discharge-scan procedure (source DISCHARGE_PROCEDURE). */
	public static final Set<String> PROCEDURE_FIELDS = Set.of("procedureDate", "technology", "subTechnique",
			"department", "reported");

	/** Fields of a practised technology (source PRACTICE). */
	public static final Set<String> PRACTICE_FIELDS = Set.of("technology", "filingActive");

	/** {@code followUp.P6M.performedOn}, {@code followUp.P1Y.vitalStatus}. */
	public static final Pattern FOLLOW_UP_FIELD = Pattern
		.compile("followUp\\.P([0-9]+)([MY])\\.(performedOn|vitalStatus)");

	private static final Set<String> COMPARISONS = Set.of("gt", "ge", "lt", "le", "eq", "in", "isNull");

	private static final Set<String> RATE_UNITS = Set.of("CASE", "PATIENT", "LESION", "DISCHARGE", "TECHNOLOGY");

	private static final Set<String> AVERAGE_UNITS = Set.of("DAY", "MINUTE");

	private final YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final Schema schema;

	/**
	 * Creates a loader using the schema on the classpath.
	 */
	public IndicatorSetLoader() {
		try (InputStream in = IndicatorSetLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("类路径上找不到质控指标 JSON Schema：" + SCHEMA_RESOURCE);
			}
			JsonNode schemaTree = this.yaml.readTree(in);
			this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaTree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Loads several files.
	 * @param sources file name (e.g. G08-2023.yaml) to YAML text
	 * @return the sets, sorted by key
	 * @throws DictionaryInvalid naming every problem of every file
	 */
	public List<IndicatorSet> loadAll(Map<String, String> sources) {
		List<DictionaryProblem> problems = new ArrayList<>();
		List<IndicatorSet> sets = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (Map.Entry<String, String> source : sources.entrySet()) {
			try {
				IndicatorSet set = load(source.getKey(), source.getValue());
				for (int i = 0; i < set.indicators().size(); i++) {
					if (!codes.add(set.indicators().get(i).code())) {
						problems.add(new DictionaryProblem(source.getKey(), "$.indicators[" + i + "].code",
								"指标代码 " + set.indicators().get(i).code() + " 已在其他指标集中使用"));
					}
				}
				sets.add(set);
			}
			catch (DictionaryInvalid ex) {
				problems.addAll(ex.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new DictionaryInvalid(problems);
		}
		sets.sort((a, b) -> a.key().compareTo(b.key()));
		return List.copyOf(sets);
	}

	/**
	 * Loads one file.
	 * @param fileName the file name, which must be {@code <KEY>.yaml}
	 * @param yamlText the YAML text
	 * @return the set
	 * @throws DictionaryInvalid naming every problem
	 */
	public IndicatorSet load(String fileName, String yamlText) {
		List<DictionaryProblem> problems = new ArrayList<>();
		JsonNode root;
		try {
			root = this.yaml.readTree(yamlText);
		}
		catch (JacksonException ex) {
			problems.add(new DictionaryProblem(fileName, "$", "YAML 语法错误：" + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? "（第 " + ex.getLocation().getLineNr() + " 行）" : "")));
			throw new DictionaryInvalid(problems);
		}
		if (root == null || !root.isObject()) {
			problems.add(new DictionaryProblem(fileName, "$", "文件内容必须是一个 YAML 对象"));
			throw new DictionaryInvalid(problems);
		}
		Set<String> seen = new HashSet<>();
		for (Error error : this.schema.validate(root,
				(context) -> context.executionConfig((config) -> config.locale(Locale.SIMPLIFIED_CHINESE)))) {
			String path = SchemaMessages.jsonPath(error.getInstanceLocation());
			String message = message(error);
			if (message != null && seen.add(path + message)) {
				problems.add(new DictionaryProblem(fileName, path, message));
			}
		}
		if (!problems.isEmpty()) {
			throw new DictionaryInvalid(problems);
		}
		IndicatorSet set = new Reader(fileName, problems).read(root);
		if (!fileName.equals(set.key() + ".yaml")) {
			problems.add(new DictionaryProblem(fileName, "$.key", "文件名应为 " + set.key() + ".yaml"));
		}
		if (!problems.isEmpty()) {
			throw new DictionaryInvalid(problems);
		}
		return set;
	}

	private static @Nullable String message(Error error) {
		String keyword = error.getKeyword();
		Object[] arguments = (error.getArguments() != null) ? error.getArguments() : new Object[0];
		String first = (arguments.length > 0 && arguments[0] != null) ? String.valueOf(arguments[0])
				: String.valueOf(error.getProperty());
		if (keyword == null) {
			return error.getMessage();
		}
		return switch (keyword) {
			case "required" -> "缺少必填字段“" + first + "”";
			case "additionalProperties" -> "不允许的字段“" + first + "”";
			case "enum" -> "取值必须为以下之一：" + first;
			case "pattern" -> "格式不正确（应匹配 " + first + "）";
			case "minItems" -> "至少需要 " + first + " 项";
			case "minLength" -> "不能为空";
			case "uniqueItems" -> "列表中有重复项";
			case "if", "then", "else", "allOf", "anyOf", "$ref" -> null;
			default -> error.getMessage();
		};
	}

	/** Builds the model from a schema-valid tree and runs the semantic checks. */
	private static final class Reader {

		private final String file;

		private final List<DictionaryProblem> problems;

		private final Map<String, String> parameters = new LinkedHashMap<>();

		Reader(String file, List<DictionaryProblem> problems) {
			this.file = file;
			this.problems = problems;
		}

		private void problem(String path, String message) {
			this.problems.add(new DictionaryProblem(this.file, path, message));
		}

		IndicatorSet read(JsonNode root) {
			String key = root.get("key").stringValue();
			String technology = text(root, "technology");
			if ("HOSPITAL".equals(key) != (technology == null)) {
				problem("$.technology", "HOSPITAL 指标集不属于某一技术，其他指标集必须写 technology");
			}
			if (technology != null && !key.startsWith(technology + "-")) {
				problem("$.technology", "technology " + technology + " 与指标集代码 " + key + " 不一致");
			}
			JsonNode params = root.get("parameters");
			if (params != null) {
				for (Map.Entry<String, JsonNode> p : params.properties()) {
					this.parameters.put(p.getKey(), p.getValue().isNumber()
							? p.getValue().decimalValue().toPlainString() : p.getValue().stringValue());
				}
			}
			JsonNode applies = root.get("appliesTo");
			List<String> technologies = strings(applies.get("technologies"));
			List<String> formKeys = strings(applies.get("formKeys"));
			List<Indicator> indicators = new ArrayList<>();
			Set<String> codes = new HashSet<>();
			JsonNode list = root.get("indicators");
			for (int i = 0; i < list.size(); i++) {
				Indicator indicator = indicator(list.get(i), "$.indicators[" + i + "]", key, codes);
				indicators.add(indicator);
			}
			IndicatorSetView view = new IndicatorSetView(key, technology, root.get("edition").stringValue(),
					root.get("title").stringValue(), root.get("source").stringValue(),
					indicators.stream().map(Indicator::view).toList(), strings(root.get("notes")));
			return new IndicatorSet(view, technologies, formKeys, Map.copyOf(this.parameters), List.copyOf(indicators));
		}

		private Indicator indicator(JsonNode node, String path, String setKey, Set<String> codes) {
			String code = node.get("code").stringValue();
			String prefix = "HOSPITAL".equals(setKey) ? "HOSPITAL." : setKey.substring(0, 3) + ".";
			if (!code.startsWith(prefix)) {
				problem(path + ".code", "指标代码 " + code + " 应以 " + prefix + " 开头");
			}
			String parent = text(node, "parent");
			if (parent != null && !codes.contains(parent)) {
				problem(path + ".parent", "上级指标 " + parent + " 不存在或未在本指标之前定义");
			}
			if (!codes.add(code)) {
				problem(path + ".code", "指标代码 " + code + " 重复");
			}
			String unit = node.get("unit").stringValue();
			String kind = node.get("kind").stringValue();
			if ("RATE".equals(kind) && !RATE_UNITS.contains(unit)) {
				problem(path + ".unit", "率（RATE）的计数单位应为 " + RATE_UNITS + " 之一，而不是 " + unit);
			}
			if ("AVERAGE".equals(kind) && !AVERAGE_UNITS.contains(unit)) {
				problem(path + ".unit", "平均值（AVERAGE）的单位应为 " + AVERAGE_UNITS + " 之一，而不是 " + unit);
			}
			String source = (text(node, "source") != null) ? text(node, "source") : "CASE";
			Set<String> sourceFields = switch (source) {
				case "DISCHARGE_PROCEDURE" -> PROCEDURE_FIELDS;
				case "PRACTICE" -> PRACTICE_FIELDS;
				default -> CASE_FIELDS;
			};
			Threshold threshold = null;
			JsonNode t = node.get("threshold");
			if (t != null) {
				threshold = new Threshold(t.get("comparator").stringValue(), t.get("value").decimalValue(),
						t.get("clause").stringValue());
			}
			List<String> stratifiers = strings(node.get("stratifiers"));
			if (stratifiers.size() > 1) {
				problem(path + ".stratifiers", "每个指标最多一个分层字段（下钻按该字段的取值定位分层）");
			}
			for (int i = 0; i < stratifiers.size(); i++) {
				if (!"CASE".equals(source) && !sourceFields.contains(stratifiers.get(i))) {
					problem(path + ".stratifiers[" + i + "]", "数据来源 " + source + " 没有字段 " + stratifiers.get(i));
				}
			}
			Measure numerator = measure(node.get("numerator"), path + ".numerator", source, sourceFields);
			Measure denominator = measure(node.get("denominator"), path + ".denominator", source, sourceFields);
			IndicatorView view = new IndicatorView(code, node.get("name").stringValue(),
					node.get("definition").stringValue(), unit, kind, node.get("attribution").stringValue(),
					node.get("direction").stringValue(), threshold, parent, stratifiers,
					node.get("clause").stringValue(), strings(node.get("notes")));
			return new Indicator(view, source, numerator, denominator);
		}

		private Measure measure(JsonNode node, String path, String source, Set<String> sourceFields) {
			String kind = node.get("measure").stringValue();
			String field = text(node, "field");
			Set<String> allowed = switch (source) {
				case "DISCHARGE_PROCEDURE" -> Set.of("COUNT_PROCEDURES");
				case "PRACTICE" -> Set.of("COUNT_TECHNOLOGIES");
				default -> Set.of("COUNT_CASES", "COUNT_PATIENTS", "COUNT_DISCHARGES", "SUM", "SUM_BED_DAYS");
			};
			if (!allowed.contains(kind)) {
				problem(path + ".measure", "数据来源 " + source + " 的计量只能是 " + allowed);
			}
			if ("SUM".equals(kind) && field == null) {
				problem(path + ".field", "SUM 需要写求和字段 field");
			}
			if (!"SUM".equals(kind) && field != null) {
				problem(path + ".field", "只有 SUM 才写 field");
			}
			JsonNode where = node.get("where");
			Filter filter = (where == null) ? new Filter.Always()
					: filter(where, path + ".where", source, sourceFields);
			return new Measure(kind, field, filter);
		}

		private Filter filter(JsonNode node, String path, String source, Set<String> sourceFields) {
			List<String> keys = new ArrayList<>();
			node.properties().forEach(e -> keys.add(e.getKey()));
			Set<String> combinators = Set.of("all", "any", "not", "withinDaysOfOperation", "horizonReached",
					"complication");
			List<String> used = keys.stream().filter(combinators::contains).toList();
			boolean hasField = keys.contains("field");
			if (used.size() + (hasField ? 1 : 0) != 1 && !(hasField && used.equals(List.of("withinDaysOfOperation")))) {
				problem(path, "一个条件只能是 all / any / not / complication / horizonReached 之一，或一个字段比较（field 加一个比较运算）");
				return new Filter.Always();
			}
			if (keys.contains("all") || keys.contains("any")) {
				String k = keys.contains("all") ? "all" : "any";
				List<Filter> parts = new ArrayList<>();
				JsonNode list = node.get(k);
				for (int i = 0; i < list.size(); i++) {
					parts.add(filter(list.get(i), path + "." + k + "[" + i + "]", source, sourceFields));
				}
				return "all".equals(k) ? new Filter.All(List.copyOf(parts)) : new Filter.Any(List.copyOf(parts));
			}
			if (keys.contains("not")) {
				return new Filter.Not(filter(node.get("not"), path + ".not", source, sourceFields));
			}
			if (keys.contains("horizonReached")) {
				caseOnly(path, source, "horizonReached");
				return new Filter.HorizonReached(months(node.get("horizonReached").stringValue()));
			}
			if (keys.contains("complication")) {
				caseOnly(path, source, "complication");
				JsonNode c = node.get("complication");
				return new Filter.HasComplication(c.has("serious") ? c.get("serious").booleanValue() : null,
						text(c, "type"), c.has("withinDays") ? c.get("withinDays").intValue() : null);
			}
			String field = node.get("field").stringValue();
			checkField(path + ".field", field, source, sourceFields);
			if (keys.contains("withinDaysOfOperation")) {
				caseOnly(path, source, "withinDaysOfOperation");
				if (keys.size() != 2) {
					problem(path, "withinDaysOfOperation 只与 field 一起使用");
				}
				return new Filter.WithinDaysOfOperation(field, node.get("withinDaysOfOperation").intValue());
			}
			List<String> ops = keys.stream().filter(COMPARISONS::contains).toList();
			if (ops.size() != 1) {
				problem(path, "字段比较需要且只能有一个比较运算（gt/ge/lt/le/eq/in/isNull），实际：" + ops);
				return new Filter.Always();
			}
			String op = ops.get(0);
			JsonNode value = node.get(op);
			List<String> order = strings(node.get("order"));
			if (!order.isEmpty() && !Set.of("gt", "ge", "lt", "le").contains(op)) {
				problem(path + ".order", "order 只用于 gt/ge/lt/le 的等级比较");
			}
			if (keys.size() != (order.isEmpty() ? 2 : 3)) {
				problem(path, "字段比较中有多余的内容：" + keys);
			}
			return switch (op) {
				case "isNull" -> new Filter.Compare(field, value.booleanValue() ? "IS_NULL" : "NOT_NULL", List.of());
				case "in" -> {
					List<Object> values = new ArrayList<>();
					value.values().forEach(v -> values.add(scalar(v)));
					yield new Filter.Compare(field, "IN", List.copyOf(values));
				}
				default -> {
					Object v = resolve(value, path + "." + op);
					if (!order.isEmpty()) {
						int at = order.indexOf(String.valueOf(v));
						if (at < 0) {
							problem(path + "." + op, "取值 " + v + " 不在 order " + order + " 中");
							yield new Filter.Always();
						}
						List<Object> in = new ArrayList<>();
						for (int i = 0; i < order.size(); i++) {
							boolean keep = switch (op) {
								case "gt" -> i > at;
								case "ge" -> i >= at;
								case "lt" -> i < at;
								default -> i <= at;
							};
							if (keep) {
								in.add(order.get(i));
							}
						}
						yield new Filter.Compare(field, "IN", List.copyOf(in));
					}
					if (!"eq".equals(op) && !(v instanceof BigDecimal)) {
						problem(path + "." + op, op + " 需要数值（等级代码的比较请写 order）");
					}
					yield new Filter.Compare(field, op.toUpperCase(Locale.ROOT), List.of(v));
				}
			};
		}

		private void caseOnly(String path, String source, String what) {
			if (!"CASE".equals(source)) {
				problem(path, what + " 只用于病例数据来源（CASE）");
			}
		}

		private void checkField(String path, String field, String source, Set<String> sourceFields) {
			if (!"CASE".equals(source)) {
				if (!sourceFields.contains(field)) {
					problem(path, "数据来源 " + source + " 没有字段 " + field + "，可用：" + sourceFields);
				}
				return;
			}
			if (field.startsWith("followUp.") && !FOLLOW_UP_FIELD.matcher(field).matches()) {
				problem(path, "随访字段应形如 followUp.P1Y.performedOn 或 followUp.P1Y.vitalStatus");
			}
			else if (field.contains(".") && !field.startsWith("followUp.")) {
				problem(path, "未知字段 " + field + "：病例字段为 " + CASE_FIELDS + " 或病例表单字段 key");
			}
		}

		private Object resolve(JsonNode value, String path) {
			if (value.isObject()) {
				String name = value.get("param").stringValue();
				String p = this.parameters.get(name);
				if (p == null) {
					problem(path + ".param", "参数 " + name + " 未在 parameters 中定义");
					return "";
				}
				return p;
			}
			return scalar(value);
		}

		private static Object scalar(JsonNode v) {
			if (v.isNumber()) {
				return v.decimalValue();
			}
			if (v.isBoolean()) {
				return v.booleanValue();
			}
			return v.stringValue();
		}

		private static int months(String period) {
			Matcher m = Pattern.compile("P([0-9]+)([MY])").matcher(period);
			if (!m.matches()) {
				throw new IllegalStateException(period);
			}
			int n = Integer.parseInt(m.group(1));
			return "Y".equals(m.group(2)) ? n * 12 : n;
		}

		private static List<String> strings(@Nullable JsonNode array) {
			List<String> list = new ArrayList<>();
			if (array != null) {
				array.values().forEach(n -> list.add(n.stringValue()));
			}
			return List.copyOf(list);
		}

		private static @Nullable String text(JsonNode node, String field) {
			JsonNode value = node.get(field);
			return (value == null || value.isNull()) ? null : value.stringValue();
		}

	}

}
