package cn.rtms.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The platform's code dictionary: the Chinese label of every code that can reach the
 * screen (facility and equipment codes, titles, roles, filing and authorization states,
 * case flags …), grouped, read once from {@code dictionary/labels.yaml}. The one source
 * of truth for {@code GET /api/dictionary} and for the rules engine's explanations. Plain
 * Java, no Spring: the rules engine uses it too.
 */
public final class CodeDictionary {

	static final String RESOURCE = "/dictionary/labels.yaml";

	private static final CodeDictionary STANDARD = load();

	private final Map<String, Map<String, String>> groups;

	private final String version;

	CodeDictionary(Map<String, Map<String, String>> groups, String version) {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		groups.forEach((group, labels) -> copy.put(group, Collections.unmodifiableMap(new LinkedHashMap<>(labels))));
		this.groups = Collections.unmodifiableMap(copy);
		this.version = version;
	}

	/**
	 * The dictionary shipped with the application.
	 * @return the dictionary
	 */
	public static CodeDictionary standard() {
		return STANDARD;
	}

	/**
	 * Every group with its codes and labels, in file order.
	 * @return group → (code → label)
	 */
	public Map<String, Map<String, String>> groups() {
		return this.groups;
	}

	/**
	 * The codes and labels of one group.
	 * @param group e.g. {@code equipment}
	 * @return code → label in file order; empty for an unknown group
	 */
	public Map<String, String> group(String group) {
		return this.groups.getOrDefault(group, Map.of());
	}

	/**
	 * The label of a code.
	 * @param group e.g. {@code equipment}
	 * @param code e.g. {@code ELECTRIC_DERMATOME}
	 * @return the label (电动取皮刀), or the code itself when it has none
	 */
	public String label(String group, String code) {
		return group(group).getOrDefault(code, code);
	}

	/**
	 * A hash of the dictionary's content, used as its HTTP entity tag.
	 * @return hex SHA-256 prefix, changes whenever a label changes
	 */
	public String version() {
		return this.version;
	}

	private static CodeDictionary load() {
		try (InputStream in = CodeDictionary.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("缺少代码字典 " + RESOURCE);
			}
			byte[] bytes = in.readAllBytes();
			return parse(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static CodeDictionary parse(String yaml) {
		JsonNode root = YAMLMapper.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build()
			.readTree(yaml);
		Map<String, Map<String, String>> groups = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> group : root.properties()) {
			Map<String, String> labels = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : group.getValue().properties()) {
				String label = entry.getValue().asString();
				if (label.isBlank()) {
					throw new IllegalStateException("代码字典 " + group.getKey() + "." + entry.getKey() + " 没有中文名称");
				}
				labels.put(entry.getKey(), label);
			}
			groups.put(group.getKey(), labels);
		}
		return new CodeDictionary(groups, hash(yaml));
	}

	private static String hash(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
