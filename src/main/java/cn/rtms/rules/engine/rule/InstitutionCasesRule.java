package cn.rtms.rules.engine.rule;

import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code institutionCases}: the institution's case volume of the technology. Over the
 * window of the last {@code years} complete calendar years, every year
 * ({@code EACH_YEAR}) or the sum ({@code TOTAL}) reaches {@code min}; with
 * {@code sinceStart} the sum of all recorded years (including the current one, without
 * the months that begin after the reference date) must reach it; with
 * {@code perSubTechnique} it suffices that one single sub-technique reaches it. With
 * {@code window: ROLLING} (TOTAL only) the window is the {@code years} years ending the
 * day before the reference date ("申报前一年内"); monthly rows count it exactly, a whole-year
 * figure of a year the window only partly covers leaves it UNKNOWN unless the bounds
 * decide it.
 *
 * @param min minimum cases
 * @param years window length in years (ignored with sinceStart)
 * @param mode EACH_YEAR or TOTAL
 * @param perSubTechnique whether any single sub-technique suffices
 * @param sinceStart whether the total since the first case counts
 * @param window calendar years or a rolling window
 */
public record InstitutionCasesRule(int min, int years, VolumeMode mode, boolean perSubTechnique, boolean sinceStart,
		WindowMode window) implements Rule {

	/**
	 * A calendar-year rule.
	 * @param min minimum cases
	 * @param years window length in years (ignored with sinceStart)
	 * @param mode EACH_YEAR or TOTAL
	 * @param perSubTechnique whether any single sub-technique suffices
	 * @param sinceStart whether the total since the first case counts
	 */
	public InstitutionCasesRule(int min, int years, VolumeMode mode, boolean perSubTechnique, boolean sinceStart) {
		this(min, years, mode, perSubTechnique, sinceStart, WindowMode.CALENDAR_YEARS);
	}

	static InstitutionCasesRule from(RuleParameters parameters) {
		boolean sinceStart = Boolean.TRUE.equals(parameters.optionalBoolean("sinceStart"));
		Integer years = parameters.optionalCount("years");
		VolumeMode mode = parameters.optionalEnum("mode", VolumeMode.class);
		if (!sinceStart && (years == null || years == 0)) {
			parameters.problem("years", "未设置 sinceStart 时必须给出正整数 years");
		}
		if (sinceStart && mode == VolumeMode.EACH_YEAR) {
			parameters.problem("mode", "sinceStart 只能按合计（TOTAL）计算");
		}
		WindowMode window = Windows.mode(parameters, mode);
		if (sinceStart && window == WindowMode.ROLLING) {
			parameters.problem("window", "sinceStart 不能与滚动窗口（ROLLING）同用");
		}
		return new InstitutionCasesRule(parameters.requiredCount("min"), (years != null) ? years : 1,
				(mode != null) ? mode : VolumeMode.TOTAL,
				Boolean.TRUE.equals(parameters.optionalBoolean("perSubTechnique")), sinceStart, window);
	}

	@Override
	public String kind() {
		return "institutionCases";
	}

	@Override
	public String summary() {
		String scope = this.perSubTechnique ? "单项技术" : "";
		if (this.sinceStart) {
			return "累计开展" + scope + "例数不少于 " + this.min + " 例";
		}
		if (this.window == WindowMode.ROLLING) {
			return Windows.rollingLabel(this.years) + scope + "开展例数不少于 " + this.min + " 例";
		}
		return "近 " + this.years + " 年" + scope + ((this.mode == VolumeMode.EACH_YEAR) ? "每年" : "") + "开展例数不少于 "
				+ this.min + " 例";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> (this.perSubTechnique ? "单项" : "")
				+ ((this.mode == VolumeMode.EACH_YEAR && !this.sinceStart) ? "每年" : (this.sinceStart ? "累计" : "合计"))
				+ "不少于 " + this.min + " 例";
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<CaseVolume> volumes = institution.caseVolumes();
		if (volumes == null) {
			return RuleResult.unknown("未记录本院开展例数", required.get());
		}
		String technology = context.technology();
		if (!this.perSubTechnique) {
			return judge(context, volumes, null, required);
		}
		RuleResult best = null;
		for (String sub : CaseCounts.subTechniques(volumes, technology)) {
			RuleResult result = judge(context, volumes, sub, required);
			if (result.status() == Status.MET) {
				return result;
			}
			if (best == null || (result.status() == Status.UNKNOWN && best.status() != Status.UNKNOWN)) {
				best = result;
			}
		}
		return (best != null) ? best
				: RuleResult.of(Status.NOT_MET, "无分单项技术的例数记录，要求" + required.get(), "无", required.get());
	}

	private RuleResult judge(EvaluationContext context, List<CaseVolume> volumes,
			@org.jspecify.annotations.Nullable String sub, Supplier<String> required) {
		String technology = context.technology();
		String what = !context.explains() ? "" : (sub != null) ? context.subTechniqueName(sub) : "本技术";
		int reference = context.date().getYear();
		if (this.sinceStart) {
			int total = CaseCounts.totalUpTo(volumes, technology, sub, context.date());
			if (!context.explains()) {
				return RuleResult.bare((total >= this.min) ? Status.MET : Status.NOT_MET);
			}
			return RuleResult.check(total >= this.min, what + "累计开展 " + total + " 例，要求" + required.get(), total + " 例",
					required.get());
		}
		if (this.window == WindowMode.ROLLING) {
			CaseCounts.Bounds bounds = CaseCounts.rolling(volumes, technology, sub, context.date(), this.years);
			Status status = bounds.against(this.min);
			if (!context.explains()) {
				return RuleResult.bare(status);
			}
			return RuleResult.of(status, bounds.describe(what + "开展例数") + "，要求" + required.get(),
					bounds.lower() + ((bounds.lower() == bounds.upper()) ? "" : "–" + bounds.upper()) + " 例",
					required.get());
		}
		int lastYear = reference - 1;
		int[] counts = CaseCounts.window(volumes, technology, sub, lastYear, this.years);
		if (!context.explains()) {
			boolean met = ((this.mode == VolumeMode.EACH_YEAR) ? CaseCounts.min(counts)
					: CaseCounts.sum(counts)) >= this.min;
			return RuleResult.bare(met ? Status.MET : Status.NOT_MET);
		}
		String window = CaseCounts.windowLabel(lastYear, this.years);
		if (this.mode == VolumeMode.EACH_YEAR) {
			return RuleResult.check(CaseCounts.min(counts) >= this.min,
					window + what + "每年开展例数：" + CaseCounts.perYear(counts, lastYear) + "，要求" + required.get(),
					CaseCounts.perYear(counts, lastYear), required.get());
		}
		int total = CaseCounts.sum(counts);
		return RuleResult.check(total >= this.min, window + what + "开展例数合计 " + total + " 例"
				+ ((this.years > 1) ? "（" + CaseCounts.perYear(counts, lastYear) + "）" : "") + "，要求" + required.get(),
				total + " 例", required.get());
	}

}
