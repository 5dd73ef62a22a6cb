package cn.rtms.cases.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.cases.imports.ImportColumn.Option;
import cn.rtms.web.InputRules;
import org.jspecify.annotations.Nullable;

/**
 * Reading typed values out of cells, each failure a Chinese message for that cell
 * ({@link BadCell}). Dates come as Excel day numbers (numeric cells: days since
 * 1899-12-30, or since 1904-01-01 in a workbook of the 1904 date system, the fraction
 * being the time of day) or as text {@code yyyy-MM-dd}, {@code yyyy/M/d},
 * {@code yyyy.M.d}, {@code yyyyMMdd} and {@code yyyy年M月d日}, optionally followed by a
 * time; numbers as numeric cells or text (in a column in per cent, a number formatted as
 * a percentage as the percentage it shows); booleans as 是/否, Y/N, TRUE/FALSE, 1/0, 有/无.
 */
final class Cells {

	/** Day 0 of Excel's 1900 date system as Java sees it (past Excel's 1900-02-29). */
	static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** Day 0 of Excel's 1904 date system. */
	static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);

	/**
	 * Excel's day number of 1900-03-01, the first one that Excel and the calendar agree
	 * on.
	 */
	static final int FIRST_RELIABLE_SERIAL = 61;

	/** Excel's largest day number (9999-12-31). */
	static final int LAST_SERIAL = 2_958_465;

	private static final Pattern SEPARATED = Pattern.compile(
			"(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	private static final Pattern CHINESE = Pattern
		.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?(?:\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；,，、\\n]+");

	private Cells() {
	}

	/**
	 * @param index 0-based column index
	 * @return the column letter as Excel shows it (0 → A, 26 → AA)
	 */
	static String letter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	/**
	 * @param text any text from a file
	 * @return the text cut to 40 characters for messages
	 */
	static String shorten(String text) {
		String flat = text.replaceAll("\\p{Cntrl}", " ").strip();
		return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
	}

	/**
	 * @param cell a cell
	 * @return its date
	 * @throws BadCell when it holds no date
	 */
	static LocalDate date(RawCell cell) {
		BigDecimal number = cell.number();
		if (number != null) {
			return serial(number, cell.date1904());
		}
		String text = cell.text().strip();
		Matcher m = SEPARATED.matcher(text);
		if (!m.matches()) {
			m = CHINESE.matcher(text);
		}
		if (!m.matches()) {
			m = COMPACT.matcher(text);
		}
		if (!m.matches()) {
			throw new BadCell("“" + shorten(text) + "” 不是日期；请填写 Excel 日期或 yyyy-MM-dd、yyyy/M/d、yyyy年M月d日 格式的文本");
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		catch (DateTimeException ex) {
			throw new BadCell("日期 “" + shorten(text) + "” 不存在");
		}
		return inRange(date, text);
	}

	/**
	 * @param serial an Excel day number
	 * @param date1904 whether it counts from 1904-01-01 (the 1904 date system) rather
	 * than from 1899-12-30
	 * @return the day
	 * @throws BadCell outside what Excel can show, or before 1900-03-01
	 */
	static LocalDate serial(BigDecimal serial, boolean date1904) {
		if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL + 1L)) >= 0) {
			throw new BadCell("数值 " + serial.stripTrailingZeros().toPlainString() + " 不是有效的 Excel 日期");
		}
		long days = serial.longValue();
		if (date1904) {
			LocalDate date = EXCEL_EPOCH_1904.plusDays(days);
			return inRange(date, date.toString());
		}
		if (days < FIRST_RELIABLE_SERIAL) {
			throw new BadCell("数值 " + serial.stripTrailingZeros().toPlainString() + " 作为 Excel 日期早于 1900-03-01，请检查");
		}
		LocalDate date = EXCEL_EPOCH.plusDays(days);
		return inRange(date, date.toString());
	}

	private static LocalDate inRange(LocalDate date, String text) {
		if (date.isBefore(InputRules.MIN_DATE) || date.isAfter(InputRules.MAX_DATE)) {
			throw new BadCell(
					"日期 “" + shorten(text) + "” 超出允许范围（" + InputRules.MIN_DATE + " 至 " + InputRules.MAX_DATE + "）");
		}
		return date;
	}

	/**
	 * @param date a day
	 * @return its Excel day number
	 */
	static long toSerial(LocalDate date) {
		return date.toEpochDay() - EXCEL_EPOCH.toEpochDay();
	}

	/**
	 * @param cell a cell
	 * @return its number
	 * @throws BadCell when it holds text that is no number
	 */
	static BigDecimal decimal(RawCell cell) {
		BigDecimal number = cell.number();
		if (number != null) {
			return number;
		}
		String text = cell.text().strip().replace(",", "").replace("，", "");
		if (text.endsWith("%")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		try {
			if (text.length() > 30) {
				throw new NumberFormatException();
			}
			return new BigDecimal(halfWidth(text));
		}
		catch (NumberFormatException ex) {
			throw new BadCell("“" + shorten(cell.text()) + "” 不是数字");
		}
	}

	/**
	 * @param cell a cell of a column in per cent
	 * @return its number; a number formatted as a percentage (Excel stores 78% as 0.78)
	 * as the percentage it shows (78)
	 * @throws BadCell when it holds text that is no number
	 */
	static BigDecimal percentage(RawCell cell) {
		BigDecimal number = cell.number();
		if (number != null && cell.percent()) {
			return number.movePointRight(2);
		}
		return decimal(cell);
	}

	/**
	 * @param cell a cell
	 * @return its whole number
	 * @throws BadCell when it holds no whole number
	 */
	static int integer(RawCell cell) {
		BigDecimal number;
		try {
			number = decimal(cell);
		}
		catch (BadCell ex) {
			throw new BadCell("“" + shorten(cell.text()) + "” 不是整数");
		}
		try {
			return number.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new BadCell("“" + shorten(cell.text()) + "” 不是整数");
		}
	}

	/**
	 * @param cell a cell
	 * @return its yes / no
	 * @throws BadCell when it is neither
	 */
	static boolean bool(RawCell cell) {
		if (cell.bool() != null) {
			return cell.bool();
		}
		String text = cell.text().strip().toUpperCase(Locale.ROOT);
		return switch (text) {
			case "是", "Y", "YES", "TRUE", "1", "有", "√" -> true;
			case "否", "N", "NO", "FALSE", "0", "无", "×" -> false;
			default -> throw new BadCell("“" + shorten(cell.text()) + "” 不是“是”或“否”");
		};
	}

	/**
	 * @param cell a cell
	 * @param options the column's codes
	 * @return the code matched by code, by name or by the dropdown label ("A A级")
	 * @throws BadCell when nothing matches
	 */
	static String choice(RawCell cell, List<Option> options) {
		String text = cell.text().strip();
		for (Option option : options) {
			if (option.code().equalsIgnoreCase(text) || option.name().equals(text) || option.display().equals(text)) {
				return option.code();
			}
		}
		List<String> allowed = options.stream().map(Option::display).toList();
		throw new BadCell(
				"“" + shorten(text) + "” 不在可选值中（" + String.join("、", allowed.subList(0, Math.min(12, allowed.size())))
						+ (allowed.size() > 12 ? " 等 " + allowed.size() + " 项" : "") + "）");
	}

	/**
	 * @param cell a cell
	 * @param maxLength the longest text, or null for the platform default
	 * @return its text, trimmed
	 * @throws BadCell when the text breaks the input rules
	 */
	static String text(RawCell cell, @Nullable Integer maxLength) {
		String text = cell.text().strip();
		String problem = InputRules.problem(text, maxLength == null ? InputRules.DEFAULT_MAX_LENGTH : maxLength);
		if (problem != null) {
			throw new BadCell("文本" + problem);
		}
		return text;
	}

	/**
	 * @param cell a cell
	 * @return its non-blank parts separated by ；, ;, ，, 、 or line breaks
	 */
	static List<String> list(RawCell cell) {
		List<String> parts = new ArrayList<>();
		for (String part : LIST_SEPARATORS.split(cell.text())) {
			if (!part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return parts;
	}

	private static String halfWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append((c >= '０' && c <= '９') ? (char) (c - '０' + '0') : c == '．' ? '.' : c == '－' ? '-' : c);
		}
		return out.toString();
	}

	/** A cell that does not hold what its column needs; the message names the problem. */
	static final class BadCell extends RuntimeException {

		BadCell(String message) {
			super(message, null, false, false);
		}

	}

}
