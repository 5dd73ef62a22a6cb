package cn.rtms.cases.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.imports.Cells.BadCell;
import cn.rtms.cases.imports.ImportLayout.HeaderMatch;

/**
 * Turns one sheet row into typed values by column key, collecting a {@link CellProblem}
 * for every cell that does not hold what its column needs (text in a number column, a
 * date that is none, a code that matches nothing, a person not on the staff list, a
 * formula error value such as {@code #N/A} in any column). Required values, ranges and
 * the rules between fields are judged afterwards by the case checks, on the typed values.
 */
final class RowMapper {

	/** The unit of a column in per cent. */
	private static final String PERCENT = "%";

	private final String sheet;

	private final HeaderMatch match;

	private final StaffLookup staff;

	RowMapper(String sheet, HeaderMatch match, StaffLookup staff) {
		this.sheet = sheet;
		this.match = match;
		this.staff = staff;
	}

	/**
	 * A mapped row.
	 *
	 * @param row 1-based row number
	 * @param values typed values by column key: String, Integer, BigDecimal, LocalDate,
	 * Boolean, UUID, {@code List<String>}, {@code List<UUID>} or
	 * {@code List<ComplicationCell>}
	 * @param problems the bad cells, empty when every cell could be read
	 */
	record Mapped(int row, Map<String, Object> values, List<CellProblem> problems) {
	}

	/**
	 * A complication as written in a cell: 名称|分级|发生日期|类型|严重 (the last two optional, so
	 * files written before they existed still import).
	 *
	 * @param name name
	 * @param grade Clavien-Dindo grade, or null
	 * @param onsetDate onset, or null
	 * @param type complication type code (matched by code or name), or null
	 * @param serious whether a 严重并发症, or null when not given
	 */
	record ComplicationCell(String name, @org.jspecify.annotations.Nullable String grade,
			java.time.@org.jspecify.annotations.Nullable LocalDate onsetDate,
			@org.jspecify.annotations.Nullable String type, @org.jspecify.annotations.Nullable Boolean serious) {
	}

	Mapped map(SheetRow row) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<CellProblem> problems = new ArrayList<>();
		row.cells().forEach((index, cell) -> {
			ImportColumn column = this.match.columns().get(index);
			if (column == null) {
				return;
			}
			try {
				values.put(column.key(), value(column, cell));
			}
			catch (BadCell ex) {
				problems.add(problem(row.number(), index, column, ex.getMessage()));
			}
		});
		problems.sort(java.util.Comparator.comparing(p -> AnnotatedCopy.index(p.column())));
		return new Mapped(row.number(), values, problems);
	}

	CellProblem problem(int row, int index, ImportColumn column, String message) {
		return new CellProblem(this.sheet, row, Cells.letter(index), column.header(), message);
	}

	private Object value(ImportColumn column, RawCell cell) {
		if (cell.error()) {
			throw new BadCell("单元格是公式错误值 " + Cells.shorten(cell.text()) + "，请填写实际值");
		}
		return switch (column.kind()) {
			case TEXT -> Cells.text(cell, column.maxLength());
			case INTEGER -> Cells.integer(cell);
			case DECIMAL -> PERCENT.equals(column.unit()) ? Cells.percentage(cell) : Cells.decimal(cell);
			case DATE -> Cells.date(cell);
			case BOOLEAN -> Cells.bool(cell);
			case CHOICE -> Cells.choice(cell, column.options());
			case PERSON -> this.staff.resolve(Cells.text(cell, 60));
			case PERSON_LIST -> {
				List<UUID> people = new ArrayList<>();
				for (String part : Cells.list(cell)) {
					people.add(this.staff.resolve(part));
				}
				yield people;
			}
			case TEXT_LIST -> {
				List<String> parts = new ArrayList<>();
				for (String part : Cells.list(cell)) {
					parts.add(Cells.text(RawCell.text(part), 200));
				}
				yield parts;
			}
			case COMPLICATIONS -> complications(cell, column.options());
		};
	}

	private static List<ComplicationCell> complications(RawCell cell, List<ImportColumn.Option> types) {
		List<ComplicationCell> list = new ArrayList<>();
		for (String part : cell.text().split("[;；\\n]+")) {
			if (part.isBlank()) {
				continue;
			}
			String[] pieces = part.split("[|｜]", -1);
			String name = Cells.text(RawCell.text(pieces[0]), 100);
			if (name.isEmpty()) {
				throw new BadCell("并发症 “" + Cells.shorten(part) + "” 缺少名称（格式：名称|分级|发生日期|类型|严重）");
			}
			if (pieces.length > 5) {
				throw new BadCell("并发症 “" + Cells.shorten(part) + "” 的格式应为 名称|分级|发生日期|类型|严重");
			}
			String grade = (pieces.length > 1 && !pieces[1].isBlank()) ? pieces[1].strip() : null;
			java.time.LocalDate onset = (pieces.length > 2 && !pieces[2].isBlank())
					? Cells.date(RawCell.text(pieces[2])) : null;
			String type = null;
			if (pieces.length > 3 && !pieces[3].isBlank()) {
				if (types.isEmpty()) {
					throw new BadCell("并发症 “" + Cells.shorten(part) + "” 填写了类型，但该技术的病例表单不区分并发症类型");
				}
				try {
					type = Cells.choice(RawCell.text(pieces[3]), types);
				}
				catch (BadCell ex) {
					throw new BadCell("并发症 “" + Cells.shorten(part) + "” 的类型" + ex.getMessage());
				}
			}
			Boolean serious = null;
			if (pieces.length > 4 && !pieces[4].isBlank()) {
				try {
					serious = Cells.bool(RawCell.text(pieces[4]));
				}
				catch (BadCell ex) {
					throw new BadCell("并发症 “" + Cells.shorten(part) + "” 的“严重”" + ex.getMessage());
				}
			}
			list.add(new ComplicationCell(name, grade, onset, type, serious));
		}
		return list;
	}

}
