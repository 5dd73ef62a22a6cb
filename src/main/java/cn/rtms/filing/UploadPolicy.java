package cn.rtms.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.rtms.web.InputRules;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What may be uploaded: PDF, JPEG, PNG, DOCX and XLSX recognised by their first bytes
 * (and, for the Office formats, by the parts inside the ZIP container, read once with
 * bounded inflation: {@link #entryNames}), up to {@code rtms.filing.max-upload-size}
 * bytes (20 MB by default). File names are cleaned before they are stored or shown
 * ({@link #fileName}). The rules are documented in docs/filing.md ("Uploads"). Other
 * modules that store uploads (the equipment register) check them here too.
 */
@Component
public class UploadPolicy {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Most entries a DOCX or XLSX may hold. */
	static final int MAX_ZIP_ENTRIES = 1_000;

	/** Most bytes one entry of a DOCX or XLSX may inflate to. */
	static final long MAX_ZIP_ENTRY_SIZE = 64L * 1024 * 1024;

	/** Most bytes all entries of a DOCX or XLSX may inflate to together. */
	static final long MAX_ZIP_TOTAL_SIZE = 128L * 1024 * 1024;

	/**
	 * Most times its own size a DOCX or XLSX may inflate to (past {@link #RATIO_GRACE}).
	 */
	static final int MAX_ZIP_RATIO = 100;

	/** Inflated bytes below which the ratio is not checked (tiny files compress well). */
	static final long RATIO_GRACE = 1024L * 1024;

	private final long maxSize;

	UploadPolicy(@Value("${rtms.filing.max-upload-size:20971520}") long maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Refuses a file over the limit by its declared size, before its bytes are read into
	 * memory (a multipart part is on disk until then).
	 * @param fileName the file's name as sent
	 * @param size its size in bytes
	 * @throws FileTooLarge over the limit
	 */
	public void checkSize(@Nullable String fileName, long size) {
		if (size > this.maxSize) {
			throw new FileTooLarge("文件 “" + InputRules.sanitiseFileName((fileName == null) ? "" : fileName) + "” 大小 "
					+ megabytes(size) + "，超过上限 " + megabytes(this.maxSize) + "；本次操作未生效");
		}
	}

	/**
	 * @param upload a received file
	 * @return the detected content type
	 * @throws FileTooLarge over the limit
	 * @throws UnsupportedFileType anything else than the accepted types
	 */
	public String check(Upload upload) {
		byte[] bytes = upload.content();
		String fileName = fileName(upload);
		if (bytes.length > this.maxSize) {
			throw new FileTooLarge("文件 “" + fileName + "” 大小 " + megabytes(bytes.length) + "，超过上限 "
					+ megabytes(this.maxSize) + "；本次操作未生效");
		}
		if (bytes.length == 0) {
			throw new UnsupportedFileType("文件 “" + fileName + "” 为空；本次操作未生效");
		}
		String type = detect(bytes);
		if (type == null) {
			throw new UnsupportedFileType(
					"文件 “" + fileName + "” 的内容不是 PDF、JPEG、PNG、DOCX 或 XLSX（按文件内容识别，与扩展名无关）；本次操作未生效");
		}
		return type;
	}

	/**
	 * @param upload a received file
	 * @return its name as it may be stored and shown
	 * ({@link InputRules#sanitiseFileName})
	 */
	public static String fileName(Upload upload) {
		return InputRules.sanitiseFileName(upload.fileName());
	}

	static @Nullable String detect(byte[] b) {
		if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return PDF;
		}
		if (startsWith(b, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return JPEG;
		}
		if (startsWith(b, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return PNG;
		}
		if (startsWith(b, new byte[] { 'P', 'K', 3, 4 })) {
			return office(b);
		}
		return null;
	}

	private static @Nullable String office(byte[] b) {
		List<String> names;
		try {
			names = entryNames(b);
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
		boolean contentTypes = names.contains("[Content_Types].xml");
		boolean word = names.contains("word/document.xml");
		boolean excel = names.contains("xl/workbook.xml");
		if (contentTypes && word && !excel) {
			return DOCX;
		}
		if (contentTypes && excel && !word) {
			return XLSX;
		}
		return null;
	}

	/**
	 * Reads a ZIP container once, counting what it inflates to, and refuses it as soon as
	 * a limit is passed: more than {@link #MAX_ZIP_ENTRIES} entries, an entry above
	 * {@link #MAX_ZIP_ENTRY_SIZE} (declared or actual), more than
	 * {@link #MAX_ZIP_TOTAL_SIZE} in all, or more than {@link #MAX_ZIP_RATIO} times the
	 * upload's own size (past the first MiB). This is the only code that inflates an
	 * upload, and it never holds more than one buffer of inflated bytes.
	 * @param b the container
	 * @return the entry names
	 * @throws UnsafeArchive a limit is passed
	 * @throws IOException not a readable ZIP container
	 */
	static List<String> entryNames(byte[] b) throws IOException {
		List<String> names = new ArrayList<>();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (names.size() >= MAX_ZIP_ENTRIES) {
					throw new UnsafeArchive("压缩包内文件超过 " + MAX_ZIP_ENTRIES + " 个");
				}
				if (entry.getSize() > MAX_ZIP_ENTRY_SIZE) {
					throw new UnsafeArchive("压缩包内的 “" + InputRules.sanitiseFileName(entry.getName()) + "” 解压后 "
							+ megabytes(entry.getSize()) + "，超过单个文件上限 " + megabytes(MAX_ZIP_ENTRY_SIZE));
				}
				long entrySize = 0;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					entrySize += n;
					total += n;
					if (entrySize > MAX_ZIP_ENTRY_SIZE) {
						throw new UnsafeArchive("压缩包内的 “" + InputRules.sanitiseFileName(entry.getName())
								+ "” 解压后超过单个文件上限 " + megabytes(MAX_ZIP_ENTRY_SIZE));
					}
					if (total > MAX_ZIP_TOTAL_SIZE) {
						throw new UnsafeArchive("解压后总大小超过上限 " + megabytes(MAX_ZIP_TOTAL_SIZE));
					}
					if (total > RATIO_GRACE && total > MAX_ZIP_RATIO * (long) b.length) {
						throw new UnsafeArchive("解压后大小超过文件本身的 " + MAX_ZIP_RATIO + " 倍（疑似压缩炸弹）");
					}
				}
				names.add(entry.getName());
			}
		}
		return names;
	}

	/**
	 * @param bytes content
	 * @return its SHA-256 in lower-case hex
	 */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String megabytes(long bytes) {
		return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
	}

}
