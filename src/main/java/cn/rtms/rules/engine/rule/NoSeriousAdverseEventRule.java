package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.AdverseEvent;
import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code noSeriousAdverseEvent}: no serious adverse event of the technology (or not
 * attributed to any technology) from 1 January of the first year of the window ("近 N 年")
 * up to the reference date; with {@code window: ROLLING} from the reference date minus
 * {@code years} years.
 *
 * @param years window length
 * @param window calendar years or a rolling window
 */
public record NoSeriousAdverseEventRule(int years, WindowMode window) implements Rule {

	/**
	 * A calendar-year rule.
	 * @param years window length
	 */
	public NoSeriousAdverseEventRule(int years) {
		this(years, WindowMode.CALENDAR_YEARS);
	}

	static NoSeriousAdverseEventRule from(RuleParameters parameters) {
		int years = parameters.requiredCount("years");
		if (years == 0) {
			parameters.problem("years", "必须为正整数");
		}
		return new NoSeriousAdverseEventRule(Math.max(1, years), Windows.mode(parameters, VolumeMode.TOTAL));
	}

	@Override
	public String kind() {
		return "noSeriousAdverseEvent";
	}

	@Override
	public String summary() {
		return ((this.window == WindowMode.ROLLING) ? Windows.rollingLabel(this.years) : "近 " + this.years + " 年")
				+ "未发生严重不良事件";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> summary();
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<AdverseEvent> events = person.adverseEvents();
		if (events == null) {
			return RuleResult.unknown("未记录不良事件信息", required.get());
		}
		LocalDate date = context.date();
		LocalDate from = (this.window == WindowMode.ROLLING) ? date.minusYears(this.years)
				: LocalDate.of(date.getYear() - this.years, 1, 1);
		List<String> serious = new ArrayList<>();
		for (AdverseEvent event : events) {
			String technology = event.technology();
			if (event.serious() && (technology == null || technology.equals(context.technology()))
					&& !event.occurredOn().isBefore(from) && !event.occurredOn().isAfter(date)) {
				if (!context.explains()) {
					return RuleResult.bare(Status.NOT_MET);
				}
				serious.add(event.occurredOn() + ((event.summary() != null) ? " " + event.summary() : ""));
			}
		}
		if (!context.explains()) {
			return RuleResult.bare(Status.MET);
		}
		if (serious.isEmpty()) {
			return RuleResult.of(Status.MET, from + " 以来未发生严重不良事件，要求" + required.get(), "无", required.get());
		}
		return new RuleResult(Status.NOT_MET,
				"发生严重不良事件 " + serious.size() + " 起（" + String.join("；", serious) + "），要求" + required.get(),
				serious.size() + " 起", required.get(), serious);
	}

}
