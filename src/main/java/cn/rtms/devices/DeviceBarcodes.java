package cn.rtms.devices;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads what a barcode scanner typed for a device or consumable.
 * <ul>
 * <li>A GS1 element string — recognised by a symbology identifier ({@code ]C1} GS1-128,
 * {@code ]d2} GS1 DataMatrix, {@code ]Q3} GS1 QR, {@code ]e0} GS1 DataBar), by the
 * human-readable form with the AIs in parentheses, or by starting with AI 01 and 14
 * digits. Fixed-length AIs end by their length; variable-length ones at the group
 * separator (GS, U+001D, what scanners send for FNC1) or the end. AIs the registry does
 * not use (7003, 422, 99…) are kept in the elements, their length taken from GS1's AI
 * tables, so a label carrying them still reads. The GTIN's check digit is verified; dates
 * are YYMMDD with the century chosen by GS1's sliding window around the reference day,
 * and day {@code 00} means the last day of the month.</li>
 * <li>A code of China's MA system ({@code MA.}…, also behind a symbology identifier such
 * as {@code ]Q1}) and anything else: kept as scanned.</li>
 * </ul>
 * Errors name the position and the reason in Chinese ({@link InvalidBarcode}).
 */
public final class DeviceBarcodes {

	/**
	 * Most characters a scan may have (GS1 element strings are at most 70 in GS1-128).
	 */
	public static final int MAX_LENGTH = 200;

	static final char GS = '\u001D';

	/** Predefined lengths (data characters after the AI) of the fixed-length AIs read. */
	private static final Map<String, Integer> FIXED = Map.ofEntries(Map.entry("00", 18), Map.entry("01", 14),
			Map.entry("02", 14), Map.entry("11", 6), Map.entry("12", 6), Map.entry("13", 6), Map.entry("15", 6),
			Map.entry("16", 6), Map.entry("17", 6), Map.entry("20", 2));

	/** Maximum lengths of the variable-length AIs read. */
	private static final Map<String, Integer> VARIABLE = Map.ofEntries(Map.entry("10", 20), Map.entry("21", 20),
			Map.entry("22", 20), Map.entry("30", 8), Map.entry("37", 8), Map.entry("235", 28), Map.entry("240", 30),
			Map.entry("241", 30), Map.entry("7240", 20));

	/**
	 * Digits of an AI by its first two (GS1 General Specifications, the AI tables): any
	 * AI a label may carry besides the ones read above (7003 expiry with time, 422
	 * country of origin, 99 company internal…) is kept in the elements, not refused.
	 */
	private static final Map<String, Integer> AI_DIGITS = aiDigits();

	/**
	 * Data characters of the AIs whose element strings have a predefined length by their
	 * first two digits (GS1 General Specifications 7.8.5: no separator follows them);
	 * every other AI ends at GS or the end.
	 */
	private static final Map<String, Integer> PREDEFINED = Map.ofEntries(Map.entry("00", 18), Map.entry("01", 14),
			Map.entry("02", 14), Map.entry("03", 14), Map.entry("04", 16), Map.entry("11", 6), Map.entry("12", 6),
			Map.entry("13", 6), Map.entry("14", 6), Map.entry("15", 6), Map.entry("16", 6), Map.entry("17", 6),
			Map.entry("18", 6), Map.entry("19", 6), Map.entry("20", 2), Map.entry("31", 6), Map.entry("32", 6),
			Map.entry("33", 6), Map.entry("34", 6), Map.entry("35", 6), Map.entry("36", 6), Map.entry("41", 13));

	/** Longest data of any GS1 AI (AI 99 and others: up to 90 characters). */
	private static final int MAX_DATA = 90;

	private static Map<String, Integer> aiDigits() {
		Map<String, Integer> digits = new LinkedHashMap<>();
		for (String prefix : new String[] { "00", "01", "02", "03", "04", "10", "11", "12", "13", "14", "15", "16",
				"17", "18", "19", "20", "21", "22", "30", "37", "90", "91", "92", "93", "94", "95", "96", "97", "98",
				"99" }) {
			digits.put(prefix, 2);
		}
		for (String prefix : new String[] { "23", "24", "25", "40", "41", "42", "71" }) {
			digits.put(prefix, 3);
		}
		for (String prefix : new String[] { "31", "32", "33", "34", "35", "36", "39", "43", "70", "72", "80", "81",
				"82" }) {
			digits.put(prefix, 4);
		}
		return Map.copyOf(digits);
	}

	private DeviceBarcodes() {
	}

