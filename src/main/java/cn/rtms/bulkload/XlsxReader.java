package cn.rtms.bulkload;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of the cells of an .xlsx workbook's sheets (ECMA-376 SpreadsheetML):
 * a sheet's XML is read once, row by row, and only the first {@code columns} cells of
 * each row are kept (ADR 0037). Worksheets in UTF-8 are read by {@link SheetScanner} (ADR
 * 0042), the other parts and worksheets in another encoding on StAX. Knows what the bulk
 * templates need and what Excel, WPS and LibreOffice write: shared strings (rich text
 * runs joined, phonetic runs left out), inline strings, formula results, booleans,
 * errors, numbers, date-formatted numbers (built-in and custom formats, the 1900 and 1904
 * date systems) and merged ranges, reported after the rows as Excel stores them after the
 * sheet data. DTDs and external entities are refused. The shared-string table is held in
 * memory (it grows with the distinct texts, not the rows; the upload guard bounds the
 * inflated size).
 * <p>
 * Not thread-safe; one reader per upload.
 */
final class XlsxReader implements AutoCloseable {

	/** A cell's kind. */
	enum Kind {

		STRING, NUMBER, DATE, BOOLEAN, ERROR

	}

	/**
	 * One non-empty cell.
	 *
	 * @param kind its kind
	 * @param text the text as stored (a number's literal, a boolean's 0/1)
	 * @param number the number of a NUMBER or DATE cell
	 * @param date the date-time of a DATE cell
	 */
	record Cell(Kind kind, String text, @Nullable BigDecimal number, @Nullable LocalDateTime date) {

		static Cell string(String text) {
			return new Cell(Kind.STRING, text, null, null);
		}

	}

	/** What a sheet's reading reports. */
	interface Rows {

		/**
		 * A row with at least one non-empty cell among the first columns.
		 * @param row the 1-based row number
		 * @param cells the cells by 0-based column, null where empty
		 */
		void row(int row, @Nullable Cell[] cells);

		/**
		 * A merged range (0-based, inclusive), after the rows.
		 */
		void merged(int firstRow, int firstColumn, int lastRow, int lastColumn);

	}

	/** The workbook is not readable: broken XML, a missing part, a bad reference. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/** Most characters the shared-string table may hold (64 MB of UTF-16). */
	static final int MAX_SHARED_CHARS = 32 * 1024 * 1024;

	private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private final ZipFile zip;

	private final XMLInputFactory xml;

	private final Map<String, String> sheetParts = new LinkedHashMap<>();

	private final boolean date1904;

	private boolean[] dateStyles = new boolean[0];

	private @Nullable List<String> sharedStrings;

	private @Nullable String sharedStringsPart;

	private @Nullable String stylesPart;

	private final long maxSharedChars;

	XlsxReader(Path file) throws IOException {
		this(file, MAX_SHARED_CHARS);
	}

