package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.TitleRecord;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.Title;

/**
 * {@code titleTenure}: at least {@code minYears} since first holding a title of rank
 * {@code atLeast} or higher, computed from the dated title history.
 *
 * @param atLeast the title rank
 * @param minYears minimum years
 */
public record TitleTenureRule(Title atLeast, int minYears) implements Rule {

	static TitleTenureRule from(RuleParameters parameters) {
		return new TitleTenureRule(parameters.requiredEnum("atLeast", Title.class),
				parameters.requiredCount("minYears"));
	}

	@Override
	public String kind() {
		return "titleTenure";
	}

	@Override
	public String summary() {
		return this.atLeast.label() + "及以上任职不少于 " + this.minYears + " 年";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> "不少于 " + this.minYears + " 年";
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<TitleRecord> titles = person.titles();
		if (titles == null) {
			return RuleResult.unknown("未记录职称信息", required.get());
		}
		LocalDate since = People.firstHeld(titles, this.atLeast, context.date());
		if (since == null) {
			return RuleResult.of(Status.NOT_MET,
					"未取得" + this.atLeast.label() + "及以上职称，要求" + this.atLeast.label() + "及以上任职" + required.get(), "未取得",
					required.get());
		}
		Period period = Texts.between(since, context.date());
		if (!context.explains()) {
			return RuleResult.bare((period.getYears() >= this.minYears) ? Status.MET : Status.NOT_MET);
		}
		String actual = Texts.duration(period);
		return RuleResult.check(period.getYears() >= this.minYears,
				this.atLeast.label() + "及以上任职 " + actual + "（自 " + since + "），要求" + required.get(), actual,
				required.get());
	}

}