	/**
	 * @param scanned the characters the scanner typed (without the final Enter)
	 * @param today the reference day for two-digit years (the platform clock's today)
	 * @return what the code identifies
	 * @throws InvalidBarcode when it is empty, too long, or a malformed GS1 element
	 * string
	 */
	public static DeviceIdentification read(String scanned, LocalDate today) {
		if (scanned.isBlank()) {
			throw new InvalidBarcode("条码为空");
		}
		if (scanned.length() > MAX_LENGTH) {
			throw new InvalidBarcode("条码超过 " + MAX_LENGTH + " 个字符");
		}
		String text = scanned.strip();
		String body = withoutSymbologyIdentifier(text);
		Map<String, String> elements;
		if (body != null) {
			elements = raw(body, text.length() - body.length());
		}
		else if (text.startsWith("(")) {
			elements = humanReadable(text);
		}
		else if (text.startsWith("01") && text.length() >= 16
				&& text.substring(0, 16).chars().allMatch(Character::isDigit)) {
			elements = raw(text, 0);
		}
		else {
			// an MA code read by a scanner that sends symbology identifiers: ]Q1MA.…,
			// ]d1MA.…
			String code = text.matches("(?s)][A-Za-z][0-9].*") ? text.substring(3) : text;
			DeviceIdentification.Format format = code.regionMatches(true, 0, "MA.", 0, 3)
					? DeviceIdentification.Format.MA : DeviceIdentification.Format.PLAIN;
			return new DeviceIdentification(scanned, format, null, null, null, null, null, Map.of());
		}
		return identification(scanned, elements, today);
	}

	/**
	 * @param digits a GTIN-8, -12, -13 or -14 including its check digit
	 * @return whether the check digit is right (GS1 modulo 10, weights 3 and 1 from the
	 * right)
	 */
	public static boolean validCheckDigit(String digits) {
		if (digits.length() < 2 || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
	}

	private static int checkDigit(String payload) {
		int sum = 0;
		for (int i = 0; i < payload.length(); i++) {
			int digit = payload.charAt(payload.length() - 1 - i) - '0';
			sum += (i % 2 == 0) ? digit * 3 : digit;
		}
		return (10 - sum % 10) % 10;
	}

	private static @Nullable String withoutSymbologyIdentifier(String text) {
		for (String prefix : new String[] { "]C1", "]d2", "]Q3", "]e0" }) {
			if (text.startsWith(prefix)) {
				return text.substring(prefix.length());
			}
		}
		return null;
	}

	/** Element string as encoded: AIs and values back to back, GS after variable ones. */
	private static Map<String, String> raw(String body, int offset) {
		Map<String, String> elements = new LinkedHashMap<>();
		int at = 0;
		while (at < body.length()) {
			if (body.charAt(at) == GS) {
				at++;
				continue;
			}
			String ai = applicationIdentifier(body, at, offset);
			int start = at + ai.length();
			String value;
			Integer fixed = fixedLength(ai);
			if (fixed != null) {
				if (start + fixed > body.length()) {
					throw new InvalidBarcode(position(start, offset) + "AI (" + ai + ") 应有 " + fixed + " 位数据，实际只有 "
							+ (body.length() - start) + " 位");
				}
				value = body.substring(start, start + fixed);
				at = start + fixed;
			}
			else {
				int end = body.indexOf(GS, start);
				end = end < 0 ? body.length() : end;
				value = body.substring(start, end);
				int max = maxLength(ai);
				if (value.isEmpty() || value.length() > max) {
					throw new InvalidBarcode(position(start, offset) + "AI (" + ai + ") 的数据应为 1–" + max + " 个字符，实际 "
							+ value.length() + " 个（可变长度数据后须以分隔符 GS 结束）");
				}
				at = end;
			}
			put(elements, ai, value, start, offset);
		}
		if (elements.isEmpty()) {
			throw new InvalidBarcode("GS1 条码中没有任何数据");
		}
		return elements;
	}

	/** Human-readable interpretation: {@code (01)09506000134352(17)201225(10)ABC}. */
	private static Map<String, String> humanReadable(String text) {
		Map<String, String> elements = new LinkedHashMap<>();
		int at = 0;
		while (at < text.length()) {
			if (text.charAt(at) != '(') {
				throw new InvalidBarcode(position(at, 0) + "应为 “(”，实为 “" + text.charAt(at) + "”");
			}
			int close = text.indexOf(')', at);
			if (close < 0) {
				throw new InvalidBarcode(position(at, 0) + "括号未闭合");
			}
			String ai = text.substring(at + 1, close);
			if (!isApplicationIdentifier(ai)) {
				throw new InvalidBarcode(position(at + 1, 0) + "不支持的应用标识符 (" + ai + ")");
			}
			int next = text.indexOf('(', close);
			next = next < 0 ? text.length() : next;
			String value = text.substring(close + 1, next).strip();
			Integer fixed = fixedLength(ai);
			if (fixed != null ? value.length() != fixed : value.isEmpty() || value.length() > maxLength(ai)) {
				throw new InvalidBarcode(position(close + 1, 0) + "AI (" + ai + ") 的数据长度不对："
						+ (fixed != null ? "应为 " + fixed + " 位" : "应为 1–" + maxLength(ai) + " 个字符") + "，实际 "
						+ value.length());
			}
			put(elements, ai, value, close + 1, 0);
			at = next;
		}
		return elements;
	}

	/**
	 * The data length of an AI that has a predefined one (no separator after it), else
	 * null.
	 */
	private static @Nullable Integer fixedLength(String ai) {
		Integer fixed = FIXED.get(ai);
		return fixed != null || VARIABLE.containsKey(ai) ? fixed : PREDEFINED.get(ai.substring(0, 2));
	}

	private static int maxLength(String ai) {
		return VARIABLE.getOrDefault(ai, MAX_DATA);
	}

	private static boolean isApplicationIdentifier(String ai) {
		if (FIXED.containsKey(ai) || VARIABLE.containsKey(ai)) {
			return true;
		}
		return ai.length() >= 2 && ai.chars().allMatch(Character::isDigit)
				&& Integer.valueOf(ai.length()).equals(AI_DIGITS.get(ai.substring(0, 2)));
	}

	private static String applicationIdentifier(String body, int at, int offset) {
		for (int length = 2; length <= 4 && at + length <= body.length(); length++) {
			String candidate = body.substring(at, at + length);
			if (FIXED.containsKey(candidate) || VARIABLE.containsKey(candidate)) {
				return candidate;
			}
		}
		if (at + 2 <= body.length()) {
			Integer digits = AI_DIGITS.get(body.substring(at, at + 2));
			if (digits != null && at + digits <= body.length()
					&& isApplicationIdentifier(body.substring(at, at + digits))) {
				return body.substring(at, at + digits);
			}
		}
		throw new InvalidBarcode(
				position(at, offset) + "不支持的应用标识符 “" + body.substring(at, Math.min(body.length(), at + 4)) + "…”");
	}

	private static void put(Map<String, String> elements, String ai, String value, int at, int offset) {
		if (elements.containsKey(ai)) {
			throw new InvalidBarcode(position(at, offset) + "应用标识符 (" + ai + ") 重复出现");
		}
		if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
			throw new InvalidBarcode(position(at, offset) + "AI (" + ai + ") 的数据含有 GS1 不允许的字符");
		}
		elements.put(ai, value);
	}

