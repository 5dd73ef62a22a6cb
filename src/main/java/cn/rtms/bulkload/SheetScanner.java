package cn.rtms.bulkload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads a worksheet part's XML straight from its UTF-8 bytes, for {@link XlsxReader}: the
 * sheet is the one part of a bulk-load workbook that grows with the rows (85 MB of XML
 * for 50,000 people), and a general StAX parser spends most of the import's reading time
 * on it (ADR 0042). The scanner knows only what a worksheet needs — {@code row},
 * {@code c} with its {@code v}, inline {@code t} runs outside phonetic {@code rPh} runs,
 * and {@code mergeCell} — and still checks the XML it passes over: tags must nest and
 * match, attributes must be quoted, entities in the texts and attribute values it reads
 * must be the five predefined ones or character references, those texts must be valid
 * UTF-8, and a DOCTYPE is refused; anything else is {@link XlsxReader.Unreadable} (text
 * it skips, between elements or in a formula, is not checked). Element and attribute
 * names are compared by local name (a prefix such as {@code x:} is ignored, as the
 * namespace-aware StAX reader did). A part that is not UTF-8 (a byte-order mark of
 * UTF-16, another declared encoding) is left to the StAX reader: {@link NotUtf8} says so
 * before anything was reported.
 * <p>
 * Not thread-safe; one scanner per sheet reading.
 */
final class SheetScanner {

	/** The part is not UTF-8; nothing was reported yet. */
	static final class NotUtf8 extends RuntimeException {

		NotUtf8() {
			super("not UTF-8", null, false, false);
		}

	}

	/** What the scanner hands over for each cell element. */
	interface CellMaker {

		/**
		 * @param type the {@code t} attribute, null when absent
		 * @param style the {@code s} attribute's number, 0 when absent
		 * @param value the {@code v} element's text, null when absent
		 * @param inline the joined {@code t} runs outside phonetic runs, null when none
		 * @return the cell, null when it is empty
		 */
		XlsxReader.@Nullable Cell cell(@Nullable String type, int style, @Nullable String value,
				@Nullable String inline);

	}

	private static final int MAX_DEPTH = 64;

	private static final int MAX_NAME = 256;

	private static final int MAX_TEXT = 1 << 20;

	private final InputStream in;

	private final byte[] buffer = new byte[1 << 16];

	private int position;

	private int limit;

	private boolean end;

	/**
	 * The open elements' names, back to back; {@code nameStarts[d]} is where depth d's
	 * begins.
	 */
	private final byte[] names = new byte[MAX_DEPTH * MAX_NAME];

	private final int[] nameStarts = new int[MAX_DEPTH + 1];

	private int depth;

	/**
	 * The current element's name (as read, with any prefix) and where its local part
	 * starts.
	 */
	private final byte[] name = new byte[MAX_NAME];

	private int nameLength;

	private int localStart;

	/** Text being collected (a v element's, a t run's), decoded entities included. */
	private byte[] text = new byte[256];

	private int textLength;

	/** The attribute value just read. */
	private byte[] attribute = new byte[64];

	private int attributeLength;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	SheetScanner(InputStream in) {
		this.in = in;
	}

