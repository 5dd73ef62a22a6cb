package cn.rtms.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away clusters copied from one initialised cluster instead of each running
 * {@code initdb} (about 3 s of every integration-test context): the first start that asks
 * for the template creates it (initdb, the managed {@code pg_hba.conf}, a clean shutdown)
 * under a file lock, so that the two test JVMs of a build create it once; every later one
 * copies its files (tens of milliseconds). A copy shares the template's superuser
 * password, which is written to the copy's password file. Only for data that is thrown
 * away ({@code rtms.database.embedded.clean=true}); the persistent database under
 * {@code var/} is always initialised by its own {@code initdb}.
 */
final class ClusterTemplate {

	private static final Logger log = LoggerFactory.getLogger(ClusterTemplate.class);

	/**
	 * Written last into a finished template, naming the PostgreSQL binaries that made it:
	 * a template without it is incomplete, one naming other binaries (a dependency
	 * upgrade without {@code mvn clean}) is made again.
	 */
	static final String COMPLETE = "rtms-template-complete";

	/** The archives zonky unpacks its PostgreSQL binaries from, per platform. */
	private static final List<String> BINARIES = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
			"postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");

	/** Files of a running or once-running server that a copy must not inherit. */
	private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", COMPLETE);

	private ClusterTemplate() {
	}

	/**
	 * @param template the template's data directory
	 * @return its superuser password file (beside it)
	 */
	static Path passwordFile(Path template) {
		return template.resolveSibling(template.getFileName() + ".password");
	}

	/**
	 * Replaces {@code dataDir} by a copy of the template (created first if missing) and
	 * writes the template's password into {@code passwordFile} (0600), replacing what it
	 * held: the copy answers to the template's password only, and a file left by a copy
	 * of an earlier template (made again after a dependency upgrade) would otherwise lock
	 * the copy out ({@code password authentication failed}).
	 * @param template the template's data directory
	 * @param dataDir the data directory to create
	 * @param passwordFile the copy's password file
	 * @throws IOException when the template cannot be created or copied
	 */
	static synchronized void cloneInto(Path template, Path dataDir, Path passwordFile) throws IOException {
		Path parent = template.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Path lockFile = template.resolveSibling(template.getFileName() + ".lock");
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			Path complete = template.resolve(COMPLETE);
			if (!Files.exists(complete) || !Files.readString(complete).equals(binaries())) {
				create(template);
			}
		}
		deleteTree(dataDir);
		copyTree(template, dataDir);
		SecretFile.replace(passwordFile, Files.readString(passwordFile(template)));
	}

	private static void create(Path template) throws IOException {
		long start = System.nanoTime();
		deleteTree(template);
		Path password = passwordFile(template);
		Files.deleteIfExists(password);
		EmbeddedDatabase.Started started = EmbeddedDatabase
			.start(new EmbeddedDatabase.Settings(template, false, 0, false, password));
		try (EmbeddedPostgres postgres = started.postgres()) {
			log.debug("集群模板 {} 已初始化，正在停止", template);
		}
		Files.writeString(template.resolve(COMPLETE), binaries());
		log.info("已创建可丢弃数据库的集群模板 {}（{} ms），之后的测试数据库由它复制", template, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * @return where the PostgreSQL binaries come from (their archives' URLs, with the
	 * artifact's version in the path)
	 */
	static String binaries() {
		ClassLoader loader = EmbeddedPostgres.class.getClassLoader();
		return BINARIES.stream()
			.map(loader::getResource)
			.filter(java.util.Objects::nonNull)
			.map(Object::toString)
			.collect(java.util.stream.Collectors.joining("\n"));
	}

	private static void copyTree(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Path target = to.resolve(from.relativize(dir).toString());
				Files.createDirectories(target);
				// as the template: owner (zonky runs PostgreSQL as another user under
				// root)
				// and permissions (PostgreSQL refuses a data directory others can read)
				PosixFileAttributes source = Files.readAttributes(dir, PosixFileAttributes.class);
				PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
				view.setOwner(source.owner());
				view.setGroup(source.group());
				view.setPermissions(source.permissions());
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (!NOT_COPIED.contains(file.getFileName().toString())) {
					Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/**
	 * Deletes a directory tree if it exists.
	 * @param root the directory
	 * @throws IOException when a file cannot be deleted
	 */
	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
