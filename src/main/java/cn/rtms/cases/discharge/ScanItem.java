package cn.rtms.cases.discharge;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One drill-down line of the discharge scan: a restricted procedure of a discharge
 * record, or a record with a code note. The patient appears only as 病案号 (ADR 0017).
 *
 * @param recordId the discharge record
 * @param medicalRecordNo 病案号
 * @param technology technology code, null for a code note
 * @param subTechnique sub-technique, or null
 * @param code the procedure code (normalised) or the text noted
 * @param name the listed name of the code, or the note
 * @param mainProcedure for G10: the procedure the robot assisted, or null
 * @param operationDate 手术日期 (else 出院日期 for a code note)
 * @param dischargeDate 出院日期
 * @param department 科室
 * @param operator 术者 as written in the file
 * @param operatorId the person the 术者 resolves to among the institution's people now, or
 * null
 * @param operatorStatus RESOLVED, MISSING, UNKNOWN or AMBIGUOUS, as resolved now
 * @param categories the categories of this line
 * @param findings Chinese explanations (filing, authorization, operator, code)
 * @param caseId the matching submitted case report, or null
 * @param fileName the file it came from
 * @param row its row in that file
 */
public record ScanItem(UUID recordId, String medicalRecordNo, @Nullable String technology,
		@Nullable String subTechnique, String code, @Nullable String name, @Nullable String mainProcedure,
		LocalDate operationDate, LocalDate dischargeDate, @Nullable String department, @Nullable String operator,
		@Nullable UUID operatorId, @Nullable String operatorStatus, List<String> categories, List<String> findings,
		@Nullable UUID caseId, String fileName, int row) {

	/**
	 * A page of lines.
	 *
	 * @param items the lines of the page
	 * @param total lines in all
	 */
	public record Page(List<ScanItem> items, long total) {
	}

}
