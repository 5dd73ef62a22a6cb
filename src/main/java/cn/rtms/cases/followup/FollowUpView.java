package cn.rtms.cases.followup;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A follow-up point as listed and recorded. Hospital users of the case's institution see
 * the 病案号; everybody else sees the patient's pseudonym only.
 *
 * @param id the point
 * @param version its version (for {@code PUT /api/follow-ups/{id}})
 * @param caseId the case
 * @param institutionId the case's institution
 * @param institutionName its name
 * @param technology technology code
 * @param medicalRecordNo 病案号, {@code null} unless the viewer is of the institution
 * @param patientPseudonym the patient's pseudonym
 * @param operationDate the operation date
 * @param label the point, e.g. 术后6个月
 * @param period ISO-8601 period from the operation date
 * @param dueDate due date
 * @param status where it stands today
 * @param statusLabel the status in Chinese
 * @param performedOn when it was performed
 * @param method OUTPATIENT, INPATIENT, PHONE, LETTER, ONLINE, OTHER
 * @param vitalStatus ALIVE, DEAD, LOST
 * @param deathDate death date when DEAD
 * @param diseaseStatus disease status code
 * @param note free note
 * @param cancelReason why it was cancelled
 * @param overdueDays days since the due date when OVERDUE (by the platform's clock), else
 * null
 */
public record FollowUpView(UUID id, int version, UUID caseId, UUID institutionId, @Nullable String institutionName,
		String technology, @Nullable String medicalRecordNo, String patientPseudonym, LocalDate operationDate,
		String label, String period, LocalDate dueDate, FollowUpStatus status, String statusLabel,
		@Nullable LocalDate performedOn, @Nullable String method, @Nullable String vitalStatus,
		@Nullable LocalDate deathDate, @Nullable String diseaseStatus, @Nullable String note,
		@Nullable String cancelReason, @Nullable Integer overdueDays) {
}