	/**
	 * Reads the whole part.
	 * @param columns how many leading columns to keep
	 * @param rows what receives the rows and merged ranges
	 * @param maker what makes a cell from its parts
	 * @throws NotUtf8 when the part is not UTF-8 (nothing reported yet)
	 * @throws XlsxReader.Unreadable when the XML is broken
	 * @throws IOException when the part cannot be read
	 */
	void scan(int columns, XlsxReader.Rows rows, CellMaker maker) throws IOException {
		prolog();
		XlsxReader.@Nullable Cell[] cells = new XlsxReader.Cell[columns];
		boolean any = false;
		boolean seenRoot = false;
		int row = 0;
		int column = -1;
		// Inside a c element (its depth), inside its v, inside a t run, inside a phonetic
		// run.
		int cellDepth = -1;
		boolean inValue = false;
		boolean inRun = false;
		int phoneticDepth = -1;
		String cellType = null;
		int cellStyle = 0;
		boolean keepCell = false;
		String value = null;
		StringBuilder inline = null;
		while (true) {
			if (!toMarkup(inValue || inRun)) {
				break;
			}
			int b = need();
			if (b == '/') {
				endTag();
				if (inValue && isLocal("v")) {
					inValue = false;
					value = textString();
				}
				else if (inRun && isLocal("t")) {
					inRun = false;
					if (phoneticDepth < 0) {
						if (inline == null) {
							inline = new StringBuilder();
						}
						inline.append(textString());
					}
				}
				else if (phoneticDepth == this.depth + 1 && isLocal("rPh")) {
					phoneticDepth = -1;
				}
				else if (cellDepth == this.depth + 1 && isLocal("c")) {
					cellDepth = -1;
					if (keepCell) {
						XlsxReader.Cell cell = maker.cell(cellType, cellStyle, value,
								inline == null ? null : inline.toString());
						if (cell != null) {
							cells[column] = cell;
							any = true;
						}
					}
				}
				else if (isLocal("row") && cellDepth < 0) {
					if (any) {
						rows.row(row, cells);
						cells = new XlsxReader.Cell[columns];
						any = false;
					}
				}
				continue;
			}
			if (b == '?') {
				skipUntil("?>");
				continue;
			}
			if (b == '!') {
				int c = need();
				if (c == '-' && need() == '-') {
					skipUntil("-->");
				}
				else if (c == '[' && expect("CDATA[")) {
					cdata(inValue || inRun);
				}
				else {
					throw unreadable(c == 'D' ? "DOCTYPE refused" : "unexpected markup");
				}
				continue;
			}
			if (this.depth == 0) {
				if (seenRoot) {
					throw unreadable("a second root element");
				}
				seenRoot = true;
			}
			startName(b);
			if (inValue || inRun) {
				throw unreadable("an element inside a cell's text");
			}
			if (cellDepth >= 0) {
				// inside a c element: v, is, r, t, rPh, f, extLst…
				if (isLocal("v")) {
					boolean empty = attributes(Attr.NONE);
					if (!empty) {
						inValue = true;
						this.textLength = 0;
					}
					else {
						value = "";
					}
				}
				else if (isLocal("t")) {
					boolean empty = attributes(Attr.NONE);
					if (!empty) {
						inRun = true;
						this.textLength = 0;
					}
				}
				else if (isLocal("rPh")) {
					boolean empty = attributes(Attr.NONE);
					if (!empty && phoneticDepth < 0) {
						phoneticDepth = this.depth;
					}
				}
				else {
					attributes(Attr.NONE);
				}
				continue;
			}
			if (isLocal("c")) {
				this.cellR = null;
				this.cellT = null;
				this.cellS = 0;
				boolean empty = attributes(Attr.CELL);
				column = this.cellR == null ? column + 1 : XlsxReader.column(this.cellR);
				keepCell = column < columns;
				if (!empty) {
					cellDepth = this.depth;
					cellType = this.cellT;
					cellStyle = this.cellS;
					value = null;
					inline = null;
					phoneticDepth = -1;
				}
				else if (keepCell) {
					XlsxReader.Cell cell = maker.cell(this.cellT, this.cellS, null, null);
					if (cell != null) {
						cells[column] = cell;
						any = true;
					}
				}
			}
			else if (isLocal("row")) {
				this.rowR = -1;
				boolean empty = attributes(Attr.ROW);
				row = this.rowR < 0 ? row + 1 : this.rowR;
				column = -1;
				if (empty && any) {
					rows.row(row, cells);
					cells = new XlsxReader.Cell[columns];
					any = false;
				}
			}
			else if (isLocal("mergeCell")) {
				this.mergeRef = null;
				attributes(Attr.MERGE);
				String ref = this.mergeRef;
				if (ref != null) {
					int colon = ref.indexOf(':');
					String first = colon < 0 ? ref : ref.substring(0, colon);
					String last = colon < 0 ? ref : ref.substring(colon + 1);
					rows.merged(XlsxReader.rowOf(first) - 1, XlsxReader.column(first), XlsxReader.rowOf(last) - 1,
							XlsxReader.column(last));
				}
			}
			else {
				attributes(Attr.NONE);
			}
		}
		if (this.depth != 0 || !seenRoot) {
			throw unreadable("the XML ends inside an element");
		}
	}

	/** Which attributes of the current element are wanted. */
	private enum Attr {

		NONE, CELL, ROW, MERGE

	}

	private @Nullable String cellR;

	private @Nullable String cellT;

	private int cellS;

	private int rowR;

	private @Nullable String mergeRef;

