package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionFacts.Department;
import org.jspecify.annotations.Nullable;

/**
 * {@code department}: the institution has a department of the given kind (matched by
 * subject prefix and optionally by a word in its name), optionally only departments
 * marked as carrying out the spec's technology ({@code performing}), that meets the given
 * minimums: {@code minBeds} beds of its own and {@code minYears} years since it started
 * its clinical work ({@code since}), {@code minAnnualOperations} operations in the last
 * complete year. With {@code each} every such department must meet them (and there must
 * be one). A fact a minimum needs that is not recorded makes the department UNKNOWN;
 * departments not recorded, or (with {@code performing}) no department marked with any
 * technology, make the rule UNKNOWN.
 *
 * @param subjectsAnyOf subject prefixes (empty: any department)
 * @param nameContainsAnyOf words one of which the name contains (empty: any)
 * @param performing only departments whose {@code technologies} include the spec's
 * @param minBeds minimum beds of the department, or {@code null}
 * @param minYears minimum years since the department started, or {@code null}
 * @param minAnnualOperations minimum 年手术量 of the department, or {@code null}
 * @param each every matching department must meet the minimums (default: one suffices)
 */
public record DepartmentRule(List<String> subjectsAnyOf, List<String> nameContainsAnyOf, boolean performing,
		@Nullable Integer minBeds, @Nullable Integer minYears, @Nullable Integer minAnnualOperations,
		boolean each) implements Rule {

	/**
	 * A rule without an operations minimum.
	 * @param subjectsAnyOf subject prefixes (empty: any department)
	 * @param nameContainsAnyOf words one of which the name contains (empty: any)
	 * @param performing only departments that carry out the spec's technology
	 * @param minBeds minimum beds, or {@code null}
	 * @param minYears minimum years since the department started, or {@code null}
	 * @param each every matching department must meet the minimums
	 */
	public DepartmentRule(List<String> subjectsAnyOf, List<String> nameContainsAnyOf, boolean performing,
			@Nullable Integer minBeds, @Nullable Integer minYears, boolean each) {
		this(subjectsAnyOf, nameContainsAnyOf, performing, minBeds, minYears, null, each);
	}

	/**
	 * Copies the lists.
	 */
	public DepartmentRule {
		subjectsAnyOf = List.copyOf(subjectsAnyOf);
		nameContainsAnyOf = List.copyOf(nameContainsAnyOf);
	}

	static DepartmentRule from(RuleParameters parameters) {
		Boolean performing = parameters.optionalBoolean("performing");
		Boolean each = parameters.optionalBoolean("each");
		return new DepartmentRule(parameters.strings("subjectsAnyOf"), parameters.strings("nameContainsAnyOf"),
				Boolean.TRUE.equals(performing), parameters.optionalCount("minBeds"),
				parameters.optionalCount("minYears"), parameters.optionalCount("minAnnualOperations"),
				Boolean.TRUE.equals(each));
	}

	@Override
	public String kind() {
		return "department";
	}

	@Override
	public String summary() {
		return (this.each ? "每个" : "设有") + kindName() + minimums();
	}

	private String kindName() {
		String subjects = this.subjectsAnyOf.isEmpty() ? "" : Texts.or(this.subjectsAnyOf);
		String names = this.nameContainsAnyOf.isEmpty() ? "" : "（名称含" + Texts.or(this.nameContainsAnyOf) + "）";
		return (this.performing ? "开展本技术的" : "") + subjects + "科室" + names;
	}

	private String minimums() {
		List<String> parts = new ArrayList<>();
		if (this.minBeds != null) {
			parts.add("床位不少于 " + this.minBeds + " 张");
		}
		if (this.minYears != null) {
			parts.add("开展临床诊疗工作不少于 " + this.minYears + " 年");
		}
		if (this.minAnnualOperations != null) {
			parts.add("年手术量不少于 " + this.minAnnualOperations + " 例");
		}
		return parts.isEmpty() ? "" : "，" + String.join("、", parts);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		String required = summary();
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required);
		}
		List<Department> departments = institution.departments();
		if (departments == null) {
			return RuleResult.unknown("未记录科室信息", required);
		}
		if (this.performing && departments.stream().allMatch((d) -> d.technologies() == null)) {
			return RuleResult.unknown("未标明哪些科室开展本技术", required);
		}
		List<Status> statuses = new ArrayList<>();
		List<String> evidence = new ArrayList<>();
		for (Department department : departments) {
			if (!Departments.matches(department, this.subjectsAnyOf, this.nameContainsAnyOf)) {
				continue;
			}
			List<String> technologies = department.technologies();
			if (this.performing && (technologies == null || !technologies.contains(context.technology()))) {
				continue;
			}
			List<String> facts = new ArrayList<>();
			statuses.add(check(department, context.date(), facts));
			evidence.add(Departments.name(department) + (facts.isEmpty() ? "" : "（" + String.join("，", facts) + "）"));
		}
		if (statuses.isEmpty()) {
			return RuleResult.of(Status.NOT_MET, "无" + kindName() + "，要求" + required, "无", required);
		}
		Status status = this.each ? Status.allOf(statuses) : Status.anyOf(statuses);
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		String actual = String.join("；", evidence);
		return new RuleResult(status, actual + "，要求" + required, actual, required, evidence);
	}

	private Status check(Department department, LocalDate date, List<String> facts) {
		List<Status> parts = new ArrayList<>();
		if (this.minBeds != null) {
			Integer beds = department.beds();
			facts.add((beds != null) ? "床位 " + beds + " 张" : "床位未记录");
			parts.add((beds == null) ? Status.UNKNOWN : (beds >= this.minBeds) ? Status.MET : Status.NOT_MET);
		}
		if (this.minYears != null) {
			LocalDate since = department.since();
			if (since == null) {
				facts.add("开展诊疗工作起始日期未记录");
				parts.add(Status.UNKNOWN);
			}
			else {
				Period period = Texts.between(since, date);
				facts.add("自 " + since + " 开展诊疗工作，已 " + Texts.duration(period));
				parts.add((period.getYears() >= this.minYears) ? Status.MET : Status.NOT_MET);
			}
		}
		if (this.minAnnualOperations != null) {
			Integer operations = department.annualOperations();
			facts.add((operations != null) ? "年手术量 " + operations + " 例" : "年手术量未记录");
			parts.add((operations == null) ? Status.UNKNOWN
					: (operations >= this.minAnnualOperations) ? Status.MET : Status.NOT_MET);
		}
		return parts.isEmpty() ? Status.MET : Status.allOf(parts);
	}

}
