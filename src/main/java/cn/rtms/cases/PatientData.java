package cn.rtms.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import cn.rtms.cases.domain.IdNumbers;
import cn.rtms.platform.SecretFile;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protection of patient data (issue 8, item 10): name, ID number and phone are stored
 * AES-256-GCM encrypted; the ID number also as an HMAC-SHA256 keyed hash (for duplicate
 * checks without decrypting); readers outside the hospital see a pseudonym. All keys are
 * derived (HMAC-SHA256 with distinct labels) from one secret:
 * {@code rtms.cases.patient-key} (base64, at least 32 bytes) or, when unset, the file
 * {@code rtms.cases.patient-key-file} ({@code var/patient.key}), created with 64 random
 * hex digits and permissions 0600 at the first start. The secret and the clear values are
 * never logged; {@link #toString()} says nothing.
 */
@Component
public class PatientData {

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final byte FORMAT = 1;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hashKey;

	private final SecretKeySpec pseudonymKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * One AES-GCM cipher per thread, initialised again with a fresh IV for each value: an
	 * import encrypts three values per row, and looking a cipher up costs more than using
	 * it.
	 */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PatientData::newCipher);

	/** One HMAC-SHA256 per thread and key (see {@link #ciphers}). */
	private final ThreadLocal<Mac> hashMacs;

	private final ThreadLocal<Mac> pseudonymMacs;

	@Autowired
	PatientData(@Value("${rtms.cases.patient-key:}") String configured,
			@Value("${rtms.cases.patient-key-file:var/patient.key}") String keyFile,
			@Value("${spring.datasource.url:}") String datasourceUrl) {
		this(configured.isBlank() ? read(Path.of(keyFile), datasourceUrl) : decode(configured.strip()));
	}

	PatientData(String configured, String keyFile) {
		this(configured, keyFile, "");
	}

	PatientData(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalStateException("患者数据密钥至少需要 32 字节（rtms.cases.patient-key，base64）");
		}
		this.encryptionKey = new SecretKeySpec(derive(secret, "rtms-patient-encryption"), "AES");
		this.hashKey = new SecretKeySpec(derive(secret, "rtms-patient-id-hash"), "HmacSHA256");
		this.pseudonymKey = new SecretKeySpec(derive(secret, "rtms-patient-pseudonym"), "HmacSHA256");
		this.hashMacs = ThreadLocal.withInitial(() -> newMac(this.hashKey));
		this.pseudonymMacs = ThreadLocal.withInitial(() -> newMac(this.pseudonymKey));
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] read(Path file, String datasourceUrl) {
		try {
			return SecretFile.readOrCreateShared(file, datasourceUrl, "RTMS_CASES_PATIENTKEY")
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取或创建患者数据密钥文件 " + file.toAbsolutePath(), ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("rtms.cases.patient-key 不是有效的 base64", ex);
		}
	}

	private static byte[] derive(byte[] secret, String label) {
		return hmac(new SecretKeySpec(secret, "HmacSHA256"), label);
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param clear a value, or null
	 * @return format byte, 12-byte random IV and AES-GCM ciphertext with tag; null for
	 * null
	 */
	public byte @Nullable [] encrypt(@Nullable String clear) {
		return (clear == null) ? null : seal(clear.getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * @param sealed what {@link #encrypt} returned, or null
	 * @return the clear value; null for null
	 * @throws IllegalStateException when it was not encrypted with this key or was
	 * altered
	 */
	public @Nullable String decrypt(byte @Nullable [] sealed) {
		return (sealed == null) ? null : new String(open(sealed, null), StandardCharsets.UTF_8);
	}

	/**
	 * Encrypts bytes that carry patient data (a part of an uploaded case file).
	 * @param clear the bytes
	 * @param context bound to the result (AES-GCM associated data: which file and which
	 * part), or null
	 * @return format byte, 12-byte random IV and AES-GCM ciphertext with tag
	 */
	public byte[] seal(byte[] clear, byte @Nullable [] context) {
		try {
			byte[] iv = new byte[IV_LENGTH];
			this.random.nextBytes(iv);
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			if (context != null) {
				cipher.updateAAD(context);
			}
			byte[] sealed = cipher.doFinal(clear);
			return ByteBuffer.allocate(1 + IV_LENGTH + sealed.length).put(FORMAT).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("患者数据加密失败", ex);
		}
	}

	/**
	 * @param sealed what {@link #seal} returned
	 * @param context the context it was sealed with, or null
	 * @return the clear bytes
	 * @throws IllegalStateException when it was not sealed with this key and context or
	 * was altered
	 */
	public byte[] open(byte[] sealed, byte @Nullable [] context) {
		if (sealed.length < 1 + IV_LENGTH + TAG_BITS / 8 || sealed[0] != FORMAT) {
			throw new IllegalStateException("患者数据密文格式不正确");
		}
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_LENGTH));
			if (context != null) {
				cipher.updateAAD(context);
			}
			return cipher.doFinal(sealed, 1 + IV_LENGTH, sealed.length - 1 - IV_LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("患者数据无法解密（密钥不符或数据被篡改）", ex);
		}
	}

	/**
	 * @param idNumber an ID number as typed
	 * @return the keyed hash of its normalized form, 64 hex digits
	 */
	public String idNumberHash(String idNumber) {
		return HexFormat.of()
			.formatHex(this.hashMacs.get().doFinal(IdNumbers.normalize(idNumber).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @param institutionId the institution
	 * @param medicalRecordNo the 病案号
	 * @return {@code P} + the first 12 hex digits of a keyed hash of both: the same
	 * patient record gives the same pseudonym, and it cannot be reversed without the key
	 */
	public String pseudonym(UUID institutionId, String medicalRecordNo) {
		return "P" + HexFormat.of()
			.formatHex(this.pseudonymMacs.get()
				.doFinal((institutionId + "|" + medicalRecordNo.strip()).getBytes(StandardCharsets.UTF_8)))
			.substring(0, 12)
			.toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * @param idNumber an ID number as typed
	 * @return null when it is a valid GB 11643 number, else the Chinese reason
	 */
	public static @Nullable String idNumberProblem(String idNumber) {
		return IdNumbers.problem(IdNumbers.normalize(idNumber));
	}

	/**
	 * @param idNumber an ID number
	 * @return the first 3 and last 4 characters with the rest masked, e.g.
	 * {@code 110***********1234}
	 */
	public static String maskIdNumber(String idNumber) {
		String id = IdNumbers.normalize(idNumber);
		if (id.length() <= 7) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
	}

	/**
	 * @param phone a phone number
	 * @return the first 3 and last 4 digits with the rest masked, e.g.
	 * {@code 138****5678}
	 */
	public static String maskPhone(String phone) {
		String p = phone.strip();
		if (p.length() <= 7) {
			return (p.length() <= 2) ? "*".repeat(p.length()) : p.charAt(0) + "*".repeat(p.length() - 1);
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
	}

	/**
	 * @param name a name
	 * @return the first character followed by one {@code *} per further character, e.g.
	 * {@code 张**}
	 */
	public static String maskName(String name) {
		String n = name.strip();
		if (n.isEmpty()) {
			return n;
		}
		int first = n.offsetByCodePoints(0, 1);
		return n.substring(0, first) + "*".repeat(n.codePointCount(first, n.length()));
	}

	@Override
	public String toString() {
		return "PatientData[keys hidden]";
	}

}
