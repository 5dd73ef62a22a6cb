package cn.rtms.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.rtms.support.Api;
import cn.rtms.support.TestClock;
import cn.rtms.support.Api.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role × every endpoint × own and other tenants' data, against the demo data:
 * allowed calls succeed, all others are refused (403 {@code FORBIDDEN}; 401
 * {@code UNAUTHENTICATED} without login). Out-of-scope ids are refused with 403, not
 * hidden as 404. Lists are checked for exactly the demo records each user may see.
 *
 * <h2>Extending the matrix (filing, authorization, …)</h2>
 * <ol>
 * <li>Declare the endpoint with {@link #endpoint}: a name, the HTTP method, a path in
 * which {@code {id}} stands for the target's id, the success status, and for writes a
 * body function (it gets the target's id and the current record as the system admin reads
 * it; return what to send).</li>
 * <li>Add one {@link #allow} row per target in {@link #rules()}: which demo users may
 * call the endpoint on that target. Every demo user not listed must be refused. Targets
 * are named records of the demo data resolved in {@link #targets()} (add yours there: a
 * name → id lookup as the system admin).</li>
 * </ol>
 * The matrix then runs the endpoint for all {@link #USERS} and anonymously. Keep bodies
 * idempotent or unique (the database is shared with the other integration tests of the
 * same context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermissionMatrixIT {

	/** Every demo user of docs/identity-filing-contracts.md. */
	static final List<String> USERS = List.of("admin", "province", "changchun", "nanguan", "meihekou", "expert1",
			"expert2", "ccszx-clerk", "ccszx-admin", "songjiang-clerk", "songjiang-base", "jiangcheng-clerk",
			"doctor-wang");

	static final Set<String> EVERYONE = Set.copyOf(USERS);

	static final String ADMIN = "admin";

	/** The suite's pinned day (RTMS_TEST_CLOCK). */
	static final LocalDate TODAY = TestClock.today();

	static final String CCSZX = "长春市中心医院";

	static final String SONGJIANG = "吉林省松江肿瘤医院";

	static final String JIANGCHENG = "吉林市江城医院";

	static final String MEIYUAN = "梅河口市梅源医院";

	@LocalServerPort
	int port;

	private final Map<String, Api> sessions = new HashMap<>();

	private final Map<String, String> ids = new HashMap<>();

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * An endpoint of the matrix.
	 *
	 * @param name short name for the test display
	 * @param method GET, POST or PUT
	 * @param path the path; {@code {id}} is replaced by the target's id
	 * @param okStatus status of a successful call
	 * @param body for POST/PUT: (target id, the target as the admin reads it at
	 * {@code readPath}) → body
	 * @param readPath where to read the current record for {@code body}, null when not
	 * needed
	 */
	record Endpoint(String name, String method, String path, int okStatus, @Nullable Function<Target, Object> body,
			@Nullable String readPath) {
	}

	/**
	 * What a body function gets.
	 *
	 * @param id the target's id (empty for targets without id)
	 * @param current the record as the system admin reads it, null without readPath
	 * @param api a JSON helper
	 */
	record Target(String id, @Nullable JsonNode current, Api api) {
	}

	/**
	 * One row of the table.
	 *
	 * @param endpoint the endpoint
	 * @param target a target name from {@link #targets()}, or "-" for endpoints without
	 * id
	 * @param allowed the demo users allowed
	 */
	record Rule(Endpoint endpoint, String target, Set<String> allowed) {
	}

	static Endpoint endpoint(String name, String method, String path, int okStatus) {
		return new Endpoint(name, method, path, okStatus, null, null);
	}

	static Endpoint endpoint(String name, String method, String path, int okStatus, Function<Target, Object> body,
			@Nullable String readPath) {
		return new Endpoint(name, method, path, okStatus, body, readPath);
	}

	static Rule allow(Endpoint endpoint, String target, String... users) {
		return new Rule(endpoint, target, Set.of(users));
	}

	static Rule allowEveryone(Endpoint endpoint) {
		return new Rule(endpoint, "-", EVERYONE);
	}

	// ---- endpoints ----

	static final Endpoint REGIONS = endpoint("行政区划", "GET", "/api/regions", 200);

	static final Endpoint ME = endpoint("当前用户", "GET", "/api/auth/me", 200);

	static final Endpoint TECHNOLOGIES = endpoint("技术目录", "GET", "/api/technologies", 200);

	static final Endpoint TECHNOLOGY = endpoint("技术详情", "GET", "/api/technologies/G08", 200);

	static final Endpoint SPECS = endpoint("规范列表", "GET", "/api/specs", 200);

	static final Endpoint SPEC = endpoint("规范全文", "GET", "/api/specs/G08-2022", 200);

	static final Endpoint EVALUATE = endpoint("预评估", "POST", "/api/eligibility/evaluate", 200,
			t -> readResource("openapi/examples/physician.json"), null);

	static final Endpoint INSTITUTION = endpoint("机构详情", "GET", "/api/institutions/{id}", 200);

	static final Endpoint INSTITUTION_UPDATE = endpoint("修改机构", "PUT", "/api/institutions/{id}", 200, Target::current,
			"/api/institutions/{id}");

	static final Endpoint INSTITUTION_CREATE = endpoint("新建机构", "POST", "/api/institutions", 201,
			t -> newInstitution(t), null);

	static final Endpoint INSTITUTION_MATRIX = endpoint("机构符合性矩阵", "GET",
			"/api/institutions/{id}/eligibility?asOf=" + TODAY, 200);

	static final Endpoint INSTITUTION_REPORT = endpoint("机构逐条评估", "GET",
			"/api/institutions/{id}/eligibility/G08?asOf=" + TODAY, 200);

	static final Endpoint PERSON = endpoint("人员详情", "GET", "/api/people/{id}", 200);

	static final Endpoint PERSON_UPDATE = endpoint("修改人员", "PUT", "/api/people/{id}", 200, Target::current,
			"/api/people/{id}");

	static final Endpoint PERSON_CREATE = endpoint("新建人员", "POST", "/api/people", 201, t -> newPerson(t), null);

	static final Endpoint PEOPLE_OF_INSTITUTION = endpoint("机构人员列表", "GET", "/api/people?institutionId={id}", 200);

	static final Endpoint PERSON_MATRIX = endpoint("人员符合性矩阵", "GET", "/api/people/{id}/eligibility?asOf=" + TODAY, 200);

	static final Endpoint PERSON_REPORT = endpoint("人员逐条评估", "GET", "/api/people/{id}/eligibility/G08?asOf=" + TODAY,
			200);

	static final Endpoint USERS_LIST = endpoint("用户列表", "GET", "/api/users", 200);

	static final Endpoint USER_CREATE = endpoint("新建用户", "POST", "/api/users", 201,
			t -> Map.of("username", "matrix-" + counter.incrementAndGet(), "displayName", "矩阵测试用户", "role", "EXPERT",
					"initialPassword", "Init#2026x"),
			null);

	static final Endpoint FILINGS = endpoint("备案列表", "GET", "/api/filings", 200);

	static final Endpoint FILING_INBOX = endpoint("备案待办", "GET", "/api/filings/inbox", 200);

	static final Endpoint FILING = endpoint("备案详情", "GET", "/api/filings/{id}", 200);

	/**
	 * Technologies no other test files: each call asks for another one, so two allowed
	 * users never collide.
	 */
	static final List<String> MATRIX_TECHNOLOGIES = List.of("G01", "G02", "G03", "G04", "G05", "G06", "G09", "G11",
			"G12");

	static final Endpoint FILING_CREATE = endpoint("新建备案", "POST", "/api/filings", 201,
			t -> Map.of("technology", MATRIX_TECHNOLOGIES.get(counter.incrementAndGet() % MATRIX_TECHNOLOGIES.size())),
			null);

	static final Endpoint FILING_REVOCATION_CHECK = endpoint("备案撤销检查", "POST", "/api/filings/revocation-check", 200);

	static final Endpoint AUTHORIZATIONS = endpoint("授权列表", "GET", "/api/authorizations", 200);

	static final Endpoint REMINDERS = endpoint("到期提醒", "GET", "/api/reminders?days=90", 200);

	static final Endpoint AUTHORIZATION_APPLY = endpoint(
			"新建授权申请", "POST", "/api/authorizations", 201, t -> Map.of("personId", t.id(), "technology", "G08",
					"validFrom", TODAY.plusDays(9).toString(), "validUntil", TODAY.plusYears(2).plusDays(8).toString()),
			null);

	static final Endpoint EXPERTS = endpoint("可指派专家", "GET", "/api/filings/experts", 200);

	static final Endpoint AUDIT = endpoint("审计记录", "GET", "/api/audit?limit=5", 200);

	static final Endpoint AUDIT_VERIFY = endpoint("审计链校验", "GET", "/api/audit/verify", 200);

	/** Who may read an institution (and its eligibility, and its people list). */
	static final Map<String, String[]> READ_INSTITUTION = Map.of("ccszx",
			new String[] { "admin", "province", "changchun", "nanguan", "ccszx-clerk", "ccszx-admin", "doctor-wang" },
			"songjiang", new String[] { "admin", "province", "changchun", "songjiang-clerk", "songjiang-base" },
			"jiangcheng", new String[] { "admin", "province", "jiangcheng-clerk" }, "meiyuan",
			new String[] { "admin", "province", "meihekou" });

	/** Who may change an institution and its people. */
	static final Map<String, String[]> WRITE_INSTITUTION = Map.of("ccszx",
			new String[] { "admin", "ccszx-clerk", "ccszx-admin" }, "songjiang",
			new String[] { "admin", "songjiang-clerk" }, "jiangcheng", new String[] { "admin", "jiangcheng-clerk" },
			"meiyuan", new String[] { "admin" });

	/**
	 * Who may read a person: as the person's institution, except that physicians see only
	 * themselves.
	 */
	static final Map<String, String[]> READ_PERSON = Map.of("wang",
			new String[] { "admin", "province", "changchun", "nanguan", "ccszx-clerk", "ccszx-admin", "doctor-wang" },
			"liu", new String[] { "admin", "province", "changchun", "nanguan", "ccszx-clerk", "ccszx-admin" }, "gao",
			new String[] { "admin", "province", "changchun", "songjiang-clerk", "songjiang-base" }, "wu",
			new String[] { "admin", "province", "jiangcheng-clerk" }, "jin",
			new String[] { "admin", "province", "meihekou" });

	static final Map<String, String> PERSON_INSTITUTION = Map.of("wang", "ccszx", "liu", "ccszx", "gao", "songjiang",
			"wu", "jiangcheng", "jin", "meiyuan");

	/** The table. */
	static List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (Endpoint open : List.of(REGIONS, ME, TECHNOLOGIES, TECHNOLOGY, SPECS, SPEC, EVALUATE)) {
			rules.add(allowEveryone(open));
		}
		READ_INSTITUTION.forEach((target, users) -> {
			rules.add(allow(INSTITUTION, target, users));
			rules.add(allow(INSTITUTION_MATRIX, target, users));
			rules.add(allow(INSTITUTION_REPORT, target, users));
			rules.add(allow(PEOPLE_OF_INSTITUTION, target, users));
		});
		WRITE_INSTITUTION.forEach((target, users) -> {
			rules.add(allow(INSTITUTION_UPDATE, target, users));
			rules.add(allow(PERSON_CREATE, target, users));
		});
		rules.add(allow(INSTITUTION_CREATE, "region-220102", "admin", "province", "changchun", "nanguan"));
		rules.add(allow(INSTITUTION_CREATE, "region-220204", "admin", "province"));
		rules.add(allow(INSTITUTION_CREATE, "region-220581", "admin", "province", "meihekou"));
		READ_PERSON.forEach((target, users) -> {
			rules.add(allow(PERSON, target, users));
			rules.add(allow(PERSON_MATRIX, target, users));
			rules.add(allow(PERSON_REPORT, target, users));
			rules.add(allow(PERSON_UPDATE, target, WRITE_INSTITUTION.get(PERSON_INSTITUTION.get(target))));
		});
		rules.add(allowEveryone(FILINGS));
		rules.add(allowEveryone(FILING_INBOX));
		// both filings are drafts: the hospital's own work, which authorities see only
		// once
		// submitted (as in the lists)
		rules.add(allow(FILING, "filing-ccszx", "admin", "ccszx-clerk", "ccszx-admin", "doctor-wang"));
		rules.add(allow(FILING, "filing-songjiang", "admin", "songjiang-clerk", "songjiang-base"));
		rules.add(allow(FILING_CREATE, "-", "ccszx-clerk", "ccszx-admin", "songjiang-clerk", "jiangcheng-clerk"));
		rules.add(allow(FILING_REVOCATION_CHECK, "-", "admin", "province", "changchun", "nanguan", "meihekou"));
		String[] ledgerReaders = { "admin", "province", "changchun", "nanguan", "meihekou", "ccszx-clerk",
				"ccszx-admin", "songjiang-clerk", "jiangcheng-clerk", "doctor-wang" };
		rules.add(allow(AUTHORIZATIONS, "-", ledgerReaders));
		rules.add(allow(REMINDERS, "-", ledgerReaders));
		rules.add(allow(AUTHORIZATION_APPLY, "wang", "ccszx-clerk", "ccszx-admin", "doctor-wang"));
		rules.add(allow(AUTHORIZATION_APPLY, "liu", "ccszx-clerk", "ccszx-admin"));
		rules.add(allow(AUTHORIZATION_APPLY, "gao", "songjiang-clerk"));
		rules.add(allow(AUTHORIZATION_APPLY, "wu", "jiangcheng-clerk"));
		rules.add(allow(EXPERTS, "-", "admin", "province", "changchun", "nanguan", "meihekou"));
		rules.add(allow(AUDIT, "-", "admin", "province"));
		rules.add(allow(AUDIT_VERIFY, "-", "admin", "province"));
		rules.add(allow(USERS_LIST, "-", ADMIN));
		rules.add(allow(USER_CREATE, "-", ADMIN));
		return rules;
	}

	/**
	 * Target name → id (for region targets: the region code), resolved as the system
	 * admin.
	 */
	Map<String, String> targets() {
		if (this.ids.isEmpty()) {
			this.ids.put("-", "");
			this.ids.put("ccszx", institutionId(CCSZX));
			this.ids.put("songjiang", institutionId(SONGJIANG));
			this.ids.put("jiangcheng", institutionId(JIANGCHENG));
			this.ids.put("meiyuan", institutionId(MEIYUAN));
			this.ids.put("wang", personId("王淑华"));
			this.ids.put("liu", personId("刘建国"));
			this.ids.put("gao", personId("高志远"));
			this.ids.put("wu", personId("吴国庆"));
			this.ids.put("jin", personId("金成浩"));
			this.ids.put("region-220102", "220102");
			this.ids.put("region-220204", "220204");
			this.ids.put("region-220581", "220581");
			this.ids.put("filing-ccszx", filingId("ccszx-clerk", "S01"));
			this.ids.put("filing-songjiang", filingId("songjiang-clerk", "S02"));
		}
		return this.ids;
	}

	@TestFactory
	Stream<DynamicTest> everyRoleOnEveryEndpointAndTenant() {
		Map<String, String> targets = targets();
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : rules()) {
			String id = targets.get(rule.target());
			assertThat(id).as("target %s", rule.target()).isNotNull();
			for (String user : USERS) {
				boolean allowed = rule.allowed().contains(user);
				tests.add(DynamicTest.dynamicTest(
						user + " " + rule.endpoint().name() + " " + rule.target() + " → " + (allowed ? "允许" : "拒绝"),
						() -> check(session(user), rule.endpoint(), id, allowed ? rule.endpoint().okStatus() : 403,
								user)));
			}
			tests.add(DynamicTest.dynamicTest("匿名 " + rule.endpoint().name() + " " + rule.target() + " → 401",
					() -> check(anonymous(), rule.endpoint(), id, 401, "anonymous")));
		}
		return tests.stream();
	}

	@Test
	void institutionListShowsExactlyTheInstitutionsInScope() {
		Set<String> demo = Set.of(CCSZX, SONGJIANG, JIANGCHENG, MEIYUAN);
		Map<String, String> names = Map.of("ccszx", CCSZX, "songjiang", SONGJIANG, "jiangcheng", JIANGCHENG, "meiyuan",
				MEIYUAN);
		for (String user : USERS) {
			Set<String> expected = new TreeSet<>();
			READ_INSTITUTION.forEach((target, users) -> {
				if (List.of(users).contains(user)) {
					expected.add(names.get(target));
				}
			});
			Response list = session(user).get("/api/institutions");
			assertThat(list.status()).as(user).isEqualTo(200);
			Set<String> visible = new TreeSet<>();
			list.body().forEach(i -> visible.add(i.get("name").asString()));
			visible.retainAll(demo);
			assertThat(visible).as("institutions visible to %s", user).isEqualTo(expected);
		}
	}

	@Test
	void peopleListShowsExactlyThePeopleInScope() {
		Map<String, String> names = Map.of("wang", "王淑华", "liu", "刘建国", "gao", "高志远", "wu", "吴国庆", "jin", "金成浩");
		for (String user : USERS) {
			Set<String> expected = new TreeSet<>();
			READ_PERSON.forEach((target, users) -> {
				if (List.of(users).contains(user)) {
					expected.add(names.get(target));
				}
			});
			Response list = session(user).get("/api/people");
			assertThat(list.status()).as(user).isEqualTo(200);
			Set<String> visible = new TreeSet<>();
			list.body().forEach(p -> visible.add(p.get("name").asString()));
			visible.retainAll(Set.copyOf(names.values()));
			assertThat(visible).as("people visible to %s", user).isEqualTo(expected);
			if (user.equals("doctor-wang")) {
				assertThat(list.body().size()).as("a physician sees only themselves").isEqualTo(1);
			}
		}
	}

	@Test
	void refusalIsAChineseProblemDetail() {
		Response asChangchun = session("changchun").get("/api/institutions/" + targets().get("meiyuan"));
		assertThat(asChangchun.status()).isEqualTo(403);
		assertThat(asChangchun.body().get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(asChangchun.body().get("detail").asString()).contains("无权访问该医疗机构");
	}

	private void check(Api api, Endpoint endpoint, String id, int expected, String user) {
		String path = endpoint.path().replace("{id}", id);
		Response response = switch (endpoint.method()) {
			case "GET" -> api.get(path);
			case "POST" -> api.post(path, body(endpoint, id));
			case "PUT" -> api.put(path, body(endpoint, id));
			default -> throw new IllegalArgumentException(endpoint.method());
		};
		assertThat(response.status()).as("%s %s %s: %s", user, endpoint.method(), path, response.text())
			.isEqualTo(expected);
		if (expected == 403) {
			assertThat(response.body().get("code").asString()).isEqualTo("FORBIDDEN");
		}
		if (expected == 401) {
			assertThat(response.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");
		}
	}

	private Object body(Endpoint endpoint, String id) {
		Function<Target, Object> body = endpoint.body();
		if (body == null) {
			return "{}";
		}
		JsonNode current = null;
		if (endpoint.readPath() != null) {
			Response read = session(ADMIN).get(endpoint.readPath().replace("{id}", id));
			assertThat(read.status()).as(read.text()).isEqualTo(200);
			current = read.body();
		}
		return body.apply(new Target(id, current, session(ADMIN)));
	}

	/**
	 * A client without login: it has neither a session nor a CSRF token, and its writes
	 * are answered 401 like its reads.
	 */
	private Api anonymous() {
		Api api = new Api(this.port);
		api.get("/api/openapi");
		return api;
	}

	private Api session(String user) {
		return this.sessions.computeIfAbsent(user, u -> Api.as(this.port, u));
	}

	private String institutionId(String name) {
		JsonNode found = session(ADMIN).get("/api/institutions?q=" + name).body();
		for (JsonNode institution : found) {
			if (institution.get("name").asString().equals(name)) {
				return institution.get("id").asString();
			}
		}
		throw new AssertionError("no demo institution " + name);
	}

	/**
	 * A filing draft of the hospital user's institution (docs/filing.md), created once
	 * per context.
	 */
	private String filingId(String clerk, String technology) {
		Response existing = session(clerk).get("/api/filings?technology=" + technology);
		assertThat(existing.status()).as(existing.text()).isEqualTo(200);
		if (existing.body().size() > 0) {
			return existing.body().get(0).get("id").asString();
		}
		Response created = session(clerk).post("/api/filings", Map.of("technology", technology));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private String personId(String name) {
		JsonNode found = session(ADMIN).get("/api/people?q=" + name).body();
		assertThat(found.size()).as("demo person %s", name).isEqualTo(1);
		return found.get(0).get("id").asString();
	}

	private static Object newInstitution(Target target) {
		ObjectNode body = target.api().json().createObjectNode();
		body.put("name", "权限矩阵测试医院" + counter.incrementAndGet());
		body.put("regionCode", target.id());
		body.put("level", "SECONDARY_A");
		body.put("type", "GENERAL");
		return body;
	}

	private static Object newPerson(Target target) {
		int n = counter.incrementAndGet();
		ObjectNode body = target.api().json().createObjectNode();
		body.put("name", "权限矩阵测试人员" + n);
		body.putArray("roles").add("NURSE");
		body.put("institutionId", target.id());
		return body;
	}

	private static String readResource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
