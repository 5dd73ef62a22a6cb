package cn.rtms.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes of issue 7 on input and errors, each of which answered 500, stored garbage
 * or answered in English or HTML before: every one is now a Chinese RFC 9457 problem with
 * a stable code, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputBoundsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		this.api = Api.as(this.port, "admin");
	}

	private ObjectNode institution(String name) {
		return (ObjectNode) this.api.json().readTree("""
				{"name": "%s", "regionCode": "220102", "level": "TERTIARY_A", "type": "GENERAL",
				 "licence": {"number": "PDY00001022010215A1001", "issuedBy": "长春市卫生健康委员会",
				             "issuerRegionCode": "220100", "validFrom": "2020-01-01", "validUntil": "2030-12-31"},
				 "departments": [{"name": "肿瘤科", "subjects": ["肿瘤科"], "beds": 40, "since": "2010-03-01"}]}
				""".formatted(name));
	}

	private ObjectNode person(String name) {
		return (ObjectNode) this.api.json().readTree("""
				{"name": "%s", "gender": "女", "birthDate": "1980-05-01", "roles": ["PHYSICIAN"]}
				""".formatted(name));
	}

	private long institutions() {
		return this.jdbc.sql("select count(*) from institutions.institution").query(Long.class).single();
	}

	private long people() {
		return this.jdbc.sql("select count(*) from personnel.person").query(Long.class).single();
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).as(response.text()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	static void assertField(Response response, String field) {
		assertThat(response.body().at("/errors/0/field").asString()).as(response.text()).isEqualTo(field);
	}

	@Test
	void datesBefore1900OrAfter2100InBodiesAreRefusedNamingTheField() {
		long before = institutions();
		for (String date : List.of("-5000-01-01", "0000-01-01", "+10000-01-01", "1899-12-31")) {
			ObjectNode body = institution("日期越界医院");
			((ObjectNode) body.get("departments").get(0)).put("since", date);
			Response response = this.api.post("/api/institutions", body);
			assertProblem(response, 400, "VALIDATION_FAILED");
			assertField(response, "departments[0].since");
			assertThat(response.body().get("detail").asString()).contains("1900-01-01", "2100-12-31");
		}
		long peopleBefore = people();
		ObjectNode body = person("日期越界");
		body.put("birthDate", "-5000-01-01");
		Response response = this.api.post("/api/people", body);
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertField(response, "birthDate");
		assertThat(institutions()).isEqualTo(before);
		assertThat(people()).isEqualTo(peopleBefore);
	}

	@Test
	void datesOutOfRangeInQueryParametersAreRefusedNamingTheParameter() {
		String id = this.api.get("/api/institutions").body().get(0).get("id").asString();
		for (String date : List.of("-5000-01-01", "0000-01-01", "%2B10000-01-01")) {
			Response response = this.api.get("/api/institutions/" + id + "/eligibility?asOf=" + date);
			assertProblem(response, 400, "INVALID_PARAMETER");
			assertField(response, "asOf");
			assertThat(response.body().get("detail").asString()).contains("1900-01-01");
		}
	}

	@Test
	void nulInAParameterOrABodyFieldIsRefusedNamingIt() {
		Response query = this.api.get("/api/institutions?q=%00");
		assertProblem(query, 400, "VALIDATION_FAILED");
		assertField(query, "q");
		Response people = this.api.get("/api/people?q=%E7%8E%8B%00");
		assertProblem(people, 400, "VALIDATION_FAILED");

		long before = institutions();
		Response body = this.api.post("/api/institutions", institution("空字符医院").put("name", "空字符\u0000医院"));
		assertProblem(body, 400, "VALIDATION_FAILED");
		assertField(body, "name");
		assertThat(body.body().get("detail").asString()).contains("控制字符");
		ObjectNode nested = institution("嵌套空字符医院");
		((ObjectNode) nested.get("licence")).put("issuedBy", "长春市\u0000卫生健康委员会");
		assertField(this.api.post("/api/institutions", nested), "licence.issuedBy");
		assertThat(institutions()).isEqualTo(before);
	}

	@Test
	void bidiOverridesAndInvisibleNamesAreRefused() {
		long before = people();
		assertField(this.api.post("/api/people", person("x").put("name", "\u200B\u200B\u200B")), "name");
		assertField(this.api.post("/api/people", person("x").put("name", "王\u202E华")), "name");
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void stringsLongerThanTheirColumnAreRefusedBeforeTheDatabase() {
		long before = institutions();
		ObjectNode body = institution("超长许可证医院");
		((ObjectNode) body.get("licence")).put("number", "L".repeat(61));
		Response response = this.api.post("/api/institutions", body);
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertField(response, "licence.number");
		assertThat(response.body().get("detail").asString()).contains("60");
		assertThat(institutions()).isEqualTo(before);
	}

	@Test
	void aHugeFreeTextIsRefusedAndNeverReachesTheAuditTrail() {
		long audit = this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
		ObjectNode body = institution("超长文本医院");
		body.set("attestations", this.api.json().readTree("""
				[{"clause": "G08/2022 一(一)", "confirmedBy": "专家组", "confirmedOn": "2024-01-01",
				  "evidence": "%s"}]""".formatted("证".repeat(InputRules.DEFAULT_MAX_LENGTH + 1))));
		Response response = this.api.post("/api/institutions", body);
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertField(response, "attestations[0].evidence");
		String overLimit = "{\"name\": \"" + "x".repeat(1536 * 1024) + "\"}";
		assertProblem(this.api.post("/api/institutions", overLimit), 413, "CONTENT_TOO_LARGE");
		String twentyMegabytes = "{\"name\": \"" + "x".repeat(20 * 1024 * 1024) + "\"}";
		try {
			// Tomcat answers 413 before reading it and closes the connection
			assertThat(this.api.post("/api/institutions", twentyMegabytes).status()).isEqualTo(413);
		}
		catch (IllegalStateException connectionClosed) {
			assertThat(connectionClosed).hasRootCauseInstanceOf(IOException.class);
		}
		assertThat(this.jdbc.sql("select count(*) from audit.entry where length(coalesce(after_state, '')) > 100000")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single())
			.isLessThanOrEqualTo(audit + 2);
	}

	@Test
	void aBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
		byte[] body = ("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http
			.send(authorised("/api/institutions").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(this.api.json().readTree(response.body()).get("code").asString()).isEqualTo("CONTENT_TOO_LARGE");
	}

	/**
	 * An anonymous upload to the public registration announcing 60 MB is refused from its
	 * headers (21 MB for uploads other than the two file imports), before the server
	 * receives, spools or throttles the body. Fails if the multipart body were received
	 * first (the client here never sends it: the read would time out).
	 */
	@Test
	void anOversizedUploadIsRefusedFromItsDeclaredLengthBeforeTheBodyIsReceived() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/public/onboarding/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 60000000\r\n\r\n--x\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			// the answer arrives while the client still holds back 60 MB (read until it
			// has
			// come: the connection may stay open)
			InputStream in = socket.getInputStream();
			java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			int n;
			while (!received.toString(StandardCharsets.UTF_8).contains("CONTENT_TOO_LARGE")
					&& (n = in.read(buffer)) > 0) {
				received.write(buffer, 0, n);
			}
			assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413")
				.contains("CONTENT_TOO_LARGE");
		}
	}

	@Test
	void aSixtyFiveCharacterLoginNameIsABadRequestNotAServerError() {
		Response response = new Api(this.port).tryLogin("a".repeat(65), "Whatever@2026");
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertField(response, "username");
		Response nul = new Api(this.port).tryLogin("admin\u0000", "Whatever@2026");
		assertThat(nul.status()).isEqualTo(400);
	}

	@Test
	void unknownApiPathsWrongMethodsAndMediaTypesAreChineseProblemsWithCodes() throws Exception {
		assertProblem(this.api.get("/api/no-such-thing"), 404, "NOT_FOUND");
		assertProblem(this.api.get("/api/institutions/00000000-0000-0000-0000-000000000001/nothing"), 404, "NOT_FOUND");

		HttpResponse<String> delete = this.http.send(authorised("/api/institutions").DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertProblem(response(delete), 405, "METHOD_NOT_ALLOWED");
		assertThat(delete.headers().firstValue("Allow")).isPresent();

		HttpResponse<String> text = this.http.send(authorised("/api/institutions").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=x"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(response(text), 415, "UNSUPPORTED_MEDIA_TYPE");

		HttpResponse<String> xml = this.http.send(
				authorised("/api/institutions").header("Accept", "application/xml").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(xml.statusCode()).isEqualTo(406);
		assertThat(xml.body()).doesNotContain("<html");

		Response malformed = this.api.post("/api/institutions", "{\"name\": ");
		assertProblem(malformed, 400, "MALFORMED_REQUEST");
		Response wrongType = this.api.post("/api/institutions", institution("类型错误医院").put("name", 12345));
		assertProblem(wrongType, 400, "MALFORMED_REQUEST");
		Response unknownEnum = this.api.post("/api/institutions", institution("枚举错误医院").put("level", "PALACE"));
		assertProblem(unknownEnum, 400, "MALFORMED_REQUEST");
		assertProblem(this.api.get("/api/people?role=KING"), 400, "INVALID_PARAMETER");
	}

	@Test
	void urlsTheFirewallRejectsAreChineseProblems() throws IOException {
		for (String path : List.of("/api//institutions", "/api/institutions;jsessionid=1", "/api/%2e%2e/institutions",
				"/api/institutions/%252e")) {
			RawResponse response = raw("GET " + path + " HTTP/1.1");
			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.body()).as(path).contains("\"code\":\"REQUEST_REJECTED\"");
		}
	}

	@Test
	void requestsTomcatRefusesItselfAreProblemsNotItsHtmlPage() throws IOException {
		for (String path : List.of("/api/%00", "/api/institutions/%zz", "/api/a%00b?q=1")) {
			RawResponse response = raw("GET " + path + " HTTP/1.1");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).doesNotContainIgnoringCase("<html").contains("\"code\"");
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
	}

	private HttpRequest.Builder authorised(String path) {
		List<String> cookies = new ArrayList<>();
		for (String name : List.of("JSESSIONID", "SESSION", "XSRF-TOKEN")) {
			String value = this.api.cookie(name);
			if (value != null) {
				cookies.add(name + "=" + value);
			}
		}
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Cookie", String.join("; ", cookies))
			.header("X-XSRF-TOKEN", this.api.cookie("XSRF-TOKEN"));
	}

	private Response response(HttpResponse<String> response) {
		JsonNode body = response.body().isEmpty() ? null : this.api.json().readTree(response.body());
		return new Response(response.statusCode(), body, response.body());
	}

	record RawResponse(int status, String contentType, String body) {
	}

	/** Sends a request line as it is (java.net.http refuses such URIs). */
	private RawResponse raw(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			String contentType = "";
			for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
				if (line.toLowerCase().startsWith("content-type:")) {
					contentType = line.substring(13).strip();
				}
			}
			return new RawResponse(status, contentType, text.substring(text.indexOf("\r\n\r\n") + 4));
		}
	}

}