	private static DeviceIdentification identification(String scanned, Map<String, String> elements, LocalDate today) {
		String gtin = elements.get("01");
		if (gtin != null) {
			if (!gtin.chars().allMatch(Character::isDigit)) {
				throw new InvalidBarcode("GTIN (01) 只能是数字：" + gtin);
			}
			if (!validCheckDigit(gtin)) {
				throw new InvalidBarcode("GTIN (01) " + gtin + " 的校验位错误：应为 " + checkDigit(gtin.substring(0, 13))
						+ "，实为 " + gtin.charAt(13));
			}
		}
		return new DeviceIdentification(scanned, DeviceIdentification.Format.GS1, gtin, elements.get("10"),
				date(elements.get("11"), "11", today), date(elements.get("17"), "17", today), elements.get("21"),
				Map.copyOf(elements));
	}

	/**
	 * YYMMDD: the century is the one that puts the year within 49 years before and 50
	 * after the reference year (GS1 General Specifications 7.12); day 00 is the last day
	 * of the month.
	 */
	static @Nullable LocalDate date(@Nullable String yymmdd, String ai, LocalDate today) {
		if (yymmdd == null) {
			return null;
		}
		if (!yymmdd.chars().allMatch(Character::isDigit)) {
			throw new InvalidBarcode("日期 (" + ai + ") 只能是 6 位数字 YYMMDD：" + yymmdd);
		}
		int yy = Integer.parseInt(yymmdd.substring(0, 2));
		int month = Integer.parseInt(yymmdd.substring(2, 4));
		int day = Integer.parseInt(yymmdd.substring(4, 6));
		int current = today.getYear() % 100;
		int century = today.getYear() - current;
		int difference = yy - current;
		if (difference >= 51) {
			century -= 100;
		}
		else if (difference <= -50) {
			century += 100;
		}
		try {
			YearMonth yearMonth = YearMonth.of(century + yy, month);
			return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
		}
		catch (DateTimeException ex) {
			throw new InvalidBarcode("日期 (" + ai + ") " + yymmdd + " 不是有效日期（YYMMDD，日为 00 表示月末）");
		}
	}

	private static String position(int at, int offset) {
		return "第 " + (at + offset + 1) + " 个字符：";
	}

}
