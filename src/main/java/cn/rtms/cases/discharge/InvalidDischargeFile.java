package cn.rtms.cases.discharge;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An uploaded discharge-record file that cannot be imported: 422
 * {@code DISCHARGE_FILE_INVALID}, naming the file and, for bad cells, every row and
 * column ({@code rows: [{row, column, message}]}). Nothing of the file was stored.
 */
public class InvalidDischargeFile extends ProblemException {

	private final List<RowError> rows;

	/**
	 * @param detail Chinese explanation naming the file
	 * @param rows the bad cells, empty when the whole file is refused
	 */
	public InvalidDischargeFile(String detail, List<RowError> rows) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "DISCHARGE_FILE_INVALID", "出院病案首页文件有误", detail, List.of());
		this.rows = List.copyOf(rows);
		if (!rows.isEmpty()) {
			getBody().setProperty("rows", this.rows);
		}
	}

	/**
	 * @return the bad cells
	 */
	public List<RowError> rows() {
		return this.rows;
	}

	/**
	 * One bad cell or row.
	 *
	 * @param row row number in the file (header = 1)
	 * @param column the column's header as in the file, or empty for the whole row
	 * @param message Chinese explanation
	 */
	public record RowError(int row, String column, String message) {
	}

}
