package cn.rtms.rules.engine;

import java.util.List;

import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Pathway;
import cn.rtms.rules.engine.spec.Section;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one clause.
 *
 * @param ref clause number, e.g. 二(一)2
 * @param citation full citation, e.g. G08/2022 二(一)2
 * @param section the part of the spec
 * @param text verbatim clause text
 * @param status the verdict
 * @param explanation why, in Chinese, with actual versus required
 * @param actual the actual value in short, or {@code null}
 * @param required the requirement in short, or {@code null}
 * @param evidence facts relied upon (names counted, licence numbers, attestations)
 * @param pathway for TRAINEE clauses: the pathway, else {@code null}
 * @param failedRuleKinds for a NOT_MET clause: the kinds of the rules that are not met
 * (the leaves of its composite rule, e.g. {@code facility}, {@code qualifiedStaff}), else
 * empty
 */
public record ClauseOutcome(String ref, String citation, Section section, String text, Status status,
		String explanation, @Nullable String actual, @Nullable String required, List<String> evidence,
		@Nullable Pathway pathway, List<String> failedRuleKinds) {

	/**
	 * Copies the lists.
	 */
	public ClauseOutcome {
		evidence = List.copyOf(evidence);
		failedRuleKinds = List.copyOf(failedRuleKinds);
	}

	/**
	 * A verdict without failed rule kinds.
	 * @param ref clause number
	 * @param citation full citation
	 * @param section the part of the spec
	 * @param text verbatim clause text
	 * @param status the verdict
	 * @param explanation why
	 * @param actual the actual value in short
	 * @param required the requirement in short
	 * @param evidence facts relied upon
	 * @param pathway the trainee pathway
	 */
	public ClauseOutcome(String ref, String citation, Section section, String text, Status status, String explanation,
			@Nullable String actual, @Nullable String required, List<String> evidence, @Nullable Pathway pathway) {
		this(ref, citation, section, text, status, explanation, actual, required, evidence, pathway, List.of());
	}

	/**
	 * Returns the section's Chinese label.
	 * @return e.g. 人员基本要求
	 */
	public String sectionLabel() {
		return this.section.label();
	}

	/**
	 * Returns the status's Chinese label.
	 * @return e.g. 符合
	 */
	public String statusLabel() {
		return this.status.label();
	}

}
