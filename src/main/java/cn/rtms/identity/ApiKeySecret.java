package cn.rtms.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key format {@code rtms_<prefix>.<secret>}: a 12-hex-digit public prefix to find
 * the key (48 random bits, unique) and a secret of 256 random bits in base64url (43
 * characters). Only the SHA-256 of the secret is stored; a presented secret is compared
 * with it in constant time. A fast hash is enough: the secret is random, not a password.
 */
final class ApiKeySecret {

	static final String SCHEME = "rtms_";

	private static final Pattern FORMAT = Pattern.compile("rtms_([0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeySecret() {
	}

	/**
	 * A new key.
	 *
	 * @param prefix public lookup part
	 * @param secret random part
	 * @param hash hex SHA-256 of {@code secret}
	 */
	record Issued(String prefix, String secret, String hash) {

		String key() {
			return SCHEME + this.prefix + "." + this.secret;
		}

	}

	/**
	 * The parts of a presented key.
	 *
	 * @param prefix public lookup part
	 * @param secret random part
	 */
	record Presented(String prefix, String secret) {
	}

	static Issued generate() {
		byte[] prefix = new byte[6];
		byte[] secret = new byte[32];
		RANDOM.nextBytes(prefix);
		RANDOM.nextBytes(secret);
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new Issued(HexFormat.of().formatHex(prefix), text, hash(text));
	}

	/**
	 * @param presented what the client sent (surrounding blanks ignored)
	 * @return its parts, empty when it is not a key of this format
	 */
	static Optional<Presented> parse(String presented) {
		var matcher = FORMAT.matcher(presented.strip());
		return matcher.matches() ? Optional.of(new Presented(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

	static String hash(String secret) {
		return HexFormat.of().formatHex(digest(secret));
	}

	/**
	 * @return whether the secret hashes to the stored hash, compared in constant time
	 */
	static boolean matches(String secret, String storedHash) {
		byte[] stored;
		try {
			stored = HexFormat.of().parseHex(storedHash.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(digest(secret), stored);
	}

	private static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 不可用", ex);
		}
	}

}
