package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code registeredSubject}: at least one of the given clinical subjects is registered on
 * the practice licence, matched by prefix ("外科" matches "外科／普通外科专业").
 *
 * @param anyOf accepted subjects
 */
public record RegisteredSubjectRule(List<String> anyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public RegisteredSubjectRule {
		anyOf = List.copyOf(anyOf);
	}

	static RegisteredSubjectRule from(RuleParameters parameters) {
		List<String> subjects = parameters.strings("anyOf");
		if (subjects.isEmpty()) {
			parameters.problem("anyOf", "至少列出一个诊疗科目");
		}
		return new RegisteredSubjectRule(subjects);
	}

	@Override
	public String kind() {
		return "registeredSubject";
	}

	@Override
	public String summary() {
		return "登记" + Texts.join(this.anyOf) + "等诊疗科目之一";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		Supplier<String> required = () -> "至少登记其一：" + Texts.join(this.anyOf);
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<String> registered = institution.registeredSubjects();
		if (registered == null) {
			return RuleResult.unknown("未记录诊疗科目", required.get());
		}
		List<String> matching = new ArrayList<>();
		for (String subject : registered) {
			if (Texts.startsWithAny(subject, this.anyOf)) {
				matching.add(subject);
			}
		}
		if (!context.explains()) {
			return RuleResult.bare(matching.isEmpty() ? Status.NOT_MET : Status.MET);
		}
		if (matching.isEmpty()) {
			return RuleResult.of(Status.NOT_MET, "已登记诊疗科目：" + Texts.join(registered) + "，" + required.get(),
					Texts.join(registered), required.get());
		}
		return new RuleResult(Status.MET, "已登记相关诊疗科目：" + Texts.join(matching) + "，" + required.get(),
				Texts.join(matching), required.get(), matching);
	}

}
