package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;

/**
 * {@code staffRole}: the person holds one of the given roles.
 *
 * @param anyOf accepted roles
 */
public record StaffRoleRule(List<StaffRole> anyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public StaffRoleRule {
		anyOf = List.copyOf(anyOf);
	}

	static StaffRoleRule from(RuleParameters parameters) {
		List<StaffRole> roles = parameters.enums("anyOf", StaffRole.class);
		if (roles.isEmpty()) {
			parameters.problem("anyOf", "至少列出一个人员角色");
		}
		return new StaffRoleRule(roles);
	}

	@Override
	public String kind() {
		return "staffRole";
	}

	@Override
	public String summary() {
		return "为" + labels(this.anyOf, "或");
	}

	private static String labels(List<StaffRole> roles, String separator) {
		List<String> labels = new ArrayList<>(roles.size());
		for (StaffRole role : roles) {
			labels.add(role.label());
		}
		return labels.isEmpty() ? "无" : String.join(separator, labels);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> summary();
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required.get());
		}
		List<StaffRole> roles = person.roles();
		if (roles == null) {
			return RuleResult.unknown("未记录人员角色", required.get());
		}
		boolean matches = false;
		for (StaffRole role : roles) {
			matches |= this.anyOf.contains(role);
		}
		if (!context.explains()) {
			return RuleResult.bare(matches ? Status.MET : Status.NOT_MET);
		}
		String actual = labels(roles, "、");
		return RuleResult.check(matches, "人员角色：" + actual + "，要求" + required.get(), actual, required.get());
	}

}
