package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Clause-level differences between two editions of one technology's spec
 * (docs/what-if.md, "Edition diff"). Clauses are aligned by subject and pathway, then
 * identical text, then identical number, then the most similar text; headings carry no
 * requirement and are left out.
 *
 * @param technology technology code
 * @param from the older side
 * @param to the newer side
 * @param changes added, removed and changed requirements, in the order of the newer
 * edition (removed ones after, in the order of the older)
 * @param renumbered requirements whose content is the same but whose number changed
 * @param unchanged how many requirements are the same under the same number
 */
public record SpecDiff(String technology, SpecEdition from, SpecEdition to, List<ClauseChange> changes,
		List<RenumberedClause> renumbered, int unchanged) {

	/**
	 * One side of the comparison.
	 *
	 * @param key e.g. G08-2022
	 * @param technology technology code
	 * @param edition e.g. 2022
	 * @param title full title
	 * @param effectiveFrom from when it applies
	 * @param effectiveUntil last day it applies, or null
	 * @param jurisdiction where it applies (000000: whole country)
	 */
	public record SpecEdition(String key, String technology, String edition, String title, LocalDate effectiveFrom,
			@Nullable LocalDate effectiveUntil, String jurisdiction) {
	}

	/**
	 * One added, removed or changed requirement.
	 *
	 * @param kind ADDED, REMOVED or CHANGED
	 * @param kindLabel in Chinese
	 * @param subject INSTITUTION, PHYSICIAN, STAFF, TRAINEE or TRAINING_BASE
	 * @param subjectLabel in Chinese
	 * @param pathway for trainee clauses: STANDARD, ABROAD or EXEMPTION
	 * @param pathwayLabel in Chinese
	 * @param fromRef the older clause's number, null when added
	 * @param toRef the newer clause's number, null when removed
	 * @param fromCitation e.g. G08/2022 一(七)
	 * @param toCitation e.g. G08/2023 (三)7
	 * @param fromText older text
	 * @param toText newer text
	 * @param fromRequirement older machine-checked requirement in Chinese (null: none)
	 * @param toRequirement newer one
	 * @param fromAttestation evidence a reviewer must confirm under the older clause
	 * @param toAttestation under the newer
	 * @param differences what differs, in Chinese: 条文, 可核验要求, 人工确认内容 (empty for added and
	 * removed)
	 * @param summary one Chinese sentence saying what changed
	 */
	public record ClauseChange(String kind, String kindLabel, String subject, String subjectLabel,
			@Nullable String pathway, @Nullable String pathwayLabel, @Nullable String fromRef, @Nullable String toRef,
			@Nullable String fromCitation, @Nullable String toCitation, @Nullable String fromText,
			@Nullable String toText, @Nullable String fromRequirement, @Nullable String toRequirement,
			@Nullable String fromAttestation, @Nullable String toAttestation, List<String> differences,
			String summary) {
	}

	/**
	 * A requirement that moved to another number unchanged.
	 *
	 * @param fromRef older number
	 * @param toRef newer number
	 * @param subjectLabel whom it concerns, in Chinese
	 */
	public record RenumberedClause(String fromRef, String toRef, String subjectLabel) {
	}

}
