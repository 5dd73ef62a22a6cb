package cn.rtms.cases.imports;

/**
 * One bad cell (or a bad row, when {@code column} is empty) of an uploaded file, as the
 * error table and the annotated copy show it.
 *
 * @param sheet sheet name ({@value ImportLayout#SHEET}; the file name for CSV)
 * @param row 1-based row number
 * @param column column letter ({@code F}), empty when the problem concerns the whole row
 * @param header the column's header, empty when the problem concerns the whole row
 * @param message Chinese message
 */
public record CellProblem(String sheet, int row, String column, String header, String message) {

	/**
	 * @return the place and the message in one Chinese sentence
	 */
	public String describe() {
		return "工作表 “" + this.sheet + "” 第 " + this.row + " 行"
				+ (this.column.isEmpty() ? "" : " " + this.column + " 列（" + this.header + "）") + "：" + this.message;
	}

}
