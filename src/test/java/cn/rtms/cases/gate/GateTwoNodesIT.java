package cn.rtms.cases.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.rtms.Application;
import cn.rtms.cases.PracticeRights;
import cn.rtms.cases.gate.GateFixtures.KeyClient;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static cn.rtms.cases.gate.GateFixtures.createKey;
import static cn.rtms.cases.gate.GateFixtures.grantG08;
import static cn.rtms.cases.gate.GateFixtures.personId;
import static cn.rtms.cases.gate.GateFixtures.revoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory practice view on two nodes over one PostgreSQL: a grant, a revocation or
 * a person change committed on node 1 reaches node 2's answers through the revision
 * counter. Node 2's periodic check is switched off (interval 1 h) and triggered by hand,
 * so the test sees both the bounded staleness (node 2 answers from memory until it
 * checks) and the catch-up, without waiting.
 */
class GateTwoNodesIT {

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext node1;

	static ConfigurableApplicationContext node2;

	@BeforeAll
	static void startOneDatabaseAndTwoNodes() throws IOException {
		Path dir = Files.createTempDirectory("rtms-gate-two-nodes");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pgdata"))
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
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

	static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--rtms.demo-data.filings=true", "--rtms.gate.revision-check-interval=PT1H",
				// with an external database every node is given the same keys (none is
				// generated)
				"--rtms.audit.key=" + "k".repeat(64),
				"--rtms.cases.patient-key=" + java.util.Base64.getEncoder().encodeToString(new byte[48]));
	}

	static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@Test
	void aChangeCommittedOnOneNodeReachesTheOtherAtItsNextRevisionCheck() {
		Api admin = GateFixtures.songjiangAdmin(port(node1));
		Api clerk = Api.as(port(node1), "songjiang-clerk");
		JsonNode issued = createKey(admin, "HIS");
		KeyClient one = KeyClient.of(port(node1), issued);
		KeyClient two = KeyClient.of(port(node2), issued);
		String ma = personId(admin, "马丽娜");
		String check = "/api/gate?physician=" + ma + "&procedureCode=50.2400x001";
		assertThat(two.get(check).decision()).isEqualTo("DENY");
		PracticeRights nodeTwoView = node2.getBean(PracticeRights.class);

		String grant = grantG08(clerk, admin, ma);
		assertThat(one.get(check).decision()).as("node 1 reloads right after its commit").isEqualTo("ALLOW");
		assertThat(two.get(check).decision()).as("node 2 answers from memory until its next check").isEqualTo("DENY");
		assertThat(nodeTwoView.catchUp()).isTrue();
		assertThat(two.get(check).decision()).isEqualTo("ALLOW");
		assertThat(nodeTwoView.catchUp()).as("nothing moved since").isFalse();

		JsonNode person = clerk.get("/api/people/" + ma).body();
		((ObjectNode) person).putArray("titles");
		Response edited = clerk.put("/api/people/" + ma, person);
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(nodeTwoView.catchUp()).isTrue();
		assertThat(two.get(check).codes()).as("node 2's eligibility cache follows the revision")
			.containsExactly("NOT_ELIGIBLE");

		revoke(admin, grant);
		assertThat(nodeTwoView.catchUp()).isTrue();
		assertThat(two.get(check).codes()).contains("UNAUTHORIZED");
		assertThat(
				two.post("/api/gate/overrides", Map.of("physician", ma, "technology", "G08", "reason", "急诊")).status())
			.isEqualTo(201);
	}

}
