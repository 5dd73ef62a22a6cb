package cn.rtms.rules.engine.rule;

/**
 * A rule written with {@code asOf: ISSUE_DATE}: evaluates {@code rule} with the facts as
 * they stood on the spec's issue date (本规范印发之日前) instead of the evaluation date.
 *
 * @param rule the wrapped rule
 */
public record IssueDateRule(Rule rule) implements Rule {

	@Override
	public String kind() {
		return this.rule.kind();
	}

	@Override
	public String summary() {
		return "本规范印发之日前" + this.rule.summary();
	}

	@Override
	public RuleScope scope() {
		return this.rule.scope();
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		RuleResult result = this.rule.evaluate(context.atIssueDate());
		if (!context.explains()) {
			return result;
		}
		String date = context.issuedOn() + (context.issuedOnAssumed() ? "，印发日期为推定" : "");
		return new RuleResult(result.status(), "截至本规范印发之日（" + date + "）：" + result.explanation(), result.actual(),
				"本规范印发之日前" + result.required(), result.evidence());
	}

}
