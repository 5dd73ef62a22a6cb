package cn.rtms.rules.engine.rule;

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
		Status status = context.staffEvaluator().trainee(context.forPerson(person), person);
		if (!context.explains()) {
			return RuleResult.bare((status == Status.NOT_APPLICABLE) ? Status.UNKNOWN : status);
		}
		return switch (status) {
			case MET -> RuleResult.of(Status.MET, "已满足本规范培训管理要求", "符合", required);
			case NOT_MET -> RuleResult.of(Status.NOT_MET, "未满足本规范培训管理要求（各培训途径均不符合）", "不符合", required);
			case NEEDS_ATTESTATION -> RuleResult.of(Status.NEEDS_ATTESTATION, "培训管理要求有待人工确认的条款", "待确认", required);
			case ERROR -> RuleResult.of(Status.ERROR, "培训管理要求评估出错", "评估出错", required);
			case UNKNOWN -> RuleResult.unknown("培训管理要求所需信息不全", required);
			case NOT_APPLICABLE -> RuleResult.unknown("本规范无培训管理要求条款", required);
		};
	}

}
