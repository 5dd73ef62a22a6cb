package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.Training;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * {@code trainingRecord}: one training record of the technology, finished on or before
 * the reference date, satisfies every given parameter. A record lacking a fact a
 * parameter needs makes the rule UNKNOWN unless another record satisfies everything.
 *
 * @param minMonths minimum duration in months, the end date counted as the last day of
 * the training (2019-03-01 to 2019-08-31 is six months)
 * @param minCases minimum cases participated in / operated
 * @param minIndependentCases minimum cases completed independently
 * @param minPatientsManaged minimum patients managed through the whole course
 * @param minTheoryHours minimum hours of theory
 * @param abroad required abroad flag (true: abroad, false: domestic)
 * @param baseFiled whether the base must be filed with the provincial authority
 * @param passed whether the assessment must have been passed
 */
public record TrainingRecordRule(@Nullable Integer minMonths, @Nullable Integer minCases,
		@Nullable Integer minIndependentCases, @Nullable Integer minPatientsManaged, @Nullable Integer minTheoryHours,
		@Nullable Boolean abroad, boolean baseFiled, boolean passed) implements Rule {

	static TrainingRecordRule from(RuleParameters parameters) {
		return new TrainingRecordRule(parameters.optionalCount("minMonths"), parameters.optionalCount("minCases"),
				parameters.optionalCount("minIndependentCases"), parameters.optionalCount("minPatientsManaged"),
				parameters.optionalCount("minTheoryHours"), parameters.optionalBoolean("abroad"),
				Boolean.TRUE.equals(parameters.optionalBoolean("baseFiled")),
				Boolean.TRUE.equals(parameters.optionalBoolean("passed")));
	}

	@Override
	public String kind() {
		return "trainingRecord";
	}

	@Override
	public String summary() {
		return "接受" + required();
	}

	private String required() {
		List<String> parts = new ArrayList<>();
		if (this.abroad != null) {
			parts.add(this.abroad ? "境外培训" : "境内培训");
		}
		if (this.baseFiled) {
			parts.add("在省级卫生健康行政部门备案的培训基地培训");
		}
		if (this.minMonths != null) {
			parts.add("培训不少于 " + this.minMonths + " 个月");
		}
		if (this.minCases != null) {
			parts.add("参与完成不少于 " + this.minCases + " 例");
		}
		if (this.minIndependentCases != null) {
			parts.add("独立完成不少于 " + this.minIndependentCases + " 例");
		}
		if (this.minPatientsManaged != null) {
			parts.add("全过程管理患者不少于 " + this.minPatientsManaged + " 例");
		}
		if (this.minTheoryHours != null) {
			parts.add("理论学习不少于 " + this.minTheoryHours + " 学时");
		}
		if (this.passed) {
			parts.add("考核合格");
		}
		return parts.isEmpty() ? "本技术系统培训" : "本技术系统培训（" + String.join("、", parts) + "）";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = this::required;
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<Training> trainings = person.trainings();
		if (trainings == null) {
			return RuleResult.unknown("未记录培训信息", required.get());
		}
		LocalDate date = context.date();
		Check best = null;
		for (Training training : trainings) {
			if (!context.technology().equals(training.technology())) {
				continue;
			}
			if (training.endedOn() != null && training.endedOn().isAfter(date)) {
				continue;
			}
			Check check = check(training, date, context.explains());
			if (check.failures.isEmpty() && check.unknowns.isEmpty()) {
				if (!context.explains()) {
					return RuleResult.bare(Status.MET);
				}
				return new RuleResult(Status.MET, check.description + "，要求" + required.get(), check.description,
						required.get(), List.of(check.description));
			}
			if (best == null || check.rank() < best.rank()) {
				best = check;
			}
		}
		if (!context.explains()) {
			return RuleResult.bare((best != null && best.failures.isEmpty()) ? Status.UNKNOWN : Status.NOT_MET);
		}
		if (best == null) {
			return RuleResult.of(Status.NOT_MET, "无本技术已完成的培训记录，要求" + required.get(), "无", required.get());
		}
		if (best.failures.isEmpty()) {
			return new RuleResult(Status.UNKNOWN,
					best.description + "；未记录" + String.join("、", best.unknowns) + "，要求" + required.get(),
					best.description, required.get(), List.of(best.description));
		}
		return new RuleResult(Status.NOT_MET,
				best.description + "；" + String.join("、", best.failures) + "，要求" + required.get(), best.description,
				required.get(), List.of(best.description));
	}

	private Check check(Training training, LocalDate date, boolean explain) {
		Check check = new Check();
		if (!explain) {
			return quickCheck(training, check);
		}
		List<String> parts = new ArrayList<>();
		parts.add(((training.base() != null) ? "在" + training.base() : "")
				+ (Boolean.TRUE.equals(training.abroad()) ? "（境外）" : "") + "培训");
		if (this.abroad != null) {
			if (training.abroad() == null) {
				check.unknowns.add("是否境外培训");
			}
			else if (!training.abroad().equals(this.abroad)) {
				check.failures.add(this.abroad ? "非境外培训" : "为境外培训");
			}
		}
		if (this.baseFiled) {
			if (training.baseFiled() == null) {
				check.unknowns.add("培训基地备案情况");
			}
			else if (!training.baseFiled()) {
				check.failures.add("培训基地未备案");
			}
		}
		if (training.startedOn() != null && training.endedOn() != null) {
			// endedOn is the last day of the training (inclusive): 03-01 to 08-31 is six
			// months
			Period period = Texts.between(training.startedOn(), training.endedOn().plusDays(1));
			parts.set(0, parts.get(0) + " " + Texts.duration(period) + "（" + training.startedOn() + " 至 "
					+ training.endedOn() + "）");
			if (this.minMonths != null && period.toTotalMonths() < this.minMonths) {
				check.failures.add("培训时间不足 " + this.minMonths + " 个月");
			}
		}
		else if (this.minMonths != null) {
			check.unknowns.add("培训起止日期");
		}
		count(check, parts, training.cases(), this.minCases, "参与完成", "例");
		count(check, parts, training.independentCases(), this.minIndependentCases, "独立完成", "例");
		count(check, parts, training.patientsManaged(), this.minPatientsManaged, "全过程管理患者", "例");
		count(check, parts, training.theoryHours(), this.minTheoryHours, "理论学习", "学时");
		if (training.passed() != null) {
			parts.add(training.passed() ? "考核合格" : "考核不合格");
		}
		if (this.passed) {
			if (training.passed() == null) {
				check.unknowns.add("考核结果");
			}
			else if (!training.passed()) {
				check.failures.add("考核不合格");
			}
		}
		check.description = String.join("，", parts);
		return check;
	}

	private Check quickCheck(Training training, Check check) {
		if (this.abroad != null) {
			flag(check, training.abroad() == null, training.abroad() != null && !training.abroad().equals(this.abroad));
		}
		if (this.baseFiled) {
			flag(check, training.baseFiled() == null, Boolean.FALSE.equals(training.baseFiled()));
		}
		if (this.minMonths != null) {
			boolean dated = training.startedOn() != null && training.endedOn() != null;
			flag(check, !dated, dated && Texts.between(training.startedOn(), training.endedOn().plusDays(1))
				.toTotalMonths() < this.minMonths);
		}
		quickCount(check, training.cases(), this.minCases);
		quickCount(check, training.independentCases(), this.minIndependentCases);
		quickCount(check, training.patientsManaged(), this.minPatientsManaged);
		quickCount(check, training.theoryHours(), this.minTheoryHours);
		if (this.passed) {
			flag(check, training.passed() == null, Boolean.FALSE.equals(training.passed()));
		}
		return check;
	}

	private static void quickCount(Check check, @Nullable Integer actual, @Nullable Integer min) {
		if (min != null) {
			flag(check, actual == null, actual != null && actual < min);
		}
	}

	private static void flag(Check check, boolean unknown, boolean failed) {
		if (unknown) {
			check.unknowns.add("");
		}
		else if (failed) {
			check.failures.add("");
		}
	}

	private static void count(Check check, List<String> parts, @Nullable Integer actual, @Nullable Integer min,
			String what, String unit) {
		if (actual != null) {
			parts.add(what + " " + actual + " " + unit);
		}
		if (min == null) {
			return;
		}
		if (actual == null) {
			check.unknowns.add(what + unit + "数");
		}
		else if (actual < min) {
			check.failures.add(what + "不足 " + min + " " + unit);
		}
	}

	private static final class Check {

		final List<String> failures = new ArrayList<>();

		final List<String> unknowns = new ArrayList<>();

		String description = "";

		int rank() {
			return this.failures.size() * 100 + this.unknowns.size();
		}

	}

}
