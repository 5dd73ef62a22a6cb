package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code performedYears}: at least {@code min} years have passed since the institution's
 * first case of the technology.
 *
 * @param min minimum years
 */
public record PerformedYearsRule(int min) implements Rule {

	static PerformedYearsRule from(RuleParameters parameters) {
		return new PerformedYearsRule(parameters.requiredCount("min"));
	}

	@Override
	public String kind() {
		return "performedYears";
	}

	@Override
	public String summary() {
		return "已开展本技术 " + this.min + " 年以上";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> "不少于 " + this.min + " 年";
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		Map<String, LocalDate> firstCases = institution.firstCases();
		if (firstCases == null) {
			return RuleResult.unknown("未记录本技术首例开展日期", required.get());
		}
		LocalDate first = firstCases.get(context.technology());
		if (first == null || first.isAfter(context.date())) {
			return RuleResult.of(Status.NOT_MET, "未开展本技术，要求已开展" + required.get(), "未开展", required.get());
		}
		Period period = Texts.between(first, context.date());
		if (!context.explains()) {
			return RuleResult.bare((period.getYears() >= this.min) ? Status.MET : Status.NOT_MET);
		}
		String actual = Texts.duration(period);
		return RuleResult.check(period.getYears() >= this.min,
				"已开展本技术 " + actual + "（首例 " + first + "），要求" + required.get(), actual, required.get());
	}

}
