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
 * training of the technology.
 *
 * @param role the role counted
 * @param min minimum number of people
 * @param titleAtLeast required title, or {@code null}
 * @param trained whether a passed training record of the technology is required
 * @param registeredHere whether only physicians registered at this institution count
 * (本医疗机构注册医师; a person whose registered institution is not recorded counts as UNKNOWN)
 */
public record QualifiedStaffRule(StaffRole role, int min, @Nullable Title titleAtLeast, boolean trained,
		boolean registeredHere) implements Rule {

	static QualifiedStaffRule from(RuleParameters parameters) {
		return new QualifiedStaffRule(parameters.requiredEnum("role", StaffRole.class), parameters.requiredCount("min"),
				parameters.optionalEnum("titleAtLeast", Title.class),
				Boolean.TRUE.equals(parameters.optionalBoolean("trained")),
				Boolean.TRUE.equals(parameters.optionalBoolean("registeredHere")));
	}

	@Override
	public String kind() {
		return "qualifiedStaff";
	}

	@Override
	public String summary() {
		return "有不少于 " + this.min + " 名" + what();
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
		Supplier<String> required = () -> "不少于 " + this.min + " 名";
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
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
		Status status = tally.against(this.min);
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

	static Status titleStatus(PersonFacts person, Title required, EvaluationContext context) {
		if (person.titles() == null) {
			return Status.UNKNOWN;
		}
		Title current = People.currentTitle(person.titles(), context.date());
		return (current != null && current.isAtLeast(required)) ? Status.MET : Status.NOT_MET;
	}

}
