package cn.rtms.rules.engine.rule;

import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.TitleRecord;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.Title;

/**
 * {@code title}: the title held on the reference date ranks at least {@code atLeast}.
 *
 * @param atLeast the minimum title
 */
public record TitleRule(Title atLeast) implements Rule {

	static TitleRule from(RuleParameters parameters) {
		return new TitleRule(parameters.requiredEnum("atLeast", Title.class));
	}

	@Override
	public String kind() {
		return "title";
	}

	@Override
	public String summary() {
		return "具有" + this.atLeast.label() + "及以上专业技术职务任职资格";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> this.atLeast.label() + "及以上";
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<TitleRecord> titles = person.titles();
		if (titles == null) {
			return RuleResult.unknown("未记录职称信息", required.get());
		}
		Title current = People.currentTitle(titles, context.date());
		if (current == null) {
			return RuleResult.of(Status.NOT_MET, "无专业技术职务任职资格，要求" + required.get(), "无", required.get());
		}
		if (!context.explains()) {
			return RuleResult.bare(current.isAtLeast(this.atLeast) ? Status.MET : Status.NOT_MET);
		}
		return RuleResult.check(current.isAtLeast(this.atLeast), "现任" + current.label() + "，要求" + required.get(),
				current.label(), required.get());
	}

}
