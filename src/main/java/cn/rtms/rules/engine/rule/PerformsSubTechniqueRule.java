package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.catalog.CodeDictionary;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code performsSubTechnique}: the institution performs at least one of the given
 * sub-techniques (forms) of the spec's technology, e.g. 深部热疗 or 全身热疗 for S04. Used as the
 * condition of {@link ApplicableWhenRule}. When the institution's forms of the technology
 * are not recorded, or recorded as none, the answer is UNKNOWN: an institution that files
 * for a technology performs some form of it.
 *
 * @param anyOf sub-technique codes declared by the spec
 */
public record PerformsSubTechniqueRule(List<String> anyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public PerformsSubTechniqueRule {
		anyOf = List.copyOf(anyOf);
	}

	static PerformsSubTechniqueRule from(RuleParameters parameters) {
		List<String> anyOf = parameters.strings("anyOf");
		if (anyOf.isEmpty()) {
			parameters.problem("anyOf", "至少列出一个亚类代码");
		}
		return new PerformsSubTechniqueRule(anyOf);
	}

	@Override
	public String kind() {
		return "performsSubTechnique";
	}

	@Override
	public String summary() {
		List<String> names = new ArrayList<>(this.anyOf.size());
		for (String code : this.anyOf) {
			names.add(CodeDictionary.standard().label("subTechnique", code));
		}
		return "开展" + String.join("或", names);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		InstitutionFacts institution = context.institution();
		String required = "开展" + names(this.anyOf, context);
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required);
		}
		Map<String, List<String>> recorded = institution.subTechniques();
		List<String> performed = (recorded != null) ? recorded.get(context.technology()) : null;
		if (performed == null || performed.isEmpty()) {
			return RuleResult.unknown("未记录本机构开展本技术的哪些亚类（如深部热疗 / 全身热疗）", required);
		}
		boolean met = false;
		for (String code : this.anyOf) {
			met |= performed.contains(code);
		}
		if (!context.explains()) {
			return RuleResult.bare(met ? Status.MET : Status.NOT_MET);
		}
		String actual = names(performed, context);
		return RuleResult.check(met, "本机构开展" + actual, actual, required);
	}

	private static String names(List<String> codes, EvaluationContext context) {
		List<String> names = new ArrayList<>(codes.size());
		for (String code : codes) {
			names.add(context.subTechniqueName(code));
		}
		return String.join("、", names);
	}

}
