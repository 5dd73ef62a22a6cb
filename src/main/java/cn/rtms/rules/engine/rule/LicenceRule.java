package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.InstitutionFacts.Licence;
import cn.rtms.rules.engine.facts.InstitutionFacts;

/**
 * {@code licence}: the institution holds a licence of the given kind that is valid on the
 * reference date. In spec files the licence kind is written {@code licenceKind} because
 * {@code kind} names the rule kind.
 *
 * @param licenceKind RADIOLOGY, RADIATION_SAFETY, PRACTICE, TISSUE_BANK …
 */
public record LicenceRule(String licenceKind) implements Rule {

	static LicenceRule from(RuleParameters parameters) {
		return new LicenceRule(parameters.requiredString("licenceKind"));
	}

	@Override
	public String kind() {
		return "licence";
	}

	@Override
	public String summary() {
		return "持有有效的" + Labels.licence(this.licenceKind);
	}

	@Override
	public RuleScope scope() {
		return RuleScope.INSTITUTION;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		String name = Labels.licence(this.licenceKind);
		Supplier<String> required = () -> "持有有效的" + name;
		InstitutionFacts institution = context.institution();
		if (institution == null) {
			return RuleResult.unknown(Texts.NO_INSTITUTION, required.get());
		}
		List<Licence> licences = institution.licences();
		if (licences == null) {
			return RuleResult.unknown("未记录许可证信息", required.get());
		}
		LocalDate date = context.date();
		Licence expired = null;
		for (Licence licence : licences) {
			if (!this.licenceKind.equals(licence.kind())) {
				continue;
			}
			LocalDate from = licence.validFrom();
			LocalDate until = licence.validUntil();
			boolean valid = (from == null || !from.isAfter(date)) && (until == null || !until.isBefore(date));
			if (valid) {
				if (!context.explains()) {
					return RuleResult.bare(Status.MET);
				}
				String actual = name + ((licence.number() != null) ? " " + licence.number() : "")
						+ ((until != null) ? "（有效期至 " + until + "）" : "");
				return new RuleResult(Status.MET, "持有" + actual + "，要求" + required.get(), actual, required.get(),
						List.of(actual));
			}
			expired = licence;
		}
		if (!context.explains()) {
			return RuleResult.bare(Status.NOT_MET);
		}
		if (expired != null) {
			String actual = name + "不在有效期内（" + expired.validFrom() + " 至 " + expired.validUntil() + "）";
			return RuleResult.of(Status.NOT_MET, actual + "，要求" + required.get(), actual, required.get());
		}
		return RuleResult.of(Status.NOT_MET, "未持有" + name + "，要求" + required.get(), "无", required.get());
	}

}
