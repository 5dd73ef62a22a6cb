package cn.rtms.cases.imports;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One non-empty cell as read from the file: text cells keep their text, numeric cells
 * (including Excel dates, which are day numbers) keep their number and number format,
 * boolean cells their value, formula error values ({@code #N/A}) their text marked as an
 * error. CSV cells are text, or error values when that is all they hold.
 *
 * @param text the text, or the number or boolean written out
 * @param number the value of a numeric cell, null for text cells
 * @param bool the value of a boolean cell, null otherwise
 * @param format the number format of a numeric cell ({@code 0%}, {@code yyyy-mm-dd}),
 * null when it is General or the cell is not numeric
 * @param date1904 whether a numeric cell comes from a workbook in the 1904 date system,
 * whose day numbers count from 1904-01-01 (Excel for Mac before 2011)
 * @param error whether the cell holds a formula error value ({@code #N/A},
 * {@code #REF!}…: the cached result of a formula that failed, or that text in a CSV file
 * saved from such a sheet), which is no value
 */
record RawCell(String text, @Nullable BigDecimal number, @Nullable Boolean bool, @Nullable String format,
		boolean date1904, boolean error) {

	static RawCell text(String text) {
		return new RawCell(text, null, null, null, false, false);
	}

	/**
	 * @param value a formula error value
	 * @return the error cell
	 */
	static RawCell error(String value) {
		return new RawCell(value, null, null, null, false, true);
	}

	static RawCell number(BigDecimal number) {
		return number(number, null, false);
	}

	static RawCell number(BigDecimal number, @Nullable String format, boolean date1904) {
		return new RawCell(number.stripTrailingZeros().toPlainString(), number, null, format, date1904, false);
	}

	static RawCell bool(boolean value) {
		return new RawCell(value ? "是" : "否", null, value, null, false, false);
	}

	/**
	 * @return whether the cell was numeric in the workbook
	 */
	boolean numeric() {
		return this.number != null;
	}

	/**
	 * @return whether the cell is a number shown as a percentage: its format has a
	 * {@code %} outside quoted or escaped text ({@code 0%}, {@code 0.0%}), so Excel
	 * stores 78% as 0.78
	 */
	boolean percent() {
		String code = this.format;
		if (this.number == null || code == null) {
			return false;
		}
		boolean quoted = false;
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (quoted) {
				continue;
			}
			else if (c == '\\' || c == '_' || c == '*') {
				// an escaped character, a space as wide as the next one, a fill character
				i++;
			}
			else if (c == '%') {
				return true;
			}
		}
		return false;
	}

}
