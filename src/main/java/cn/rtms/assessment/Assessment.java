package cn.rtms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A saved capability assessment: the snapshot of its figures, the hospital's conclusion
 * and the signature block. Never changed after saving.
 *
 * @param id id
 * @param report the figures as computed when saved
 * @param conclusion conclusion code
 * @param conclusionLabel 合格 / 基本合格 / 不合格
 * @param conclusionText the hospital's reasoning
 * @param assessor 评估人
 * @param departmentHead 科室负责人
 * @param medicalAffairsHead 医务科负责人
 * @param signedOn date of the signatures
 * @param submittedBy account that saved it
 * @param submittedByName that account's display name
 * @param submittedAt when it was saved
 */
public record Assessment(UUID id, AssessmentReport report, Conclusion conclusion, String conclusionLabel,
		String conclusionText, String assessor, String departmentHead, String medicalAffairsHead, LocalDate signedOn,
		UUID submittedBy, String submittedByName, Instant submittedAt) {
}
