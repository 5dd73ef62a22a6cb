package cn.rtms.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.util.ClassUtils;

/**
 * Makes the OpenAPI document precise enough to generate the front end's types from it
 * (ADR 0025):
 * <ul>
 * <li><b>One schema per class.</b> springdoc names a schema after the class's simple
 * name, so {@code InstitutionDetails.CaseVolume} and {@code PersonDetails.CaseVolume}
 * silently became one schema. The document is built with fully qualified names
 * ({@code springdoc.use-fqn=true}); this customizer then gives each schema the shortest
 * unique name: the simple name when no other schema shares it, else the simple name
 * prefixed with its enclosing classes (or package) until it is unique
 * ({@code InstitutionDetailsCaseVolume}, {@code PersonDetailsCaseVolume},
 * {@code FactsCaseVolume}). Every {@code $ref} follows.</li>
 * <li><b>Required and nullable from the records.</b> Every package is {@code @NullMarked}
 * and nulls are not serialized
 * ({@code spring.jackson.default-property-inclusion=non_null}), so a record component
 * without {@code @Nullable} is always present: it becomes {@code required}; a
 * {@code @Nullable} one may be absent or sent as null: optional and nullable.</li>
 * </ul>
 */
final class OpenApiSchemas implements OpenApiCustomizer {