	/**
	 * Checks a byte-order mark and the XML declaration's encoding.
	 */
	private void prolog() throws IOException {
		fill();
		if (this.limit >= 2 && ((this.buffer[0] == (byte) 0xFE && this.buffer[1] == (byte) 0xFF)
				|| (this.buffer[0] == (byte) 0xFF && this.buffer[1] == (byte) 0xFE)
				|| (this.buffer[0] == 0 || this.buffer[1] == 0))) {
			throw new NotUtf8();
		}
		if (this.limit >= 3 && this.buffer[0] == (byte) 0xEF && this.buffer[1] == (byte) 0xBB
				&& this.buffer[2] == (byte) 0xBF) {
			this.position = 3;
		}
		if (startsWith("<?xml")) {
			int close = indexOf("?>");
			if (close < 0) {
				throw unreadable("an XML declaration without its end");
			}
			String declaration = new String(this.buffer, this.position, close - this.position,
					StandardCharsets.ISO_8859_1);
			int at = declaration.indexOf("encoding");
			if (at >= 0) {
				int quote = at + "encoding".length();
				while (quote < declaration.length() && declaration.charAt(quote) != '"'
						&& declaration.charAt(quote) != '\'') {
					quote++;
				}
				int endQuote = quote + 1 < declaration.length()
						? declaration.indexOf(declaration.charAt(quote), quote + 1) : -1;
				String encoding = endQuote < 0 ? "" : declaration.substring(quote + 1, endQuote);
				if (!encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")) {
					throw new NotUtf8();
				}
			}
			this.position = close + 2;
		}
	}

