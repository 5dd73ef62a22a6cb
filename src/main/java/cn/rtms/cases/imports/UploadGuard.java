package cn.rtms.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import cn.rtms.cases.imports.SheetReader.Format;

/**
 * What an uploaded case file must be before any row is parsed: not larger than the limit
 * ({@code rtms.cases.import.max-file-size}, 100 MB by default), an XLSX workbook
 * recognised by its content (a ZIP container holding {@code xl/workbook.xml}, inflated
 * once with bounded entries, total and ratio, so a zip bomb renamed .xlsx is refused
 * before POI opens it) or CSV text in UTF-8 (with or without BOM) or GB18030/GBK. The
 * same limits as {@code cn.rtms.filing.UploadPolicy}, scaled for workbooks of a million
 * rows.
 */
final class UploadGuard {

	/** Most entries a workbook may hold. */
	static final int MAX_ENTRIES = 1_000;

	/** Most times its own size a workbook may inflate to (past {@link #RATIO_GRACE}). */
	static final int MAX_RATIO = 100;

	/** Inflated bytes below which the ratio is not checked. */
	static final long RATIO_GRACE = 4L * 1024 * 1024;

	/** Most bytes all entries of a workbook may inflate to together. */
	static final long MAX_TOTAL = 4L * 1024 * 1024 * 1024;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private UploadGuard() {
	}

	/**
	 * The file as recognised.
	 *
	 * @param format XLSX or CSV
	 * @param charset text encoding of a CSV file (UTF-8 for XLSX)
	 */
	record Checked(Format format, Charset charset) {
	}

	/**
	 * @param file the stored upload
	 * @param fileName its cleaned name, for messages
	 * @param maxSize the size limit in bytes
	 * @return format and encoding
	 * @throws ImportRefused too large, empty, not a workbook or CSV, or an unsafe archive
	 */
	static Checked check(Path file, String fileName, long maxSize) {
		long size;
		byte[] head = new byte[64 * 1024];
		int read;
		try {
			size = Files.size(file);
			if (size > maxSize) {
				throw ImportRefused.tooLarge(fileName, size, maxSize);
			}
			if (size == 0) {
				throw ImportRefused.empty(fileName);
			}
			try (InputStream in = Files.newInputStream(file)) {
				read = in.readNBytes(head, 0, head.length);
			}
		}
		catch (IOException ex) {
			throw ImportRefused.unreadable(fileName, "读取上传内容失败");
		}
		if (startsWith(head, read, ZIP)) {
			inspectZip(file, fileName, size);
			return new Checked(Format.XLSX, StandardCharsets.UTF_8);
		}
		if (startsWith(head, read, OLE2)) {
			throw ImportRefused.unsupported(fileName, "是旧版 .xls 工作簿或加密的工作簿（请在 Excel 中另存为不加密的 .xlsx）");
		}
		for (int i = 0; i < read; i++) {
			if (head[i] == 0) {
				throw ImportRefused.unsupported(fileName, "不是 .xlsx 工作簿，也不是文本（按文件内容识别，与扩展名无关）");
			}
		}
		return new Checked(Format.CSV, textCharset(head, read, size));
	}

	private static Charset textCharset(byte[] head, int read, long size) {
		return utf8(head, read, size > read) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
	}

	/**
	 * @param bytes the sample
	 * @param length its length
	 * @param cut whether the file goes on after the sample: then a character cut at the
	 * end of the sample (up to three bytes that begin a valid UTF-8 sequence) is left
	 * undecided instead of being judged malformed; only bytes that no continuation could
	 * make valid count against UTF-8
	 * @return whether the sample is UTF-8
	 */
	private static boolean utf8(byte[] bytes, int length, boolean cut) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), CharBuffer.allocate(length), !cut);
		return !result.isError();
	}

	/**
	 * Inflates every entry once, counting, and refuses the file as soon as a limit is
	 * passed; never holds more than one buffer. Reads through the central directory
	 * ({@link ZipFile}), as POI does, so entries written with data descriptors (SXSSF,
	 * Excel) are read too; the sizes counted are the bytes actually inflated, not the
	 * declared ones.
	 */
	static void inspectZip(Path file, String fileName, long size) {
		List<String> names = new ArrayList<>();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				throw ImportRefused.unsafe(fileName, "压缩包内文件超过 " + MAX_ENTRIES + " 个");
			}
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > MAX_TOTAL) {
							throw ImportRefused.unsafe(fileName, "解压后总大小超过上限 " + ImportRefused.megabytes(MAX_TOTAL));
						}
						if (total > RATIO_GRACE && total > MAX_RATIO * size) {
							throw ImportRefused.unsafe(fileName, "解压后大小超过文件本身的 " + MAX_RATIO + " 倍（疑似压缩炸弹）");
						}
					}
				}
				names.add(entry.getName());
			}
		}
		catch (ZipException ex) {
			throw ImportRefused.unsupported(fileName, "是损坏的压缩文件，不是有效的 .xlsx 工作簿");
		}
		catch (IOException ex) {
			throw ImportRefused.unreadable(fileName, "解压失败");
		}
		if (!names.contains("xl/workbook.xml")) {
			throw ImportRefused.unsupported(fileName, "是压缩文件，但不是 .xlsx 工作簿（按文件内容识别，与扩展名无关）");
		}
	}

	private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
