package cn.rtms.cases.imports;

import java.util.Map;

/**
 * One row of the uploaded sheet as read, before mapping.
 *
 * @param number 1-based row number as Excel shows it (the header is row 1)
 * @param cells non-empty cells by 0-based column index
 */
record SheetRow(int number, Map<Integer, RawCell> cells) {

	SheetRow {
		cells = Map.copyOf(cells);
	}

}
