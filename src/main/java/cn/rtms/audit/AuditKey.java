package cn.rtms.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.rtms.platform.SecretFile;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that keys the audit chain (HMAC-SHA256), kept outside the database: the
 * value of {@code rtms.audit.key} ({@code RTMS_AUDIT_KEY}, at least 32 characters) or,
 * when unset, the file {@code rtms.audit.key-file} ({@code var/audit.key}), created with
 * 64 random hex digits and permissions 0600 at the first start. Whoever can write the
 * database but does not hold the key cannot produce a chain that verifies.
 */
@Component
class AuditKey {

	static final int MIN_LENGTH = 32;

	private final SecretKeySpec key;

	@Autowired
	AuditKey(@Value("${rtms.audit.key:}") String configured,
			@Value("${rtms.audit.key-file:var/audit.key}") String keyFile,
			@Value("${spring.datasource.url:}") String datasourceUrl) {
		this(configured.isBlank() ? read(Path.of(keyFile), datasourceUrl) : configured.strip());
	}

	AuditKey(String configured, String keyFile) {
		this(configured, keyFile, "");
	}

	AuditKey(String secret) {
		if (secret.length() < MIN_LENGTH) {
			throw new IllegalStateException("审计密钥至少需要 " + MIN_LENGTH + " 个字符（rtms.audit.key / RTMS_AUDIT_KEY）");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	private static String read(Path file, String datasourceUrl) {
		try {
			return SecretFile.readOrCreateShared(file, datasourceUrl, "RTMS_AUDIT_KEY");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取或创建审计密钥文件 " + file.toAbsolutePath(), ex);
		}
	}

	/**
	 * @param text the canonical text of an entry
	 * @return HMAC-SHA256 of it, 64 lower-case hex digits
	 */
	String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The keyed hash of one entry: its canonical text (previous hash, then every field
	 * length-prefixed) under the key.
	 */
	String hash(String previous, java.time.Instant at, @Nullable String actorId, String actorName,
			@Nullable String actorRole, String address, String action, String entityType, String entityId,
			@Nullable String before, @Nullable String after) {
		return mac(AuditTrail.canonical(previous, at, actorId, actorName, actorRole, address, action, entityType,
				entityId, before, after));
	}

}
