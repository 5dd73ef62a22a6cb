package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts.PhysicianLicence;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * {@code physicianLicence}: the person holds a 医师执业证书 obtained on or before the reference
 * date, when {@code scopeAnyOf} is given one of its 执业范围 matches (by prefix, ignoring a
 * trailing "专业"), and when {@code registeredHere} is set the licence is registered at the
 * institution being evaluated (本医疗机构注册医师; UNKNOWN while the registered institution is not
 * recorded).
 *
 * With {@code unlistedScopes: REVIEW} a licence whose scopes match none of the list is
 * not NOT_MET but NEEDS_ATTESTATION: the list names the scopes the spec reads as 相关专业 for
 * certain, and whether another one is related (a text such as "执业范围为开展本技术相关专业") is left
 * to the reviewer, who settles it by confirming the clause (its attestation has
 * {@code when: UNDECIDED}).
 *
 * @param scopeAnyOf accepted scopes (empty: any)
 * @param registeredHere whether the licence must be registered at the evaluated
 * institution
 * @param unlistedScopesReviewed whether a scope outside {@code scopeAnyOf} is left to the
 * reviewer
 */
public record PhysicianLicenceRule(List<String> scopeAnyOf, boolean registeredHere,
		boolean unlistedScopesReviewed) implements Rule {

	/**
	 * Copies the list.
	 */
	public PhysicianLicenceRule {
		scopeAnyOf = List.copyOf(scopeAnyOf);
	}

	/**
	 * A rule that refuses scopes outside the list.
	 * @param scopeAnyOf accepted scopes (empty: any)
	 * @param registeredHere whether the licence must be registered here
	 */
	public PhysicianLicenceRule(List<String> scopeAnyOf, boolean registeredHere) {
		this(scopeAnyOf, registeredHere, false);
	}

	static PhysicianLicenceRule from(RuleParameters parameters) {
		return new PhysicianLicenceRule(parameters.strings("scopeAnyOf"),
				Boolean.TRUE.equals(parameters.optionalBoolean("registeredHere")),
				parameters.optionalEnum("unlistedScopes", Review.class) == Review.REVIEW);
	}

	@Override
	public String kind() {
		return "physicianLicence";
	}

	@Override
	public String summary() {
		return "取得《医师执业证书》"
				+ (this.scopeAnyOf.isEmpty() ? ""
						: "，执业范围为" + Texts.or(this.scopeAnyOf)
								+ (this.unlistedScopesReviewed ? "（其他执业范围是否相关由审核人确认）" : ""))
				+ (this.registeredHere ? "，为本医疗机构注册医师" : "");
	}

	@Override
	public RuleScope scope() {
		return RuleScope.PERSON;
	}

	@Override
	public RuleResult evaluate(EvaluationContext context) {
		String required = summary();
		PersonFacts person = context.person();
		if (person == null) {
			return RuleResult.unknown(Texts.NO_PERSON, required);
		}
		PhysicianLicence licence = person.licence();
		if (licence == null) {
			return RuleResult.unknown("未记录医师执业证书信息", required);
		}
		LocalDate issuedOn = licence.issuedOn();
		if (issuedOn != null && issuedOn.isAfter(context.date())) {
			return RuleResult.of(Status.NOT_MET, "医师执业证书于 " + issuedOn + " 取得，评估日尚未取得，要求" + required, "未取得", required);
		}
		Status scope = scopeStatus(licence.scopes());
		Status registration = this.registeredHere ? People.registeredAt(person, context.institution()) : Status.MET;
		Status status = Status.allOf(List.of(scope, registration));
		if (!context.explains()) {
			return RuleResult.bare(status);
		}
		List<String> parts = new ArrayList<>();
		parts.add("持有医师执业证书" + ((licence.number() != null) ? "（" + licence.number() + "）" : ""));
		String actual = null;
		if (!this.scopeAnyOf.isEmpty()) {
			List<String> scopes = licence.scopes();
			actual = (scopes == null) ? "未记录执业范围" : "执业范围：" + Texts.join(scopes);
			parts.add(actual);
			if (scope == Status.NEEDS_ATTESTATION) {
				parts.add("不在列举的相关专业（" + Texts.join(this.scopeAnyOf) + "）之内，是否属于开展本技术的相关专业待审核人确认");
			}
		}
		if (this.registeredHere) {
			String registered = registrationText(licence, context.institution(), registration);
			parts.add(registered);
			actual = (actual == null) ? registered : actual + "；" + registered;
		}
		List<String> evidence = new ArrayList<>();
		if (licence.number() != null) {
			evidence.add("医师执业证书 " + licence.number());
		}
		String held = String.join("，", parts);
		if (scope == Status.NEEDS_ATTESTATION && status == Status.NEEDS_ATTESTATION) {
			return new RuleResult(status, held, actual, required, evidence);
		}
		return new RuleResult(status, held + "，要求" + requirement(), (actual != null) ? actual : parts.get(0), required,
				evidence);
	}

	private String requirement() {
		List<String> parts = new ArrayList<>();
		if (!this.scopeAnyOf.isEmpty()) {
			parts.add("执业范围为" + Texts.or(this.scopeAnyOf));
		}
		if (this.registeredHere) {
			parts.add("为本医疗机构注册医师");
		}
		return parts.isEmpty() ? summary() : String.join("，", parts);
	}

	private static String registrationText(PhysicianLicence licence, @Nullable InstitutionFacts institution,
			Status status) {
		String name = licence.registeredInstitution();
		String where = (name == null || name.isBlank()) ? null : name.strip();
		return switch (status) {
			case MET -> "执业注册于本机构" + ((where != null) ? "（" + where + "）" : "");
			case NOT_MET -> "执业注册于其他医疗机构" + ((where != null) ? "（" + where + "）" : "") + "，非本医疗机构注册医师";
			default -> (institution == null) ? "未提供评估所在医疗机构，无法核对执业注册机构" : "未记录执业注册机构";
		};
	}

	private Status scopeStatus(@Nullable List<String> scopes) {
		if (this.scopeAnyOf.isEmpty()) {
			return Status.MET;
		}
		if (scopes == null) {
			return Status.UNKNOWN;
		}
		for (String scope : scopes) {
			if (matches(scope)) {
				return Status.MET;
			}
		}
		return (this.unlistedScopesReviewed && !scopes.isEmpty()) ? Status.NEEDS_ATTESTATION : Status.NOT_MET;
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
