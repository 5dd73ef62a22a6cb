package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.Map;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * Everything a rule may read: the technology, the reference date, the facts, and a way
 * back into the engine. Immutable; derived contexts are cheap copies.
 */
public final class EvaluationContext {

	/**
	 * Nested evaluations (staff of an institution, trainee section of a physician) deeper
	 * than this are refused.
	 */
	public static final int MAX_DEPTH = 4;

	private final String technology;

	private final LocalDate issuedOn;

	private final LocalDate date;

	private final boolean issueDate;

	private final @Nullable InstitutionFacts institution;

	private final @Nullable PersonFacts person;

	private final StaffEvaluator staffEvaluator;

	private final Map<String, String> subTechniqueNames;

	private final int depth;

	private final boolean explains;

	private final boolean issuedOnAssumed;

	private EvaluationContext(String technology, LocalDate issuedOn, LocalDate date, boolean issueDate,
			@Nullable InstitutionFacts institution, @Nullable PersonFacts person, StaffEvaluator staffEvaluator,
			Map<String, String> subTechniqueNames, int depth, boolean explains, boolean issuedOnAssumed) {
		this.technology = technology;
		this.issuedOn = issuedOn;
		this.date = date;
		this.issueDate = issueDate;
		this.institution = institution;
		this.person = person;
		this.staffEvaluator = staffEvaluator;
		this.subTechniqueNames = subTechniqueNames;
		this.depth = depth;
		this.explains = explains;
		this.issuedOnAssumed = issuedOnAssumed;
	}

	/**
	 * Creates a top-level context.
	 * @param technology technology code of the spec, e.g. G08
	 * @param issuedOn the spec's issue date
	 * @param date the evaluation date
	 * @param institution institution facts or {@code null}
	 * @param person person facts or {@code null}
	 * @param staffEvaluator callback into the engine
	 * @param subTechniqueNames sub-technique code to Chinese name
	 * @return the context
	 */
	public static EvaluationContext of(String technology, LocalDate issuedOn, LocalDate date,
			@Nullable InstitutionFacts institution, @Nullable PersonFacts person, StaffEvaluator staffEvaluator,
			Map<String, String> subTechniqueNames) {
		return new EvaluationContext(technology, issuedOn, date, false, institution, person, staffEvaluator,
				subTechniqueNames, 0, true, false);
	}

	/**
	 * Returns the technology code.
	 * @return e.g. G08
	 */
	public String technology() {
		return this.technology;
	}

	/**
	 * Returns the reference date: facts dated after it are ignored, and "近 N 年" counts
	 * back from its year.
	 * @return the date
	 */
	public LocalDate date() {
		return this.date;
	}

	/**
	 * Returns the spec's issue date.
	 * @return the date
	 */
	public LocalDate issuedOn() {
		return this.issuedOn;
	}

	/**
	 * Whether this context evaluates the facts as they stood on the issue date
	 * ({@code asOf: ISSUE_DATE}).
	 * @return {@code true} if so
	 */
	public boolean isIssueDate() {
		return this.issueDate;
	}

	/**
	 * Returns the institution facts.
	 * @return the institution or {@code null}
	 */
	public @Nullable InstitutionFacts institution() {
		return this.institution;
	}

	/**
	 * Returns the person facts.
	 * @return the person or {@code null}
	 */
	public @Nullable PersonFacts person() {
		return this.person;
	}

	/**
	 * Returns the callback into the engine.
	 * @return the evaluator
	 */
	public StaffEvaluator staffEvaluator() {
		return this.staffEvaluator;
	}

	/**
	 * Returns the nesting depth (0 at top level).
	 * @return the depth
	 */
	public int depth() {
		return this.depth;
	}

	/**
	 * Returns the Chinese name of a sub-technique, or the code when unknown.
	 * @param code the code
	 * @return the name
	 */
	public String subTechniqueName(String code) {
		String name = this.subTechniqueNames.get(code);
		return (name != null) ? name : code;
	}

	/**
	 * Whether rules should explain their result. When {@code false} only the status is
	 * used, and rules may return {@link RuleResult#bare(Status)} without building any
	 * text (nested and status-only evaluations).
	 * @return {@code true} when explanations are wanted
	 */
	public boolean explains() {
		return this.explains;
	}

	/**
	 * Whether the spec's issue date is an assumption (the source does not state it):
	 * explanations relying on it say so.
	 * @return {@code true} when assumed
	 */
	public boolean issuedOnAssumed() {
		return this.issuedOnAssumed;
	}

	/**
	 * Returns the same context for a spec whose issue date is assumed.
	 * @return the derived context
	 */
	public EvaluationContext withIssuedOnAssumed() {
		return new EvaluationContext(this.technology, this.issuedOn, this.date, this.issueDate, this.institution,
				this.person, this.staffEvaluator, this.subTechniqueNames, this.depth, this.explains, true);
	}

	/**
	 * Returns the same context without explanations (status only, faster).
	 * @return the derived context
	 */
	public EvaluationContext statusOnly() {
		return new EvaluationContext(this.technology, this.issuedOn, this.date, this.issueDate, this.institution,
				this.person, this.staffEvaluator, this.subTechniqueNames, this.depth, false, this.issuedOnAssumed);
	}

	/**
	 * Returns the same context evaluated at the spec's issue date.
	 * @return the derived context
	 */
	public EvaluationContext atIssueDate() {
		return new EvaluationContext(this.technology, this.issuedOn, this.issuedOn, true, this.institution, this.person,
				this.staffEvaluator, this.subTechniqueNames, this.depth, this.explains, this.issuedOnAssumed);
	}

	/**
	 * Returns a nested context for another person of the same institution (status only).
	 * @param other the person
	 * @return the derived context, one level deeper
	 */
	public EvaluationContext forPerson(PersonFacts other) {
		if (this.depth >= MAX_DEPTH) {
			throw new IllegalStateException("嵌套评估层数超过 " + MAX_DEPTH + " 层，规范可能存在循环引用");
		}
		return new EvaluationContext(this.technology, this.issuedOn, this.date, this.issueDate, this.institution, other,
				this.staffEvaluator, this.subTechniqueNames, this.depth + 1, false, this.issuedOnAssumed);
	}

	/**
	 * Returns a nested context for another person of the same institution that still
	 * explains (for rules that cite the nested verdict's reasons).
	 * @param other the person
	 * @return the derived context, one level deeper
	 */
	public EvaluationContext explainingFor(PersonFacts other) {
		if (this.depth >= MAX_DEPTH) {
			throw new IllegalStateException("嵌套评估层数超过 " + MAX_DEPTH + " 层，规范可能存在循环引用");
		}
		return new EvaluationContext(this.technology, this.issuedOn, this.date, this.issueDate, this.institution, other,
				this.staffEvaluator, this.subTechniqueNames, this.depth + 1, true, this.issuedOnAssumed);
	}

}
