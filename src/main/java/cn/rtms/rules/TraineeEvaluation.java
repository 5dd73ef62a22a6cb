package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.rule.AllOfRule;
import cn.rtms.rules.engine.rule.AnyOfRule;
import cn.rtms.rules.engine.rule.Rule;

/**
 * A person evaluated as a trainee for the training file (ADR 0032): the engine's TRAINEE
 * report, and which of its clauses play which part.
 *
 * @param report the clause-by-clause report (subject TRAINEE)
 * @param specKey the edition used, e.g. {@code G07-2022}
 * @param issuedOn that edition's issue date (印发日期)
 * @param prerequisites refs of the standard pathway's clauses without a training record
 * (培训对象: licence, title, years) — what enrolment requires
 * @param trainingClauses refs of the standard pathway's training-record clauses
 * (duration, theory hours, case counts, assessment) — the completion verdict
 * @param exemptionClauses refs of the exemption pathway's clauses (免于培训)
 * @param excerpt whether the edition's source is an excerpt ({@code truncated}): a
 * missing pathway may be in the part not transcribed
 * @param abroadClauses refs of the overseas pathway's clauses (境外培训); empty when the spec
 * does not accept training abroad
 */
public record TraineeEvaluation(EligibilityReport report, String specKey, LocalDate issuedOn,
		List<String> prerequisites, List<String> trainingClauses, List<String> exemptionClauses,
		List<String> abroadClauses, boolean excerpt) {

	/**
	 * Copies the lists.
	 */
	public TraineeEvaluation {
		prerequisites = List.copyOf(prerequisites);
		trainingClauses = List.copyOf(trainingClauses);
		exemptionClauses = List.copyOf(exemptionClauses);
		abroadClauses = List.copyOf(abroadClauses);
	}

	/**
	 * @param refs clause refs
	 * @return the report's verdicts of those clauses, in spec order
	 */
	public List<EligibilityReport.ClauseResult> clauses(List<String> refs) {
		return this.report.clauses().stream().filter(c -> refs.contains(c.ref())).toList();
	}

	static boolean mentions(Rule rule, String kind) {
		if (kind.equals(rule.kind())) {
			return true;
		}
		if (rule instanceof AllOfRule all) {
			return all.rules().stream().anyMatch(r -> mentions(r, kind));
		}
		if (rule instanceof AnyOfRule any) {
			return any.rules().stream().anyMatch(r -> mentions(r, kind));
		}
		return false;
	}

}
