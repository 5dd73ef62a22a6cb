package cn.rtms.rules.engine.rule;

/**
 * The machine-checkable part of a clause. Implementations are immutable, built once per
 * spec, and evaluated many times; they must not use reflection or regular expressions
 * while evaluating. A rule answers UNKNOWN (never NOT_MET) when a fact it needs is not
 * recorded.
 */
public interface Rule {

	/**
	 * Returns the kind as written in spec files.
	 * @return e.g. {@code titleTenure}
	 */
	String kind();

	/**
	 * Returns what the rule requires, in Chinese, for display.
	 * @return e.g. "主治医师及以上任职不少于 5 年"
	 */
	String summary();

	/**
	 * Returns which clause subjects this rule can be used for.
	 * @return the scope
	 */
	RuleScope scope();

	/**
	 * Evaluates the rule.
	 * @param context the facts and the date
	 * @return the result, never {@code null}
	 */
	RuleResult evaluate(EvaluationContext context);

}
