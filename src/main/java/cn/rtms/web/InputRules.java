package cn.rtms.web;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What every piece of text and every date a client sends must satisfy, wherever it
 * arrives (JSON body, query or form parameter, path, upload file name): documented in
 * docs/api.md ("Input bounds"). The JSON body deserializers, the parameter inspector and
 * the upload policy all ask this class, so there is one rule set.
 * <ul>
 * <li>no control characters other than tab, line feed and carriage return (NUL,
 * U+0001–U+001F, DEL, U+0080–U+009F);</li>
 * <li>no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make
 * text display differently from what it is;</li>
 * <li>not made only of invisible characters (zero-width space, joiners, word joiner, BOM)
 * and white space;</li>
 * <li>at most a maximum length ({@link #DEFAULT_MAX_LENGTH} unless the field declares its
 * own);</li>
 * <li>dates between {@link #MIN_DATE} and {@link #MAX_DATE}.</li>
 * </ul>
 */
public final class InputRules {

	/** Longest text accepted where a field declares no limit of its own. */
	public static final int DEFAULT_MAX_LENGTH = 2_000;

	/** Earliest date accepted anywhere. */
	public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

	/** Latest date accepted anywhere. */
	public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

	/** Longest stored upload file name (filing.document.file_name is varchar(255)). */
	public static final int MAX_FILE_NAME_LENGTH = 255;

	private InputRules() {
	}

	/**
	 * @param value text as received
	 * @param maxLength the field's maximum length in characters
	 * @return why the text is refused, in Chinese, or {@code null} when it is acceptable
	 */
	public static @Nullable String problem(String value, int maxLength) {
		if (value.length() > maxLength) {
			return "长度为 " + value.length() + " 个字符，超过上限 " + maxLength + " 个字符";
		}
		boolean invisible = false;
		boolean visible = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (isControl(c)) {
				return "含有不允许的控制字符（" + codePoint(c) + "）";
			}
			if (isBidiControl(c)) {
				return "含有双向文本控制字符（" + codePoint(c) + "），会使文字显示顺序与实际内容不一致";
			}
			if (isZeroWidth(c)) {
				invisible = true;
			}
			else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				visible = true;
			}
		}
		if (invisible && !visible) {
			return "只含不可见字符（零宽字符）";
		}
		return null;
	}

	/**
	 * @param date a date as received
	 * @return why the date is refused, in Chinese, or {@code null} when it is within
	 * {@link #MIN_DATE}..{@link #MAX_DATE}
	 */
	public static @Nullable String problem(LocalDate date) {
		if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
			return "日期 " + date + " 超出允许范围（" + MIN_DATE + " 至 " + MAX_DATE + "）";
		}
		return null;
	}

	/**
	 * Checks a text parameter and returns it.
	 * @param value the text
	 * @param field the parameter or field name for the error
	 * @param maxLength the field's maximum length
	 * @return the value
	 * @throws ProblemException 400 {@code VALIDATION_FAILED} naming the field
	 */
	public static String require(String value, String field, int maxLength) {
		String problem = problem(value, maxLength);
		if (problem != null) {
			throw invalid(field, problem);
		}
		return value;
	}

	/**
	 * Checks a date parameter and returns it.
	 * @param date the date
	 * @param field the parameter or field name for the error
	 * @return the date
	 * @throws ProblemException 400 {@code VALIDATION_FAILED} naming the field
	 */
	public static LocalDate require(LocalDate date, String field) {
		String problem = problem(date);
		if (problem != null) {
			throw invalid(field, problem);
		}
		return date;
	}

	/**
	 * @param field the refused field
	 * @param message why, in Chinese
	 * @return a 400 {@code VALIDATION_FAILED} problem naming the field
	 */
	public static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
				"请求数据校验失败：" + field + "：" + message, List.of(new FieldProblem(field, message)));
	}

	/**
	 * An upload's file name as it may be stored and shown: only the last path segment (a
	 * client's {@code ../../x.pdf} or {@code C:\x.pdf} becomes {@code x.pdf}), without
	 * control, bidirectional or zero-width characters, white space collapsed, at most
	 * {@link #MAX_FILE_NAME_LENGTH} characters keeping the extension; Chinese and other
	 * letters stay as they are.
	 * @param original the name the client sent
	 * @return the cleaned name; {@code "未命名文件"} when nothing is left
	 */
	public static String sanitiseFileName(String original) {
		StringBuilder clean = new StringBuilder(original.length());
		for (int i = 0; i < original.length(); i++) {
			char c = original.charAt(i);
			if (isControl(c) || isBidiControl(c) || isZeroWidth(c) || c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			clean.append(c);
		}
		String name = clean.toString();
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1).replaceAll("\\s+", " ").strip();
		while (name.startsWith(".")) {
			name = name.substring(1).strip();
		}
		if (name.isEmpty()) {
			return "未命名文件";
		}
		if (name.length() > MAX_FILE_NAME_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
			name = name.substring(0, MAX_FILE_NAME_LENGTH - extension.length()) + extension;
		}
		return name;
	}

	static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

	static boolean isBidiControl(char c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	static boolean isZeroWidth(char c) {
		return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x180E;
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

}
