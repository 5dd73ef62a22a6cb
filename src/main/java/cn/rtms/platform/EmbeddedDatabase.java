package cn.rtms.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL (zonky) on a data directory the way production needs it,
 * with no Spring involved so that a plain JVM (a test's child process) starts it through
 * the same code:
 * <ul>
 * <li>a superuser password, generated at the first start into a file created with
 * permissions 0600 beside the data directory ({@code var/postgres.password}), required
 * for every connection (SCRAM in {@code pg_hba.conf}); a data directory from an earlier
 * run without a password gets it at its next start;</li>
 * <li>listening on 127.0.0.1 only, no Unix socket;</li>
 * <li>{@code fsync} and {@code synchronous_commit} on (zonky turns both off), unless the
 * directory is a throw-away one ({@code durable = false}, tests);</li>
 * <li>a postmaster left running by an owner that was killed ({@code kill -9}) is detected
 * from {@code postmaster.pid} and stopped (SIGTERM, then SIGKILL as last resort) before
 * the new start; one still owned by a live process is left alone and the start is
 * refused.</li>
 * </ul>
 */
public final class EmbeddedDatabase {

	/** The superuser zonky's initdb creates. */
	public static final String SUPERUSER = "postgres";

	static final String PG_HBA = """
			# Managed by RTMS (cn.rtms.platform.EmbeddedDatabase): every connection needs the password.
			local all all scram-sha-256
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String OWNER_LOCK = "epg-lock";

	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private EmbeddedDatabase() {
	}

	/**
	 * How to start.
	 *
	 * @param dataDir the data directory (created by initdb when empty)
	 * @param clean whether to wipe it first (tests)
	 * @param port fixed port, or 0 for a free one
	 * @param durable fsync and synchronous commit on (false only for throw-away data)
	 * @param passwordFile where the superuser password is kept (created 0600 when
	 * missing)
	 * @param template with {@code clean}: a cluster template to copy instead of running
	 * initdb ({@link ClusterTemplate}, created at the first use), or null
	 */
	public record Settings(Path dataDir, boolean clean, int port, boolean durable, Path passwordFile,
			@Nullable Path template) {

		/**
		 * Settings without a cluster template.
		 * @param dataDir the data directory
		 * @param clean whether to wipe it first
		 * @param port fixed port, or 0 for a free one
		 * @param durable fsync and synchronous commit on
		 * @param passwordFile where the superuser password is kept
		 */
		public Settings(Path dataDir, boolean clean, int port, boolean durable, Path passwordFile) {
			this(dataDir, clean, port, durable, passwordFile, null);
		}

		/**
		 * @param dataDir the data directory
		 * @return durable settings with the password file beside the data directory
		 */
		public static Settings persistent(Path dataDir) {
			Path absolute = dataDir.toAbsolutePath();
			return new Settings(absolute, false, 0, true, defaultPasswordFile(absolute));
		}

	}

	/**
	 * A started database.
	 *
	 * @param postgres the zonky handle (close to stop it)
	 * @param password the superuser password
	 * @param copiedDataDir the data directory when copied from a cluster template
	 * (deleted by {@link #deleteClone()} once stopped), else null
	 */
	public record Started(EmbeddedPostgres postgres, String password, @Nullable Path copiedDataDir) {

		/**
		 * Deletes a data directory copied from a cluster template (zonky deletes the ones
		 * it initialised itself); call after the database has stopped.
		 * @throws IOException when it cannot be deleted
		 */
		public void deleteClone() throws IOException {
			if (this.copiedDataDir != null) {
				ClusterTemplate.deleteTree(this.copiedDataDir);
			}
		}

		/**
		 * @return the JDBC URL of database {@code postgres} (user and password separate)
		 */
		public String jdbcUrl() {
			return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
		}

	}

	/**
	 * @param dataDir absolute data directory
	 * @return {@code postgres.password} in its parent directory
	 */
	public static Path defaultPasswordFile(Path dataDir) {
		Path parent = dataDir.toAbsolutePath().getParent();
		return (parent != null ? parent : dataDir).resolve("postgres.password");
	}

	/**
	 * Starts the database (see the class comment).
	 * @param settings how
	 * @return the running database and its password
	 * @throws IOException when it cannot start
	 */
	public static Started start(Settings settings) throws IOException {
		Path dataDir = settings.dataDir();
		Files.createDirectories(dataDir.toAbsolutePath().getParent());
		boolean cloned = settings.clean() && settings.template() != null;
		if (cloned) {
			ClusterTemplate.cloneInto(settings.template(), dataDir, settings.passwordFile());
		}
		String password = SecretFile.readOrCreate(settings.passwordFile());
		if (!settings.clean()) {
			stopOrphanedPostmaster(dataDir);
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(settings.clean() && !cloned)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("auth-host", "scram-sha-256")
			.setLocaleConfig("auth-local", "scram-sha-256")
			.setLocaleConfig("pwfile", settings.passwordFile().toAbsolutePath().toString())
			.setConnectConfig("password", password)
			// no zonky shutdown hook: whoever starts the database closes it (the Spring
			// bean's
			// destroy method, after everything that uses it has shut down). The hook
			// raced
			// Spring's own shutdown and stopped PostgreSQL under the event registry and
			// the
			// audit anchors, which then waited 30 s for a connection.
			.setRegisterShutdownHook(false);
		for (var entry : serverSettings(settings.durable()).entrySet()) {
			builder.setServerConfig(entry.getKey(), entry.getValue());
		}
		if (settings.port() > 0) {
			builder.setPort(settings.port());
		}
		EmbeddedPostgres postgres = builder.start();
		requirePassword(postgres, dataDir, password);
		return new Started(postgres, password, cloned ? dataDir : null);
	}

	/**
	 * The server settings that decide durability: zonky starts PostgreSQL with {@code -F}
	 * (fsync off) and {@code synchronous_commit=off}; these come later on the command
	 * line and win.
	 * @param durable whether the data must survive a crash
	 * @return fsync, synchronous_commit and full_page_writes
	 */
	static java.util.Map<String, String> serverSettings(boolean durable) {
		String on = durable ? "on" : "off";
		return java.util.Map.of("fsync", on, "synchronous_commit", on, "full_page_writes", on);
	}

	/**
	 * Sets the superuser password and the managed {@code pg_hba.conf} on a cluster that
	 * does not have them yet (initialised by an earlier version with {@code trust}).
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		if (Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'");
			Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
			statement.execute("select pg_reload_conf()");
			log.info("内置 PostgreSQL 已设置超级用户密码并要求密码登录（{}）", hba);
		}
		catch (SQLException ex) {
			throw new IOException("无法为内置 PostgreSQL 设置密码：" + ex.getMessage(), ex);
		}
	}

	/**
	 * A postmaster recorded in {@code postmaster.pid}.
	 *
	 * @param pid its process id
	 * @param dataDir the data directory it says it serves
	 * @param port its port
	 */
	record Postmaster(long pid, String dataDir, int port) {

		static Optional<Postmaster> read(Path dataDir) throws IOException {
			Path file = dataDir.resolve("postmaster.pid");
			if (!Files.isRegularFile(file)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Postmaster(Long.parseLong(lines.get(0).strip()), lines.get(1).strip(),
						Integer.parseInt(lines.get(3).strip())));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

		/** Whether the process is alive and is a postgres serving this data directory. */
		boolean running(Path dataDir) {
			Optional<ProcessHandle> process = ProcessHandle.of(this.pid);
			if (process.isEmpty() || !process.get().isAlive()) {
				return false;
			}
			String command = commandLine(this.pid);
			return command != null && command.contains("postgres")
					&& (command.contains(dataDir.toString()) || dataDir.toString().equals(this.dataDir));
		}

	}

	/**
	 * Stops a postmaster left behind by an owner that no longer runs. The owner (the JVM
	 * that started it through zonky) holds a lock on {@code epg-lock} in the data
	 * directory while it lives; when that lock can be taken, nobody owns the postmaster.
	 * @param dataDir the data directory
	 * @return whether an orphan was found and stopped
	 * @throws IOException when a live owner still holds the directory, or the orphan does
	 * not stop
	 */
	static boolean stopOrphanedPostmaster(Path dataDir) throws IOException {
		Optional<Postmaster> recorded = Postmaster.read(dataDir);
		if (recorded.isEmpty() || !recorded.get().running(dataDir)) {
			return false;
		}
		Postmaster postmaster = recorded.get();
		if (!ownerGone(dataDir)) {
			throw new DataDirectoryInUse("数据目录 " + dataDir + " 正被另一个运行中的 RTMS 使用（PostgreSQL 进程 " + postmaster.pid()
					+ "，端口 " + postmaster.port() + "）：请先停止它");
		}
		log.warn("发现上次被强制终止后遗留的内置 PostgreSQL（进程 {}），正在停止", postmaster.pid());
		ProcessHandle process = ProcessHandle.of(postmaster.pid()).orElseThrow();
		List<ProcessHandle> children = process.children().toList();
		process.destroy();
		if (!awaitExit(process, STOP_WAIT)) {
			log.warn("遗留的 PostgreSQL（进程 {}）未在 {} 秒内退出，强制终止", postmaster.pid(), STOP_WAIT.toSeconds());
			children.forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			if (!awaitExit(process, STOP_WAIT)) {
				throw new IOException("无法停止遗留的 PostgreSQL 进程 " + postmaster.pid());
			}
		}
		for (ProcessHandle child : children) {
			awaitExit(child, STOP_WAIT);
		}
		return true;
	}

	private static boolean ownerGone(Path dataDir) throws IOException {
		Path lockFile = dataDir.resolve(OWNER_LOCK);
		if (!Files.exists(lockFile)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false;
			}
			lock.release();
			return true;
		}
		catch (OverlappingFileLockException ex) {
			return false;
		}
	}

	private static boolean awaitExit(ProcessHandle process, Duration wait) {
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return !process.isAlive();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static @Nullable String commandLine(long pid) {
		Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
		try {
			if (Files.isReadable(cmdline)) {
				return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse(null);
	}

}
