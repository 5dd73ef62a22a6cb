package cn.rtms.assessment;

import java.time.LocalDate;

/**
 * The hospital's conclusion and signature block, saved with the figures of a preview.
 *
 * @param subject what is assessed
 * @param conclusion 合格 / 基本合格 / 不合格
 * @param conclusionText the hospital's reasoning (1–2000 characters)
 * @param assessor 评估人 (typed name, 1–40 characters)
 * @param departmentHead 科室负责人
 * @param medicalAffairsHead 医务科负责人
 * @param signedOn date of the signatures: not before the period's end, not after today
 */
public record SaveAssessment(AssessmentRequest subject, Conclusion conclusion, String conclusionText, String assessor,
		String departmentHead, String medicalAffairsHead, LocalDate signedOn) {

	/** Most characters of the conclusion text. */
	public static final int MAX_TEXT = 2000;

	/** Most characters of a signer's name. */
	public static final int MAX_NAME = 40;

}
