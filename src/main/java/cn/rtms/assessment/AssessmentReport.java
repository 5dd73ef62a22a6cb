package cn.rtms.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The figures of a capability assessment, computed for a preview and stored unchanged as
 * the snapshot of a saved assessment (ADR 0030).
 *
 * @param subjectKind {@code INSTITUTION} or {@code PHYSICIAN}
 * @param subjectKindLabel 医疗机构 / 医师
 * @param institutionId the hospital
 * @param institutionName its name
 * @param institutionRegionCode its region
 * @param physicianId the physician, for a physician's assessment
 * @param physicianName the physician's name
 * @param technology technology code
 * @param technologyName technology name
 * @param from first day of the period
 * @param to last day of the period
 * @param asOf the day the figures were computed
 * @param filingId the institution's filing of the technology the assessment is kept with
 * (the active one, else the latest submitted), null when there is none
 * @param filingStateLabel that filing's state in Chinese
 * @param indicatorSet key of the indicator set used, e.g. {@code G08-2023}; null when the
 * technology has none
 * @param indicatorSetTitle its title and source
 * @param comparisonRegionCode region whose value is shown beside each indicator (the
 * institution's city)
 * @param comparisonRegionName its name
 * @param cases submitted cases in the period
 * @param sections the sections the 管理规范 names, in its order
 * @param notes how the figures were obtained (Chinese)
 */
public record AssessmentReport(String subjectKind, String subjectKindLabel, UUID institutionId, String institutionName,
		String institutionRegionCode, @Nullable UUID physicianId, @Nullable String physicianName, String technology,
		String technologyName, LocalDate from, LocalDate to, LocalDate asOf, @Nullable UUID filingId,
		@Nullable String filingStateLabel, @Nullable String indicatorSet, @Nullable String indicatorSetTitle,
		String comparisonRegionCode, @Nullable String comparisonRegionName, long cases, List<Section> sections,
		List<String> notes) {

	/**
	 * One section of the assessment.
	 *
	 * @param code stable code (see {@link AssessmentSection})
	 * @param title Chinese heading
	 * @param indicators the indicator engine's figures that belong here
	 * @param figures counts from the case data
	 * @param cases the cases behind the counts that must be named (deaths, serious
	 * complications, violations), at most {@link #MAX_CASES}
	 * @param moreCases cases beyond those listed
	 */
	public record Section(String code, String title, List<IndicatorFigure> indicators, List<CaseFigure> figures,
			List<CaseRef> cases, long moreCases) {

		/** Most cases listed per section. */
		public static final int MAX_CASES = 50;

	}

	/**
	 * One indicator of the engine for the subject and the period, with the region's
	 * value.
	 *
	 * @param code indicator code, e.g. {@code G08.INDICATION}
	 * @param name Chinese name
	 * @param stratum stratum label, null for the whole; 平台综合指标 for the hospital-wide set
	 * @param unitLabel counting unit in Chinese (例次, 患者 …)
	 * @param kind {@code RATE} (value in %) or {@code AVERAGE} (value in the unit)
	 * @param numerator numerator
	 * @param denominator denominator
	 * @param value the value, null when the denominator is 0
	 * @param valueText the value as shown (e.g. {@code 85.00%}, {@code 7.50 天}, 无数据)
	 * @param threshold the regulation's requirement as shown (e.g. {@code > 80%}), null
	 * when it sets none
	 * @param thresholdClause the clause that sets it
	 * @param meetsThreshold whether the value meets it; null without threshold or value
	 * @param resultLabel 达标 / 未达标 / 无要求 / 无数据
	 * @param regionNumerator the comparison region's numerator
	 * @param regionDenominator its denominator
	 * @param regionValueText its value as shown
	 * @param clause clause of the text defining the indicator
	 */
	public record IndicatorFigure(String code, String name, @Nullable String stratum, String unitLabel, String kind,
			BigDecimal numerator, BigDecimal denominator, @Nullable BigDecimal value, String valueText,
			@Nullable String threshold, @Nullable String thresholdClause, @Nullable Boolean meetsThreshold,
			String resultLabel, @Nullable BigDecimal regionNumerator, @Nullable BigDecimal regionDenominator,
			String regionValueText, @Nullable String clause) {
	}

	/**
	 * A count from the case data.
	 *
	 * @param key stable key within the section, e.g. {@code flag.UNAUTHORIZED}
	 * @param label Chinese label
	 * @param count the count
	 * @param of what it is counted out of (the cases, the follow-ups due), null when it
	 * stands alone
	 * @param text the count as shown (e.g. {@code 2 / 10（20.00%）})
	 */
	public record CaseFigure(String key, String label, long count, @Nullable Long of, String text) {
	}

	/**
	 * A case named in a section.
	 *
	 * @param caseId the case
	 * @param medicalRecordNo 病案号
	 * @param patientPseudonym the patient's pseudonym
	 * @param operationDate operation date
	 * @param note why it is listed (Chinese)
	 */
	public record CaseRef(UUID caseId, String medicalRecordNo, String patientPseudonym, LocalDate operationDate,
			String note) {
	}

}
