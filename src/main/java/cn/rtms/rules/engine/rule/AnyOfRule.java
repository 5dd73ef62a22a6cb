package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code anyOf}: one part suffices (MET, then ERROR, then UNKNOWN, then NEEDS_ATTESTATION
 * win over NOT_MET).
 *
 * @param rules the alternatives
 */
public record AnyOfRule(List<Rule> rules) implements Rule {

	/**
	 * Copies the list.
	 */
	public AnyOfRule {
		rules = List.copyOf(rules);
	}

	static AnyOfRule from(RuleParameters parameters) {
		return new AnyOfRule(parameters.rules("rules"));
	}

	@Override
	public String kind() {
		return "anyOf";
	}

	@Override
	public String summary() {
		List<String> parts = new ArrayList<>(this.rules.size());
		for (Rule rule : this.rules) {
			parts.add(rule.summary());
		}
		return String.join("，或", parts);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.ANY;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		List<Status> statuses = new ArrayList<>(this.rules.size());
		List<String> explanations = new ArrayList<>(this.rules.size());
		List<String> required = new ArrayList<>(this.rules.size());
		for (Rule rule : this.rules) {
			RuleResult result = rule.evaluate(context);
			if (result.status() == Status.MET) {
				return new RuleResult(Status.MET, result.explanation(), result.actual(), result.required(),
						result.evidence());
			}
			statuses.add(result.status());
			if (!context.explains()) {
				continue;
			}
			explanations.add(result.explanation());
			required.add(result.required());
		}
		if (!context.explains()) {
			return RuleResult.bare(Status.anyOf(statuses));
		}
		return new RuleResult(Status.anyOf(statuses), "以下条件均未满足：" + String.join("；或", explanations), null,
				String.join("，或", required), List.of());
	}

}
