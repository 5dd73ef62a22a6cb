package cn.rtms.rules.engine.facts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads facts documents (docs/facts-format.md) from JSON or YAML. Unknown properties are
 * errors, so a misspelt field is never silently read as "not recorded".
 */
public final class FactsReader {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private FactsReader() {
	}

	/**
	 * Reads a facts document from JSON.
	 * @param json the JSON text
	 * @return the facts
	 * @throws InvalidFactsException when the document does not match the format
	 */
	public static Facts fromJson(String json) {
		try {
			return JSON.readValue(json, Facts.class);
		}
		catch (JacksonException ex) {
			throw new InvalidFactsException(ex);
		}
	}

	/**
	 * Reads a facts document from YAML.
	 * @param yaml the YAML text
	 * @return the facts
	 * @throws InvalidFactsException when the document does not match the format
	 */
	public static Facts fromYaml(String yaml) {
		try {
			return YAML.readValue(yaml, Facts.class);
		}
		catch (JacksonException ex) {
			throw new InvalidFactsException(ex);
		}
	}

	/**
	 * Converts an already parsed tree (e.g. the {@code facts} of a request or a golden
	 * case).
	 * @param tree the tree
	 * @return the facts
	 * @throws InvalidFactsException when the document does not match the format
	 */
	public static Facts fromTree(JsonNode tree) {
		try {
			return JSON.treeToValue(tree, Facts.class);
		}
		catch (JacksonException ex) {
			throw new InvalidFactsException(ex);
		}
	}

	/**
	 * Returns a JSON mapper configured like this reader (unknown properties fail), for
	 * callers that bind facts as part of a larger document.
	 * @return the mapper
	 */
	public static ObjectMapper jsonMapper() {
		return JSON;
	}

}
