package cn.rtms.bulkload;

/**
 * One bad cell (or a bad row when {@code column} is empty) of an uploaded workbook.
 *
 * @param sheet sheet name
 * @param row 1-based row number (the header is row 1)
 * @param column column letter, e.g. {@code C}; empty when the problem concerns the row
 * @param header the column's header; empty when the problem concerns the row
 * @param message why, in Chinese
 */
public record BulkProblem(String sheet, int row, String column, String header, String message) {

	/**
	 * @return place and message in one Chinese sentence
	 */
	public String describe() {
		return "工作表“" + this.sheet + "”第 " + this.row + " 行"
				+ (this.column.isEmpty() ? "" : " " + this.column + " 列（" + this.header + "）") + "：" + this.message;
	}

}
