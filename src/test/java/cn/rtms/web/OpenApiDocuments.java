package cn.rtms.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI document ({@code frontend/openapi.json}): a stable text form of
 * the served document, and a readable list of differences between two documents.
 * <p>
 * Stable means: the {@code servers} entry (it names the random port) is dropped, the keys
 * of every object are sorted except the {@code properties} of a schema (they keep the
 * order of the record's components, which is stable and reads better in the generated
 * types), tags are sorted by name, and the text is indented JSON ending in a newline.
 */
final class OpenApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final int MAX_DIFFERENCES = 40;

	private OpenApiDocuments() {
	}

	static JsonNode read(String text) {
		return JSON.readTree(text);
	}

	static String write(JsonNode document) {
		return JSON.writeValueAsString(document) + "\n";
	}

	static JsonNode normalize(JsonNode document) {
		ObjectNode copy = (ObjectNode) sorted(document, false);
		copy.remove("servers");
		if (copy.get("tags") instanceof ArrayNode tags) {
			List<JsonNode> byName = new ArrayList<>();
			tags.forEach(byName::add);
			byName.sort(Comparator.comparing((JsonNode tag) -> tag.path("name").asString("")));
			ArrayNode ordered = JsonNodeFactory.instance.arrayNode();
			byName.forEach(ordered::add);
			copy.set("tags", ordered);
		}
		return copy;
	}

	private static JsonNode sorted(JsonNode node, boolean keepOrder) {
		if (node instanceof ObjectNode object) {
			List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
			if (!keepOrder) {
				entries.sort(Map.Entry.comparingByKey());
			}
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> entry : entries) {
				// the properties object of a schema keeps its order; its values are
				// schemas again
				boolean isProperties = "properties".equals(entry.getKey()) && entry.getValue().isObject() && !keepOrder;
				result.set(entry.getKey(), sorted(entry.getValue(), isProperties));
			}
			return result;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			array.forEach((item) -> result.add(sorted(item, false)));
			return result;
		}
		return node;
	}

	/**
	 * @return where the two documents differ, as JSON paths with what was and what is (at
	 * most 40 entries)
	 */
	static List<String> differences(JsonNode before, JsonNode after) {
		List<String> out = new ArrayList<>();
		compare("", before, after, out);
		if (out.size() > MAX_DIFFERENCES) {
			int more = out.size() - MAX_DIFFERENCES;
			out = new ArrayList<>(out.subList(0, MAX_DIFFERENCES));
			out.add("… and " + more + " more");
		}
		return out;
	}

	private static void compare(String path, JsonNode before, JsonNode after, List<String> out) {
		if (Objects.equals(before, after)) {
			return;
		}
		if (before instanceof ObjectNode a && after instanceof ObjectNode b) {
			TreeSet<String> keys = new TreeSet<>(a.propertyNames());
			keys.addAll(b.propertyNames());
			for (String key : keys) {
				String child = path + "/" + key.replace("~", "~0").replace("/", "~1");
				if (!a.has(key)) {
					out.add("added   " + child);
				}
				else if (!b.has(key)) {
					out.add("removed " + child);
				}
				else {
					compare(child, a.get(key), b.get(key), out);
				}
			}
			return;
		}
		out.add("changed " + (path.isEmpty() ? "/" : path) + ": " + abbreviate(before) + " -> " + abbreviate(after));
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
	}

}
