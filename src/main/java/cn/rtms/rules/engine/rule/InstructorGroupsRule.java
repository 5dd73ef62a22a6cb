package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts.Specialty;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.facts.Title;
import org.jspecify.annotations.Nullable;

/**
 * {@code instructorGroups}: a training base has at least {@code min} instructors, every
 * one holding {@code titleAtLeast} or higher, made up of specialty groups each with its
 * own minimum (and optionally a minimum holding a higher title), e.g. S05 四(二)1(3): five
 * instructors, all 副主任医师+, of them ≥3 oral-maxillofacial surgeons (≥2 主任医师) and ≥2
 * orthodontists (≥1 副主任医师+).
 * <p>
 * A physician belongs to a group when one of the person's specialties contains one of the
 * group's {@code specialtyAnyOf}. In a group with {@code eligible: true} only people the
 * engine finds eligible under the spec's PHYSICIAN clauses count; a group with
 * {@code eligible: false} is for specialists those clauses do not describe (the
 * orthodontists: S05 二(一)2 lists no orthodontic experience), who count by specialty and
 * title alone and whose competence the clause's attestation covers. The total counts each
 * person once: eligible physicians with the title, plus members of the other groups.
 *
 * @param min minimum instructors in total
 * @param titleAtLeast title every instructor must hold
 * @param groups the specialty groups
 */
public record InstructorGroupsRule(int min, Title titleAtLeast, List<Group> groups) implements Rule {

	/**
	 * A specialty group of instructors.
	 *
	 * @param name Chinese name for explanations, e.g. 口腔颌面外科医师
	 * @param specialtyAnyOf specialty names (matched as substrings)
	 * @param min minimum members
	 * @param title higher title some members must hold, or {@code null}
	 * @param titleCount how many members must hold it
	 * @param eligible whether members must be eligible under the PHYSICIAN clauses
	 */
	public record Group(String name, List<String> specialtyAnyOf, int min, @Nullable Title title, int titleCount,
			boolean eligible) {

		/**
		 * Copies the list.
		 */
		public Group {
			specialtyAnyOf = List.copyOf(specialtyAnyOf);
		}

		boolean matches(PersonFacts person) {
			List<Specialty> specialties = person.specialties();
			if (specialties == null) {
				return false;
			}
			for (Specialty specialty : specialties) {
				if (Texts.containsAny(specialty.name(), this.specialtyAnyOf)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Copies the list.
	 */
	public InstructorGroupsRule {
		groups = List.copyOf(groups);
	}

	static InstructorGroupsRule from(RuleParameters parameters) {
		int min = parameters.requiredCount("min");
		Title title = parameters.requiredEnum("titleAtLeast", Title.class);
		List<Group> groups = new ArrayList<>();
		for (RuleParameters group : parameters.objects("groups")) {
			int groupMin = group.requiredCount("min");
			RuleParameters withTitle = group.object("minWithTitle");
			Title higher = null;
			int count = 0;
			if (withTitle != null) {
				higher = withTitle.requiredEnum("title", Title.class);
				count = withTitle.requiredCount("count");
				if (count > groupMin) {
					group.problem("minWithTitle", "count（" + count + "）不能大于 min（" + groupMin + "）");
				}
			}
			List<String> specialties = group.strings("specialtyAnyOf");
			if (specialties.isEmpty()) {
				group.problem("specialtyAnyOf", "必须列出至少一个专业");
			}
			Boolean eligible = group.optionalBoolean("eligible");
			groups.add(new Group(group.requiredString("name"), specialties, groupMin, higher, count,
					!Boolean.FALSE.equals(eligible)));
		}
		return new InstructorGroupsRule(min, title, groups);
	}

	@Override
	public String kind() {
		return "instructorGroups";
	}

	@Override
	public String summary() {
		List<String> parts = new ArrayList<>();
		for (Group group : this.groups) {
			Title higher = group.title();
			parts.add("不少于 " + group.min() + " 名" + group.name()
					+ ((higher != null) ? "（至少 " + group.titleCount() + " 名" + higher.label() + "及以上）" : ""));
		}
		return "有不少于 " + this.min + " 名指导医师，均为" + this.titleAtLeast.label() + "及以上，其中" + String.join("，", parts);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = this::summary;
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<PersonFacts> staff = institution.staff();
		if (staff == null) {
			return RuleResult.unknown("未记录本院人员信息", required.get());
		}
		StaffTally total = new StaffTally();
		List<StaffTally> members = new ArrayList<>();
		List<StaffTally> titled = new ArrayList<>();
		for (int i = 0; i < this.groups.size(); i++) {
			members.add(new StaffTally());
			titled.add(new StaffTally());
		}
		for (PersonFacts person : staff) {
			List<StaffRole> roles = person.roles();
			if (roles != null && !roles.contains(StaffRole.PHYSICIAN)) {
				continue;
			}
			Status role = (roles == null) ? Status.UNKNOWN : Status.MET;
			Status title = QualifiedStaffRule.titleStatus(person, this.titleAtLeast, context);
			Status eligible = context.staffEvaluator().physician(context.forPerson(person), person);
			List<Status> asInstructor = new ArrayList<>();
			asInstructor.add(Status.allOf(List.of(role, title, eligible)));
			for (int i = 0; i < this.groups.size(); i++) {
				Group group = this.groups.get(i);
				Status specialty = (person.specialties() == null) ? Status.UNKNOWN
						: group.matches(person) ? Status.MET : Status.NOT_MET;
				Status member = Status.allOf(
						group.eligible() ? List.of(role, title, specialty, eligible) : List.of(role, title, specialty));
				members.get(i).add(member, person);
				Title higher = group.title();
				if (higher != null) {
					titled.get(i)
						.add(Status.allOf(List.of(member, QualifiedStaffRule.titleStatus(person, higher, context))),
								person);
				}
				asInstructor.add(member);
			}
			total.add(Status.anyOf(asInstructor), person);
		}
		List<Status> statuses = new ArrayList<>();
		statuses.add(total.against(this.min));
		for (int i = 0; i < this.groups.size(); i++) {
			Group group = this.groups.get(i);
			statuses.add(members.get(i).against(group.min()));
			if (group.title() != null) {
				statuses.add(titled.get(i).against(group.titleCount()));
			}
		}
		Status status = Status.allOf(statuses);
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		StringBuilder explanation = new StringBuilder(total.describe("指导医师（" + this.titleAtLeast.label() + "及以上）"));
		for (int i = 0; i < this.groups.size(); i++) {
			Group group = this.groups.get(i);
			explanation.append("；").append(members.get(i).describe(group.name()));
			Title higher = group.title();
			if (higher != null) {
				explanation.append("，其中")
					.append(higher.label())
					.append("及以上 ")
					.append(titled.get(i).met.size())
					.append(" 名");
			}
		}
		return new RuleResult(status, explanation + "；要求" + required.get(), total.met.size() + " 名", required.get(),
				total.evidence());
	}

}
