package cn.rtms.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.support.Api;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends mutated requests to every operation of the OpenAPI document as the system
 * administrator with a valid CSRF token: NUL bytes, huge, bidirectional and invisible
 * strings, negative and huge numbers, dates in year −5000, 0 and 10000, wrong JSON types,
 * unknown enum values, malformed JSON and a wrong content type; in path variables, query
 * parameters, JSON body fields, multipart parts and upload file names. No answer may be a
 * 5xx, every error must be a problem with a stable {@code code} and a Chinese detail, and
 * the business tables must be exactly as before.
 * <p>
 * Operations that cannot be mutated into a refusal are skipped: logout and password
 * change (they would end or lock the fuzzing session) and the revocation check (it takes
 * no input). Entity ids in paths are random, so the operation itself never finds anything
 * to change even when its input passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIT {

	/** Tables whose rows the fuzzing must not change. */
	static final List<String> BUSINESS_TABLES = List.of("institutions.institution", "personnel.person", "filing.filing",
			"filing.document", "authorizations.physician_authorization", "identity.user_account", "catalog.technology",
			"catalog.technology_history", "institutions.region");

	static final Set<String> SKIPPED = Set.of("POST /api/auth/logout", "POST /api/auth/password",
			"POST /api/filings/revocation-check");

	static final String HUGE = "长".repeat(InputRules.DEFAULT_MAX_LENGTH + 500);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger sent = new AtomicInteger();

	private int operations;

	private final Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();

	private Api api;

	private JsonNode document;

	@Test
	void noMutatedRequestIsAServerErrorOrChangesAnything() throws Exception {
		this.api = Api.as(this.port, "admin");
		this.document = this.api.get("/api/openapi").body();
		assertThat(this.document.get("paths").size()).as("operations in the OpenAPI document").isGreaterThan(30);
		Map<String, String> before = checksums();

		// Operations are fuzzed three at a time (each one's requests in order on one
		// thread): one request at a time left most of the two cores idle between the
		// client, the server and PostgreSQL (72 s alone, 116 s in the suite).
		List<Runnable> work = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)
						|| SKIPPED.contains(method + " " + path.getKey())) {
					continue;
				}
				this.operations++;
				work.add(() -> fuzz(method, path.getKey(), operation.getValue()));
			}
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			List<Future<?>> done = new ArrayList<>();
			work.forEach((task) -> done.add(pool.submit(task)));
			for (Future<?> each : done) {
				each.get();
			}
		}

		LoggerFactory.getLogger(ApiFuzzIT.class)
			.info("Fuzzed {} operations with {} requests; statuses {}", this.operations, this.sent, this.statuses);
		assertThat(this.sent.get()).as("requests sent").isGreaterThan(500);
		assertThat(this.failures).as("responses that were 5xx or not a Chinese problem with a code").isEmpty();
		assertThat(checksums()).as("business tables after fuzzing").isEqualTo(before);
	}

	private void fuzz(String method, String template, JsonNode operation) {
		List<JsonNode> pathParameters = new ArrayList<>();
		List<JsonNode> queryParameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode resolved = resolve(parameter);
			if ("path".equals(resolved.path("in").asString())) {
				pathParameters.add(resolved);
			}
			else if ("query".equals(resolved.path("in").asString())) {
				queryParameters.add(resolved);
			}
		}
		Map<String, String> pathValues = new LinkedHashMap<>();
		for (JsonNode parameter : pathParameters) {
			pathValues.put(parameter.get("name").asString(), filler(resolve(parameter.path("schema"))));
		}
		JsonNode content = operation.path("requestBody").path("content");
		JsonNode jsonSchema = content.path("application/json").path("schema");
		JsonNode multipartSchema = content.path("multipart/form-data").path("schema");
		JsonNode skeleton = jsonSchema.isMissingNode() ? null : skeleton(jsonSchema, 0);
		Request base = new Request(method, template, pathValues, Map.of(), skeleton,
				multipartSchema.isMissingNode() ? null : resolve(multipartSchema), "fuzz.pdf");

		for (JsonNode parameter : pathParameters) {
			for (String value : stringMutations(resolve(parameter.path("schema")))) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(parameter.get("name").asString(), value);
				send(base.withPath(values), "path " + parameter.get("name").asString());
			}
		}
		for (JsonNode parameter : queryParameters) {
			for (String value : stringMutations(resolve(parameter.path("schema")))) {
				send(base.withQuery(Map.of(parameter.get("name").asString(), value)),
						"query " + parameter.get("name").asString());
			}
		}
		if (skeleton != null) {
			for (Leaf leaf : leaves(skeleton, jsonSchema, "", 0)) {
				for (JsonNode value : valueMutations(leaf.schema())) {
					send(base.withBody(replace(skeleton, leaf.pointer(), value)), "body " + leaf.pointer());
				}
			}
			send(base.withRawBody("{\"unterminated\": "), "malformed JSON");
			send(base.withRawBody("[]"), "array instead of object");
			send(base.withRawBody("\"\\u0000\""), "string instead of object");
			send(base.withContentType("text/plain"), "wrong content type");
		}
		if (base.multipart() != null) {
			for (String name : List.of("a\u0000b.pdf", "../../etc/passwd.pdf", "x\u202Efdp.exe", "\u200B.pdf", HUGE)) {
				send(base.withFileName(name), "file name");
			}
			for (Map.Entry<String, JsonNode> field : base.multipart().path("properties").properties()) {
				if (!"binary".equals(resolve(field.getValue()).path("format").asString())) {
					for (String value : stringMutations(resolve(field.getValue()))) {
						send(base.withQuery(Map.of(field.getKey(), value)), "part " + field.getKey());
					}
				}
			}
		}
	}

	record Leaf(String pointer, JsonNode schema) {
	}

	record Request(String method, String template, Map<String, String> pathValues, Map<String, String> query,
			@Nullable JsonNode body, @Nullable JsonNode multipart, String fileName, @Nullable String rawBody,
			String contentType) {

		Request(String method, String template, Map<String, String> pathValues, Map<String, String> query,
				@Nullable JsonNode body, @Nullable JsonNode multipart, String fileName) {
			this(method, template, pathValues, query, body, multipart, fileName, null, "application/json");
		}

		Request withPath(Map<String, String> values) {
			return new Request(this.method, this.template, values, this.query, this.body, this.multipart, this.fileName,
					this.rawBody, this.contentType);
		}

		Request withQuery(Map<String, String> values) {
			return new Request(this.method, this.template, this.pathValues, values, this.body, this.multipart,
					this.fileName, this.rawBody, this.contentType);
		}

		Request withBody(JsonNode value) {
			return new Request(this.method, this.template, this.pathValues, this.query, value, this.multipart,
					this.fileName, null, this.contentType);
		}

		Request withRawBody(String value) {
			return new Request(this.method, this.template, this.pathValues, this.query, this.body, this.multipart,
					this.fileName, value, this.contentType);
		}

		Request withContentType(String value) {
			return new Request(this.method, this.template, this.pathValues, this.query, this.body, this.multipart,
					this.fileName, this.rawBody, value);
		}

		Request withFileName(String value) {
			return new Request(this.method, this.template, this.pathValues, this.query, this.body, this.multipart,
					value, this.rawBody, this.contentType);
		}

	}

	private void send(Request request, String mutation) {
		String path = request.template();
		for (Map.Entry<String, String> value : request.pathValues().entrySet()) {
			path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
		}
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, String> parameter : request.query().entrySet()) {
			query.append(query.isEmpty() ? "?" : "&")
				.append(encode(parameter.getKey()))
				.append('=')
				.append(encode(parameter.getValue()));
		}
		String target = path + query;
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target))
				.timeout(Duration.ofSeconds(30));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		builder.header("Cookie", cookies());
		builder.header("X-XSRF-TOKEN", String.valueOf(this.api.cookie("XSRF-TOKEN")));
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
		if (request.multipart() != null) {
			String boundary = "fuzz" + UUID.randomUUID();
			builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
			body = HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, request));
		}
		else if (request.rawBody() != null || request.body() != null) {
			builder.header("Content-Type", request.contentType());
			String text = (request.rawBody() != null) ? request.rawBody() : request.body().toString();
			body = HttpRequest.BodyPublishers.ofString(text);
		}
		builder.method(request.method(), body);
		this.sent.incrementAndGet();
		HttpResponse<String> response;
		try {
			response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException closed) {
			// Tomcat closes a connection after refusing an oversized request; the client
			// may
			// already have picked that pooled connection for the next one ("header parser
			// received no bytes"). A client retries such a request once on a new
			// connection;
			// a second failure is a real one.
			try {
				response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				this.failures.add(request.method() + " " + target + " [" + mutation + "] → " + ex);
				return;
			}
		}
		catch (Exception ex) {
			this.failures.add(request.method() + " " + target + " [" + mutation + "] → " + ex);
			return;
		}
		check(request.method() + " " + shorten(target) + " [" + mutation + "]", response);
	}

	private void check(String what, HttpResponse<String> response) {
		int status = response.statusCode();
		this.statuses.merge(status, 1, Integer::sum);
		if (status >= 500) {
			this.failures.add(what + " → " + status + " " + shorten(response.body()));
			return;
		}
		if (status >= 400) {
			JsonNode problem;
			try {
				problem = this.json.readTree(response.body());
			}
			catch (RuntimeException ex) {
				this.failures.add(what + " → " + status + " not JSON: " + shorten(response.body()));
				return;
			}
			if (problem == null || !problem.path("code").isString()
					|| !problem.path("detail").asString("").matches("(?s).*\\p{IsHan}.*")) {
				this.failures
					.add(what + " → " + status + " without code or Chinese detail: " + shorten(response.body()));
			}
		}
	}

	private byte[] multipart(String boundary, Request request) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, JsonNode> field : request.multipart().path("properties").properties()) {
			boolean file = "binary".equals(resolve(field.getValue()).path("format").asString());
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\""
					+ (file ? "; filename=\"" + request.fileName().replace("\"", "") + "\"" : "") + "\r\n"
					+ "Content-Type: " + (file ? "application/pdf" : "text/plain; charset=UTF-8") + "\r\n\r\n";
			out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			out.writeBytes((file ? "%PDF-1.4\n%fuzz\n%%EOF\n" : filler(resolve(field.getValue())))
				.getBytes(StandardCharsets.UTF_8));
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String cookies() {
		List<String> cookies = new ArrayList<>();
		for (String name : List.of("JSESSIONID", "SESSION", "XSRF-TOKEN")) {
			String value = this.api.cookie(name);
			if (value != null) {
				cookies.add(name + "=" + value);
			}
		}
		return String.join("; ", cookies);
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10; i++) {
			if (current.has("$ref")) {
				String ref = current.get("$ref").asString();
				String[] parts = ref.substring(2).split("/");
				JsonNode target = this.document;
				for (String part : parts) {
					target = target.path(part);
				}
				current = target;
			}
			else if (current.has("allOf") && current.get("allOf").size() > 0) {
				current = current.get("allOf").get(0);
			}
			else if (current.has("oneOf") && current.get("oneOf").size() > 0) {
				current = current.get("oneOf").get(0);
			}
			else if (current.has("anyOf") && current.get("anyOf").size() > 0) {
				current = current.get("anyOf").get(0);
			}
			else {
				return current;
			}
		}
		return current;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		if (schema.has("properties") || schema.has("additionalProperties")) {
			return "object";
		}
		return schema.has("items") ? "array" : "string";
	}

	private String filler(JsonNode schema) {
		if (schema.has("enum") && schema.get("enum").size() > 0) {
			return schema.get("enum").get(0).asString();
		}
		return switch (type(schema)) {
			case "integer", "number" -> "1";
			case "boolean" -> "false";
			default -> switch (schema.path("format").asString("")) {
				case "uuid" -> UUID.randomUUID().toString();
				case "date" -> "2020-01-01";
				case "date-time" -> "2020-01-01T00:00:00Z";
				default -> "G08";
			};
		};
	}

	private JsonNode skeleton(JsonNode raw, int depth) {
		JsonNode schema = resolve(raw);
		if (schema.has("enum") && schema.get("enum").size() > 0) {
			return schema.get("enum").get(0);
		}
		return switch (type(schema)) {
			case "integer", "number" -> this.nodes.numberNode(1);
			case "boolean" -> this.nodes.booleanNode(false);
			case "array" -> {
				ArrayNode array = this.nodes.arrayNode();
				if (depth < 4) {
					array.add(skeleton(schema.path("items"), depth + 1));
				}
				yield array;
			}
			case "object" -> {
				ObjectNode object = this.nodes.objectNode();
				if (depth < 4) {
					for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
						object.set(property.getKey(), skeleton(property.getValue(), depth + 1));
					}
					if (schema.path("additionalProperties").isObject()) {
						object.set("G08", skeleton(schema.get("additionalProperties"), depth + 1));
					}
				}
				yield object;
			}
			default -> this.nodes.stringNode(filler(schema));
		};
	}

	private List<Leaf> leaves(JsonNode value, JsonNode raw, String pointer, int depth) {
		JsonNode schema = resolve(raw);
		List<Leaf> leaves = new ArrayList<>();
		if (value instanceof ObjectNode object && depth < 4) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				JsonNode propertySchema = schema.path("properties").has(property.getKey())
						? schema.path("properties").get(property.getKey()) : schema.path("additionalProperties");
				leaves
					.addAll(leaves(property.getValue(), propertySchema, pointer + "/" + property.getKey(), depth + 1));
			}
		}
		else if (value instanceof ArrayNode array && depth < 4) {
			Iterator<JsonNode> elements = array.iterator();
			if (elements.hasNext()) {
				leaves.addAll(leaves(elements.next(), schema.path("items"), pointer + "/0", depth + 1));
			}
		}
		else {
			leaves.add(new Leaf(pointer, schema));
		}
		return leaves;
	}

	private JsonNode replace(JsonNode skeleton, String pointer, JsonNode value) {
		JsonNode copy = skeleton.deepCopy();
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = copy.at(pointer.substring(0, slash));
		String last = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		return copy;
	}

	private List<String> stringMutations(JsonNode schema) {
		List<String> values = new ArrayList<>(List.of("\u0000", "a\u0000b", HUGE, "x\u202Ey", "\u200B\u200B", "-1",
				"99999999999999999999", "-5000-01-01", "0000-01-01", "+10000-01-01", "NO_SUCH_VALUE", "{}"));
		if ("integer".equals(type(schema))) {
			values.add("-2147483649");
		}
		return values;
	}

	private List<JsonNode> valueMutations(JsonNode schema) {
		List<JsonNode> values = new ArrayList<>();
		String type = type(schema);
		String format = schema.path("format").asString("");
		if (schema.has("enum")) {
			values.add(this.nodes.stringNode("NO_SUCH_VALUE"));
			values.add(this.nodes.numberNode(42));
		}
		else if ("integer".equals(type) || "number".equals(type)) {
			values.add(this.nodes.numberNode(-1));
			values.add(this.nodes.numberNode(-2147483648L));
			values.add(this.nodes.numberNode(2147483648L));
			values.add(this.nodes.numberNode(new java.math.BigInteger("99999999999999999999999")));
			values.add(this.nodes.numberNode(1e300));
			values.add(this.nodes.stringNode("abc"));
		}
		else if ("boolean".equals(type)) {
			values.add(this.nodes.stringNode("maybe"));
			values.add(this.nodes.objectNode());
		}
		else if ("date".equals(format)) {
			for (String date : List.of("-5000-01-01", "0000-01-01", "+10000-01-01", "2020-13-45", "1899-12-31")) {
				values.add(this.nodes.stringNode(date));
			}
			values.add(this.nodes.numberNode(20200101));
		}
		else {
			values.add(this.nodes.stringNode("\u0000"));
			values.add(this.nodes.stringNode("G08\u0000"));
			values.add(this.nodes.stringNode(HUGE));
			values.add(this.nodes.stringNode("G\u202E08"));
			values.add(this.nodes.stringNode("\u200B\u200B"));
			values.add(this.nodes.numberNode(12345));
			values.add(this.nodes.objectNode());
		}
		return values;
	}

	private Map<String, String> checksums() {
		Map<String, String> sums = new LinkedHashMap<>();
		for (String table : BUSINESS_TABLES) {
			sums.put(table, this.jdbc.sql(
					"select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from "
							+ table + " t")
				.query(String.class)
				.single());
		}
		return sums;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String shorten(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
