package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.rtms.rules.engine.facts.PersonFacts.PhysicianLicence;
import cn.rtms.rules.engine.facts.PersonFacts;

/**
 * {@code physicianLicence}: the person holds a 医师执业证书 obtained on or before the reference
 * date, and when {@code scopeAnyOf} is given one of its 执业范围 matches (by prefix, ignoring
 * a trailing "专业").
 *
 * @param scopeAnyOf accepted scopes (empty: any)
 */
public record PhysicianLicenceRule(List<String> scopeAnyOf) implements Rule {

	/**
	 * Copies the list.
	 */
	public PhysicianLicenceRule {
		scopeAnyOf = List.copyOf(scopeAnyOf);
	}

	static PhysicianLicenceRule from(RuleParameters parameters) {
		return new PhysicianLicenceRule(parameters.strings("scopeAnyOf"));
	}

	@Override
	public String kind() {
		return "physicianLicence";
	}

	@Override
	public String summary() {
		return "取得《医师执业证书》" + (this.scopeAnyOf.isEmpty() ? "" : "，执业范围为" + Texts.or(this.scopeAnyOf));
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
		PhysicianLicence licence = person.licence();
		if (licence == null) {
			return RuleResult.unknown("未记录医师执业证书信息", required.get());
		}
		LocalDate issuedOn = licence.issuedOn();
		if (issuedOn != null && issuedOn.isAfter(context.date())) {
			return RuleResult.of(Status.NOT_MET, "医师执业证书于 " + issuedOn + " 取得，评估日尚未取得，要求" + required.get(), "未取得",
					required.get());
		}
		if (!context.explains()) {
			if (this.scopeAnyOf.isEmpty()) {
				return RuleResult.bare(Status.MET);
			}
			List<String> scopes = licence.scopes();
			if (scopes == null) {
				return RuleResult.bare(Status.UNKNOWN);
			}
			for (String scope : scopes) {
				if (matches(scope)) {
					return RuleResult.bare(Status.MET);
				}
			}
			return RuleResult.bare(Status.NOT_MET);
		}
		String held = "持有医师执业证书" + ((licence.number() != null) ? "（" + licence.number() + "）" : "");
		List<String> evidence = new ArrayList<>();
		if (licence.number() != null) {
			evidence.add("医师执业证书 " + licence.number());
		}
		if (this.scopeAnyOf.isEmpty()) {
			return new RuleResult(Status.MET, held + "，要求" + required.get(), held, required.get(), evidence);
		}
		List<String> scopes = licence.scopes();
		if (scopes == null) {
			return RuleResult.unknown(held + "，未记录执业范围", required.get());
		}
		boolean matches = false;
		for (String scope : scopes) {
			if (matches(scope)) {
				matches = true;
			}
		}
		String actual = "执业范围：" + Texts.join(scopes);
		return new RuleResult(matches ? Status.MET : Status.NOT_MET,
				held + "，" + actual + "，要求执业范围为" + Texts.or(this.scopeAnyOf), actual, required.get(), evidence);
	}

	private boolean matches(String scope) {
		String actual = strip(scope);
		for (String accepted : this.scopeAnyOf) {
			if (actual.startsWith(strip(accepted))) {
				return true;
			}
		}
		return false;
	}

	private static String strip(String scope) {
		String trimmed = scope.strip();
		return trimmed.endsWith("专业") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
	}

}
