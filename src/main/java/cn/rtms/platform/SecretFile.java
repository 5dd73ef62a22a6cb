package cn.rtms.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret kept in a file outside the database (the embedded PostgreSQL's password, the
 * audit key): created at first use with 32 random bytes (64 hex digits) and permissions
 * 0600, read as it is afterwards.
 */
public final class SecretFile {

	private static final Logger log = LoggerFactory.getLogger(SecretFile.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private SecretFile() {
	}

	/**
	 * A key shared by every node of a deployment: generated into the file only while the
	 * platform runs on its own embedded database (one node). With an external database
	 * other nodes may share the data, and a key each host generated for itself would make
	 * one node's data unreadable to the others: there the key must be configured or its
	 * file put in place.
	 * @param file the file
	 * @param datasourceUrl {@code spring.datasource.url} (blank: the embedded database)
	 * @param setting the setting that configures the key, named in the refusal
	 * @return the key
	 * @throws IOException when it cannot be read or created, or is empty
	 * @throws IllegalStateException with an external database and no file
	 */
	public static String readOrCreateShared(Path file, String datasourceUrl, String setting) throws IOException {
		if (!datasourceUrl.isBlank() && !Files.exists(file)) {
			throw new IllegalStateException("使用外部数据库时不会自动生成密钥：请为每个节点配置同一个 " + setting + "，或把已有的密钥文件放到 "
					+ file.toAbsolutePath() + "（各节点须相同；首次部署可用 openssl rand -hex 32 生成）");
		}
		return readOrCreate(file);
	}

	/**
	 * @param file the file
	 * @return its content, stripped; created first when the file does not exist
	 * @throws IOException when it cannot be read or created, or is empty
	 */
	public static String readOrCreate(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			if (createIfAbsent(file, HexFormat.of().formatHex(random) + "\n")) {
				log.info("已生成密钥文件 {}（权限 0600）", file.toAbsolutePath());
			}
			else {
				log.debug("密钥文件 {} 已由并发启动创建", file);
			}
		}
		else if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("密钥文件 {} 的权限为 {}，应为 0600（chmod 600）", file.toAbsolutePath(),
					PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		}
		String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (secret.isEmpty()) {
			throw new IOException("密钥文件为空：" + file.toAbsolutePath());
		}
		return secret;
	}

	/**
	 * Creates the file with permissions 0600 (its directories first) holding the content,
	 * unless it exists.
	 * @param file the file
	 * @param content what to write
	 * @return whether it was created (false: it existed, e.g. made by a concurrent start)
	 * @throws IOException when it cannot be created or written
	 */
	public static boolean createIfAbsent(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return true;
	}

	/**
	 * Writes the content into the file (0600), replacing what it held: written beside it
	 * and moved over it atomically, so that a concurrent reader sees the old content or
	 * the new, never a truncated file.
	 * @param file the file
	 * @param content what to write
	 * @throws IOException when it cannot be written
	 */
	public static void replace(Path file, String content) throws IOException {
		Path absolute = file.toAbsolutePath();
		Path parent = absolute.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (Files.exists(absolute) && Files.readString(absolute, StandardCharsets.UTF_8).equals(content)) {
			return;
		}
		Path temporary = Files.createTempFile(parent, absolute.getFileName() + ".", ".tmp",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
			Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
