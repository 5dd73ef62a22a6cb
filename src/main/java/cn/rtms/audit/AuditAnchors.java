package cn.rtms.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the head of the audit chain outside the database: a checkpoint appends the
 * newest entry's sequence number and keyed hash to an append-only file
 * ({@code rtms.audit.anchor-file}, {@code var/audit-anchors.log}; one line
 * {@code <id> <hash> <when>} per checkpoint, forced to disk) every
 * {@code rtms.audit.anchor-interval} (5 minutes) and when the platform stops.
 * Verification then requires every anchored entry to still exist with the anchored hash,
 * so cutting the tail of the chain, or re-computing it, is detected. Command runs
 * ({@code rtms.command}) read the anchors but never write them.
 */
@Component
class AuditAnchors {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

	private final JdbcClient jdbc;

	private final Path file;

	private final Clock clock;

	private final boolean writable;

	private long lastAnchored;

	AuditAnchors(JdbcClient jdbc, Clock clock, @Value("${rtms.audit.anchor-file:var/audit-anchors.log}") String file,
			@Value("${rtms.command:}") String command) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.file = Path.of(file).toAbsolutePath();
		this.writable = command.isBlank();
		NavigableMap<Long, String> existing = read();
		this.lastAnchored = existing.isEmpty() ? 0 : existing.lastKey();
	}

	/**
	 * Appends the current head when it moved since the last anchor.
	 * @return the anchored entry's id, empty when nothing was written
	 */
	@Scheduled(initialDelayString = "${rtms.audit.anchor-interval:PT5M}",
			fixedDelayString = "${rtms.audit.anchor-interval:PT5M}")
	synchronized Optional<Long> checkpoint() {
		return this.writable ? write() : Optional.empty();
	}

	/**
	 * Moves the anchors aside after the database was replaced by a backup (they reach
	 * past the restored head): the file is kept as {@code <file>.before-restore-<time>};
	 * {@link #anchorNow} then starts a new one.
	 * @return the archived file, if there was one
	 */
	synchronized Optional<Path> archive() {
		this.lastAnchored = 0;
		if (!Files.exists(this.file)) {
			return Optional.empty();
		}
		Path target = this.file.resolveSibling(
				this.file.getFileName() + ".before-restore-" + Instant.now(this.clock).toString().replace(':', '-'));
		try {
			Files.move(this.file, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法移走旧的审计锚点文件 " + this.file, ex);
		}
		return Optional.of(target);
	}

	/**
	 * Anchors the current head now, also in a command run (used after a restore).
	 * @return the anchored entry's id, empty when nothing was written
	 */
	synchronized Optional<Long> anchorNow() {
		return write();
	}

	private Optional<Long> write() {
		record Head(long id, String hash) {
		}
		Optional<Head> head = this.jdbc.sql("select id, hash from audit.entry order by id desc limit 1")
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("hash")))
			.optional();
		if (head.isEmpty() || head.get().id() == this.lastAnchored) {
			return Optional.empty();
		}
		String line = head.get().id() + " " + head.get().hash() + " " + Instant.now(this.clock) + "\n";
		try {
			Path parent = this.file.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			log.error("无法写入审计锚点文件 {}", this.file, ex);
			return Optional.empty();
		}
		this.lastAnchored = head.get().id();
		return Optional.of(this.lastAnchored);
	}

	@PreDestroy
	void checkpointAtShutdown() {
		try {
			checkpoint();
		}
		catch (RuntimeException ex) {
			log.error("停止时写入审计锚点失败", ex);
		}
	}

	/**
	 * @return every anchor, by entry id (for an id anchored twice, the last line wins:
	 * both must agree in an intact chain, so a conflict is caught at verification)
	 */
	NavigableMap<Long, String> read() {
		NavigableMap<Long, String> anchors = new TreeMap<>();
		if (!Files.isRegularFile(this.file)) {
			return anchors;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取审计锚点文件 " + this.file, ex);
		}
		for (String line : lines) {
			String[] parts = line.strip().split(" ");
			if (parts.length >= 2 && parts[0].chars().allMatch(Character::isDigit) && !parts[0].isEmpty()) {
				anchors.put(Long.parseLong(parts[0]), parts[1]);
			}
		}
		return anchors;
	}

	/**
	 * @return whether any anchor was ever written (the chain has been keyed before)
	 */
	boolean any() {
		return !read().isEmpty();
	}

	Path file() {
		return this.file;
	}

}
