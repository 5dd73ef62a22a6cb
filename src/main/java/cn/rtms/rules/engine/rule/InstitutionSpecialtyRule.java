package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionType;

/**
 * {@code institutionSpecialty}: the institution is a 专科 hospital of one of the given
 * specialties (ONCOLOGY 肿瘤, STOMATOLOGY 口腔, ENT 耳鼻咽喉, NEUROSURGERY 神经外科 …). A general
 * hospital does not meet it; a specialty hospital whose specialty is not recorded is
 * UNKNOWN.
 *
 * @param anyOf accepted specialty codes
 */
public record InstitutionSpecialtyRule(List<String> anyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public InstitutionSpecialtyRule {
		anyOf = List.copyOf(anyOf);
	}

	static InstitutionSpecialtyRule from(RuleParameters parameters) {
		List<String> anyOf = parameters.strings("anyOf");
		if (anyOf.isEmpty()) {
			parameters.problem("anyOf", "至少列出一种专科类别");
		}
		for (String code : anyOf) {
			if (!Labels.specialtyCodes().contains(code)) {
				parameters.problem("anyOf", "未知的专科类别“" + code + "”，可用：" + String.join("、", Labels.specialtyCodes()));
			}
		}
		return new InstitutionSpecialtyRule(anyOf);
	}

	@Override
	public String kind() {
		return "institutionSpecialty";
	}

	@Override
	public String summary() {
		return required();
	}

	private String required() {
		List<String> names = new ArrayList<>();
		for (String code : this.anyOf) {
			names.add(Labels.specialty(code));
		}
		return Texts.or(names) + "专科医院";
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required());
		}
		InstitutionType type = institution.type();
		if (type == null) {
			return RuleResult.unknown("未记录医疗机构类型", required());
		}
		if (type != InstitutionType.SPECIALTY) {
			return RuleResult.of(Status.NOT_MET, "本机构为" + type.label() + "医院", type.label() + "医院", required());
		}
		String specialty = institution.specialty();
		if (specialty == null) {
			return RuleResult.unknown("未记录专科医院的专科类别", required());
		}
		String actual = Labels.specialty(specialty) + "专科医院";
		return RuleResult.check(this.anyOf.contains(specialty), "本机构为" + actual, actual, required());
	}

}
