package cn.rtms.rules.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts.Facility;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import org.jspecify.annotations.Nullable;

/**
 * {@code facility}: the institution has a facility of the given kind, optionally at least
 * {@code minCount} of them and at least {@code minBeds} beds in them. A facility without
 * a count counts as one.
 *
 * @param facility facility code, e.g. PACU
 * @param minCount minimum number (default 1)
 * @param minBeds minimum beds, or {@code null}
 */
public record FacilityRule(String facility, int minCount, @Nullable Integer minBeds) implements Rule {

	static FacilityRule from(RuleParameters parameters) {
		Integer minCount = parameters.optionalCount("minCount");
		if (minCount != null && minCount == 0) {
			parameters.problem("minCount", "必须为正整数");
		}
		return new FacilityRule(parameters.requiredString("facility"), (minCount != null) ? minCount : 1,
				parameters.optionalCount("minBeds"));
	}

	@Override
	public String kind() {
		return "facility";
	}

	@Override
	public String summary() {
		return "有" + Labels.facility(this.facility) + required();
	}

	private String required() {
		String required = (this.minCount > 1) ? "不少于 " + this.minCount + " 个" : "";
		if (this.minBeds != null) {
			required = required + (required.isEmpty() ? "" : "，") + "床位不少于 " + this.minBeds + " 张";
		}
		return required;
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		String name = Labels.facility(this.facility);
		Supplier<String> required = () -> required().isEmpty() ? "有" + name : name + required();
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<Facility> facilities = institution.facilities();
		if (facilities == null) {
			return RuleResult.unknown("未记录设施信息", required.get());
		}
		long count = 0;
		long beds = 0;
		boolean bedsUnknown = false;
		List<String> evidence = new ArrayList<>();
		for (Facility candidate : facilities) {
			if (!this.facility.equals(candidate.kind())) {
				continue;
			}
			Integer candidateCount = candidate.count();
			int units = (candidateCount != null) ? candidateCount : 1;
			count += units;
			Integer candidateBeds = candidate.beds();
			if (candidateBeds == null) {
				bedsUnknown = true;
			}
			else {
				beds += candidateBeds;
			}
			if (context.explains()) {
				evidence
					.add(name + " " + units + " 个" + ((candidateBeds != null) ? "，床位 " + candidateBeds + " 张" : ""));
			}
		}
		Status status;
		if (count < this.minCount) {
			status = Status.NOT_MET;
		}
		else if (this.minBeds != null && beds < this.minBeds) {
			status = bedsUnknown ? Status.UNKNOWN : Status.NOT_MET;
		}
		else {
			status = Status.MET;
		}
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		if (count == 0) {
			return RuleResult.of(Status.NOT_MET, "无" + name + "，要求" + required.get(), "无", required.get());
		}
		String actual = name + " " + count + " 个" + ((this.minBeds != null) ? "，床位 " + beds + " 张" : "");
		String explanation = "有" + actual + "，要求" + required.get();
		return new RuleResult(status, explanation, actual, required.get(), evidence);
	}

}
