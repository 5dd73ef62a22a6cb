package cn.rtms.rules.engine.rule;

import java.util.List;

/**
 * {@code applicableWhen}: a requirement that applies only to some institutions (a clause
 * for whole-body hyperthermia, a threshold for one kind of specialty hospital). When
 * {@code condition} is met the result is that of {@code rule}; when it is not met the
 * requirement is NOT_APPLICABLE; when the condition cannot be decided (UNKNOWN, ERROR,
 * NEEDS_ATTESTATION) that is the result, never a pass.
 *
 * @param condition decides whether the requirement applies
 * @param rule the requirement
 */
public record ApplicableWhenRule(Rule condition, Rule rule) implements Rule {

	static ApplicableWhenRule from(RuleParameters parameters) {
		Rule condition = parameters.rule("condition");
		Rule rule = parameters.rule("rule");
		AllOfRule none = new AllOfRule(List.of());
		return new ApplicableWhenRule((condition != null) ? condition : none, (rule != null) ? rule : none);
	}

	@Override
	public String kind() {
		return "applicableWhen";
	}

	@Override
	public String summary() {
		return "适用于" + this.condition.summary() + "的机构：" + this.rule.summary();
	}

	@Override
	public RuleScope scope() {
		return RuleScope.ANY;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		RuleResult applies = this.condition.evaluate(context);
		Status status = applies.status();
		if (status == Status.MET) {
			RuleResult result = this.rule.evaluate(context);
			if (!context.explains()) {
				return result;
			}
			return new RuleResult(result.status(), "本条适用（" + applies.explanation() + "）；" + result.explanation(),
					result.actual(), result.required(), result.evidence());
		}
		if (!context.explains()) {
			return RuleResult
				.bare((status == Status.NOT_MET || status == Status.NOT_APPLICABLE) ? Status.NOT_APPLICABLE : status);
		}
		if (status == Status.NOT_MET || status == Status.NOT_APPLICABLE) {
			return RuleResult.of(Status.NOT_APPLICABLE,
					"不适用：本条仅适用于" + (applies.required().isEmpty() ? this.condition.summary() : applies.required())
							+ "的机构（" + applies.explanation() + "）",
					applies.actual(), this.rule.summary());
		}
		return new RuleResult(status, "无法判断本条是否适用：" + applies.explanation(), applies.actual(), this.rule.summary(),
				applies.evidence());
	}

}
