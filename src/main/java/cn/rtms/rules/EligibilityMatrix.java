package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every catalogued technology against one institution or person: the overall verdict per
 * technology, with the edition used and the failing clauses. Technologies without an
 * encoded spec show {@code NO_SPEC} (规范未录入).
 *
 * @param subjectId institution or person id
 * @param subjectName name
 * @param asOf evaluation date
 * @param rows one row per technology, in catalogue order
 */
public record EligibilityMatrix(String subjectId, String subjectName, LocalDate asOf, List<Row> rows) {

	/**
	 * One technology's verdict.
	 *
	 * @param technology code
	 * @param technologyName Chinese name
	 * @param level NATIONAL or PROVINCIAL
	 * @param specKey edition used, null when none
	 * @param specTitle its title
	 * @param subject what was evaluated (INSTITUTION, PHYSICIAN, STAFF)
	 * @param status MET, NOT_MET, UNKNOWN, NEEDS_ATTESTATION, ERROR or NO_SPEC
	 * @param statusLabel in Chinese
	 * @param counts clauses per verdict
	 * @param failing clauses not met or unknown, with explanations
	 */
	public record Row(String technology, String technologyName, String level, @Nullable String specKey,
			@Nullable String specTitle, @Nullable String subject, String status, String statusLabel,
			Map<String, Integer> counts, List<Failing> failing) {
	}

	/**
	 * A clause standing in the way.
	 *
	 * @param citation e.g. G08/2022 二(一)2
	 * @param status verdict code
	 * @param statusLabel in Chinese
	 * @param explanation why
	 */
	public record Failing(String citation, String status, String statusLabel, String explanation) {
	}

}
