package cn.rtms.rules.engine.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.ApplicableWhenRule;
import cn.rtms.rules.engine.rule.ClinicalExperienceRule;
import cn.rtms.rules.engine.rule.InstructorGroupsRule;
import cn.rtms.rules.engine.rule.InstructorsRule;
import cn.rtms.rules.engine.rule.IssueDateRule;
import cn.rtms.rules.engine.rule.PhysicianLicenceRule;
import cn.rtms.rules.engine.rule.QualifiedStaffRule;
import cn.rtms.rules.engine.rule.QualifiedTeamRule;
import cn.rtms.rules.engine.rule.Rule;
import cn.rtms.rules.engine.rule.TraineeQualifiedRule;
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
 * Reads spec files ({@code <technology>-<edition>.yaml}), validates them against
 * {@code specs/spec.schema.json} (JSON Schema 2020-12) and then semantically, and builds
 * immutable {@link RequirementSpec}s. Every problem of a file is reported at once in a
 * {@link SpecValidationException}. Thread-safe.
 */
public final class SpecLoader {

	/** Classpath location of the JSON schema. */
	public static final String SCHEMA_RESOURCE = "/specs/spec.schema.json";

	private final YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final Schema schema;

	private final JsonNode schemaTree;

	/**
	 * Creates a loader using the schema on the classpath.
	 */
	public SpecLoader() {
		try (InputStream in = SpecLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("类路径上找不到规范 JSON Schema：" + SCHEMA_RESOURCE);
			}
			this.schemaTree = this.yaml.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(this.schemaTree);
	}

