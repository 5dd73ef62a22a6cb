package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.OperationCategory;
import cn.rtms.rules.engine.facts.PersonFacts.OperatorVolume;
import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code operatorCases}: operations of a category (wider than the technology, e.g.
 * 皮肤组织缺损修复重建手术) the person performed as operator (术者) in the last {@code years} complete
 * calendar years reach {@code min} every year ({@code EACH_YEAR}) or in total
 * ({@code TOTAL}). UNKNOWN when the person's operator volumes are not recorded; a year
 * missing from a recorded list counts as zero.
 *
 * @param category the operation category
 * @param min minimum operations
 * @param years window length
 * @param mode EACH_YEAR or TOTAL
 */
public record OperatorCasesRule(OperationCategory category, int min, int years, VolumeMode mode) implements Rule {

	static OperatorCasesRule from(RuleParameters parameters) {
		int years = parameters.requiredCount("years");
		if (years == 0) {
			parameters.problem("years", "必须为正整数");
		}
		return new OperatorCasesRule(parameters.requiredEnum("category", OperationCategory.class),
				parameters.requiredCount("min"), Math.max(1, years), parameters.requiredEnum("mode", VolumeMode.class));
	}

	@Override
	public String kind() {
		return "operatorCases";
	}

	@Override
	public String summary() {
		return "近 " + this.years + " 年作为术者" + ((this.mode == VolumeMode.EACH_YEAR) ? "每年" : "累计") + "完成"
				+ this.category.label() + "不少于 " + this.min + " 例";
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
		List<OperatorVolume> volumes = person.operatorVolumes();
		if (volumes == null) {
			return RuleResult.unknown("未记录本人作为术者完成的" + this.category.label() + "例数", required.get());
		}
		List<CaseVolume> rows = new ArrayList<>(volumes.size());
		for (OperatorVolume volume : volumes) {
			if (volume.category() == this.category) {
				rows.add(CaseVolume.ofYear(this.category.name(), null, volume.year(), volume.cases()));
			}
		}
		int lastYear = context.date().getYear() - 1;
		int[] counts = CaseCounts.window(rows, this.category.name(), null, lastYear, this.years);
		if (!context.explains()) {
			boolean met = (eachYear ? CaseCounts.min(counts) : CaseCounts.sum(counts)) >= this.min;
			return RuleResult.bare(met ? Status.MET : Status.NOT_MET);
		}
		String window = CaseCounts.windowLabel(lastYear, this.years);
		String perYear = CaseCounts.perYear(counts, lastYear);
		String what = "作为术者完成" + this.category.label();
		if (eachYear) {
			return RuleResult.check(CaseCounts.min(counts) >= this.min,
					window + "每年" + what + "：" + perYear + "，要求" + required.get(), perYear, required.get());
		}
		int total = CaseCounts.sum(counts);
		return RuleResult.check(total >= this.min,
				window + what + "合计 " + total + " 例（" + perYear + "），要求" + required.get(), total + " 例",
				required.get());
	}

}
