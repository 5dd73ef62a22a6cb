package cn.rtms.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case behind a number.
 *
 * @param caseId the case
 * @param institutionId its institution
 * @param institutionName the institution's name
 * @param medicalRecordNo 病案号
 * @param patientPseudonym the patient's pseudonym
 * @param operationDate operation date
 * @param dischargeDate discharge date
 * @param operatorName operating physician
 * @param department department
 * @param contribution what this case adds to the number (1 case, n lesions, n bed days…)
 */
public record IndicatorCaseRow(UUID caseId, UUID institutionId, String institutionName, String medicalRecordNo,
		String patientPseudonym, LocalDate operationDate, @Nullable LocalDate dischargeDate,
		@Nullable String operatorName, @Nullable String department, BigDecimal contribution) {

}
