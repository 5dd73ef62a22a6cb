package cn.rtms.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.FactsReader;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.Subject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One golden test case (docs/facts-format.md): a spec, a subject, facts and the expected
 * clause statuses. A file holds one case, or several under {@code cases:} (top-level
 * fields other than {@code cases} are defaults for each).
 *
 * @param file the case file, relative to the cases root
 * @param index position in the file (0 for single-case files)
 * @param spec spec key
 * @param description what the case shows
 * @param asOf evaluation date
 * @param subject the subject
 * @param staffRole for STAFF: the role
 * @param facts the facts, or {@code null} with {@code problem} set
 * @param expect clause ref (or {@code overall}, or a pathway name) to expected status
 * @param explanationContains clause ref to substrings the explanation must contain
 * ({@code overall}: the outcome's notices)
 * @param explanationExcludes clause ref to substrings the explanation must not contain
 * @param problem why the case could not be read, or {@code null}
 */
record GoldenCase(String file, int index, String spec, String description, @Nullable LocalDate asOf,
		@Nullable Subject subject, @Nullable StaffRole staffRole, @Nullable Facts facts, Map<String, String> expect,
		Map<String, List<String>> explanationContains, Map<String, List<String>> explanationExcludes,
		@Nullable String problem) {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	/**
	 * Reads every *.yaml under a directory (recursively); a missing directory gives no
	 * cases.
	 */
	static List<GoldenCase> loadAll(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<GoldenCase> cases = new ArrayList<>();
		for (Path file : files) {
			cases.addAll(load(root.relativize(file).toString().replace('\\', '/'), file));
		}
		return cases;
	}

	static List<GoldenCase> load(String name, Path file) {
		JsonNode root;
		try {
			root = YAML.readTree(Files.readString(file));
		}
		catch (IOException | RuntimeException ex) {
			return List.of(broken(name, 0, "YAML 无法解析：" + ex.getMessage()));
		}
		if (root == null || !root.isObject()) {
			return List.of(broken(name, 0, "文件内容必须是一个 YAML 对象"));
		}
		JsonNode list = root.get("cases");
		if (list == null) {
			return List.of(read(name, 0, (ObjectNode) root));
		}
		List<GoldenCase> cases = new ArrayList<>();
		int index = 0;
		for (JsonNode item : list.values()) {
			ObjectNode merged = ((ObjectNode) root).deepCopy();
			merged.remove("cases");
			if (item.isObject()) {
				item.properties().forEach((entry) -> merged.set(entry.getKey(), entry.getValue()));
				cases.add(read(name, index, merged));
			}
			else {
				cases.add(broken(name, index, "cases[" + index + "] 必须是对象"));
			}
			index++;
		}
		return cases;
	}

	private static GoldenCase broken(String file, int index, String problem) {
		return new GoldenCase(file, index, "?", "?", null, null, null, null, Map.of(), Map.of(), Map.of(), problem);
	}

	private static GoldenCase read(String file, int index, ObjectNode node) {
		String spec = text(node, "spec");
		String description = (text(node, "description") != null) ? text(node, "description") : "";
		try {
			List<String> unknown = new ArrayList<>();
			for (String name : node.propertyNames()) {
				if (!List
					.of("spec", "description", "asOf", "subject", "staffRole", "facts", "expect", "explanationContains",
							"explanationExcludes")
					.contains(name)) {
					unknown.add(name);
				}
			}
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("未知字段 " + unknown);
			}
			if (spec == null || text(node, "asOf") == null || text(node, "subject") == null
					|| node.get("expect") == null) {
				throw new IllegalArgumentException("spec、asOf、subject、expect 为必填字段");
			}
			Subject subject = Subject.valueOf(text(node, "subject"));
			String role = text(node, "staffRole");
			StaffRole staffRole = (role != null) ? StaffRole.valueOf(role) : null;
			if (subject == Subject.STAFF && staffRole == null) {
				throw new IllegalArgumentException("subject 为 STAFF 时必须给出 staffRole");
			}
			JsonNode factsNode = node.get("facts");
			Facts facts = (factsNode != null && !factsNode.isNull()) ? FactsReader.fromTree(factsNode)
					: new Facts(null, null);
			Map<String, String> expect = map(node.get("expect"));
			for (Map.Entry<String, String> entry : expect.entrySet()) {
				Status.valueOf(entry.getValue());
			}
			return new GoldenCase(file, index, spec, description, LocalDate.parse(text(node, "asOf")), subject,
					staffRole, facts, expect, lists(node.get("explanationContains")),
					lists(node.get("explanationExcludes")), null);
		}
		catch (RuntimeException ex) {
			return new GoldenCase(file, index, (spec != null) ? spec : "?", description, null, null, null, null,
					Map.of(), Map.of(), Map.of(), "无法读取：" + ex.getMessage());
		}
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Map<String, String> map(@Nullable JsonNode node) {
		Map<String, String> map = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			node.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue().asString()));
		}
		return map;
	}

	/** A map whose values are a string or a list of strings. */
	private static Map<String, List<String>> lists(@Nullable JsonNode node) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			node.properties().forEach((entry) -> {
				JsonNode value = entry.getValue();
				List<String> texts = new ArrayList<>();
				if (value.isArray()) {
					value.values().forEach((item) -> texts.add(item.asString()));
				}
				else {
					texts.add(value.asString());
				}
				map.put(entry.getKey(), texts);
			});
		}
		return map;
	}

	/** Display name of the case. */
	String name() {
		return this.file + ((this.index > 0 || this.file.contains("#")) ? "#" + this.index : "") + "："
				+ this.description;
	}

	/**
	 * Evaluates the case and returns every mismatch (empty when the case passes).
	 */
	List<String> check(SpecLibrary library, EligibilityEngine engine) {
		List<String> failures = new ArrayList<>();
		if (this.problem != null) {
			failures.add(this.problem);
			return failures;
		}
		RequirementSpec spec = library.find(this.spec).orElse(null);
		if (spec == null) {
			failures
				.add("规范 " + this.spec + " 不存在（已加载：" + library.all().stream().map(RequirementSpec::key).toList() + "）");
			return failures;
		}
		Outcome outcome = engine.evaluate(spec, this.subject, this.staffRole, this.facts, this.asOf);
		Status quick = engine.status(spec, this.subject, this.staffRole, this.facts, this.asOf);
		if (quick != outcome.status()) {
			failures.add("status() 与 evaluate() 结论不一致：" + quick + " ≠ " + outcome.status());
		}
		for (Map.Entry<String, String> entry : this.expect.entrySet()) {
			String ref = entry.getKey();
			Status expected = Status.valueOf(entry.getValue());
			if (ref.equals("overall")) {
				if (outcome.status() != expected) {
					failures.add("overall：期望 " + expected + "，实际 " + outcome.status() + describe(outcome));
				}
				continue;
			}
			Pathway pathway = pathway(ref);
			if (pathway != null) {
				PathwayOutcome actual = outcome.pathways()
					.stream()
					.filter((p) -> p.pathway() == pathway)
					.findFirst()
					.orElse(null);
				if (actual == null || actual.status() != expected) {
					failures
						.add("途径 " + ref + "：期望 " + expected + "，实际 " + ((actual != null) ? actual.status() : "无此途径"));
				}
				continue;
			}
			ClauseOutcome clause = outcome.clause(ref);
			if (clause == null) {
				failures.add("条款 " + ref + "：不在主体 " + this.subject + " 的评估结果中（可用："
						+ outcome.clauses().stream().map(ClauseOutcome::ref).toList() + "）");
			}
			else if (clause.status() != expected) {
				failures.add("条款 " + clause.citation() + "：期望 " + expected + "，实际 " + clause.status() + "（"
						+ clause.explanation() + "）");
			}
		}
		for (Map.Entry<String, List<String>> entry : this.explanationContains.entrySet()) {
			String text = explanation(outcome, entry.getKey(), failures);
			for (String part : entry.getValue()) {
				if (text != null && !text.contains(part)) {
					failures.add(entry.getKey() + "：说明应包含“" + part + "”，实际“" + text + "”");
				}
			}
		}
		for (Map.Entry<String, List<String>> entry : this.explanationExcludes.entrySet()) {
			String text = explanation(outcome, entry.getKey(), failures);
			for (String part : entry.getValue()) {
				if (text != null && text.contains(part)) {
					failures.add(entry.getKey() + "：说明不应包含“" + part + "”，实际“" + text + "”");
				}
			}
		}
		return failures;
	}

	/**
	 * The explanation of a clause, or for {@code overall} the outcome's notices; null
	 * (with a failure) when the clause was not evaluated.
	 */
	private static @Nullable String explanation(Outcome outcome, String ref, List<String> failures) {
		if (ref.equals("overall")) {
			return String.join("；", outcome.notices());
		}
		ClauseOutcome clause = outcome.clause(ref);
		if (clause == null) {
			failures.add("条款 " + ref + "：不在评估结果中，无法检查说明");
			return null;
		}
		return clause.explanation();
	}

	private static String describe(Outcome outcome) {
		StringBuilder text = new StringBuilder();
		for (ClauseOutcome clause : outcome.failing()) {
			text.append("\n    ")
				.append(clause.ref())
				.append(' ')
				.append(clause.status())
				.append("：")
				.append(clause.explanation());
		}
		return text.toString();
	}

	private static @Nullable Pathway pathway(String ref) {
		for (Pathway pathway : Pathway.values()) {
			if (pathway.name().equals(ref)) {
				return pathway;
			}
		}
		return null;
	}

	/** Whether this case expects {@code status} for clause {@code ref}. */
	boolean expects(String ref, Status status) {
		return status.name().equals(this.expect.get(ref));
	}

}
