package cn.rtms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One saved assessment in a list.
 *
 * @param id id
 * @param institutionId the hospital
 * @param institutionName its name
 * @param physicianId the physician, null for the hospital's own assessment
 * @param physicianName the physician's name
 * @param subjectKindLabel 医疗机构 / 医师
 * @param technology technology code
 * @param technologyName its name
 * @param filingId the filing it is kept with
 * @param from first day of the period
 * @param to last day of the period
 * @param cases cases in the period
 * @param conclusion conclusion code
 * @param conclusionLabel conclusion in Chinese
 * @param signedOn date of the signatures
 * @param submittedByName who saved it
 * @param submittedAt when
 */
public record AssessmentSummary(UUID id, UUID institutionId, String institutionName, @Nullable UUID physicianId,
		@Nullable String physicianName, String subjectKindLabel, String technology, String technologyName,
		@Nullable UUID filingId, LocalDate from, LocalDate to, long cases, Conclusion conclusion,
		String conclusionLabel, LocalDate signedOn, String submittedByName, Instant submittedAt) {
}
