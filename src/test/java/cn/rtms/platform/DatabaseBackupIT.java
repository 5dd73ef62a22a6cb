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

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int run(String command, Path file) {
		AtomicInteger status = new AtomicInteger(-1);
		new DatabaseCommand(this.backups, command, file.toString(), this.clock,
				new PrintStream(this.output, true, StandardCharsets.UTF_8), status::set)
			.run(null);
		return status.get();
	}

}
