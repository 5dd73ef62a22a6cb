package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.ClauseOutcome;
import cn.rtms.rules.engine.Outcome;
import cn.rtms.rules.engine.PathwayOutcome;
import cn.rtms.rules.engine.PersonVerdict;
import org.jspecify.annotations.Nullable;

/**
 * One subject evaluated against one spec edition, clause by clause, ready to show: every
 * verdict carries the clause citation, the Chinese explanation with actual vs required,
 * and Chinese labels for every code.
 *
 * @param subject INSTITUTION, PHYSICIAN, STAFF, TRAINEE or TRAINING_BASE
 * @param subjectLabel the subject kind in Chinese
 * @param staffRole for STAFF, the role evaluated
 * @param subjectName the institution's or person's name, when known
 * @param specKey the edition used, e.g. {@code G08-2022}
 * @param specTitle its title
 * @param technology technology code
 * @param edition edition label
 * @param asOf evaluation date
 * @param status overall verdict
 * @param statusLabel overall verdict in Chinese
 * @param clauses clause verdicts in spec order
 * @param pathways for trainees: each training pathway's verdict
 * @param qualifiedPhysicians for institutions and training bases: each physician's own
 * verdict
 * @param trainee for physicians: the training requirement evaluated as a trainee
 * (completed or exempt), else null
 * @param notices what the reader must know beyond the clauses (no clause for the subject,
 * confirmations citing no clause of this edition, an assumed issue date); empty in
 * reports stored before notices existed
 */
public record EligibilityReport(String subject, String subjectLabel, @Nullable String staffRole,
		@Nullable String subjectName, String specKey, String specTitle, String technology, String edition,
		LocalDate asOf, String status, String statusLabel, List<ClauseResult> clauses, List<PathwayResult> pathways,
		List<PersonResult> qualifiedPhysicians, @Nullable EligibilityReport trainee, List<String> notices) {

	/**
	 * Reports stored before a list existed read it as empty.
	 */
	public EligibilityReport {
		notices = (notices != null) ? List.copyOf(notices) : List.of();
	}

	static EligibilityReport of(Outcome outcome, @Nullable String subjectName, @Nullable EligibilityReport trainee) {
		return new EligibilityReport(outcome.subject().name(), outcome.subject().label(),
				outcome.staffRole() == null ? null : outcome.staffRole().name(), subjectName, outcome.specKey(),
				outcome.specTitle(), outcome.technology(), outcome.edition(), outcome.asOf(), outcome.status().name(),
				outcome.statusLabel(), outcome.clauses().stream().map(ClauseResult::of).toList(),
				outcome.pathways().stream().map(PathwayResult::of).toList(),
				outcome.physicians().stream().map(PersonResult::of).toList(), trainee, outcome.notices());
	}

	/**
	 * One clause's verdict.
	 *
	 * @param ref number as printed, e.g. 二(一)2
	 * @param citation e.g. G08/2022 二(一)2
	 * @param section section code
	 * @param sectionLabel section in Chinese
	 * @param text verbatim clause text
	 * @param status verdict code
	 * @param statusLabel verdict in Chinese
	 * @param explanation why, with actual vs required
	 * @param actual actual value in short
	 * @param required requirement in short
	 * @param evidence facts relied upon
	 * @param pathway training pathway, for trainee clauses
	 * @param pathwayLabel pathway in Chinese
	 * @param failedRuleKinds for a NOT_MET clause, the kinds of the rules not met (e.g.
	 * {@code facility}, {@code qualifiedStaff}); empty otherwise and in results stored
	 * before the field existed
	 */
	public record ClauseResult(String ref, String citation, String section, String sectionLabel, String text,
			String status, String statusLabel, String explanation, @Nullable String actual, @Nullable String required,
			List<String> evidence, @Nullable String pathway, @Nullable String pathwayLabel,
			List<String> failedRuleKinds) {

		/**
		 * Results stored before a list existed read it as empty.
		 */
		public ClauseResult {
			failedRuleKinds = (failedRuleKinds != null) ? List.copyOf(failedRuleKinds) : List.of();
		}

		static ClauseResult of(ClauseOutcome c) {
			return new ClauseResult(c.ref(), c.citation(), c.section().name(), c.sectionLabel(), c.text(),
					c.status().name(), c.statusLabel(), c.explanation(), c.actual(), c.required(), c.evidence(),
					c.pathway() == null ? null : c.pathway().name(), c.pathway() == null ? null : c.pathway().label(),
					c.failedRuleKinds());
		}

	}

	/**
	 * A training pathway's verdict.
	 *
	 * @param pathway STANDARD, ABROAD or EXEMPTION
	 * @param pathwayLabel in Chinese
	 * @param status verdict
	 * @param statusLabel verdict in Chinese
	 */
	public record PathwayResult(String pathway, String pathwayLabel, String status, String statusLabel) {

		static PathwayResult of(PathwayOutcome p) {
			return new PathwayResult(p.pathway().name(), p.pathwayLabel(), p.status().name(), p.statusLabel());
		}

	}

	/**
	 * A physician counted (or not) by an institution clause.
	 *
	 * @param personId person id
	 * @param name name
	 * @param status the physician's own verdict
	 * @param statusLabel in Chinese
	 */
	public record PersonResult(@Nullable String personId, String name, String status, String statusLabel) {

		static PersonResult of(PersonVerdict v) {
			return new PersonResult(v.personId(), v.name(), v.status().name(), v.statusLabel());
		}

	}

}
