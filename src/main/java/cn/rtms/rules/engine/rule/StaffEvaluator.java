package cn.rtms.rules.engine.rule;

import java.util.List;

import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;

/**
 * Lets institution rules ask the engine whether a person is eligible under the same spec
 * (for {@code qualifiedStaff}, {@code instructors} and {@code traineeQualified}).
 * Implemented by the engine.
 */
public interface StaffEvaluator {

	/**
	 * Evaluates the PHYSICIAN clauses for a person.
	 * @param context the context of the asking rule
	 * @param person the person
	 * @return the overall verdict
	 */
	Status physician(EvaluationContext context, PersonFacts person);

	/**
	 * Evaluates the STAFF clauses for a role.
	 * @param context the context of the asking rule
	 * @param person the person
	 * @param role the role
	 * @return the overall verdict (NOT_APPLICABLE when the spec has no clauses for the
	 * role)
	 */
	Status staff(EvaluationContext context, PersonFacts person, StaffRole role);

	/**
	 * Evaluates the TRAINEE clauses (best pathway).
	 * @param context the context of the asking rule
	 * @param person the person
	 * @return the overall verdict
	 */
	Status trainee(EvaluationContext context, PersonFacts person);

	/**
	 * Explains the TRAINEE verdict pathway by pathway (the same clauses as
	 * {@link #trainee}, with explanations); the best pathway's verdict equals
	 * {@link #trainee}'s.
	 * @param context the context of the asking rule, explaining
	 * @param person the person
	 * @return one finding per pathway the spec has, empty when it has none
	 */
	List<PathwayFinding> traineeFindings(EvaluationContext context, PersonFacts person);

}