	private boolean startsWith(String prefix) {
		if (this.limit - this.position < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (this.buffer[this.position + i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private int indexOf(String what) {
		outer: for (int i = this.position; i + what.length() <= this.limit; i++) {
			for (int j = 0; j < what.length(); j++) {
				if (this.buffer[i + j] != what.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Reads a start tag's name (its first byte given) and pushes it. */
	private void startName(int first) throws IOException {
		if (!isNameStart(first)) {
			throw unreadable("a bad element name");
		}
		this.nameLength = 0;
		this.localStart = 0;
		int b = first;
		while (true) {
			nameByte(b);
			b = need();
			if (isSpace(b) || b == '>' || b == '/') {
				this.position--;
				break;
			}
			if (!isNameByte(b)) {
				throw unreadable("a bad element name");
			}
		}
		if (this.depth == MAX_DEPTH) {
			throw unreadable("elements nested too deep");
		}
		int start = this.nameStarts[this.depth];
		System.arraycopy(this.name, 0, this.names, start, this.nameLength);
		this.depth++;
		this.nameStarts[this.depth] = start + this.nameLength;
	}

	/**
	 * Reads the current start tag's attributes to its end.
	 * @return whether the element was empty ({@code />}), in which case it is popped
	 * again
	 */
	private boolean attributes(Attr wanted) throws IOException {
		while (true) {
			int b = need();
			if (isSpace(b)) {
				continue;
			}
			if (b == '>') {
				return false;
			}
			if (b == '/') {
				if (need() != '>') {
					throw unreadable("a bad empty-element tag");
				}
				this.depth--;
				return true;
			}
			// an attribute: name = "value"
			if (!isNameStart(b)) {
				throw unreadable("a bad attribute");
			}
			int attributeLocal = 0;
			int length = 0;
			int c0 = 0;
			int c1 = 0;
			int c2 = 0;
			while (true) {
				if (b == ':') {
					attributeLocal = length + 1;
				}
				int at = length - attributeLocal;
				if (b != ':') {
					if (at == 0) {
						c0 = b;
					}
					else if (at == 1) {
						c1 = b;
					}
					else if (at == 2) {
						c2 = b;
					}
				}
				length++;
				if (length > MAX_NAME) {
					throw unreadable("an attribute name too long");
				}
				b = need();
				if (isSpace(b) || b == '=') {
					break;
				}
				if (!isNameByte(b)) {
					throw unreadable("a bad attribute");
				}
			}
			while (isSpace(b)) {
				b = need();
			}
			if (b != '=') {
				throw unreadable("an attribute without a value");
			}
			b = need();
			while (isSpace(b)) {
				b = need();
			}
			if (b != '"' && b != '\'') {
				throw unreadable("an attribute value without quotes");
			}
			int localLength = length - attributeLocal;
			boolean prefixed = attributeLocal > 0;
			readAttributeValue(b);
			if (prefixed || wanted == Attr.NONE) {
				continue;
			}
			if (wanted == Attr.CELL && localLength == 1) {
				if (c0 == 'r') {
					this.cellR = attributeString();
				}
				else if (c0 == 't') {
					this.cellT = attributeString();
				}
				else if (c0 == 's') {
					this.cellS = attributeInt("style");
				}
			}
			else if (wanted == Attr.ROW && localLength == 1 && c0 == 'r') {
				this.rowR = attributeInt("row");
			}
			else if (wanted == Attr.MERGE && localLength == 3 && c0 == 'r' && c1 == 'e' && c2 == 'f') {
				this.mergeRef = attributeString();
			}
		}
	}

	private void readAttributeValue(int quote) throws IOException {
		this.attributeLength = 0;
		while (true) {
			byte[] bytes = this.buffer;
			int limit = this.limit;
			int start = this.position;
			int p = start;
			while (p < limit) {
				byte c = bytes[p];
				if (c == quote || c == '<' || c == '&') {
					break;
				}
				p++;
			}
			int run = p - start;
			if (run > 0) {
				if (this.attributeLength + run > this.attribute.length) {
					if (this.attributeLength + run > MAX_TEXT) {
						throw unreadable("an attribute value too long");
					}
					this.attribute = Arrays.copyOf(this.attribute,
							Math.max(this.attribute.length * 2, this.attributeLength + run));
				}
				System.arraycopy(bytes, start, this.attribute, this.attributeLength, run);
				this.attributeLength += run;
			}
			this.position = p;
			int b = need();
			if (b == quote) {
				return;
			}
			if (b == '<') {
				throw unreadable("< in an attribute value");
			}
			if (b == '&') {
				int codePoint = entity();
				appendCodePoint(codePoint, false);
				continue;
			}
			if (this.attributeLength == this.attribute.length) {
				if (this.attributeLength >= MAX_TEXT) {
					throw unreadable("an attribute value too long");
				}
				this.attribute = Arrays.copyOf(this.attribute, this.attributeLength * 2);
			}
			this.attribute[this.attributeLength++] = (byte) b;
		}
	}

	private String attributeString() {
		return decode(this.attribute, this.attributeLength);
	}

	private int attributeInt(String what) {
		int value = 0;
		if (this.attributeLength == 0 || this.attributeLength > 9) {
			throw unreadable("bad " + what + " " + attributeString());
		}
		for (int i = 0; i < this.attributeLength; i++) {
			int digit = this.attribute[i] - '0';
			if (digit < 0 || digit > 9) {
				throw unreadable("bad " + what + " " + attributeString());
			}
			value = value * 10 + digit;
		}
		return value;
	}

	/** Appends a byte to the current element's name, noting where a prefix ends. */
	private void nameByte(int b) {
		if (this.nameLength == MAX_NAME) {
			throw unreadable("an element name too long");
		}
		if (b == ':') {
			this.localStart = this.nameLength + 1;
		}
		this.name[this.nameLength++] = (byte) b;
	}

	/** Reads an end tag's name and checks it closes the innermost open element. */
	private void endTag() throws IOException {
		if (this.depth == 0) {
			throw unreadable("an end tag without its start");
		}
		int start = this.nameStarts[this.depth - 1];
		int length = this.nameStarts[this.depth] - start;
		this.nameLength = 0;
		this.localStart = 0;
		int b = need();
		while (!isSpace(b) && b != '>') {
			nameByte(b);
			b = need();
		}
		while (isSpace(b)) {
			b = need();
		}
		if (b != '>' || this.nameLength != length
				|| !Arrays.equals(this.name, 0, length, this.names, start, start + length)) {
			throw unreadable("an end tag that does not match its start");
		}
		this.depth--;
	}

	private boolean isLocal(String local) {
		int length = this.nameLength - this.localStart;
		if (length != local.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.name[this.localStart + i] != local.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** After {@code &}: the code point of a predefined entity or character reference. */
	private int entity() throws IOException {
		byte[] reference = new byte[12];
		int length = 0;
		while (true) {
			int b = need();
			if (b == ';') {
				break;
			}
			if (length == reference.length) {
				throw unreadable("an unknown entity");
			}
			reference[length++] = (byte) b;
		}
		String name = new String(reference, 0, length, StandardCharsets.ISO_8859_1);
		switch (name) {
			case "amp":
				return '&';
			case "lt":
				return '<';
			case "gt":
				return '>';
			case "quot":
				return '"';
			case "apos":
				return '\'';
			default:
		}
		if (name.startsWith("#")) {
			try {
				int codePoint = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
						: Integer.parseInt(name.substring(1));
				if (codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
						|| (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
						|| (codePoint >= 0x10000 && codePoint <= 0x10FFFF)) {
					return codePoint;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw unreadable("an unknown entity &" + name + ";");
	}

	/**
	 * Reads text up to the next {@code <} and consumes it: collected (entities decoded,
	 * line ends normalised as XML does, CR LF and CR to LF) or passed over (only white
	 * space outside the root element).
	 * @return false at the end of the part
	 */
	private boolean toMarkup(boolean collect) throws IOException {
		while (true) {
			byte[] bytes = this.buffer;
			int limit = this.limit;
			int start = this.position;
			int p = start;
			if (collect) {
				while (p < limit) {
					byte b = bytes[p];
					if (b == '<' || b == '&' || b == '\r') {
						break;
					}
					p++;
				}
				int run = p - start;
				if (run > 0) {
					if (this.textLength + run > this.text.length) {
						growText(run);
					}
					System.arraycopy(bytes, start, this.text, this.textLength, run);
					this.textLength += run;
				}
			}
			else if (this.depth == 0) {
				while (p < limit && bytes[p] != '<') {
					if (!isSpace(bytes[p])) {
						throw unreadable("text outside the root element");
					}
					p++;
				}
			}
			else {
				while (p < limit && bytes[p] != '<') {
					p++;
				}
			}
			this.position = p;
			if (p == limit) {
				if (!fill()) {
					if (collect) {
						throw unreadable("the XML ends inside a text");
					}
					return false;
				}
				continue;
			}
			byte b = bytes[p];
			this.position = p + 1;
			if (b == '<') {
				return true;
			}
			if (b == '&') {
				appendCodePoint(entity(), true);
				continue;
			}
			// CR: LF, and a following LF is dropped
			if (this.position < this.limit || fill()) {
				if (this.buffer[this.position] == '\n') {
					this.position++;
				}
			}
			if (this.textLength == this.text.length) {
				growText(1);
			}
			this.text[this.textLength++] = '\n';
		}
	}

	private void growText(int more) {
		if (this.textLength + more > MAX_TEXT) {
			throw unreadable("a cell's text too long");
		}
		this.text = Arrays.copyOf(this.text, Math.max(this.text.length * 2, this.textLength + more));
	}

	private void appendCodePoint(int codePoint, boolean toText) {
		byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			if (toText) {
				if (this.textLength == this.text.length) {
					growText(1);
				}
				this.text[this.textLength++] = b;
			}
			else {
				if (this.attributeLength == this.attribute.length) {
					this.attribute = Arrays.copyOf(this.attribute, this.attributeLength * 2);
				}
				this.attribute[this.attributeLength++] = b;
			}
		}
	}

	/**
	 * After {@code <![CDATA[}: the section's text, kept when a text is being collected.
	 */
	private void cdata(boolean keep) throws IOException {
		int brackets = 0;
		while (true) {
			int b = need();
			if (b == '>' && brackets >= 2) {
				if (keep) {
					this.textLength -= 2;
				}
				return;
			}
			brackets = b == ']' ? brackets + 1 : 0;
			if (keep) {
				if (this.textLength == this.text.length) {
					growText(1);
				}
				this.text[this.textLength++] = (byte) b;
			}
		}
	}

	private String textString() {
		return decode(this.text, this.textLength);
	}

	private String decode(byte[] bytes, int length) {
		boolean ascii = true;
		for (int i = 0; i < length; i++) {
			if (bytes[i] < 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		}
		try {
			CharBuffer chars = this.decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			throw unreadable("text that is not UTF-8");
		}
	}

	private void skipUntil(String terminator) throws IOException {
		int matched = 0;
		while (matched < terminator.length()) {
			int b = need();
			if (b == terminator.charAt(matched)) {
				matched++;
			}
			else {
				matched = b == terminator.charAt(0) ? 1 : 0;
			}
		}
	}

	private boolean expect(String rest) throws IOException {
		for (int i = 0; i < rest.length(); i++) {
			if (need() != rest.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private int need() throws IOException {
		if (this.position == this.limit && !fill()) {
			throw unreadable("the XML ends inside markup");
		}
		return this.buffer[this.position++] & 0xFF;
	}

	/** Refills the buffer; false at the end of the part. */
	private boolean fill() throws IOException {
		if (this.end) {
			return false;
		}
		int kept = this.limit - this.position;
		if (kept > 0 && this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, kept);
		}
		this.position = 0;
		this.limit = kept;
		while (this.limit < this.buffer.length) {
			int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (n < 0) {
				this.end = true;
				break;
			}
			this.limit += n;
			if (this.limit - kept >= 8192) {
				break;
			}
		}
		return this.limit > this.position;
	}

	private static boolean isSpace(int b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	private static boolean isNameStart(int b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':' || b >= 0x80;
	}

	private static boolean isNameByte(int b) {
		return isNameStart(b) || (b >= '0' && b <= '9') || b == '-' || b == '.';
	}

	private static XlsxReader.Unreadable unreadable(String why) {
		return new XlsxReader.Unreadable("broken sheet XML: " + why, null);
	}

}
