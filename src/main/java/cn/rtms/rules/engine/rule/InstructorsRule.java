package cn.rtms.rules.engine.rule;

import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.facts.Title;
import org.jspecify.annotations.Nullable;

/**
 * {@code instructors}: a training base has at least {@code min} instructors, i.e.
 * physicians of the institution whom the engine finds eligible for the technology, and at
 * least {@code titleCount} of them hold {@code title} or higher.
 *
 * @param min minimum instructors
 * @param title title required of some of them, or {@code null}
 * @param titleCount how many must hold the title
 */
public record InstructorsRule(int min, @Nullable Title title, int titleCount) implements Rule {

	static InstructorsRule from(RuleParameters parameters) {
		int min = parameters.requiredCount("min");
		RuleParameters withTitle = parameters.object("minWithTitle");
		Title title = null;
		int count = 0;
		if (withTitle != null) {
			title = withTitle.requiredEnum("title", Title.class);
			count = withTitle.requiredCount("count");
			if (count > min) {
				parameters.problem("minWithTitle", "count（" + count + "）不能大于 min（" + min + "）");
			}
		}
		return new InstructorsRule(min, title, count);
	}

	@Override
	public String kind() {
		return "instructors";
	}

	@Override
	public String summary() {
		return "有不少于 " + this.min + " 名具备本技术临床应用能力的指导医师"
				+ ((this.title != null) ? "，其中至少 " + this.titleCount + " 名具有" + this.title.label() + "职称" : "");
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> "不少于 " + this.min + " 名"
				+ ((this.title != null) ? "，其中" + this.title.label() + "不少于 " + this.titleCount + " 名" : "");
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<PersonFacts> staff = institution.staff();
		if (staff == null) {
			return RuleResult.unknown("未记录本院人员信息", required.get());
		}
		StaffTally all = new StaffTally();
		StaffTally titled = new StaffTally();
		for (PersonFacts person : staff) {
			List<StaffRole> roles = person.roles();
			if (roles != null && !roles.contains(StaffRole.PHYSICIAN)) {
				continue;
			}
			Status eligible = context.staffEvaluator().physician(context.forPerson(person), person);
			if (roles == null) {
				eligible = Status.allOf(List.of(eligible, Status.UNKNOWN));
			}
			all.add(eligible, person);
			if (this.title != null) {
				titled.add(Status.allOf(List.of(eligible, QualifiedStaffRule.titleStatus(person, this.title, context))),
						person);
			}
		}
		Status status = all.against(this.min);
		if (this.title != null) {
			status = Status.allOf(List.of(status, titled.against(this.titleCount)));
		}
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		String explanation = all.describe("具备本技术临床应用能力的医师");
		if (this.title != null) {
			explanation = explanation + "；其中" + this.title.label() + "及以上 " + titled.met.size() + " 名";
		}
		return new RuleResult(status, explanation + "，要求" + required.get(), all.met.size() + " 名", required.get(),
				all.evidence());
	}

}
