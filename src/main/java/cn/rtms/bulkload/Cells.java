package cn.rtms.bulkload;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.bulkload.BulkLayouts.Column;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.institutions.CreditCode;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks one cell against its column: type, bounds, code list, format and check
 * characters. Messages are Chinese and say what was found. A formula error value
 * ({@code #N/A} of a failed VLOOKUP) is no value in any column; a date is a
 * date-formatted cell or text, never a number shown as a number.
 */
final class Cells {

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Pattern LICENCE = Pattern.compile("\\d{15}");

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\r\\n]");

	private static final Set<String> FUTURE_ALLOWED = Set.of("licence_valid_until", "validUntil");

	private final RegionHierarchy regions;

	private final LocalDate today;

	Cells(RegionHierarchy regions, LocalDate today) {
		this.regions = regions;
		this.today = today;
	}

	/**
	 * A cell's value, or why it is wrong.
	 *
	 * @param value the value (String, Integer, LocalDate, Boolean, or a JSON array text
	 * for lists); null when empty or wrong
	 * @param problem why it is wrong, null when it is not
	 * @param present whether the cell held anything
	 */
	record Parsed(@Nullable Object value, @Nullable String problem, boolean present) {

		static final Parsed EMPTY = new Parsed(null, null, false);

		static Parsed ok(Object value) {
			return new Parsed(value, null, true);
		}

		static Parsed wrong(String problem) {
			return new Parsed(null, problem, true);
		}

	}

	/**
	 * @return the cell as text (numbers written plainly), null when empty
	 */
	static @Nullable String text(XlsxReader.@Nullable Cell cell) {
		if (cell == null) {
			return null;
		}
		return switch (cell.kind()) {
			case NUMBER -> Objects.requireNonNull(cell.number()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> ("1".equals(cell.text()) || "true".equals(cell.text())) ? "是" : "否";
			case DATE -> Objects.requireNonNull(cell.date()).toString();
			case STRING, ERROR -> cell.text().isBlank() ? null : cell.text().strip();
		};
	}

	Parsed parse(Column column, XlsxReader.@Nullable Cell data) {
		String text = text(data);
		if (text == null) {
			return column.required() ? new Parsed(null, "必填，不能为空", false) : Parsed.EMPTY;
		}
		if (data != null && data.kind() == XlsxReader.Kind.ERROR) {
			return Parsed.wrong("单元格是公式错误值 " + text + "，请填写实际值");
		}
		BigDecimal number = (data != null && data.kind() == XlsxReader.Kind.NUMBER) ? data.number() : null;
		return switch (column.type()) {
			case TEXT -> text.codePointCount(0, text.length()) > column.max()
					? Parsed.wrong("不能超过 " + column.max() + " 个字（实际 " + text.codePointCount(0, text.length()) + " 个）")
					: Parsed.ok(text);
			case CODE -> {
				String code = text.toUpperCase(java.util.Locale.ROOT);
				yield !CODE.matcher(code).matches() || code.length() > column.max()
						? Parsed.wrong("应为大写字母开头、由大写字母数字和下划线组成的代码（不超过 " + column.max() + " 个字符），实际为“" + text + "”")
						: Parsed.ok(code);
			}
			case LICENCE ->
				LICENCE.matcher(text).matches() ? Parsed.ok(text) : Parsed.wrong("医师执业证书编码应为 15 位数字，实际为“" + text + "”");
			case CREDIT_CODE -> {
				String code = text.toUpperCase(java.util.Locale.ROOT);
				yield CreditCode.problem(code)
					.map((problem) -> Parsed.wrong(problem + "（“" + text + "”）"))
					.orElseGet(() -> Parsed.ok(code));
			}
			case REGION -> {
				if (!REGION.matcher(text).matches()) {
					yield Parsed.wrong("行政区划代码应为 6 位数字，实际为“" + text + "”");
				}
				yield this.regions.ancestry(text).isEmpty() ? Parsed.wrong("未知的行政区划代码“" + text + "”（GB/T 2260）")
						: Parsed.ok(text);
			}
			case INT -> integer(column, text, number);
			case DATE -> date(column, text, number, data);
			case BOOL -> switch (text) {
				case "是", "Y", "y", "TRUE", "true" -> Parsed.ok(Boolean.TRUE);
				case "否", "N", "n", "FALSE", "false" -> Parsed.ok(Boolean.FALSE);
				default -> Parsed.wrong("应为“是”或“否”，实际为“" + text + "”");
			};
			case ENUM -> {
				String code = code(column.values(), text);
				yield code != null ? Parsed.ok(code) : Parsed.wrong(
						"“" + text + "”不是有效的" + column.header() + "，可选：" + String.join("、", column.values().keySet()));
			}
			case LIST -> {
				Set<String> items = new LinkedHashSet<>();
				for (String part : SEPARATORS.split(text)) {
					String item = part.strip();
					if (item.isEmpty()) {
						continue;
					}
					if (!column.values().isEmpty()) {
						String code = code(column.values(), item);
						if (code == null) {
							yield Parsed.wrong("“" + item + "”不是有效的" + column.header() + "，可选："
									+ String.join("、", column.values().keySet()));
						}
						item = code;
					}
					items.add(item);
				}
				if (items.isEmpty()) {
					yield column.required() ? Parsed.wrong("必填，不能为空") : Parsed.EMPTY;
				}
				StringBuilder json = new StringBuilder("[");
				for (String item : items) {
					BulkImport.Copy.quote(json.append(json.length() > 1 ? "," : ""), item);
				}
				yield Parsed.ok(json.append(']').toString());
			}
		};
	}

	private static @Nullable String code(Map<String, String> values, String text) {
		String code = values.get(text);
		if (code != null) {
			return code;
		}
		return values.containsValue(text) ? text : null;
	}

	private static Parsed integer(Column column, String text, @Nullable BigDecimal number) {
		long value;
		if (number != null) {
			BigDecimal stripped = number.stripTrailingZeros();
			if (stripped.scale() > 0) {
				return Parsed.wrong("应为整数，实际为 " + stripped.toPlainString());
			}
			if (stripped.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
				return Parsed
					.wrong("应在 " + column.min() + " – " + column.max() + " 之间，实际为 " + stripped.toPlainString());
			}
			value = stripped.longValueExact();
		}
		else if (INTEGER.matcher(text).matches()) {
			value = Long.parseLong(text);
		}
		else {
			return Parsed.wrong("应为整数，实际为文字“" + text + "”");
		}
		if (value < column.min() || value > column.max()) {
			return Parsed.wrong("应在 " + column.min() + " – " + column.max() + " 之间，实际为 " + value);
		}
		return Parsed.ok((int) value);
	}

	private Parsed date(Column column, String text, @Nullable BigDecimal number, XlsxReader.@Nullable Cell data) {
		LocalDate date = null;
		if (data != null && data.date() != null) {
			date = data.date().toLocalDate();
		}
		else if (number != null) {
			// a number shown as a number: 2015 or 2015.3 (year.month) would be a day in
			// 1905
			return Parsed.wrong("应为日期（如 2020-03-15），实际为数字“" + text + "”");
		}
		else {
			Matcher matcher = DATE.matcher(text);
			if (matcher.matches()) {
				try {
					date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
							Integer.parseInt(matcher.group(3)));
				}
				catch (DateTimeException ex) {
					return Parsed.wrong("不是有效日期：“" + text + "”");
				}
			}
		}
		if (date == null) {
			return Parsed.wrong("应为日期（如 2020-03-15），实际为“" + text + "”");
		}
		if (date.getYear() < 1900) {
			return Parsed.wrong("日期早于 1900 年：" + date);
		}
		if (date.isAfter(this.today) && !FUTURE_ALLOWED.contains(column.field())) {
			return Parsed.wrong("不能晚于今天（" + this.today + "），实际为 " + date);
		}
		return Parsed.ok(date);
	}

}
