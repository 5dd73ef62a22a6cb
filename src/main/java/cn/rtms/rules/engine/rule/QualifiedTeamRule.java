package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionFacts.Department;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;

/**
 * {@code qualifiedTeam}: the institution's team for the technology has at least
 * {@code min} people the engine finds eligible in one of the given roles (PHYSICIAN: all
 * PHYSICIAN clauses met; other roles: all STAFF clauses for the role met), and at least
 * {@code largerMin} when a department carrying out the technology matches
 * {@code largerForSubjectsAnyOf} (心脏大血管外科: 6 instead of 4). A person counts once. When it
 * is not recorded which departments carry out the technology and the count lies between
 * the two minimums, the answer is UNKNOWN.
 *
 * @param roles roles that make up the team
 * @param min minimum team size
 * @param largerMin minimum for the departments named below (0: none)
 * @param largerForSubjectsAnyOf department subjects that need the larger team
 */
public record QualifiedTeamRule(List<StaffRole> roles, int min, int largerMin,
		List<String> largerForSubjectsAnyOf) implements Rule {

	/**
	 * Copies the lists.
	 */
	public QualifiedTeamRule {
		roles = List.copyOf(roles);
		largerForSubjectsAnyOf = List.copyOf(largerForSubjectsAnyOf);
	}

	static QualifiedTeamRule from(RuleParameters parameters) {
		List<StaffRole> roles = parameters.enums("roles", StaffRole.class);
		if (roles.isEmpty()) {
			parameters.problem("roles", "至少列出一种人员角色");
		}
		Integer largerMin = parameters.optionalCount("largerMin");
		List<String> subjects = parameters.strings("largerForSubjectsAnyOf");
		if ((largerMin == null) != subjects.isEmpty()) {
			parameters.problem("largerMin", "largerMin 与 largerForSubjectsAnyOf 须同时给出");
		}
		return new QualifiedTeamRule(roles, parameters.requiredCount("min"), (largerMin != null) ? largerMin : 0,
				subjects);
	}

	@Override
	public String kind() {
		return "qualifiedTeam";
	}

	@Override
	public String summary() {
		return "医疗团队有不少于 " + this.min + " 名" + what() + (this.largerMin > 0
				? "（" + Texts.or(this.largerForSubjectsAnyOf) + "科室开展时不少于 " + this.largerMin + " 名）" : "");
	}

	private String what() {
		List<String> labels = new ArrayList<>();
		for (StaffRole role : this.roles) {
			labels.add(role.label());
		}
		return "具备本技术临床应用能力的" + String.join("、", labels);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, "不少于 " + this.min + " 名");
		}
		List<PersonFacts> staff = institution.staff();
		if (staff == null) {
			return RuleResult.unknown("未记录本院人员信息", "不少于 " + this.min + " 名");
		}
		Status larger = this.largerMin > 0 ? largerTeamNeeded(institution, context.technology()) : Status.NOT_MET;
		StaffTally tally = new StaffTally();
		for (PersonFacts person : staff) {
			tally.add(verdict(context, person), person);
		}
		Status status;
		int needed;
		if (larger == Status.MET) {
			needed = this.largerMin;
			status = tally.against(needed);
		}
		else if (larger == Status.NOT_MET) {
			needed = this.min;
			status = tally.against(needed);
		}
		else {
			needed = this.largerMin;
			Status smaller = tally.against(this.min);
			status = (smaller != Status.MET) ? smaller
					: (tally.against(this.largerMin) == Status.MET) ? Status.MET : Status.UNKNOWN;
		}
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		String required = "不少于 " + needed + " 名"
				+ ((larger == Status.MET) ? "（" + Texts.or(this.largerForSubjectsAnyOf) + "科室开展本技术）" : "")
				+ ((larger == Status.UNKNOWN) ? "（未标明开展本技术的科室，无法判断是否须 " + this.largerMin + " 名）" : "");
		String explanation = tally.describe(what()) + "，要求" + required;
		return new RuleResult(status, explanation, tally.met.size() + " 名", required, tally.evidence());
	}

	private Status largerTeamNeeded(InstitutionFacts institution, String technology) {
		List<Department> departments = institution.departments();
		if (departments == null || departments.stream().allMatch((d) -> d.technologies() == null)) {
			return Status.UNKNOWN;
		}
		for (Department department : departments) {
			if (QualifiedStaffRule.performs(department, technology)
					&& Departments.matches(department, this.largerForSubjectsAnyOf, List.of())) {
				return Status.MET;
			}
		}
		return Status.NOT_MET;
	}

	private Status verdict(EvaluationContext context, PersonFacts person) {
		List<StaffRole> held = person.roles();
		if (held == null) {
			return Status.UNKNOWN;
		}
		List<Status> alternatives = new ArrayList<>();
		EvaluationContext nested = context.forPerson(person);
		for (StaffRole role : this.roles) {
			if (!held.contains(role)) {
				continue;
			}
			Status eligible = (role == StaffRole.PHYSICIAN) ? context.staffEvaluator().physician(nested, person)
					: context.staffEvaluator().staff(nested, person, role);
			alternatives.add((eligible == Status.NOT_APPLICABLE) ? Status.MET : eligible);
		}
		return alternatives.isEmpty() ? Status.NOT_MET : Status.anyOf(alternatives);
	}

}
