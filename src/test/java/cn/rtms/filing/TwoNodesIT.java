package cn.rtms.filing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cn.rtms.Application;
import cn.rtms.filing.FilingClient.Part;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.platform.EventRedelivery;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL
 * (docs/adr/0011-sessions-locks-and-events-in-the-database.md): the test starts the
 * embedded PostgreSQL once and points both nodes at it with
 * {@code spring.datasource.url}, as production points N nodes at one database. A session
 * made on one node works on the other, the daily revocation check triggered on both at
 * once runs once, and an event whose listener failed is completed when a node restarts.
 */
class TwoNodesIT {

	static final String MEETING = TestClock.today().minusDays(5).toString();

	static final String FIRST_CASE = TestClock.today().minusDays(7).toString();

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext node1;

	static ConfigurableApplicationContext node2;

	static JdbcClient jdbc;

	@BeforeAll
	static void startOneDatabaseAndTwoNodes() throws IOException {
		Path dir = Files.createTempDirectory("rtms-two-nodes");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pgdata"))
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		node1 = node();
		node2 = node();
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { node1, node2 }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	/**
	 * A node on the shared database (command-line arguments, which win over
	 * application.properties as they do for {@code java -jar}). A statement waits at most
	 * 2 s for a lock, so a test holding a table lock makes a listener fail instead of
	 * hang.
	 */
	static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.datasource.hikari.connection-init-sql=SET lock_timeout = '2s'",
				"--rtms.events.redelivery-after=PT0S",
				// with an external database every node is given the same keys (none is
				// generated)
				"--rtms.audit.key=" + "k".repeat(64),
				"--rtms.cases.patient-key=" + java.util.Base64.getEncoder().encodeToString(new byte[48]));
	}

	static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@Test
	void aSessionMadeOnOneNodeWorksOnTheOther() {
		Api one = Api.as(port(node1), "ccszx-clerk");
		Api two = one.onPort(port(node2));
		Response me = two.get("/api/auth/me");
		assertThat(me.status()).as(me.text()).isEqualTo(200);
		assertThat(me.body().get("username").asString()).isEqualTo("ccszx-clerk");
		Response forged = two.post("/api/auth/logout", "{}", false);
		assertThat(forged.status()).as("node 2 checks the CSRF token of a node-1 session").isEqualTo(403);
		assertThat(forged.body().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
		assertThat(two.post("/api/auth/logout", "{}").status()).as("a write with the token on node 2").isEqualTo(204);
		assertThat(one.get("/api/auth/me").status()).as("the logout on node 2 ended it on node 1 too").isEqualTo(401);
	}

	@Test
	void theDailyRevocationCheckTriggeredOnBothNodesRunsOnce() throws Exception {
		List<RevocationSchedule> schedules = List.of(node1.getBean(RevocationSchedule.class),
				node2.getBean(RevocationSchedule.class));
		CyclicBarrier together = new CyclicBarrier(schedules.size());
		ExecutorService threads = Executors.newFixedThreadPool(schedules.size());
		try {
			List<Future<Optional<RevocationCheckResult>>> runs = new ArrayList<>();
			for (RevocationSchedule schedule : schedules) {
				runs.add(threads.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return schedule.daily();
				}));
			}
			List<Optional<RevocationCheckResult>> results = new ArrayList<>();
			for (Future<Optional<RevocationCheckResult>> run : runs) {
				results.add(run.get(120, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(Optional::isPresent).as("exactly one node ran the check").hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
		LocalDate today = TestClock.today();
		assertThat(jdbc.sql("select count(*) from platform.job_run where job = ? and run_day = ?")
			.params(RevocationSchedule.JOB, today)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(schedules.get(1).daily()).as("triggered again the same day: not repeated").isEmpty();
	}

	@Test
	void aJobRunningOnOneNodeIsSkippedByTheOtherAndReleasedAfterwards() {
		ClusterJobs one = node1.getBean(ClusterJobs.class);
		ClusterJobs two = node2.getBean(ClusterJobs.class);
		Optional<Optional<String>> whileNode1Runs = one.exclusively("test.exclusive",
				() -> two.exclusively("test.exclusive", () -> "ran on node 2"));
		assertThat(whileNode1Runs).as("node 1 ran it, node 2 skipped it meanwhile").contains(Optional.empty());
		assertThat(two.exclusively("test.exclusive", () -> "ran on node 2")).as("released when node 1 finished")
			.contains("ran on node 2");
	}

	@Test
	void anEventWhoseListenerFailedIsCompletedWhenANodeRestarts() throws SQLException {
		FilingClient clerk = FilingClient.as(port(node1), "songjiang-clerk");
		FilingClient province = FilingClient.as(port(node1), "province");
		JsonNode filing = active(clerk, province, FilingClient.as(port(node1), "expert1"), "S04");
		assertThat(filing.has("revocationProposal")).as("松江 meets S04 before the change").isFalse();
		assertThat(filing.get("institutionId").asString()).isEqualTo(institutionOf("songjiang-clerk"));
		List<String> outstanding = changeWhileTheRecheckFails("songjiang-clerk",
				institution -> institution.set("equipment", institution.arrayNode()));
		assertThat(province.filing(id(filing)).has("revocationProposal")).as("the re-check failed").isFalse();
		assertThat(outstanding).as("the failed re-check is kept in the registry").hasSize(1);

		node2.close();
		node2 = node();

		assertThat(jdbc.sql("select count(*) from platform.event_publication where id = ?::uuid")
			.param(outstanding.get(0))
			.query(Long.class)
			.single()).as("re-delivered at the restart and completed").isZero();
		JsonNode rechecked = province.filing(id(filing));
		assertThat(rechecked.has("revocationProposal")).as(rechecked.toString()).isTrue();
		assertThat(rechecked.get("revocationProposal").get("reason").asString()).isEqualTo("EQUIPMENT_UNUSABLE");
		assertThat(jdbc.sql("select count(*) from platform.event_publication where completion_date is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEventWhoseListenerFailedIsRedeliveredWithoutARestart() throws SQLException {
		List<String> outstanding = changeWhileTheRecheckFails("jiangcheng-clerk",
				institution -> institution.put("name", institution.get("name").asString()));
		assertThat(outstanding).hasSize(1);
		assertThat(node1.getBean(EventRedelivery.class).redeliver()).isTrue();
		assertThat(jdbc.sql("select count(*) from platform.event_publication where id = ?::uuid")
			.param(outstanding.get(0))
			.query(Long.class)
			.single()).as("re-delivered by node 1 and completed").isZero();
	}

	static String institutionOf(String clerk) {
		return Api.as(port(node1), clerk).get("/api/auth/me").body().get("institutionId").asString();
	}

	/**
	 * The clerk changes the institution on node 2 while the filings table is locked: the
	 * change commits, its re-check cannot read the filings and fails.
	 * @return the ids of the institution-change publications left incomplete
	 */
	static List<String> changeWhileTheRecheckFails(String clerk, Consumer<ObjectNode> change) throws SQLException {
		Api api = Api.as(port(node2), clerk);
		String path = "/api/institutions/" + institutionOf(clerk);
		ObjectNode institution = (ObjectNode) api.get(path).body();
		change.accept(institution);
		try (Connection locker = postgres.getPostgresDatabase().getConnection()) {
			locker.setAutoCommit(false);
			try (Statement lock = locker.createStatement()) {
				lock.execute("lock table filing.filing in access exclusive mode");
			}
			Response changed = api.put(path, institution);
			assertThat(changed.status()).as(changed.text()).isEqualTo(200);
			locker.rollback();
		}
		return jdbc
			.sql("select id::text from platform.event_publication where completion_date is null "
					+ "and listener_id like '%EligibilityChangeListener%' and event_type like '%InstitutionChanged'")
			.query(String.class)
			.list();
	}

	static String id(JsonNode filing) {
		return filing.get("id").asString();
	}

	static JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return user.ok(user.post("/api/filings/" + id(filing) + "/" + action, withVersion));
	}

	/** A filing of the clerk's hospital taken through the whole workflow to ACTIVE. */
	static JsonNode active(FilingClient clerk, FilingClient province, FilingClient expert, String technology) {
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", technology)));
		String id = id(filing);
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/self-assessment",
				Map.of("version", filing.get("version").asLong())));
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk
				.ok(clerk.multipart("/api/filings/" + id + "/attestations",
						fields("version", String.valueOf(filing.get("version").asLong()), "clauseRef", clause,
								"evidence", "现场核查：符合要求"),
						List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", String.valueOf(filing.get("version").asLong()), "committee", committee,
							"meetingDate", MEETING, "opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = act(clerk, filing, "submit", Map.of("firstCaseDate", FIRST_CASE));
		filing = act(province, filing, "receive", Map.of());
		filing = act(province, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(province, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));
		filing = act(province, filing, "activate", Map.of("licenceNote", "肿瘤深部热疗和全身热疗技术已备案"));
		assertThat(filing.get("state").asString()).isEqualTo("ACTIVE");
		return filing;
	}

}
