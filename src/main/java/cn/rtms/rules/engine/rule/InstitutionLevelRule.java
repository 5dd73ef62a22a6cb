package cn.rtms.rules.engine.rule;

import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionLevel;

/**
 * {@code institutionLevel}: the institution's level and grade is at least the given one.
 *
 * @param atLeast the minimum level
 */
public record InstitutionLevelRule(InstitutionLevel atLeast) implements Rule {

	static InstitutionLevelRule from(RuleParameters parameters) {
		return new InstitutionLevelRule(parameters.requiredEnum("atLeast", InstitutionLevel.class));
	}

	@Override
	public String kind() {
		return "institutionLevel";
	}

	@Override
	public String summary() {
		return "医院等级为" + this.atLeast.label() + "及以上";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> this.atLeast.label() + "及以上";
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		InstitutionLevel level = institution.level();
		if (level == null) {
			return RuleResult.unknown("未记录医院等级", required.get());
		}
		if (!context.explains()) {
			return RuleResult.bare(level.isAtLeast(this.atLeast) ? Status.MET : Status.NOT_MET);
		}
		return RuleResult.check(level.isAtLeast(this.atLeast), "医院等级为" + level.label() + "，要求" + required.get(),
				level.label(), required.get());
	}

}
