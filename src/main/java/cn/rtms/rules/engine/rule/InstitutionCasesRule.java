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
		if (best != null) {
			return best;
		}
		// no per-sub-technique figures at all: the split is not recorded, which is not
		// zero
		// (facts-format: sub-technique rows are optional); only a total already below the
		// minimum settles it
		RuleResult total = judge(context, volumes, null, required);
		if (total.status() == Status.NOT_MET) {
			return context.explains() ? RuleResult.of(Status.NOT_MET, total.explanation().replace("，要求", "，单项不可能达到，要求"),
					total.actual(), required.get()) : total;
		}
		if (!context.explains()) {
			return RuleResult.bare(Status.UNKNOWN);
		}
		return RuleResult.of(Status.UNKNOWN,
				"未按单项技术分别记录例数，无法判断单项是否达到 " + this.min + " 例（" + total.explanation().replaceFirst("，要求.*$", "") + "）",
				null, required.get());
	}

	/**
	 * Calendar years from the year of the first case up to the first year with a figure
	 * for the technology (at most the year before the reference date): a total since the
	 * first case that leaves out the years before anybody recorded figures is not known
	 * to fall short. A year without a figure between recorded years counts as 0, as in
	 * every window (the registry records no row for a month without cases). Without a
	 * first-case date there is nothing to compare with.
	 */
	private static List<Integer> unrecordedYears(EvaluationContext context, List<CaseVolume> volumes,
			String technology) {
		InstitutionFacts institution = context.institution();
		java.util.Map<String, java.time.LocalDate> firstCases = (institution != null) ? institution.firstCases() : null;
		java.time.LocalDate first = (firstCases != null) ? firstCases.get(technology) : null;
		if (first == null) {
			return List.of();
		}
		int firstRecorded = Integer.MAX_VALUE;
		for (CaseVolume volume : volumes) {
			if (technology.equals(volume.technology())) {
				firstRecorded = Math.min(firstRecorded, volume.year());
			}
		}
		int until = Math.min(firstRecorded - 1, context.date().getYear() - 1);
		List<Integer> gaps = new java.util.ArrayList<>();
		for (int year = first.getYear(); year <= until; year++) {
			gaps.add(year);
		}
		return gaps;
	}

	private RuleResult judge(EvaluationContext context, List<CaseVolume> volumes,
			@org.jspecify.annotations.Nullable String sub, Supplier<String> required) {
		String technology = context.technology();
		String what = !context.explains() ? "" : (sub != null) ? context.subTechniqueName(sub) : "本技术";
		int reference = context.date().getYear();
		if (this.sinceStart) {
			int total = CaseCounts.totalUpTo(volumes, technology, sub, context.date());
			List<Integer> gaps = (total >= this.min) ? List.of() : unrecordedYears(context, volumes, technology);
			Status status = (total >= this.min) ? Status.MET : gaps.isEmpty() ? Status.NOT_MET : Status.UNKNOWN;
			if (!context.explains()) {
				return RuleResult.bare(status);
			}
			if (status == Status.UNKNOWN) {
				return RuleResult.of(status,
						what + "已记录累计 " + total + " 例，首例以来 "
								+ Texts.join(gaps.stream().map(year -> year + " 年").toList())
								+ "未记录例数（未记录不按 0 计），无法判断是否达到" + required.get(),
						total + " 例（部分年度未记录）", required.get());
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