	private static final String REF_PREFIX = "#/components/schemas/";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
			Class<?> type = classOf(entry.getKey());
			if (type != null && type.isRecord()) {
				requiredAndNullable(type, entry.getValue());
			}
		}
		Map<String, String> names = shortNames(schemas.keySet());
		Map<String, Schema> renamed = new TreeMap<>();
		schemas.forEach((name, schema) -> renamed.put(names.get(name), schema));
		Consumer<Schema> rename = (schema) -> {
			String ref = schema.get$ref();
			if (ref != null && ref.startsWith(REF_PREFIX)) {
				String target = names.get(ref.substring(REF_PREFIX.length()));
				if (target != null) {
					schema.set$ref(REF_PREFIX + target);
				}
			}
		};
		renamed.values().forEach((schema) -> walk(schema, rename));
		if (openApi.getPaths() != null) {
			for (PathItem path : openApi.getPaths().values()) {
				walk(path, rename);
			}
		}
		openApi.getComponents().setSchemas(new java.util.LinkedHashMap<>(renamed));
	}

	/**
	 * @return the class a schema was made from, or null when the name is not a class name
	 */
	static @Nullable Class<?> classOf(String schemaName) {
		if (!schemaName.contains(".")) {
			return null;
		}
		ClassLoader loader = OpenApiSchemas.class.getClassLoader();
		String candidate = schemaName;
		while (candidate.contains(".")) {
			try {
				return ClassUtils.forName(candidate, loader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				int dot = candidate.lastIndexOf('.');
				candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
			}
		}
		return null;
	}

	/**
	 * @return for each schema name, the shortest unique name made of its last segments; a
	 * generic type's schema ({@code cn.rtms.web.ListPageCn.rtms.filing.FilingSummary}, as
	 * swagger names {@code ListPage<FilingSummary>} with fully qualified names) is named
	 * after its parts ({@code ListPageFilingSummary}) and does not make its argument's
	 * name longer
	 */
	static Map<String, String> shortNames(Set<String> schemaNames) {
		Set<String> plain = new HashSet<>();
		for (String name : schemaNames) {
			if (generic(name) == null) {
				plain.add(name);
			}
		}
		Map<String, String> result = plainShortNames(plain);
		for (String name : schemaNames) {
			if (!plain.contains(name)) {
				result.put(name, shortOf(name, result));
			}
		}
		return result;
	}

	private static String shortOf(String name, Map<String, String> known) {
		String shortName = known.get(name);
		if (shortName != null) {
			return shortName;
		}
		Generic generic = generic(name);
		if (generic != null) {
			return shortOf(generic.raw(), known) + shortOf(generic.argument(), known);
		}
		List<String> segments = Arrays.asList(name.split("\\."));
		return join(segments, 1);
	}

	/** A generic type's schema name split into its raw class and its type argument. */
	record Generic(String raw, String argument) {
	}

	/**
	 * @return the raw class and argument of a generic schema name, or null for a plain
	 * one: in a plain qualified name no package segment (lower case) follows a class
	 * segment (upper case); in a generic one the argument's package starts capitalised
	 * inside the raw class's segment ({@code ListPageCn}, then {@code rtms},
	 * {@code filing}…)
	 */
	static @Nullable Generic generic(String name) {
		String[] segments = name.split("\\.");
		for (int i = 0; i < segments.length - 1; i++) {
			String segment = segments[i];
			if (segment.isEmpty() || !Character.isUpperCase(segment.charAt(0))) {
				continue;
			}
			boolean packageFollows = false;
			for (int j = i + 1; j < segments.length; j++) {
				packageFollows |= !segments[j].isEmpty() && Character.isLowerCase(segments[j].charAt(0));
			}
			if (!packageFollows) {
				return null;
			}
			int split = -1;
			for (int c = segment.length() - 1; c > 0; c--) {
				if (Character.isUpperCase(segment.charAt(c))) {
					split = c;
					break;
				}
			}
			if (split <= 0) {
				continue;
			}
			String prefix = String.join(".", Arrays.copyOfRange(segments, 0, i));
			String raw = (prefix.isEmpty() ? "" : prefix + ".") + segment.substring(0, split);
			String argument = Character.toLowerCase(segment.charAt(split)) + segment.substring(split + 1) + "."
					+ String.join(".", Arrays.copyOfRange(segments, i + 1, segments.length));
			return new Generic(raw, argument);
		}
		return null;
	}

	private static Map<String, String> plainShortNames(Set<String> schemaNames) {
		Map<String, List<String>> segments = new HashMap<>();
		for (String name : schemaNames) {
			segments.put(name, Arrays.asList(name.split("\\.")));
		}
		Map<String, String> result = new HashMap<>();
		for (String name : schemaNames) {
			List<String> mine = segments.get(name);
			int length = 1;
			while (true) {
				String candidate = join(mine, length);
				final int used = length;
				boolean clash = schemaNames.stream()
					.filter((other) -> !other.equals(name))
					.anyMatch((other) -> join(segments.get(other), used).equals(candidate));
				if (!clash || length >= mine.size()) {
					result.put(name, clash ? String.join("", capitalized(mine)) : candidate);
					break;
				}
				length++;
			}
		}
		return result;
	}

	private static String join(List<String> segments, int last) {
		int from = Math.max(0, segments.size() - last);
		return String.join("", capitalized(segments.subList(from, segments.size())));
	}

	private static List<String> capitalized(List<String> segments) {
		List<String> out = new ArrayList<>(segments.size());
		for (String segment : segments) {
			out.add(segment.isEmpty() ? segment : Character.toUpperCase(segment.charAt(0)) + segment.substring(1));
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private static void requiredAndNullable(Class<?> type, Schema<?> schema) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties == null) {
			return;
		}
		Set<String> required = new LinkedHashSet<>((schema.getRequired() != null) ? schema.getRequired() : List.of());
		for (RecordComponent component : type.getRecordComponents()) {
			Schema property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			if (nullable(component)) {
				required.remove(component.getName());
				properties.put(component.getName(), nullableOf(property));
			}
			else {
				required.add(component.getName());
			}
		}
		schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
	}

	private static boolean nullable(RecordComponent component) {
		return annotatedNullable(component.getAnnotatedType()) || annotatedNullable(component);
	}

	private static boolean annotatedNullable(AnnotatedElement element) {
		return Arrays.stream(element.getAnnotations())
			.anyMatch((a) -> a.annotationType().getSimpleName().equals("Nullable"));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Schema nullableOf(Schema property) {
		if (property.get$ref() != null) {
			Schema ref = new Schema(SpecVersion.V31);
			ref.set$ref(property.get$ref());
			Schema wrapper = new Schema(SpecVersion.V31);
			wrapper.setDescription(property.getDescription());
			wrapper.setAnyOf(new ArrayList<>(List.of(ref, new Schema(SpecVersion.V31).typesItem("null"))));
			return wrapper;
		}
		if (property.getTypes() != null && !property.getTypes().isEmpty()) {
			property.addType("null");
			if (property.getEnum() != null && !property.getEnum().contains(null)) {
				property.getEnum().add(null);
			}
		}
		else if (property.getType() != null) {
			property.setTypes(new LinkedHashSet<>(List.of(property.getType(), "null")));
		}
		return property;
	}

	private static void walk(PathItem path, Consumer<Schema> visit) {
		if (path.getParameters() != null) {
			path.getParameters().forEach((p) -> walk(p, visit));
		}
		for (Operation operation : path.readOperations()) {
			if (operation.getParameters() != null) {
				operation.getParameters().forEach((p) -> walk(p, visit));
			}
			if (operation.getRequestBody() != null) {
				walk(operation.getRequestBody().getContent(), visit);
			}
			if (operation.getResponses() != null) {
				for (ApiResponse response : operation.getResponses().values()) {
					walk(response.getContent(), visit);
					if (response.getHeaders() != null) {
						response.getHeaders().values().forEach((h) -> {
							walk(h.getSchema(), visit);
							walk(h.getContent(), visit);
						});
					}
				}
			}
		}
	}

	private static void walk(Parameter parameter, Consumer<Schema> visit) {
		walk(parameter.getSchema(), visit);
		walk(parameter.getContent(), visit);
	}

	private static void walk(@Nullable Content content, Consumer<Schema> visit) {
		if (content != null) {
			content.values().forEach((media) -> walk(media.getSchema(), visit));
		}
	}

	@SuppressWarnings("unchecked")
	private static void walk(@Nullable Schema<?> schema, Consumer<Schema> visit) {
		if (schema == null) {
			return;
		}
		visit.accept(schema);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((s) -> walk(s, visit));
		}
		walk(schema.getItems(), visit);
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			walk(additional, visit);
		}
		for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
				schema.getPrefixItems())) {
			if (list != null) {
				list.forEach((s) -> walk(s, visit));
			}
		}
		walk(schema.getNot(), visit);
	}

}
