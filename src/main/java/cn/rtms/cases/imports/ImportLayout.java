package cn.rtms.cases.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The column layout of one technology's import template (and of its export): sheet
 * {@value #SHEET} with one header row, one case per following row. Headers map back to
 * columns by their text ({@link #match}), so the mapping is stable as long as the
 * case-form definition keeps its labels; the 说明 sheet lists each column's key too.
 *
 * @param technology technology code, e.g. G08
 * @param formKey case-form definition, e.g. G08-2023
 * @param title Chinese title of the case form
 * @param columns the columns in template order
 */
record ImportLayout(String technology, String formKey, String title, List<ImportColumn> columns) {

	/** Name of the sheet holding the cases. */
	static final String SHEET = "病例";

	/** Name of the sheet explaining each column. */
	static final String GUIDE_SHEET = "说明";

	/** Name of the hidden sheet holding the dropdown lists. */
	static final String CODES_SHEET = "代码";

	/** Header of the column the annotated copy adds (ignored on import). */
	static final String ERROR_HEADER = "错误";

	ImportLayout {
		columns = List.copyOf(columns);
	}

	/**
	 * @param key a column key
	 * @return the column, or null
	 */
	@Nullable ImportColumn column(String key) {
		for (ImportColumn column : this.columns) {
			if (column.key().equals(key)) {
				return column;
			}
		}
		return null;
	}

	/**
	 * Maps the header row of an uploaded sheet to this layout's columns.
	 * @param headers header texts by 0-based column index
	 * @return the mapping and what does not fit
	 */
	HeaderMatch match(Map<Integer, String> headers) {
		Map<String, ImportColumn> known = new HashMap<>();
		for (ImportColumn column : this.columns) {
			known.put(normalise(column.header()), column);
			known.putIfAbsent(normalise(column.label()), column);
			known.putIfAbsent(normalise(column.key()), column);
		}
		Map<Integer, ImportColumn> byIndex = new LinkedHashMap<>();
		Map<Integer, String> unknown = new LinkedHashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		List<String> repeated = new ArrayList<>();
		@Nullable Integer errorColumn = null;
		for (Map.Entry<Integer, String> header : new TreeMap<>(headers).entrySet()) {
			String text = normalise(header.getValue());
			if (text.isEmpty()) {
				continue;
			}
			if (text.equals(ERROR_HEADER)) {
				errorColumn = header.getKey();
				continue;
			}
			ImportColumn column = known.get(text);
			if (column == null) {
				unknown.put(header.getKey(), header.getValue().strip());
			}
			else if (seen.putIfAbsent(column.key(), header.getKey()) != null) {
				repeated.add(Cells.letter(header.getKey()) + " 列 “" + column.header() + "”");
			}
			else {
				byIndex.put(header.getKey(), column);
			}
		}
		List<ImportColumn> missing = this.columns.stream()
			.filter(c -> c.required() && !seen.containsKey(c.key()))
			.toList();
		return new HeaderMatch(byIndex, unknown, missing, repeated, errorColumn);
	}

	static String normalise(String header) {
		StringBuilder out = new StringBuilder(header.length());
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (Character.isWhitespace(c) || c == '*' || c == '＊' || c == '\u3000') {
				continue;
			}
			out.append(switch (c) {
				case '(' -> '（';
				case ')' -> '）';
				default -> c;
			});
		}
		return out.toString();
	}

	/**
	 * How an uploaded header row fits a layout.
	 *
	 * @param columns matched columns by 0-based index
	 * @param unknown headers that are no column of the layout, by index
	 * @param missing required columns not found
	 * @param repeated columns that appear twice (letter and header)
	 * @param errorColumn index of an 错误 column left by an annotated copy, or null
	 */
	record HeaderMatch(Map<Integer, ImportColumn> columns, Map<Integer, String> unknown, List<ImportColumn> missing,
			List<String> repeated, @Nullable Integer errorColumn) {

		/**
		 * @return whether the sheet can be imported with this layout
		 */
		boolean fits() {
			return this.unknown.isEmpty() && this.missing.isEmpty() && this.repeated.isEmpty();
		}

		/**
		 * @param layout the layout matched against
		 * @return Chinese explanation of what does not fit, naming the columns
		 */
		String explain(ImportLayout layout) {
			List<String> parts = new ArrayList<>();
			if (!this.missing.isEmpty()) {
				parts.add("缺少必填列 " + String.join("、", this.missing.stream().map(c -> "“" + c.header() + "”").toList()));
			}
			if (!this.unknown.isEmpty()) {
				List<String> names = new ArrayList<>();
				this.unknown
					.forEach((index, text) -> names.add(Cells.letter(index) + " 列 “" + Cells.shorten(text) + "”"));
				parts.add("无法识别的列 " + String.join("、", names.subList(0, Math.min(names.size(), 10)))
						+ (names.size() > 10 ? " 等 " + names.size() + " 列" : ""));
			}
			if (!this.repeated.isEmpty()) {
				parts.add("重复的列 " + String.join("、", this.repeated));
			}
			return "工作表 “" + SHEET + "” 第 1 行的表头与 " + layout.technology() + "（" + layout.title() + "，"
					+ layout.formKey() + "）的导入模板不符：" + String.join("；", parts) + "。请下载该技术的模板后填写";
		}

	}

}
