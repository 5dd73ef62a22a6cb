package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionType;

/**
 * {@code institutionType}: the institution is of one of the given types (综合 / 专科).
 *
 * @param anyOf accepted types
 */
public record InstitutionTypeRule(List<InstitutionType> anyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public InstitutionTypeRule {
		anyOf = List.copyOf(anyOf);
	}

	static InstitutionTypeRule from(RuleParameters parameters) {
		List<InstitutionType> types = parameters.enums("anyOf", InstitutionType.class);
		if (types.isEmpty()) {
			parameters.problem("anyOf", "至少列出一种医疗机构类型");
		}
		return new InstitutionTypeRule(types);
	}

	@Override
	public String kind() {
		return "institutionType";
	}

	@Override
	public String summary() {
		return "医疗机构类型为" + required();
	}

	private String required() {
		List<String> labels = new ArrayList<>();
		for (InstitutionType type : this.anyOf) {
			labels.add(type.label());
		}
		return Texts.or(labels);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = this::required;
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		InstitutionType type = institution.type();
		if (type == null) {
			return RuleResult.unknown("未记录医疗机构类型", required.get());
		}
		if (!context.explains()) {
			return RuleResult.bare(this.anyOf.contains(type) ? Status.MET : Status.NOT_MET);
		}
		return RuleResult.check(this.anyOf.contains(type), "医疗机构类型为" + type.label() + "，要求" + required.get(),
				type.label(), required.get());
	}

}
