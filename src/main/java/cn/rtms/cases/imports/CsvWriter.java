package cn.rtms.cases.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import cn.rtms.cases.imports.ImportColumn.Kind;

/**
 * Writes rows in a template layout as RFC 4180 CSV: the header row, then one case per
 * line; dates {@code yyyy-MM-dd}, yes/no as 是/否, codes of choice columns as their
 * dropdown label. Starts with a byte-order mark so Excel reads it as UTF-8.
 */
final class CsvWriter {

	private CsvWriter() {
	}

	static void write(ImportLayout layout, Iterator<Map<String, Object>> rows, Appendable out) throws IOException {
		List<ImportColumn> columns = layout.columns();
		out.append('\uFEFF');
		for (int i = 0; i < columns.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			quote(columns.get(i).header(), out);
		}
		out.append("\r\n");
		while (rows.hasNext()) {
			Map<String, Object> values = rows.next();
			for (int i = 0; i < columns.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				Object value = values.get(columns.get(i).key());
				if (value != null) {
					quote(text(columns.get(i), value), out);
				}
			}
			out.append("\r\n");
		}
	}

	static String text(ImportColumn column, Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "是" : "否";
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (column.kind() == Kind.CHOICE) {
			String code = value.toString();
			return column.options()
				.stream()
				.filter(o -> o.code().equals(code))
				.map(ImportColumn.Option::display)
				.findFirst()
				.orElse(code);
		}
		return value.toString();
	}

	private static void quote(String text, Appendable out) throws IOException {
		boolean needs = false;
		for (int i = 0; i < text.length() && !needs; i++) {
			char c = text.charAt(i);
			needs = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!needs) {
			out.append(text);
			return;
		}
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

}
