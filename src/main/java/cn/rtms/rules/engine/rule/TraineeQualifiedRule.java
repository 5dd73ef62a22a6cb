package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code traineeQualified}: the same person satisfies the TRAINEE clauses of the same
 * spec on any pathway (standard training, training abroad or exemption).
 */
public record TraineeQualifiedRule() implements Rule {

	static TraineeQualifiedRule from(RuleParameters parameters) {
		return new TraineeQualifiedRule();
	}

	@Override
	public String kind() {
		return "traineeQualified";
	}

	@Override
	public String summary() {
		return "满足本规范培训管理要求（经培训合格或符合免于培训条件）";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		String required = "满足培训要求";
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required);
		}
		if (!context.explains()) {
			Status status = context.staffEvaluator().trainee(context.forPerson(person), person);
			return RuleResult.bare((status == Status.NOT_APPLICABLE) ? Status.UNKNOWN : status);
		}
		List<PathwayFinding> findings = context.staffEvaluator().traineeFindings(context.explainingFor(person), person);
		if (findings.isEmpty()) {
			return RuleResult.unknown("本规范无培训要求（无培训管理要求条款），无法按培训途径判断", required);
		}
		List<Status> statuses = new ArrayList<>(findings.size());
		for (PathwayFinding finding : findings) {
			statuses.add(finding.status());
		}
		Status status = Status.anyOf(statuses);
		if (status == Status.MET) {
			for (PathwayFinding finding : findings) {
				if (finding.status() == Status.MET) {
					return RuleResult.of(Status.MET, "已满足本规范培训管理要求（" + finding.pathway() + "途径"
							+ ((finding.basis() != null) ? "：" + finding.basis() : "") + "）", "符合", required);
				}
			}
		}
		String why = reasons(findings);
		return switch (status) {
			case NOT_MET -> RuleResult.of(Status.NOT_MET, "未满足本规范培训管理要求，各培训途径均不符合：" + why, "不符合", required);
			case NEEDS_ATTESTATION ->
				RuleResult.of(Status.NEEDS_ATTESTATION, "培训管理要求有待人工确认的条款：" + why, "待确认", required);
			case ERROR -> RuleResult.of(Status.ERROR, "培训管理要求评估出错：" + why, "评估出错", required);
			default -> RuleResult.unknown("培训管理要求所需信息不全：" + why, required);
		};
	}

	/**
	 * "系统培训途径不符合（四(一)2：…）；免于培训途径信息不全（…）".
	 */
	private static String reasons(List<PathwayFinding> findings) {
		List<String> parts = new ArrayList<>(findings.size());
		for (PathwayFinding finding : findings) {
			parts.add(finding.pathway() + "途径" + finding.status().label()
					+ (finding.unmet().isEmpty() ? "" : "（" + String.join("；", finding.unmet()) + "）"));
		}
		return String.join("；", parts);
	}

}
