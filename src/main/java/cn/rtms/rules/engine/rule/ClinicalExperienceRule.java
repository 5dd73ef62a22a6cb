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
 * With {@code otherSpecialties: REVIEW} a shortfall in the listed specialties is not
 * NOT_MET when the person's whole clinical work (from {@code clinicalStart}, else the
 * earliest dated specialty) reaches {@code minYears}: the list names what the spec reads
 * as that experience for certain ("肿瘤" for 肿瘤诊疗临床工作经验), and whether experience recorded
 * under another name (肝胆外科, 介入放射) counts is left to the reviewer (NEEDS_ATTESTATION,
 * settled by the clause's confirmation with {@code when: UNDECIDED}).
 *
 * @param minYears minimum years
 * @param specialtyAnyOf specialties counted (empty: all clinical work)
 * @param otherSpecialtiesReviewed whether other clinical experience is left to the
 * reviewer
 */
public record ClinicalExperienceRule(int minYears, List<String> specialtyAnyOf,
		boolean otherSpecialtiesReviewed) implements Rule {

	/**
	 * Copies the list.
	 */
	public ClinicalExperienceRule {
		specialtyAnyOf = List.copyOf(specialtyAnyOf);
	}

	/**
	 * A rule that counts the listed specialties only.
	 * @param minYears minimum years
	 * @param specialtyAnyOf specialties counted (empty: all clinical work)
	 */
	public ClinicalExperienceRule(int minYears, List<String> specialtyAnyOf) {
		this(minYears, specialtyAnyOf, false);
	}

	static ClinicalExperienceRule from(RuleParameters parameters) {
		return new ClinicalExperienceRule(parameters.requiredCount("minYears"), parameters.strings("specialtyAnyOf"),
				parameters.optionalEnum("otherSpecialties", Review.class) == Review.REVIEW);
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
				RuleResult none = RuleResult.of(Status.NOT_MET, "无" + what() + "经历，要求" + required.get(), "无",
						required.get());
				return this.otherSpecialtiesReviewed ? reviewed(none, person, date, required.get()) : none;
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
		boolean met = period.getYears() >= this.minYears;
		if (!context.explains() && (met || !this.otherSpecialtiesReviewed)) {
			return RuleResult.bare(met ? Status.MET : Status.NOT_MET);
		}
		String actual = Texts.duration(period);
		RuleResult result = RuleResult.check(met, what() + " " + actual + "（自 " + start + "），要求" + required.get(),
				actual, required.get());
		return (met || !this.otherSpecialtiesReviewed) ? result : reviewed(result, person, date, required.get());
	}

	/**
	 * A shortfall in the listed specialties when other experience is left to the
	 * reviewer: NEEDS_ATTESTATION when the whole clinical work reaches the minimum,
	 * UNKNOWN when its start is not recorded, else the shortfall.
	 */
	private RuleResult reviewed(RuleResult shortfall, PersonFacts person, LocalDate date, String required) {
		LocalDate whole = person.clinicalStart();
		if (whole == null && person.specialties() != null) {
			for (Specialty specialty : person.specialties()) {
				LocalDate since = specialty.since();
				if (since != null && !since.isAfter(date) && (whole == null || since.isBefore(whole))) {
					whole = since;
				}
			}
		}
		if (whole == null) {
			return RuleResult.unknown(shortfall.explanation() + "；未记录临床工作起始日期，无法判断其他专业经历是否足够", required);
		}
		if (whole.isAfter(date)) {
			return shortfall;
		}
		Period period = Texts.between(whole, date);
		if (period.getYears() < this.minYears) {
			return RuleResult.of(Status.NOT_MET, shortfall.explanation() + "；全部临床工作 " + Texts.duration(period) + "（自 "
					+ whole + "）也不足 " + this.minYears + " 年", shortfall.actual(), required);
		}
		return RuleResult.of(
				Status.NEEDS_ATTESTATION, shortfall.explanation().replace("，要求" + required, "") + "；全部临床工作 "
						+ Texts.duration(period) + "（自 " + whole + "），其他专业经历是否属于" + what() + "经验待审核人确认",
				shortfall.actual(), required);
	}

}
