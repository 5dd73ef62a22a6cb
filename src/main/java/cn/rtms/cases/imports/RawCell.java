package cn.rtms.cases.imports;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One non-empty cell as read from the file: text cells keep their text, numeric cells
 * (including Excel dates, which are day numbers) keep their number, boolean cells their
 * value. CSV cells are always text.
 *
 * @param text the text, or the number or boolean written out
 * @param number the value of a numeric cell, null for text cells
 * @param bool the value of a boolean cell, null otherwise
 * @param date1904 whether a numeric cell comes from a workbook in the 1904 date system,
 * whose day numbers count from 1904-01-01 (Excel for Mac before 2011)
 */
record RawCell(String text, @Nullable BigDecimal number, @Nullable Boolean bool, boolean date1904) {

	static RawCell text(String text) {
		return new RawCell(text, null, null, false);
	}

	static RawCell number(BigDecimal number) {
		return number(number, false);
	}

	static RawCell number(BigDecimal number, boolean date1904) {
		return new RawCell(number.stripTrailingZeros().toPlainString(), number, null, date1904);
	}

	static RawCell bool(boolean value) {
		return new RawCell(value ? "是" : "否", null, value, false);
	}

	/**
	 * @return whether the cell was numeric in the workbook
	 */
	boolean numeric() {
		return this.number != null;
	}

}
