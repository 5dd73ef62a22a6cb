package cn.rtms.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case report as its reader may see it.
 *
 * @param id id
 * @param version version for optimistic locking (pass it back on update, submit, amend)
 * @param status {@code DRAFT} or {@code SUBMITTED}
 * @param institutionId institution
 * @param institutionName its name
 * @param technology technology code
 * @param formKey the case form (= spec edition) it was entered with, e.g. G08-2023
 * @param subTechnique sub-technique code
 * @param route route code
 * @param procedureCodes procedure codes
 * @param medicalRecordNo 病案号
 * @param inpatientNo 住院号
 * @param patient the patient, pseudonymised for readers outside the hospital
 * @param admissionDate admission
 * @param operationDate operation
 * @param dischargeDate discharge
 * @param department department
 * @param operatorId operator
 * @param operatorName operator's name
 * @param assistantIds assistants
 * @param informedConsent consent recorded
 * @param complications complications
 * @param deathDate date of death
 * @param dischargeStatus 离院方式 code
 * @param fields technology-specific values
 * @param devices devices
 * @param confirmedWarnings codes of the plausibility warnings the clerk confirmed
 * @param flags what the submit checks found (empty for drafts)
 * @param submittedAt when submitted, null for drafts
 * @param amendmentCount how many amendments were made after submission
 */
public record CaseView(UUID id, int version, String status, UUID institutionId, @Nullable String institutionName,
		String technology, String formKey, @Nullable String subTechnique, @Nullable String route,
		List<String> procedureCodes, String medicalRecordNo, @Nullable String inpatientNo, PatientView patient,
		@Nullable LocalDate admissionDate, @Nullable LocalDate operationDate, @Nullable LocalDate dischargeDate,
		@Nullable String department, @Nullable UUID operatorId, @Nullable String operatorName, List<UUID> assistantIds,
		@Nullable Boolean informedConsent, List<Complication> complications, @Nullable LocalDate deathDate,
		@Nullable String dischargeStatus, Map<String, Object> fields, List<DeviceView> devices,
		List<String> confirmedWarnings, List<CaseFlag> flags, @Nullable Instant submittedAt, int amendmentCount) {

	/** A case being entered: saved, not checked, not counted. */
	public static final String DRAFT = "DRAFT";

	/** A reported case: checked and flagged, corrected only by amendment. */
	public static final String SUBMITTED = "SUBMITTED";

}
