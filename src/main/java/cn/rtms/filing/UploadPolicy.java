package cn.rtms.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What may be uploaded: PDF, JPEG, PNG, DOCX and XLSX recognised by their first bytes
 * (and, for the Office formats, by the parts inside the ZIP container), up to
 * {@code rtms.filing.max-upload-size} bytes (20 MB by default).
 */
@Component
class UploadPolicy {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final long maxSize;

	UploadPolicy(@Value("${rtms.filing.max-upload-size:20971520}") long maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * @param upload a received file
	 * @return the detected content type
	 * @throws FileTooLarge over the limit
	 * @throws UnsupportedFileType anything else than the accepted types
	 */
	String check(Upload upload) {
		byte[] bytes = upload.content();
		if (bytes.length > this.maxSize) {
			throw new FileTooLarge("文件 “" + upload.fileName() + "” 大小 " + megabytes(bytes.length) + "，超过上限 "
					+ megabytes(this.maxSize) + "；本次操作未生效");
		}
		if (bytes.length == 0) {
			throw new UnsupportedFileType("文件 “" + upload.fileName() + "” 为空；本次操作未生效");
		}
		String type = detect(bytes);
		if (type == null) {
			throw new UnsupportedFileType(
					"文件 “" + upload.fileName() + "” 的内容不是 PDF、JPEG、PNG、DOCX 或 XLSX（按文件内容识别，与扩展名无关）；本次操作未生效");
		}
		return type;
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
		boolean contentTypes = false;
		boolean word = false;
		boolean excel = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
				String name = entry.getName();
				contentTypes |= name.equals("[Content_Types].xml");
				word |= name.equals("word/document.xml");
				excel |= name.equals("xl/workbook.xml");
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
		if (contentTypes && word && !excel) {
			return DOCX;
		}
		if (contentTypes && excel && !word) {
			return XLSX;
		}
		return null;
	}

	static String sha256(byte[] bytes) {
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
