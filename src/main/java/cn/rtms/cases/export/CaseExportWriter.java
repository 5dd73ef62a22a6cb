package cn.rtms.cases.export;

import java.io.IOException;

/**
 * Writes one export, case by case, to a stream: {@link #add} for each case, then
 * {@link #finish} once. Nothing but the current case (and, for FHIR, the set of patients
 * and practitioners seen) is held in memory.
 */
interface CaseExportWriter {

	/**
	 * @param exported the next case
	 * @throws IOException when the stream fails
	 */
	void add(ExportedCase exported) throws IOException;

	/**
	 * Writes what closes the document and flushes the stream (which stays open).
	 * @throws IOException when the stream fails
	 */
	void finish() throws IOException;

	/**
	 * The scanned barcode made printable: control characters (the GS separator U+001D of
	 * GS1 element strings) shown as {@code {GS}}, for Excel cells and FHIR strings.
	 * @param scanned the barcode as scanned
	 * @return it without control characters
	 */
	static String printable(String scanned) {
		StringBuilder text = new StringBuilder(scanned.length());
		for (char c : scanned.toCharArray()) {
			if (c == '\u001D') {
				text.append("{GS}");
			}
			else if (c < 0x20 || c == 0x7F) {
				text.append(String.format("{%02X}", (int) c));
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

}
