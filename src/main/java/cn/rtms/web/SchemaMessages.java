package cn.rtms.web;

import java.util.Arrays;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON-schema validation errors of the platform's declarative files (specs, case
 * forms, indicator sets) into short Chinese messages with the path they point at. Where
 * the failing schema (or its parent) carries a {@code description}, that text is the
 * message for pattern, type and range errors.
 */
public final class SchemaMessages {

	private static final Set<String> DESCRIBED = Set.of("pattern", "type", "minimum", "minLength", "maximum");

	private SchemaMessages() {
	}

	/**
	 * Returns the message, or {@code null} for errors that only repeat others
	 * (if/then/allOf wrappers).
	 * @param error the validator's error
	 * @param schemaTree the schema the file was validated against
	 * @return the message, or {@code null}
	 */
	public static @Nullable String message(Error error, JsonNode schemaTree) {
		String keyword = error.getKeyword();
		Object[] arguments = (error.getArguments() != null) ? error.getArguments() : new Object[0];
		if (keyword == null) {
			return error.getMessage();
		}
		if (DESCRIBED.contains(keyword)) {
			String description = description(error, schemaTree);
			if (description != null) {
				return description;
			}
		}
		return switch (keyword) {
			case "required" -> "缺少必填字段“" + argument(error, arguments, 0) + "”";
			case "additionalProperties" -> "不允许的字段“" + argument(error, arguments, 0) + "”";
			case "enum" -> "取值必须为以下之一：" + argument(error, arguments, 0);
			case "const" -> "取值必须为 " + argument(error, arguments, 0);
			case "type" -> "类型错误：" + Arrays.toString(arguments);
			case "pattern" -> "格式不正确（应匹配 " + argument(error, arguments, 0) + "）";
			case "minimum" -> "不能小于 " + argument(error, arguments, 0);
			case "minItems" -> "至少需要 " + argument(error, arguments, 0) + " 项";
			case "minLength" -> "不能为空";
			case "uniqueItems" -> "列表中有重复项";
			case "propertyNames" -> "参数名应为小驼峰（如 asaMax）";
			case "if", "then", "else", "allOf", "anyOf", "oneOf", "$ref" -> null;
			default -> error.getMessage();
		};
	}

	/**
	 * Renders an instance location as {@code $.clauses[3].rule.min}.
	 * @param location the failing instance's location
	 * @return the path
	 */
	public static String jsonPath(NodePath location) {
		StringBuilder path = new StringBuilder("$");
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Integer index) {
				path.append('[').append(index).append(']');
			}
			else {
				path.append('.').append(element);
			}
		}
		return path.toString();
	}

	private static String argument(Error error, Object[] arguments, int index) {
		if (arguments.length > index && arguments[index] != null) {
			return String.valueOf(arguments[index]);
		}
		return (error.getProperty() != null) ? error.getProperty() : "";
	}

	private static @Nullable String description(Error error, JsonNode schemaTree) {
		String location = String.valueOf(error.getSchemaLocation());
		int hash = location.indexOf('#');
		if (hash < 0) {
			return null;
		}
		String[] segments = location.substring(hash + 1).split("/");
		JsonNode node = schemaTree;
		JsonNode parentOfKeyword = null;
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			if (segment.isEmpty()) {
				continue;
			}
			if (i == segments.length - 1) {
				parentOfKeyword = node;
				break;
			}
			node = node.isArray() ? node.path(Integer.parseInt(segment)) : node.path(segment);
		}
		if (parentOfKeyword == null) {
			return null;
		}
		JsonNode description = parentOfKeyword.get("description");
		return (description != null && description.isString()) ? description.stringValue() : null;
	}

}