	/**
	 * Loads every {@code *.yaml} file of a directory.
	 * @param directory the directory
	 * @return the specs, sorted by key
	 * @throws SpecValidationException naming every problem of every file
	 */
	public List<RequirementSpec> loadDirectory(Path directory) {
		List<Path> files;
		try (Stream<Path> list = Files.list(directory)) {
			files = list.filter((file) -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取规范目录 " + directory, ex);
		}
		Map<String, String> sources = new LinkedHashMap<>();
		for (Path file : files) {
			try {
				sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("无法读取规范文件 " + file, ex);
			}
		}
		return loadAll(sources);
	}

	/**
	 * Loads several files given as file name to content.
	 * @param sources file name (e.g. G08-2022.yaml) to YAML text
	 * @return the specs, sorted by key
	 * @throws SpecValidationException naming every problem of every file
	 */
	public List<RequirementSpec> loadAll(Map<String, String> sources) {
		List<SpecProblem> problems = new ArrayList<>();
		List<RequirementSpec> specs = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Map.Entry<String, String> source : sources.entrySet()) {
			try {
				RequirementSpec spec = load(source.getKey(), source.getValue());
				if (!keys.add(spec.key())) {
					problems.add(new SpecProblem(source.getKey(), "$", "规范 " + spec.key() + " 重复定义"));
				}
				specs.add(spec);
			}
			catch (SpecValidationException ex) {
				problems.addAll(ex.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new SpecValidationException(problems);
		}
		specs.sort((a, b) -> a.key().compareTo(b.key()));
		return List.copyOf(specs);
	}

	/**
	 * Loads one file from a stream.
	 * @param fileName the file name, e.g. G08-2022.yaml
	 * @param in the content (UTF-8), not closed
	 * @return the spec
	 * @throws SpecValidationException naming every problem
	 */
	public RequirementSpec load(String fileName, InputStream in) {
		try {
			return load(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取规范文件 " + fileName, ex);
		}
	}

	/**
	 * Loads one file.
	 * @param file the file
	 * @return the spec
	 * @throws SpecValidationException naming every problem
	 */
	public RequirementSpec load(Path file) {
		try {
			return load(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取规范文件 " + file, ex);
		}
	}

	/**
	 * Loads one file's content.
	 * @param fileName the file name, e.g. G08-2022.yaml (must equal
	 * {@code <technology>-<edition>.yaml})
	 * @param yamlText the YAML text
	 * @return the spec
	 * @throws SpecValidationException naming every problem
	 */
	public RequirementSpec load(String fileName, String yamlText) {
		Problems problems = new Problems(fileName);
		JsonNode root;
		try {
			root = this.yaml.readTree(yamlText);
		}
		catch (JacksonException ex) {
			problems.add("$", "YAML 语法错误：" + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? "（第 " + ex.getLocation().getLineNr() + " 行）" : ""));
			throw new SpecValidationException(problems.list());
		}
		if (root == null || !root.isObject()) {
			problems.add("$", "文件内容必须是一个 YAML 对象");
			throw new SpecValidationException(problems.list());
		}
		validateSchema(root, problems);
		if (!problems.isEmpty()) {
			throw new SpecValidationException(problems.list());
		}
		RequirementSpec spec = new Reader(problems).read(root);
		String expected = spec.key() + ".yaml";
		if (!fileName.equals(expected)) {
			problems.add("$", "文件名应为 " + expected + "（<technology>-<edition>.yaml）");
		}
		if (!problems.isEmpty()) {
			throw new SpecValidationException(problems.list());
		}
		return spec;
	}

	private void validateSchema(JsonNode root, Problems problems) {
		List<Error> errors = this.schema.validate(root,
				(context) -> context.executionConfig((config) -> config.locale(Locale.SIMPLIFIED_CHINESE)));
		Set<String> seen = new HashSet<>();
		for (Error error : errors) {
			String path = SchemaMessages.jsonPath(error.getInstanceLocation());
			String message = SchemaMessages.message(error, this.schemaTree);
			if (message != null && seen.add(path + message)) {
				problems.add(path, message);
			}
		}
	}

	/**
	 * Builds the model from a schema-valid tree and runs the semantic checks.
	 */
	private static final class Reader {

		private final Problems problems;

		Reader(Problems problems) {
			this.problems = problems;
		}

		RequirementSpec read(JsonNode root) {
			String technology = root.get("technology").stringValue();
			String edition = root.get("edition").stringValue();
			LocalDate issuedOn = date(root, "issuedOn");
			LocalDate effectiveFrom = date(root, "effectiveFrom");
			if (effectiveFrom.isBefore(issuedOn)) {
				this.problems.add("$.effectiveFrom", "生效日期 " + effectiveFrom + " 早于印发日期 " + issuedOn);
			}
			LocalDate effectiveUntil = (optionalString(root, "effectiveUntil") != null) ? date(root, "effectiveUntil")
					: null;
			if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
				this.problems.add("$.effectiveUntil", "最后适用日 " + effectiveUntil + " 早于生效日期 " + effectiveFrom);
			}
			JsonNode assumedNode = root.get("issuedOnAssumed");
			boolean issuedOnAssumed = assumedNode != null && assumedNode.booleanValue();
			String issuedOnNote = optionalString(root, "issuedOnNote");
			if (issuedOnAssumed && (issuedOnNote == null || issuedOnNote.isBlank())) {
				this.problems.add("$.issuedOnNote", "issuedOnAssumed 为 true 时必须填写 issuedOnNote（推定印发日期的依据）");
			}
			if (!issuedOnAssumed && issuedOnNote != null) {
				this.problems.add("$.issuedOnNote", "issuedOnAssumed 不为 true 时不应填写 issuedOnNote");
			}
			boolean truncated = root.get("truncated").booleanValue();
			String truncationNote = optionalString(root, "truncationNote");
			if (truncated && (truncationNote == null || truncationNote.isBlank())) {
				this.problems.add("$.truncationNote", "truncated 为 true 时必须填写 truncationNote（说明原文缺失的部分）");
			}
			if (!truncated && truncationNote != null) {
				this.problems.add("$.truncationNote", "truncated 为 false 时不应填写 truncationNote");
			}
			String jurisdiction = root.get("jurisdiction").stringValue();
			SpecLevel level = SpecLevel.valueOf(root.get("level").stringValue());
			if (level == SpecLevel.NATIONAL && !"000000".equals(jurisdiction)) {
				this.problems.add("$.jurisdiction", "国家级规范的适用地区应为 000000");
			}
			if (level == SpecLevel.PROVINCIAL && "000000".equals(jurisdiction)) {
				this.problems.add("$.jurisdiction", "省级规范须给出省级行政区划代码，不能为 000000");
			}
			List<CodedName> subTechniques = codedNames(root, "subTechniques");
			List<CodedName> routes = codedNames(root, "routes");
			Set<String> subCodes = new HashSet<>();
			for (CodedName sub : subTechniques) {
				subCodes.add(sub.code());
			}
			List<ProcedureCode> procedureCodes = procedureCodes(root, subCodes);
			String citationPrefix = technology + "/" + edition;
			List<Clause> clauses = clauses(root.get("clauses"), citationPrefix);
			return new RequirementSpec(technology, edition, root.get("title").stringValue(), level, jurisdiction,
					issuedOn, effectiveFrom, effectiveUntil, issuedOnAssumed, issuedOnNote,
					new SourceDocument(root.get("source").get("file").stringValue(),
							root.get("source").get("document").stringValue()),
					truncated, truncationNote, strings(root.get("notes")), root.get("scope").stringValue(),
					subTechniques, routes, procedureCodes, parameters(root.get("parameters")), clauses);
		}

		private LocalDate date(JsonNode root, String name) {
			String text = root.get(name).stringValue();
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				this.problems.add("$." + name, "不是有效日期：" + text);
				return LocalDate.EPOCH;
			}
		}

		private static @Nullable String optionalString(JsonNode node, String name) {
			JsonNode value = node.get(name);
			return (value == null || value.isNull()) ? null : value.stringValue();
		}

		private static List<String> strings(@Nullable JsonNode array) {
			List<String> values = new ArrayList<>();
			if (array != null && array.isArray()) {
				for (JsonNode item : array.values()) {
					values.add(item.stringValue());
				}
			}
			return values;
		}

		private List<CodedName> codedNames(JsonNode root, String name) {
			List<CodedName> values = new ArrayList<>();
			JsonNode array = root.get(name);
			if (array == null || !array.isArray()) {
				return values;
			}
			Set<String> codes = new HashSet<>();
			int index = 0;
			for (JsonNode item : array.values()) {
				String code = item.get("code").stringValue();
				if (!codes.add(code)) {
					this.problems.add("$." + name + "[" + index + "].code", "代码 " + code + " 重复");
				}
				values.add(new CodedName(code, item.get("name").stringValue()));
				index++;
			}
			return values;
		}

		private List<ProcedureCode> procedureCodes(JsonNode root, Set<String> subCodes) {
			List<ProcedureCode> values = new ArrayList<>();
			JsonNode array = root.get("procedureCodes");
			if (array == null || !array.isArray()) {
				return values;
			}
			Set<String> codes = new HashSet<>();
			int index = 0;
			for (JsonNode item : array.values()) {
				String path = "$.procedureCodes[" + index + "]";
				String code = item.get("code").stringValue();
				if (!code.equals(code.strip()) || code.chars().anyMatch(Character::isWhitespace)) {
					this.problems.add(path + ".code", "手术操作编码不得含空格：“" + code + "”");
				}
				if (!codes.add(code)) {
					this.problems.add(path + ".code", "手术操作编码 " + code + " 重复");
				}
				String sub = optionalString(item, "subTechnique");
				if (sub != null && !subCodes.contains(sub)) {
					this.problems.add(path + ".subTechnique", "子技术 " + sub + " 未在 subTechniques 中声明");
				}
				values.add(new ProcedureCode(code, item.get("name").stringValue(), sub));
				index++;
			}
			return values;
		}

		private static Map<String, Object> parameters(@Nullable JsonNode object) {
			Map<String, Object> values = new LinkedHashMap<>();
			if (object != null && object.isObject()) {
				for (Map.Entry<String, JsonNode> entry : object.properties()) {
					Object value = plain(entry.getValue());
					if (value != null) {
						values.put(entry.getKey(), value);
					}
				}
			}
			return values;
		}

		private static @Nullable Object plain(JsonNode node) {
			if (node.isNull()) {
				return null;
			}
			if (node.isIntegralNumber()) {
				return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
			}
			if (node.isNumber()) {
				return node.doubleValue();
			}
			if (node.isBoolean()) {
				return node.booleanValue();
			}
			if (node.isArray()) {
				List<Object> list = new ArrayList<>();
				for (JsonNode item : node.values()) {
					Object value = plain(item);
					if (value != null) {
						list.add(value);
					}
				}
				return List.copyOf(list);
			}
			if (node.isObject()) {
				return Map.copyOf(parameters(node));
			}
			return node.asString();
		}

		private List<Clause> clauses(JsonNode array, String citationPrefix) {
			List<Clause> clauses = new ArrayList<>();
			Map<String, Integer> refs = new HashMap<>();
			boolean hasTrainee = false;
			List<String> traineeReferences = new ArrayList<>();
			int index = 0;
			for (JsonNode node : array.values()) {
				String path = "$.clauses[" + index + "]";
				Clause clause = clause(node, path, citationPrefix);
				Integer previous = refs.putIfAbsent(clause.ref(), index);
				if (previous != null) {
					this.problems.add(path + ".ref", "条款编号 " + clause.ref() + " 重复（与 $.clauses[" + previous + "] 相同）");
				}
				if (clause.subject() == Subject.TRAINEE && !clause.heading()) {
					hasTrainee = true;
				}
				if (clause.rule() != null && usesTraineeQualified(clause.rule())) {
					traineeReferences.add(path + ".rule");
				}
				clauses.add(clause);
				index++;
			}
			if (!hasTrainee) {
				for (String path : traineeReferences) {
					this.problems.add(path, "规范没有学员（TRAINEE）条款，不能使用 traineeQualified");
				}
			}
			return clauses;
		}

		private static boolean usesTraineeQualified(Rule rule) {
			if (rule instanceof TraineeQualifiedRule) {
				return true;
			}
			if (rule instanceof IssueDateRule issueDate) {
				return usesTraineeQualified(issueDate.rule());
			}
			List<Rule> parts = (rule instanceof AllOfRule all) ? all.rules()
					: (rule instanceof AnyOfRule any) ? any.rules() : List.of();
			for (Rule part : parts) {
				if (usesTraineeQualified(part)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether a part of the rule is NEEDS_ATTESTATION because of other people's or
		 * clauses' confirmations.
		 */
		private static boolean settledElsewhere(Rule rule) {
			return switch (rule) {
				case QualifiedStaffRule r -> true;
				case QualifiedTeamRule r -> true;
				case InstructorsRule r -> true;
				case InstructorGroupsRule r -> true;
				case TraineeQualifiedRule r -> true;
				default -> parts(rule).stream().anyMatch(Reader::settledElsewhere);
			};
		}

		/**
		 * Whether a part of the rule leaves a judgement to the reviewer (REVIEW
		 * parameters).
		 */
		private static boolean asksReview(Rule rule) {
			return switch (rule) {
				case PhysicianLicenceRule r -> r.unlistedScopesReviewed();
				case ClinicalExperienceRule r -> r.otherSpecialtiesReviewed();
				default -> parts(rule).stream().anyMatch(Reader::asksReview);
			};
		}

		private static List<Rule> parts(Rule rule) {
			return switch (rule) {
				case AllOfRule all -> all.rules();
				case AnyOfRule any -> any.rules();
				case IssueDateRule issueDate -> List.of(issueDate.rule());
				case ApplicableWhenRule when -> List.of(when.condition(), when.rule());
				default -> List.of();
			};
		}

		private Clause clause(JsonNode node, String path, String citationPrefix) {
			String ref = node.get("ref").stringValue();
			Section section = Section.valueOf(node.get("section").stringValue());
			Subject subject = Subject.valueOf(node.get("subject").stringValue());
			JsonNode headingNode = node.get("heading");
			boolean heading = headingNode != null && headingNode.booleanValue();
			List<StaffRole> staffRoles = new ArrayList<>();
			JsonNode rolesNode = node.get("staffRoles");
			if (rolesNode != null) {
				if (subject != Subject.STAFF) {
					this.problems.add(path + ".staffRoles", "只有主体为 STAFF 的条款才能填写 staffRoles");
				}
				for (JsonNode role : rolesNode.values()) {
					staffRoles.add(StaffRole.valueOf(role.stringValue()));
				}
			}
			Pathway pathway = null;
			JsonNode pathwayNode = node.get("pathway");
			if (pathwayNode != null) {
				if (subject != Subject.TRAINEE) {
					this.problems.add(path + ".pathway", "只有主体为 TRAINEE 的条款才能填写 pathway");
				}
				else {
					pathway = Pathway.valueOf(pathwayNode.stringValue());
				}
			}
			else if (subject == Subject.TRAINEE) {
				pathway = Pathway.STANDARD;
			}
			Rule rule = null;
			JsonNode ruleNode = node.get("rule");
			if (ruleNode != null) {
				rule = JsonRuleParameters.parse(ruleNode, path + ".rule", this.problems, subject);
			}
			ClauseAttestation attestation = null;
			JsonNode attestationNode = node.get("attestation");
			if (attestationNode != null) {
				JsonNode when = attestationNode.get("when");
				attestation = new ClauseAttestation(attestationNode.get("evidence").stringValue(),
						when != null && "UNDECIDED".equals(when.stringValue()));
				if (attestation.onlyWhenUndecided()) {
					if (rule == null) {
						this.problems.add(path + ".attestation.when", "when: UNDECIDED 的确认只在规则无法判定时需要，条款必须有 rule");
					}
					else if (settledElsewhere(rule)) {
						this.problems.add(path + ".attestation.when",
								"when: UNDECIDED 不能用于含 qualifiedStaff、qualifiedTeam、instructors、instructorGroups 或 traineeQualified 的规则："
										+ "这些规则的“待确认”来自其他人员或条款的确认，不能由本条的确认了结");
					}
				}
			}
			if (rule != null && asksReview(rule) && (attestation == null || !attestation.onlyWhenUndecided())) {
				this.problems.add(path + ".rule",
						"unlistedScopes / otherSpecialties: REVIEW 把判断交给审核人，条款必须有 attestation 且 when: UNDECIDED");
			}
			if (heading && (ruleNode != null || attestationNode != null)) {
				this.problems.add(path, "标题条款（heading: true）不能有 rule 或 attestation");
			}
			if (!heading && ruleNode == null && attestationNode == null) {
				this.problems.add(path, "条款 " + ref + " 既不是标题，也没有 rule 或 attestation");
			}
			return new Clause(ref, citationPrefix + " " + ref, section, subject, staffRoles,
					node.get("text").stringValue(), heading, pathway, rule, attestation);
		}

	}

}
