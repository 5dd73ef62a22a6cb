package cn.rtms.rules.engine;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The result of evaluating one subject against one spec edition.
 *
 * @param specKey e.g. G08-2022
 * @param specTitle the spec's title
 * @param technology technology code
 * @param edition edition label
 * @param subject what was evaluated
 * @param staffRole for STAFF: the role, else {@code null}
 * @param asOf the evaluation date
 * @param status overall verdict (for TRAINEE: the best pathway)
 * @param clauses per-clause verdicts, in spec order (headings are NOT_APPLICABLE)
 * @param pathways for TRAINEE: per-pathway verdicts, else empty
 * @param physicians for INSTITUTION and TRAINING_BASE: each physician on the staff with
 * their own verdict, else empty
 * @param notices what the reader must know beyond the clauses, in Chinese: the edition
 * has no clause for the subject (本规范无培训要求), confirmations that count for nothing because
 * they cite no clause of this edition, an assumed issue date
 */
public record Outcome(String specKey, String specTitle, String technology, String edition, Subject subject,
		@Nullable StaffRole staffRole, LocalDate asOf, Status status, List<ClauseOutcome> clauses,
		List<PathwayOutcome> pathways, List<PersonVerdict> physicians, List<String> notices) {

	/**
	 * Copies the lists.
	 */
	public Outcome {
		clauses = List.copyOf(clauses);
		pathways = List.copyOf(pathways);
		physicians = List.copyOf(physicians);
		notices = List.copyOf(notices);
	}

	/**
	 * Returns the overall status's Chinese label.
	 * @return e.g. 信息不全
	 */
	public String statusLabel() {
		return this.status.label();
	}

	/**
	 * Counts clauses per status (headings included as NOT_APPLICABLE).
	 * @return status to count, only statuses that occur
	 */
	public Map<Status, Integer> counts() {
		Map<Status, Integer> counts = new EnumMap<>(Status.class);
		for (ClauseOutcome clause : this.clauses) {
			counts.merge(clause.status(), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * Finds a clause verdict by ref.
	 * @param ref e.g. 二(一)2
	 * @return the verdict or {@code null} when the clause was not evaluated for this
	 * subject
	 */
	public @Nullable ClauseOutcome clause(String ref) {
		for (ClauseOutcome clause : this.clauses) {
			if (clause.ref().equals(ref)) {
				return clause;
			}
		}
		return null;
	}

	/**
	 * Returns the clauses that are not met (NOT_MET, UNKNOWN, NEEDS_ATTESTATION or
	 * ERROR).
	 * @return the failing clauses
	 */
	public List<ClauseOutcome> failing() {
		return this.clauses.stream()
			.filter((clause) -> clause.status() != Status.MET && clause.status() != Status.NOT_APPLICABLE)
			.toList();
	}

}
