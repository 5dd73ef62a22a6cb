package cn.rtms.cases.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one upload of discharge abstracts brought in.
 *
 * @param id the batch
 * @param institutionId the institution (the uploader's own)
 * @param institutionName its name
 * @param fileName the file's (sanitised) name
 * @param format CSV or XLSX
 * @param charset the CSV's character set (UTF-8 or GB18030), null for XLSX
 * @param rows data rows in the file
 * @param inserted rows stored by this batch
 * @param duplicates rows not stored because an earlier upload (or an earlier row of the
 * same file) had the same content
 * @param restricted restricted procedures found in the stored rows
 * @param restrictedByTechnology the same per technology code
 * @param operatorsUnresolved stored rows whose 术者 is blank, unknown or ambiguous
 * @param firstDischarge earliest 出院日期 of the file, null when empty
 * @param lastDischarge latest 出院日期 of the file, null when empty
 * @param alreadyImported whether this exact file (sha256) had been imported before: then
 * nothing was stored and this is the earlier batch
 * @param uploadedAt when the batch was stored
 * @param ignoredColumns headers that were not read (patient identity columns among them)
 * @param invalidCodes texts in code columns that are no procedure code, with counts
 * @param suspectCodes well-formed codes close to a listed code but not listed, with
 * counts
 * @param unmatchedCodes the most frequent well-formed codes of no restricted technology
 * (at most 20), with counts
 * @param warnings what was read but may be wrong, naming the column (病案号 or 住院号 in Excel
 * number cells, their leading zeros possibly lost); empty for batches stored before
 * warnings existed
 */
public record BatchSummary(UUID id, UUID institutionId, @Nullable String institutionName, String fileName,
		String format, @Nullable String charset, int rows, int inserted, int duplicates, int restricted,
		Map<String, Integer> restrictedByTechnology, int operatorsUnresolved, @Nullable LocalDate firstDischarge,
		@Nullable LocalDate lastDischarge, boolean alreadyImported, Instant uploadedAt, List<String> ignoredColumns,
		List<CodeCount> invalidCodes, List<CodeCount> suspectCodes, List<CodeCount> unmatchedCodes,
		List<String> warnings) {

	public BatchSummary {
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

	/**
	 * A code (or text) and how often it occurred.
	 *
	 * @param code the normalised code, or the raw text when it is no code
	 * @param count occurrences
	 * @param message why it is listed, or null
	 */
	public record CodeCount(String code, int count, @Nullable String message) {
	}

	BatchSummary asAlreadyImported() {
		return new BatchSummary(this.id, this.institutionId, this.institutionName, this.fileName, this.format,
				this.charset, this.rows, this.inserted, this.duplicates, this.restricted, this.restrictedByTechnology,
				this.operatorsUnresolved, this.firstDischarge, this.lastDischarge, true, this.uploadedAt,
				this.ignoredColumns, this.invalidCodes, this.suspectCodes, this.unmatchedCodes, this.warnings);
	}

}
