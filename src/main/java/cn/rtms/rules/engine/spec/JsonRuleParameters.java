package cn.rtms.rules.engine.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.rule.RuleKinds;
import cn.rtms.rules.engine.rule.RuleParameters;
import cn.rtms.rules.engine.rule.RuleScope;
import cn.rtms.rules.engine.rule.TraineeQualifiedRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Rule parameters read from a spec file's JSON tree, reporting problems with their JSON
 * path.
 */
final class JsonRuleParameters implements RuleParameters {

	private final JsonNode node;

	private final String path;

	private final Problems problems;

	private final Subject subject;

	private final Set<String> read = new HashSet<>();

	private JsonRuleParameters(JsonNode node, String path, Problems problems, Subject subject) {
		this.node = node;
		this.path = path;
		this.problems = problems;
		this.subject = subject;
	}

	/**
	 * Parses a rule object, checking its kind, its parameters and that it suits the
	 * clause subject.
	 */
	static @Nullable Rule parse(JsonNode node, String path, Problems problems, Subject subject) {
		JsonNode kindNode = node.get("kind");
		if (kindNode == null || !kindNode.isString()) {
			problems.add(path + ".kind", "缺少规则类型 kind");
			return null;
		}
		String kind = kindNode.stringValue();
		JsonRuleParameters parameters = new JsonRuleParameters(node, path, problems, subject);
		Rule rule = RuleKinds.create(kind, parameters);
		if (rule == null) {
			problems.add(path + ".kind", "未知规则类型“" + kind + "”，可用：" + String.join("、", RuleKinds.names()));
			return null;
		}
		for (String name : node.propertyNames()) {
			if (!name.equals("kind") && !name.equals("asOf") && !parameters.read.contains(name)) {
				problems.add(path + "." + name, "规则 " + kind + " 不支持参数“" + name + "”");
			}
		}
		boolean personSubject = subject == Subject.PHYSICIAN || subject == Subject.STAFF || subject == Subject.TRAINEE;
		if (rule.scope() == RuleScope.PERSON && !personSubject) {
			problems.add(path + ".kind", "人员规则 " + kind + " 不能用于主体为 " + subject + " 的条款");
		}
		if (rule.scope() == RuleScope.INSTITUTION && personSubject) {
			problems.add(path + ".kind", "机构规则 " + kind + " 不能用于主体为 " + subject + " 的条款");
		}
		if (rule instanceof TraineeQualifiedRule && subject == Subject.TRAINEE) {
			problems.add(path + ".kind", "学员条款不能引用 traineeQualified（循环引用）");
		}
		JsonNode asOf = node.get("asOf");
		if (asOf != null) {
			if (!asOf.isString() || !"ISSUE_DATE".equals(asOf.stringValue())) {
				problems.add(path + ".asOf", "asOf 只能为 ISSUE_DATE");
			}
			else {
				return new IssueDateRule(rule);
			}
		}
		return rule;
	}

	private @Nullable JsonNode value(String name) {
		this.read.add(name);
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private String at(String name) {
		return name.isEmpty() ? this.path : this.path + "." + name;
	}

	@Override
	public int requiredCount(String name) {
		Integer value = optionalCount(name);
		if (value == null) {
			if (!has(name)) {
				problem(name, "缺少必填参数");
			}
			return 0;
		}
		return value;
	}

	@Override
	public @Nullable Integer optionalCount(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
			problem(name, "必须为非负整数");
			return null;
		}
		return value.intValue();
	}

	@Override
	public String requiredString(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			problem(name, "必须为非空字符串");
			return "";
		}
		return value.stringValue();
	}

	@Override
	public List<String> strings(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			problem(name, "必须为字符串列表");
			return List.of();
		}
		List<String> values = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value.values()) {
			if (!item.isString() || item.stringValue().isBlank()) {
				this.problems.add(at(name) + "[" + index + "]", "必须为非空字符串");
			}
			else {
				values.add(item.stringValue());
			}
			index++;
		}
		return values;
	}

	@Override
	public @Nullable Boolean optionalBoolean(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			problem(name, "必须为 true 或 false");
			return null;
		}
		return value.booleanValue();
	}

	@Override
	public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
		E value = optionalEnum(name, type);
		if (value == null) {
			if (!has(name)) {
				problem(name, "缺少必填参数");
			}
			return type.getEnumConstants()[0];
		}
		return value;
	}

	@Override
	public <E extends Enum<E>> @Nullable E optionalEnum(String name, Class<E> type) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		E constant = constant(value, type);
		if (constant == null) {
			problem(name, "取值必须为以下之一：" + names(type));
		}
		return constant;
	}

	@Override
	public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
		JsonNode value = value(name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			problem(name, "必须为列表");
			return List.of();
		}
		List<E> values = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value.values()) {
			E constant = constant(item, type);
			if (constant == null) {
				this.problems.add(at(name) + "[" + index + "]", "取值必须为以下之一：" + names(type));
			}
			else {
				values.add(constant);
			}
			index++;
		}
		return values;
	}

	private static <E extends Enum<E>> @Nullable E constant(JsonNode value, Class<E> type) {
		if (!value.isString()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.stringValue())) {
				return constant;
			}
		}
		return null;
	}

	private static <E extends Enum<E>> String names(Class<E> type) {
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			names.add(constant.name());
		}
		return String.join("、", names);
	}

	@Override
	public @Nullable RuleParameters object(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			problem(name, "必须为对象");
			return null;
		}
		return new JsonRuleParameters(value, at(name), this.problems, this.subject);
	}

	@Override
	public @Nullable Rule rule(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isObject()) {
			problem(name, "必须为规则对象");
			return null;
		}
		return parse(value, at(name), this.problems, this.subject);
	}

	@Override
	public List<RuleParameters> objects(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isArray() || value.isEmpty()) {
			problem(name, "必须为至少包含一个对象的列表");
			return List.of();
		}
		List<RuleParameters> objects = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value.values()) {
			String itemPath = at(name) + "[" + index++ + "]";
			if (!item.isObject()) {
				this.problems.add(itemPath, "必须为对象");
				continue;
			}
			objects.add(new JsonRuleParameters(item, itemPath, this.problems, this.subject));
		}
		return objects;
	}

	@Override
	public List<Rule> rules(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isArray() || value.isEmpty()) {
			problem(name, "必须为至少包含一条规则的列表");
			return List.of();
		}
		List<Rule> rules = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value.values()) {
			String itemPath = at(name) + "[" + index++ + "]";
			if (!item.isObject()) {
				this.problems.add(itemPath, "必须为规则对象");
				continue;
			}
			Rule rule = parse(item, itemPath, this.problems, this.subject);
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	@Override
	public boolean has(String name) {
		this.read.add(name);
		JsonNode value = this.node.get(name);
		return value != null && !value.isNull();
	}

	@Override
	public void problem(String name, String message) {
		this.problems.add(at(name), message);
	}

}
