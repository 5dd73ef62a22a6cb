package cn.rtms.rules.engine.rule;

import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code personCases}: cases of the technology the person performed independently in the
 * last {@code years} complete calendar years, every year ({@code EACH_YEAR}) or in total
 * ({@code TOTAL}), reach {@code min}.
 *
 * @param min minimum cases
 * @param years window length
 * @param mode EACH_YEAR or TOTAL
 */
public record PersonCasesRule(int min, int years, VolumeMode mode) implements Rule {

	static PersonCasesRule from(RuleParameters parameters) {
		int years = parameters.requiredCount("years");
		if (years == 0) {
			parameters.problem("years", "必须为正整数");
		}
		return new PersonCasesRule(parameters.requiredCount("min"), Math.max(1, years),
				parameters.requiredEnum("mode", VolumeMode.class));
	}

	@Override
	public String kind() {
		return "personCases";
	}

	@Override
	public String summary() {
		return "近 " + this.years + " 年" + ((this.mode == VolumeMode.EACH_YEAR) ? "每年" : "累计") + "独立开展不少于 " + this.min
				+ " 例";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		boolean eachYear = this.mode == VolumeMode.EACH_YEAR;
		Supplier<String> required = () -> (eachYear ? "每年" : "合计") + "不少于 " + this.min + " 例";
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<CaseVolume> volumes = person.caseVolumes();
		if (volumes == null) {
			return RuleResult.unknown("未记录本人独立开展例数", required.get());
		}
		int lastYear = context.date().getYear() - 1;
		int[] counts = CaseCounts.window(volumes, context.technology(), null, lastYear, this.years);
		if (!context.explains()) {
			boolean met = (eachYear ? CaseCounts.min(counts) : CaseCounts.sum(counts)) >= this.min;
			return RuleResult.bare(met ? Status.MET : Status.NOT_MET);
		}
		String window = CaseCounts.windowLabel(lastYear, this.years);
		String perYear = CaseCounts.perYear(counts, lastYear);
		if (eachYear) {
			return RuleResult.check(CaseCounts.min(counts) >= this.min,
					window + "每年独立开展例数：" + perYear + "，要求" + required.get(), perYear, required.get());
		}
		int total = CaseCounts.sum(counts);
		return RuleResult.check(total >= this.min,
				window + "独立开展例数合计 " + total + " 例（" + perYear + "），要求" + required.get(), total + " 例", required.get());
	}

}