	XlsxReader(Path file, long maxSharedChars) throws IOException {
		this.maxSharedChars = maxSharedChars;
		this.zip = new ZipFile(file.toFile());
		this.xml = XMLInputFactory.newFactory();
		this.xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		this.xml.setProperty(XMLInputFactory.IS_COALESCING, true);
		try {
			Map<String, String> targets = relationships("xl/_rels/workbook.xml.rels", "xl/");
			boolean[] system1904 = { false };
			withPart("xl/workbook.xml", reader -> {
				while (reader.hasNext()) {
					if (reader.next() != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					switch (reader.getLocalName()) {
						case "workbookPr" -> {
							String value = reader.getAttributeValue(null, "date1904");
							system1904[0] = "1".equals(value) || "true".equals(value);
						}
						case "sheet" -> {
							String name = reader.getAttributeValue(null, "name");
							String id = reader.getAttributeValue(REL_NS, "id");
							String part = id == null ? null : targets.get(id);
							if (name != null && part != null) {
								this.sheetParts.put(name, part);
							}
						}
						default -> {
						}
					}
				}
			});
			this.date1904 = system1904[0];
			targets.forEach((id, part) -> {
				if (part.endsWith("sharedStrings.xml")) {
					this.sharedStringsPart = part;
				}
				else if (part.endsWith("styles.xml")) {
					this.stylesPart = part;
				}
			});
			if (this.stylesPart != null) {
				readStyles(this.stylesPart);
			}
		}
		catch (RuntimeException ex) {
			this.zip.close();
			throw ex;
		}
	}

	/**
	 * @return the sheets' names in workbook order
	 */
	List<String> sheetNames() {
		return List.copyOf(this.sheetParts.keySet());
	}

	/**
	 * Streams one sheet.
	 * @param sheet its name
	 * @param columns how many leading columns to keep
	 * @param rows what receives the rows and merged ranges
	 * @throws Unreadable when the sheet's XML is broken
	 */
	void read(String sheet, int columns, Rows rows) {
		String part = this.sheetParts.get(sheet);
		if (part == null) {
			throw new Unreadable("no sheet " + sheet, null);
		}
		ZipEntry entry = this.zip.getEntry(part);
		if (entry == null) {
			throw new Unreadable("missing part " + part, null);
		}
		try (InputStream in = this.zip.getInputStream(entry)) {
			new SheetScanner(in).scan(columns, rows, this::cell);
			return;
		}
		catch (SheetScanner.NotUtf8 ex) {
			// another encoding: the general reader below
		}
		catch (IOException ex) {
			throw new Unreadable("broken part " + part + ": " + ex.getMessage(), ex);
		}
		withPart(part, reader -> readSheet(reader, columns, rows));
	}

	/**
	 * Streams one sheet through the general StAX reader (parts in another encoding than
	 * UTF-8; tests compare it with the scanner).
	 */
	void readWithStax(String sheet, int columns, Rows rows) {
		String part = this.sheetParts.get(sheet);
		if (part == null) {
			throw new Unreadable("no sheet " + sheet, null);
		}
		withPart(part, reader -> readSheet(reader, columns, rows));
	}

	private void readSheet(XMLStreamReader reader, int columns, Rows rows) throws XMLStreamException {
		@Nullable Cell[] cells = new Cell[columns];
		int row = 0;
		boolean any = false;
		int column = -1;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.END_ELEMENT && "row".equals(reader.getLocalName())) {
				if (any) {
					rows.row(row, cells);
					cells = new Cell[columns];
					any = false;
				}
				continue;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (reader.getLocalName()) {
				case "row" -> {
					String r = reader.getAttributeValue(null, "r");
					row = r == null ? row + 1 : parseInt(r, "row");
					column = -1;
				}
				case "c" -> {
					String ref = reader.getAttributeValue(null, "r");
					column = ref == null ? column + 1 : column(ref);
					if (column < columns) {
						Cell cell = cell(reader);
						if (cell != null) {
							cells[column] = cell;
							any = true;
						}
					}
				}
				case "mergeCell" -> {
					String ref = reader.getAttributeValue(null, "ref");
					if (ref != null) {
						int colon = ref.indexOf(':');
						String first = colon < 0 ? ref : ref.substring(0, colon);
						String last = colon < 0 ? ref : ref.substring(colon + 1);
						rows.merged(rowOf(first) - 1, column(first), rowOf(last) - 1, column(last));
					}
				}
				default -> {
				}
			}
		}
	}

	/** Reads one {@code <c>} element (positioned on its start) to its end. */
	private @Nullable Cell cell(XMLStreamReader reader) throws XMLStreamException {
		String type = reader.getAttributeValue(null, "t");
		String style = reader.getAttributeValue(null, "s");
		String value = null;
		StringBuilder inline = null;
		int depth = 1;
		boolean inPhonetic = false;
		while (depth > 0) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				switch (reader.getLocalName()) {
					case "v" -> {
						value = reader.getElementText();
						depth--;
					}
					case "rPh" -> inPhonetic = true;
					case "t" -> {
						String text = reader.getElementText();
						depth--;
						if (!inPhonetic) {
							if (inline == null) {
								inline = new StringBuilder();
							}
							inline.append(text);
						}
					}
					default -> {
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				if ("rPh".equals(reader.getLocalName())) {
					inPhonetic = false;
				}
			}
		}
		return cell(type, style == null ? 0 : parseInt(style, "style"), value,
				inline == null ? null : inline.toString());
	}

	/**
	 * Makes a cell from its parts.
	 * @param type the {@code t} attribute, null when absent
	 * @param styleIndex the {@code s} attribute, 0 when absent
	 * @param value the {@code v} element's text
	 * @param inline the inline string's runs, joined
	 * @return the cell, null when empty
	 */
	private @Nullable Cell cell(@Nullable String type, int styleIndex, @Nullable String value,
			@Nullable String inline) {
		if (type == null || type.equals("n")) {
			if (value == null || value.isBlank()) {
				return null;
			}
			BigDecimal number;
			try {
				number = new BigDecimal(value.strip());
			}
			catch (NumberFormatException ex) {
				throw new Unreadable("bad number " + value, ex);
			}
			if (styleIndex >= 0 && styleIndex < this.dateStyles.length && this.dateStyles[styleIndex]) {
				double serial = number.doubleValue();
				if (DateUtil.isValidExcelDate(serial)) {
					return new Cell(Kind.DATE, value, number, DateUtil.getLocalDateTime(serial, this.date1904));
				}
			}
			return new Cell(Kind.NUMBER, value, number, null);
		}
		return switch (type) {
			case "s" -> {
				if (value == null || value.isBlank()) {
					yield null;
				}
				List<String> strings = sharedStrings();
				int index = parseInt(value.strip(), "shared string");
				if (index < 0 || index >= strings.size()) {
					throw new Unreadable("shared string " + index + " out of range", null);
				}
				String text = strings.get(index);
				yield text.isEmpty() ? null : Cell.string(text);
			}
			case "inlineStr" -> (inline == null || inline.isEmpty()) ? null : Cell.string(inline);
			case "str" -> (value == null || value.isEmpty()) ? null : Cell.string(value);
			case "b" -> value == null ? null : new Cell(Kind.BOOLEAN, value, null, null);
			case "e" -> value == null ? null : new Cell(Kind.ERROR, value, null, null);
			case "d" -> (value == null || value.isBlank()) ? null : Cell.string(value.strip());
			default -> throw new Unreadable("unknown cell type " + type, null);
		};
	}

