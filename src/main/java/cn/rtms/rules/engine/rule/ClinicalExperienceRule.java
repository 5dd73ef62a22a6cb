package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.Specialty;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * {@code clinicalExperience}: at least {@code minYears} of clinical work up to the
 * reference date, counted from {@code clinicalStart}, or, when {@code specialtyAnyOf} is
 * given, from the earliest start in a specialty whose name contains one of them.
 *
 * @param minYears minimum years
 * @param specialtyAnyOf specialties counted (empty: all clinical work)
 */
public record ClinicalExperienceRule(int minYears, List<String> specialtyAnyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public ClinicalExperienceRule {
		specialtyAnyOf = List.copyOf(specialtyAnyOf);
	}

	static ClinicalExperienceRule from(RuleParameters parameters) {
		return new ClinicalExperienceRule(parameters.requiredCount("minYears"), parameters.strings("specialtyAnyOf"));
	}

	@Override
	public String kind() {
		return "clinicalExperience";
	}

	@Override
	public String summary() {
		return what() + "经验不少于 " + this.minYears + " 年";
	}

	private String what() {
		return (this.specialtyAnyOf.isEmpty() ? "" : Texts.or(this.specialtyAnyOf) + "专业") + "临床工作";
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
		LocalDate date = context.date();
		LocalDate start;
		// a matching specialty without a start date may reach further back than the dated
		// ones: a shortfall of the dated ones is then unknown, not NOT_MET
		boolean undated = false;
		if (this.specialtyAnyOf.isEmpty()) {
			start = person.clinicalStart();
			if (start == null) {
				return RuleResult.unknown("未记录临床工作起始日期", required.get());
			}
		}
		else {
			List<Specialty> specialties = person.specialties();
			if (specialties == null) {
				return RuleResult.unknown("未记录专业经历", required.get());
			}
			start = null;
			for (Specialty specialty : specialties) {
				if (!Texts.containsAny(specialty.name(), this.specialtyAnyOf)) {
					continue;
				}
				@Nullable LocalDate since = specialty.since();
				if (since == null) {
					undated = true;
				}
				else if (!since.isAfter(date) && (start == null || since.isBefore(start))) {
					start = since;
				}
			}
			if (start == null) {
				if (undated) {
					return RuleResult.unknown("未记录" + Texts.or(this.specialtyAnyOf) + "专业起始日期", required.get());
				}
				return RuleResult.of(Status.NOT_MET, "无" + what() + "经历，要求" + required.get(), "无", required.get());
			}
		}
		if (start.isAfter(date)) {
			return RuleResult.of(Status.NOT_MET, "评估日尚未开始临床工作（" + start + " 起），要求" + required.get(), "0 个月",
					required.get());
		}
		Period period = Texts.between(start, date);
		if (undated && period.getYears() < this.minYears) {
			return RuleResult.unknown("有记录起始日期的" + Texts.or(this.specialtyAnyOf) + "专业经历 " + Texts.duration(period)
					+ "（自 " + start + "），另有未记录起始日期的同类专业经历，无法判定", required.get());
		}
		if (!context.explains()) {
			return RuleResult.bare((period.getYears() >= this.minYears) ? Status.MET : Status.NOT_MET);
		}
		String actual = Texts.duration(period);
		return RuleResult.check(period.getYears() >= this.minYears,
				what() + " " + actual + "（自 " + start + "），要求" + required.get(), actual, required.get());
	}

}
