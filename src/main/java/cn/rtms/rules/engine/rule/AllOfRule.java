package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code allOf}: every part must hold (ERROR, then NOT_MET, then UNKNOWN, then
 * NEEDS_ATTESTATION dominate).
 *
 * @param rules the parts
 */
public record AllOfRule(List<Rule> rules) implements Rule {

	/**
	 * Copies the list.
	 */
	public AllOfRule {
		rules = List.copyOf(rules);
	}

	static AllOfRule from(RuleParameters parameters) {
		return new AllOfRule(parameters.rules("rules"));
	}

	@Override
	public String kind() {
		return "allOf";
	}

	@Override
	public String summary() {
		List<String> parts = new ArrayList<>(this.rules.size());
		for (Rule rule : this.rules) {
			parts.add(rule.summary());
		}
		return String.join("；", parts);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.ANY;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		if (!context.explains()) {
			List<Status> statuses = new ArrayList<>(this.rules.size());
			for (Rule rule : this.rules) {
				Status status = rule.evaluate(context).status();
				if (status == Status.ERROR) {
					return RuleResult.bare(status);
				}
				statuses.add(status);
			}
			return RuleResult.bare(Status.allOf(statuses));
		}
		List<Status> statuses = new ArrayList<>(this.rules.size());
		List<String> explanations = new ArrayList<>(this.rules.size());
		List<String> actual = new ArrayList<>(this.rules.size());
		List<String> required = new ArrayList<>(this.rules.size());
		List<String> evidence = new ArrayList<>();
		for (Rule rule : this.rules) {
			RuleResult result = rule.evaluate(context);
			statuses.add(result.status());
			explanations.add(result.explanation());
			actual.add((result.actual() != null) ? result.actual() : "未知");
			required.add(result.required());
			evidence.addAll(result.evidence());
		}
		return new RuleResult(Status.allOf(statuses), String.join("；", explanations), String.join("；", actual),
				String.join("；", required), evidence);
	}

	/**
	 * Evaluates like {@link #evaluate} (same status) but explains only the parts that are
	 * not met, for an {@code anyOf} listing why an alternative fails and for a trainee
	 * pathway listing what is missing.
	 * @param context an explaining context
	 * @return the result
	 */
	public RuleResult evaluateUnmetParts(EvaluationContext context) {
		List<Status> statuses = new ArrayList<>(this.rules.size());
		List<String> explanations = new ArrayList<>(this.rules.size());
		List<String> required = new ArrayList<>(this.rules.size());
		for (Rule rule : this.rules) {
			RuleResult result = rule.evaluate(context);
			statuses.add(result.status());
			if (result.status() != Status.MET && result.status() != Status.NOT_APPLICABLE) {
				explanations.add(result.explanation());
				required.add(result.required());
			}
		}
		return new RuleResult(Status.allOf(statuses), String.join("，且", explanations), null, String.join("；", required),
				List.of());
	}

}