	private List<String> sharedStrings() {
		if (this.sharedStrings == null) {
			List<String> strings = new ArrayList<>();
			long[] total = { 0 };
			if (this.sharedStringsPart != null) {
				withPart(this.sharedStringsPart, reader -> {
					StringBuilder text = null;
					boolean inPhonetic = false;
					while (reader.hasNext()) {
						int event = reader.next();
						if (event == XMLStreamConstants.START_ELEMENT) {
							switch (reader.getLocalName()) {
								case "si" -> text = new StringBuilder();
								case "rPh" -> inPhonetic = true;
								case "t" -> {
									String t = reader.getElementText();
									if (!inPhonetic && text != null) {
										text.append(t);
									}
								}
								default -> {
								}
							}
						}
						else if (event == XMLStreamConstants.END_ELEMENT) {
							switch (reader.getLocalName()) {
								case "si" -> {
									String value = text == null ? "" : text.toString();
									total[0] += value.length();
									if (total[0] > this.maxSharedChars) {
										throw new Unreadable(
												"shared strings exceed " + this.maxSharedChars + " characters", null);
									}
									strings.add(value);
									text = null;
								}
								case "rPh" -> inPhonetic = false;
								default -> {
								}
							}
						}
					}
				});
			}
			this.sharedStrings = strings;
		}
		return this.sharedStrings;
	}

	/** Marks the cell styles ({@code cellXfs}) whose number format is a date. */
	private void readStyles(String part) {
		Map<Integer, String> customFormats = new HashMap<>();
		List<Integer> formats = new ArrayList<>();
		withPart(part, reader -> {
			boolean inCellXfs = false;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (reader.getLocalName()) {
						case "numFmt" -> {
							String id = reader.getAttributeValue(null, "numFmtId");
							String code = reader.getAttributeValue(null, "formatCode");
							if (id != null && code != null) {
								customFormats.put(parseInt(id, "numFmtId"), code);
							}
						}
						case "cellXfs" -> inCellXfs = true;
						case "xf" -> {
							if (inCellXfs) {
								String id = reader.getAttributeValue(null, "numFmtId");
								formats.add(id == null ? 0 : parseInt(id, "numFmtId"));
							}
						}
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(reader.getLocalName())) {
					inCellXfs = false;
				}
			}
		});
		boolean[] dates = new boolean[formats.size()];
		for (int i = 0; i < dates.length; i++) {
			int id = formats.get(i);
			String code = customFormats.get(id);
			dates[i] = DateUtil.isADateFormat(id, code != null ? code : builtinFormat(id));
		}
		this.dateStyles = dates;
	}

	private static @Nullable String builtinFormat(int id) {
		return (id >= 0 && id < org.apache.poi.ss.usermodel.BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX)
				? org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(id) : null;
	}

	/** The relationships of a part: id → part name (resolved against {@code base}). */
	private Map<String, String> relationships(String part, String base) {
		Map<String, String> targets = new LinkedHashMap<>();
		withPart(part, reader -> {
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(reader.getLocalName())) {
					String id = reader.getAttributeValue(null, "Id");
					String target = reader.getAttributeValue(null, "Target");
					if (id != null && target != null
							&& !"External".equals(reader.getAttributeValue(null, "TargetMode"))) {
						targets.put(id, target.startsWith("/") ? target.substring(1) : base + target);
					}
				}
			}
		});
		return targets;
	}

	private interface PartReader {

		void read(XMLStreamReader reader) throws XMLStreamException;

	}

	private void withPart(String name, PartReader body) {
		ZipEntry entry = this.zip.getEntry(name);
		if (entry == null) {
			throw new Unreadable("missing part " + name, null);
		}
		try (InputStream in = this.zip.getInputStream(entry)) {
			XMLStreamReader reader = this.xml.createXMLStreamReader(in);
			try {
				body.read(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException | IOException ex) {
			throw new Unreadable("broken part " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return the 0-based column of a reference such as {@code AB12}
	 */
	static int column(String ref) {
		int column = 0;
		int i = 0;
		while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
			char c = Character.toUpperCase(ref.charAt(i));
			if (c < 'A' || c > 'Z' || i >= 3) {
				throw new Unreadable("bad cell reference " + ref, null);
			}
			column = column * 26 + (c - 'A' + 1);
			i++;
		}
		if (i == 0) {
			throw new Unreadable("bad cell reference " + ref, null);
		}
		return column - 1;
	}

	static int rowOf(String ref) {
		int i = 0;
		while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
			i++;
		}
		return parseInt(ref.substring(i), "row");
	}

	private static int parseInt(String text, String what) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new Unreadable("bad " + what + " " + text, ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.zip.close();
	}

}
