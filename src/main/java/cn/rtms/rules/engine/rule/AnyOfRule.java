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
		List<RuleResult> results = new ArrayList<>(this.rules.size());
		for (Rule rule : this.rules) {
			RuleResult result = (rule instanceof AllOfRule all && context.explains()) ? all.evaluateUnmetParts(context)
					: rule.evaluate(context);
			if (result.status() == Status.MET) {
				return (rule instanceof AllOfRule) ? rule.evaluate(context) : result;
			}
			statuses.add(result.status());
			results.add(result);
		}
		Status status = Status.anyOf(statuses);
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		return new RuleResult(status, explain(results), null, summary(results), List.of());
	}

	/**
	 * Lists the alternatives that are not met, grouped by verdict:
	 * "以下备选条件均未满足（满足其一即可）：A；或B" then "信息不全：C" etc. Alternatives that do not apply are
	 * left out; an {@code allOf} alternative names only its unmet parts.
	 */
	private static String explain(List<RuleResult> results) {
		List<String> text = new ArrayList<>();
		for (Status status : List.of(Status.NOT_MET, Status.UNKNOWN, Status.NEEDS_ATTESTATION, Status.ERROR)) {
			List<String> parts = new ArrayList<>();
			for (RuleResult result : results) {
				if (result.status() == status) {
					parts.add(result.explanation());
				}
			}
			if (parts.isEmpty()) {
				continue;
			}
			String head = switch (status) {
				case NOT_MET -> (parts.size() > 1) ? "以下备选条件均未满足（满足其一即可）：" : "备选条件未满足：";
				case UNKNOWN -> "备选条件信息不全：";
				case NEEDS_ATTESTATION -> "备选条件待人工确认：";
				default -> "备选条件评估出错：";
			};
			text.add(head + String.join("；或", parts));
		}
		return String.join("。", text);
	}

	private static String summary(List<RuleResult> results) {
		List<String> required = new ArrayList<>(results.size());
		for (RuleResult result : results) {
			if (result.status() != Status.NOT_APPLICABLE) {
				required.add(result.required());
			}
		}
		return String.join("，或", required);
	}

}
