package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.facts.Title;
import org.jspecify.annotations.Nullable;

/**
 * {@code qualifiedStaff}: the institution has at least {@code min} people of the role
 * whom the engine itself finds eligible under the same spec (PHYSICIAN: all PHYSICIAN
 * clauses met; other roles: all STAFF clauses for the role met, or simply holding the
 * role when the spec has none), optionally holding at least a title and/or a passed
 * training of the technology. With {@code perPerformingDepartment} the minimum applies to
 * each department that carries out the technology (科室 {@code technologies}), so the
 * institution needs {@code min} times their number: a physician belongs to one clinical
 * department, so fewer cannot give every department its own; which physician works in
 * which department is not a recorded fact and stays for the reviewer.
 *
 * @param role the role counted
 * @param min minimum number of people
 * @param titleAtLeast required title, or {@code null}
 * @param trained whether a passed training record of the technology is required
 * @param perPerformingDepartment whether {@code min} applies per performing department
 * @param registeredHere whether only physicians registered at this institution count
 * (本医疗机构注册医师; a person whose registered institution is not recorded counts as UNKNOWN)
 */
public record QualifiedStaffRule(StaffRole role, int min, @Nullable Title titleAtLeast, boolean trained,
		boolean perPerformingDepartment, boolean registeredHere) implements Rule {

	/**
	 * A rule counting the whole institution, whoever registered the people.
	 * @param role the role counted
	 * @param min minimum number of people
	 * @param titleAtLeast required title, or {@code null}
	 * @param trained whether a passed training record of the technology is required
	 */
	public QualifiedStaffRule(StaffRole role, int min, @Nullable Title titleAtLeast, boolean trained) {
		this(role, min, titleAtLeast, trained, false, false);
	}

	static QualifiedStaffRule from(RuleParameters parameters) {
		return new QualifiedStaffRule(parameters.requiredEnum("role", StaffRole.class), parameters.requiredCount("min"),
				parameters.optionalEnum("titleAtLeast", Title.class),
				Boolean.TRUE.equals(parameters.optionalBoolean("trained")),
				Boolean.TRUE.equals(parameters.optionalBoolean("perPerformingDepartment")),
				Boolean.TRUE.equals(parameters.optionalBoolean("registeredHere")));
	}

	@Override
	public String kind() {
		return "qualifiedStaff";
	}

	@Override
	public String summary() {
		return (this.perPerformingDepartment ? "开展本技术的每个科室" : "") + "有不少于 " + this.min + " 名" + what();
	}

	private String what() {
		String what = (this.titleAtLeast != null) ? "具有" + this.titleAtLeast.label() + "及以上职称、" : "";
		if (this.trained) {
			what = what + "经本技术培训合格、";
		}
		if (this.registeredHere) {
			return what + "具备本技术临床应用能力的本医疗机构注册" + ((this.role == StaffRole.PHYSICIAN) ? "医师" : this.role.label());
		}
		return what + ((this.role == StaffRole.PHYSICIAN) ? "具备本技术临床应用能力的医师" : "符合要求的" + this.role.label());
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
		int departments = 1;
		if (this.perPerformingDepartment) {
			List<InstitutionFacts.Department> recorded = institution.departments();
			if (recorded == null || recorded.stream().allMatch((d) -> d.technologies() == null)) {
				return RuleResult.unknown("未标明哪些科室开展本技术", "每科不少于 " + this.min + " 名");
			}
			departments = (int) recorded.stream().filter((d) -> performs(d, context.technology())).count();
			if (departments == 0) {
				return RuleResult.of(Status.NOT_MET, "无开展本技术的科室", "无", "每科不少于 " + this.min + " 名");
			}
		}
		int needed = this.min * departments;
		int performing = departments;
		Supplier<String> required = () -> "不少于 " + needed + " 名"
				+ (this.perPerformingDepartment ? "（开展本技术的 " + performing + " 个科室各 " + this.min + " 名）" : "");
		List<PersonFacts> staff = institution.staff();
		if (staff == null) {
			return RuleResult.unknown("未记录本院人员信息", required.get());
		}
		StaffTally tally = new StaffTally();
		for (PersonFacts person : staff) {
			List<StaffRole> roles = person.roles();
			if (roles != null && !roles.contains(this.role)) {
				continue;
			}
			tally.add(verdict(context, person, roles != null), person);
		}
		Status status = tally.against(needed);
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		String explanation = tally.describe(what()) + "，要求" + required.get();
		return new RuleResult(status, explanation, tally.met.size() + " 名", required.get(), tally.evidence());
	}

	private Status verdict(EvaluationContext context, PersonFacts person, boolean roleKnown) {
		EvaluationContext nested = context.forPerson(person);
		Status eligible = (this.role == StaffRole.PHYSICIAN) ? context.staffEvaluator().physician(nested, person)
				: context.staffEvaluator().staff(nested, person, this.role);
		if (eligible == Status.NOT_APPLICABLE) {
			eligible = Status.MET;
		}
		List<Status> parts = new ArrayList<>(4);
		parts.add(eligible);
		parts.add(roleKnown ? Status.MET : Status.UNKNOWN);
		if (this.titleAtLeast != null) {
			parts.add(titleStatus(person, this.titleAtLeast, context));
		}
		if (this.trained) {
			parts.add(People.passedTraining(person, context.technology(), context.date()));
		}
		if (this.registeredHere) {
			parts.add(People.registeredAt(person, context.institution()));
		}
		return Status.allOf(parts);
	}

	static boolean performs(InstitutionFacts.Department department, String technology) {
		List<String> technologies = department.technologies();
		return technologies != null && technologies.contains(technology);
	}

	static Status titleStatus(PersonFacts person, Title required, EvaluationContext context) {
		if (person.titles() == null) {
			return Status.UNKNOWN;
		}
		Title current = People.currentTitle(person.titles(), context.date());
		return (current != null && current.isAtLeast(required)) ? Status.MET : Status.NOT_MET;
	}

}
