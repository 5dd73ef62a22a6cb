package cn.rtms.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.rtms.identity.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an entry's before/after JSON into a field-by-field list a person can read: nested
 * objects flattened to labelled paths, lists shortened, booleans as 是/否, a code shown
 * through its sibling {@code …Label} field (or a role's label), ids and other internal
 * values left out. Only fields that differ are listed (all of them on creation or for an
 * event's details).
 */
final class AuditChanges {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{2,}");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Set<String> SKIPPED = Set.of("version", "id", "documents", "sha256", "hash", "previousHash");

	private static final int MAX_DEPTH = 3;

	private AuditChanges() {
	}

	static List<AuditView.Change> of(JsonMapper json, @Nullable String before, @Nullable String after) {
		Map<String, String> b = flatten(parse(json, before));
		Map<String, String> a = flatten(parse(json, after));
		Set<String> keys = new LinkedHashSet<>(b.keySet());
		keys.addAll(a.keySet());
		List<AuditView.Change> changes = new ArrayList<>();
		for (String key : keys) {
			String was = b.get(key);
			String now = a.get(key);
			if (!Objects.equals(was, now)) {
				changes.add(new AuditView.Change(label(key), was, now));
			}
		}
		return changes;
	}

	private static @Nullable JsonNode parse(JsonMapper json, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return json.readTree(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Map<String, String> flatten(@Nullable JsonNode node) {
		Map<String, String> out = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			flatten(node, "", 0, out);
		}
		else if (node != null && !node.isNull()) {
			String value = value(node, null);
			if (value != null) {
				out.put("value", value);
			}
		}
		return out;
	}

	private static void flatten(JsonNode object, String prefix, int depth, Map<String, String> out) {
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (SKIPPED.contains(name) || name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("Label")) {
				continue;
			}
			String path = prefix.isEmpty() ? name : prefix + "." + name;
			if (value.isObject() && depth < MAX_DEPTH) {
				flatten(value, path, depth + 1, out);
				continue;
			}
			JsonNode sibling = object.get(name + "Label");
			String text = (sibling != null && sibling.isString()) ? sibling.asString() : value(value, name);
			if (text != null) {
				out.put(path, text);
			}
		}
	}

	/**
	 * @return the readable value, or null when it is internal (an id) or cannot be shown
	 * without a code
	 */
	private static @Nullable String value(JsonNode value, @Nullable String name) {
		if (value.isNull() || value.isMissingNode()) {
			return "—";
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "是" : "否";
		}
		if (value.isNumber()) {
			return value.asString();
		}
		if (value.isArray()) {
			if (value.isEmpty()) {
				return "（无）";
			}
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				// a list of named things (the experts of a draw) by their names
				String text = item.isValueNode() ? value(item, name)
						: (item.isObject() && item.path("name").isString()) ? item.get("name").asString() : null;
				if (text == null) {
					return "共 " + value.size() + " 项";
				}
				items.add(text);
			}
			return String.join("、", items);
		}
		if (value.isObject()) {
			return "共 " + value.size() + " 项";
		}
		String text = value.asString();
		if (UUID_TEXT.matcher(text).find()) {
			return null;
		}
		if (CODE.matcher(text).matches()) {
			return codeLabel(text);
		}
		return text;
	}

	private static String codeLabel(String code) {
		String known = AuditLabels.valueLabel(code);
		if (known != null) {
			return known;
		}
		for (Role role : Role.values()) {
			if (role.name().equals(code)) {
				return role.label();
			}
		}
		String step = AuditLabels.actionLabel("FILING_" + code);
		return step != null ? step : "（代码值）";
	}

	private static String label(String path) {
		String[] parts = path.split("\\.");
		List<String> labels = new ArrayList<>();
		for (String part : parts) {
			String label = AuditLabels.fieldLabel(part);
			labels.add(label != null ? label : part);
		}
		return String.join(" · ", labels);
	}

}
