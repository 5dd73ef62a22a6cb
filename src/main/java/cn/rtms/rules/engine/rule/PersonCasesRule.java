package cn.rtms.rules.engine.rule;

import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code personCases}: cases of the technology the person performed independently in the
 * last {@code years} complete calendar years, every year ({@code EACH_YEAR}) or in total
 * ({@code TOTAL}), reach {@code min}. With {@code window: ROLLING} (TOTAL only) the
 * window is the {@code years} years ending the day before the reference date; yearly
 * figures of years it only partly covers leave the count undecided (UNKNOWN) unless the
 * bounds decide it.
 *
 * @param min minimum cases
 * @param years window length
 * @param mode EACH_YEAR or TOTAL
 * @param window calendar years or a rolling window
 */
public record PersonCasesRule(int min, int years, VolumeMode mode, WindowMode window) implements Rule {

	/**
	 * A calendar-year rule.
	 * @param min minimum cases
	 * @param years window length
	 * @param mode EACH_YEAR or TOTAL
	 */
	public PersonCasesRule(int min, int years, VolumeMode mode) {
		this(min, years, mode, WindowMode.CALENDAR_YEARS);
	}

	static PersonCasesRule from(RuleParameters parameters) {
		int years = parameters.requiredCount("years");
		if (years == 0) {
			parameters.problem("years", "必须为正整数");
		}
		VolumeMode mode = parameters.requiredEnum("mode", VolumeMode.class);
		WindowMode window = Windows.mode(parameters, mode);
		return new PersonCasesRule(parameters.requiredCount("min"), Math.max(1, years), mode, window);
	}

	@Override
	public String kind() {
		return "personCases";
	}

	@Override
	public String summary() {
		if (this.window == WindowMode.ROLLING) {
			return Windows.rollingLabel(this.years) + "独立开展累计不少于 " + this.min + " 例";
		}
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
		if (this.window == WindowMode.ROLLING) {
			CaseCounts.Bounds bounds = CaseCounts.rolling(volumes, context.technology(), null, context.date(),
					this.years);
			Status status = bounds.against(this.min);
			if (!context.explains()) {
				return RuleResult.bare(status);
			}
			return RuleResult.of(status, bounds.describe("独立开展例数") + "，要求" + required.get(),
					bounds.lower() + (bounds.lower() == bounds.upper() ? "" : "–" + bounds.upper()) + " 例",
					required.get());
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
