package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts.Department;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code beds}: beds summed over the departments whose subjects match one of
 * {@code departmentsAnyOf} (by prefix), or over all departments when none are given,
 * reach {@code min}; with {@code nameContainsAnyOf} only departments whose name contains
 * one of those words count, and with {@code performing} only departments whose
 * {@code technologies} include the spec's technology (no department marked with any
 * technology: UNKNOWN).
 *
 * @param min minimum beds
 * @param departmentsAnyOf department subjects counted (empty: all)
 * @param nameContainsAnyOf words one of which a counted department's name contains
 * (empty: any)
 * @param performing only departments that carry out the spec's technology
 */
public record BedsRule(int min, List<String> departmentsAnyOf, List<String> nameContainsAnyOf,
		boolean performing) implements Rule {

	/**
	 * Copies the lists.
	 */
	public BedsRule {
		departmentsAnyOf = List.copyOf(departmentsAnyOf);
		nameContainsAnyOf = List.copyOf(nameContainsAnyOf);
	}

	/**
	 * A rule over departments matched by subject only.
	 * @param min minimum beds
	 * @param departmentsAnyOf department subjects counted (empty: all)
	 */
	public BedsRule(int min, List<String> departmentsAnyOf) {
		this(min, departmentsAnyOf, List.of(), false);
	}

	static BedsRule from(RuleParameters parameters) {
		return new BedsRule(parameters.requiredCount("min"), parameters.strings("departmentsAnyOf"),
				parameters.strings("nameContainsAnyOf"), Boolean.TRUE.equals(parameters.optionalBoolean("performing")));
	}

	@Override
	public String kind() {
		return "beds";
	}

	@Override
	public String summary() {
		String names = this.nameContainsAnyOf.isEmpty() ? "" : "（名称含" + Texts.or(this.nameContainsAnyOf) + "）";
		return (this.performing ? "开展本技术的" : "") + (this.departmentsAnyOf.isEmpty() ? (this.performing ? "科室" : "")
				: Texts.join(this.departmentsAnyOf) + "等科室" + names) + "床位不少于 " + this.min + " 张";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> "不少于 " + this.min + " 张";
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<Department> departments = institution.departments();
		if (departments == null) {
			return RuleResult.unknown("未记录科室及床位信息", required.get());
		}
		if (this.performing && departments.stream().allMatch((d) -> d.technologies() == null)) {
			return RuleResult.unknown("未标明哪些科室开展本技术", required.get());
		}
		long beds = 0;
		boolean unknownBeds = false;
		boolean explains = context.explains();
		List<String> names = new ArrayList<>();
		List<String> counted = new ArrayList<>();
		for (Department department : departments) {
			if (!matches(department, context.technology())) {
				continue;
			}
			Integer departmentBeds = department.beds();
			if (!explains) {
				unknownBeds |= departmentBeds == null;
				beds += (departmentBeds != null) ? departmentBeds : 0;
				continue;
			}
			String name = (department.name() != null) ? department.name() : Texts.join(department.subjects());
			names.add(name);
			if (departmentBeds == null) {
				unknownBeds = true;
				counted.add(name + "（床位未记录）");
			}
			else {
				beds += departmentBeds;
				counted.add(name + " " + departmentBeds + " 张");
			}
		}
		if (!explains) {
			return RuleResult.bare((beds >= this.min) ? Status.MET : unknownBeds ? Status.UNKNOWN : Status.NOT_MET);
		}
		String where = (this.departmentsAnyOf.isEmpty() && this.nameContainsAnyOf.isEmpty() && !this.performing) ? "全院"
				: (names.isEmpty() ? "无相关科室" : String.join("、", names));
		String explanation = "床位 " + beds + " 张（" + where + "），要求" + required.get();
		Status status;
		if (beds >= this.min) {
			status = Status.MET;
		}
		else if (unknownBeds) {
			status = Status.UNKNOWN;
			explanation = explanation + "；部分科室未记录床位";
		}
		else {
			status = Status.NOT_MET;
		}
		return new RuleResult(status, explanation, beds + " 张", required.get(), counted);
	}

	private boolean matches(Department department, String technology) {
		List<String> technologies = department.technologies();
		if (this.performing && (technologies == null || !technologies.contains(technology))) {
			return false;
		}
		return Departments.matches(department, this.departmentsAnyOf, this.nameContainsAnyOf);
	}

}
