package cn.rtms.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import cn.rtms.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./rtms backup} then {@code ./rtms restore}: data changed and added after the
 * backup is gone, the backup's data is back, and the audit chain of the restored database
 * verifies against freshly re-based anchors.
 */
@SpringBootTest(properties = "rtms.backup.test=own-context")
@DirtiesContext
class DatabaseBackupIT {

	@Autowired
	DatabaseBackup backups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	javax.sql.DataSource dataSource;

	@TempDir
	Path dir;

	private String displayName(String username) {
		return this.jdbc.sql("select display_name from identity.user_account where username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void restoresTheStateOfTheBackup() throws Exception {
		String before = displayName("admin");
		assertThat(before).isNotNull();
		long users = this.jdbc.sql("select count(*) from identity.user_account").query(Long.class).single();
		this.transactions.executeWithoutResult(s -> this.audit.record("BACKUP_TEST", "Test", "before", null, "x"));
		long entries = this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single();

		Path file = this.dir.resolve("rtms.rtmsdump");
		assertThat(run("backup", file)).isZero();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("备份完成");
		assertThat(file).isRegularFile();
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
			.isEqualTo("rw-------");

		this.jdbc.sql("update identity.user_account set display_name = '备份后改的' where username = 'admin'").update();
		this.jdbc.sql("delete from identity.user_account where username = 'doctor-wang'").update();
		this.transactions.executeWithoutResult(s -> this.audit.record("BACKUP_TEST", "Test", "after", null, "y"));
		assertThat(displayName("admin")).isEqualTo("备份后改的");

		this.output.reset();
		assertThat(run("restore", file)).as(this.output.toString(StandardCharsets.UTF_8)).isZero();

		assertThat(displayName("admin")).isEqualTo(before);
		assertThat(displayName("doctor-wang")).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from identity.user_account").query(Long.class).single())
			.isEqualTo(users);
		assertThat(this.audit.entries("Test", "after", 10)).isEmpty();
		assertThat(this.audit.entries("Test", "before", 10)).hasSize(1);
		assertThat(this.audit.entries("Database", "restore", 1).getFirst().action()).isEqualTo("DATABASE_RESTORED");
		assertThat(this.jdbc.sql("select count(*) from audit.entry").query(Long.class).single()).isEqualTo(entries + 1);
		assertThat(this.audit.verify().valid()).as(this.audit.verify().message()).isTrue();

		this.transactions.executeWithoutResult(s -> this.audit.record("BACKUP_TEST", "Test", "next", null, "z"));
		assertThat(this.audit.entries("Test", "next", 1)).hasSize(1);
		assertThat(this.audit.verify().valid()).as("sequences continue after the restored ids").isTrue();
	}

	@Test
	void refusesAFileThatIsNoBackup() throws Exception {
		Path file = this.dir.resolve("not-a-backup.rtmsdump");
		Files.writeString(file, "nichts");
		assertThat(run("restore", file)).isEqualTo(DatabaseCommand.FAILED);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("失败");
		assertThat(displayName("admin")).isNotNull();
	}

	/**
	 * A backup damaged after it was written (one table's data cut off inside an otherwise
	 * sound archive): refused before anything is dropped, the database as it was (before,
	 * every schema was dropped first and the restore failed half-way).
	 */
	@Test
	void refusesADamagedBackupBeforeTouchingTheDatabase() throws Exception {
		Path file = this.dir.resolve("rtms.rtmsdump");
		assertThat(run("backup", file)).isZero();
		this.jdbc.sql("update identity.user_account set display_name = '备份后改的' where username = 'admin'").update();
		Path damaged = this.dir.resolve("damaged.rtmsdump");
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
			boolean altered = false;
			for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] content = zip.getInputStream(entry).readAllBytes();
				java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
				if (!altered && entry.getName().contains("user_account") && content.length > 40) {
					// cut off half way (a copy that broke off): a sound archive, a broken
					// table
					content = java.util.Arrays.copyOf(content, content.length / 2);
					altered = true;
				}
				out.putNextEntry(copy);
				out.write(content);
				out.closeEntry();
			}
			assertThat(altered).as("the backup holds the accounts' table").isTrue();
		}
		this.output.reset();
		assertThat(run("restore", damaged)).isEqualTo(DatabaseCommand.FAILED);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("不完整", "数据库未作任何改动");
		assertThat(displayName("admin")).as("nothing dropped, nothing restored").isEqualTo("备份后改的");
		assertThat(this.audit.verify().valid()).isTrue();
	}

	/**
	 * A restore first backs up the database it replaces: restoring that safety backup
	 * undoes the restore.
	 */
	@Test
	void aRestoreCanBeUndoneWithTheSafetyBackupItTook() throws Exception {
		Path file = this.dir.resolve("old.rtmsdump");
		assertThat(run("backup", file)).isZero();
		this.jdbc.sql("update identity.user_account set display_name = '恢复前的名字' where username = 'admin'").update();
		this.output.reset();
		assertThat(run("restore", file)).as(this.output.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(displayName("admin")).isNotEqualTo("恢复前的名字");
		String printed = this.output.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("恢复前已备份当前数据库：");
		Path safety;
		try (java.util.stream.Stream<Path> files = Files.list(this.dir.resolve("safety"))) {
			safety = files.filter(f -> f.getFileName().toString().startsWith("rtms-before-restore-"))
				.findFirst()
				.orElseThrow();
		}
		assertThat(printed).contains(safety.toAbsolutePath().toString());
		this.output.reset();
		assertThat(run("restore", safety)).as(this.output.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(displayName("admin")).as("undone").isEqualTo("恢复前的名字");
		assertThat(this.audit.verify().valid()).isTrue();
	}

	/**
	 * Another node still connected (a second application server, named by its
	 * application_name): the restore is refused before anything is written or dropped.
	 */
	@Test
	void refusesWhileAnotherNodeIsConnected() throws Exception {
		Path file = this.dir.resolve("rtms.rtmsdump");
		assertThat(run("backup", file)).isZero();
		this.jdbc.sql("update identity.user_account set display_name = '另一节点在线' where username = 'admin'").update();
		com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) this.dataSource;
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("user", pool.getUsername());
		properties.setProperty("password", pool.getPassword());
		properties.setProperty("ApplicationName", DatabaseApplicationName.PREFIX + "99999-othernode");
		try (java.sql.Connection other = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
			assertThat(other.isValid(5)).isTrue();
			this.output.reset();
			assertThat(run("restore", file)).isEqualTo(DatabaseCommand.FAILED);
			assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("其他 RTMS 节点", "99999-othernode",
					"数据库未作任何改动");
			try (java.util.stream.Stream<Path> files = Files.list(this.dir)) {
				assertThat(files.map(f -> f.getFileName().toString())).as("no safety backup taken either")
					.doesNotContain("safety");
			}
		}
		assertThat(displayName("admin")).as("nothing restored").isEqualTo("另一节点在线");
		// the closed connection's backend leaves pg_stat_activity a moment after the
		// close
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (!this.backups.otherNodes().isEmpty() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(this.backups.otherNodes()).as("own connections are not another node").isEmpty();
	}

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int run(String command, Path file) {
		AtomicInteger status = new AtomicInteger(-1);
		new DatabaseCommand(this.backups, command, file.toString(), this.clock,
				new PrintStream(this.output, true, StandardCharsets.UTF_8), status::set, this.dir.resolve("safety"))
			.run(null);
		return status.get();
	}

}
