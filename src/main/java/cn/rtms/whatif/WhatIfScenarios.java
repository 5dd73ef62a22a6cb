package cn.rtms.whatif;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.authorization.AuthorizationDetails;
import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingSummary;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.EligibilityComparison;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.EquipmentRegisterSource;
import cn.rtms.rules.FactsChange;
import cn.rtms.rules.SpecDiff;
import cn.rtms.rules.SpecificationManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The what-if scenarios (docs/what-if.md): evaluates the saved records as they stand and
 * after the scenario with the rules engine ({@link EligibilityManagement#compare}), in a
 * read-only transaction, and lists the verdicts, clauses, filings and authorizations that
 * change. Scope: hospital users their own institution and its people, authorities their
 * region, system admin all; physicians, experts and training-base admins are refused.
 */
@Service
@Transactional(readOnly = true)
public class WhatIfScenarios {

	/** Who may run scenarios. */
	static final Role[] ROLES = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY,
			Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	/** Most institutions an edition scenario evaluates when none are named. */
	static final int MAX_INSTITUTIONS = 300;

	/** How far from today a leave or evaluation date may lie, in years. */
	static final int MAX_YEARS_AWAY = 10;

	private static final CodeDictionary DICTIONARY = CodeDictionary.standard();

	private final EligibilityManagement eligibility;

	private final SpecificationManagement specs;

	private final CatalogManagement catalog;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final FilingQueries filings;

	private final AuthorizationManagement authorizations;

	private final AccessPolicy access;

	private final ObjectProvider<EquipmentRegisterSource> register;

	private final Clock clock;

	WhatIfScenarios(EligibilityManagement eligibility, SpecificationManagement specs, CatalogManagement catalog,
			InstitutionManagement institutions, PersonnelManagement people, FilingQueries filings,
			AuthorizationManagement authorizations, AccessPolicy access,
			ObjectProvider<EquipmentRegisterSource> register, Clock clock) {
		this.register = register;
		this.eligibility = eligibility;
		this.specs = specs;
		this.catalog = catalog;
		this.institutions = institutions;
		this.people = people;
		this.filings = filings;
		this.authorizations = authorizations;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * @param request the scenario
	 * @return what would change; nothing is saved
	 * @throws InvalidScenario when a field the kind needs is missing or wrong
	 * @throws cn.rtms.identity.AccessDenied for roles that may not run scenarios and for
	 * people or institutions outside the caller's scope
	 */
	public ScenarioResult evaluate(ScenarioRequest request) {
		CurrentUser user = this.access.requireRole(ROLES);
		LocalDate today = LocalDate.now(this.clock);
		return switch (request.kind()) {
			case PERSON_LEAVES -> personLeaves(request, today);
			case EQUIPMENT_OUT_OF_SERVICE -> equipmentOut(request, today);
			case EDITION_TAKES_EFFECT -> editionTakesEffect(request, user, today);
		};
	}

	private ScenarioResult personLeaves(ScenarioRequest request, LocalDate today) {
		UUID personId = request.personId();
		if (personId == null) {
			throw new InvalidScenario("personId", "请选择离开的人员");
		}
		LocalDate date = date("leaveDate", request.leaveDate(), today);
		PersonDetails person = this.people.get(personId);
		UUID institutionId = person.institutionId();
		if (institutionId == null) {
			throw new InvalidScenario("personId", "该人员未登记所属医疗机构，其离开不影响任何机构的备案或授权");
		}
		String institutionName = Objects.requireNonNullElse(this.institutions.nameOf(institutionId), "");
		List<EligibilityComparison> comparisons = this.eligibility.compare(institutionId, null,
				FactsChange.personLeaves(personId), null, null, true, date);
		return assemble(ScenarioKind.PERSON_LEAVES,
				person.name() + " 自 " + date + " 起离开" + institutionName + "（不再计入本机构人员）", date, comparisons, personId,
				List.of());
	}

	private ScenarioResult equipmentOut(ScenarioRequest request, LocalDate today) {
		UUID institutionId = request.institutionId();
		if (institutionId == null) {
			throw new InvalidScenario("institutionId", "请选择医疗机构");
		}
		String code = request.equipmentCode();
		if (code == null) {
			throw new InvalidScenario("equipmentCode", "请选择停用的设备");
		}
		int units = request.units() == null ? 1 : request.units();
		LocalDate date = date("asOf", request.asOf(), today);
		InstitutionDetails institution = this.institutions.get(institutionId);
		// the count the engine reads (ADR 0031): the register's usable units for a kind
		// it
		// holds, else the count declared in the institution record
		EquipmentRegisterSource source = this.register.getIfAvailable();
		List<EquipmentRegisterSource.Unit> registered = (source == null) ? List.of()
				: source.units(institutionId, date).stream().filter(u -> code.equals(u.kind())).toList();
		int recorded;
		String basis;
		if (!registered.isEmpty()) {
			recorded = (int) registered.stream().filter(EquipmentRegisterSource.Unit::usable).count();
			int unusable = registered.size() - recorded;
			basis = "设备登记可用 " + recorded + " 台" + ((unusable > 0) ? "，另有 " + unusable + " 台不可用未计入" : "");
		}
		else {
			recorded = institution.equipment() == null ? 0
					: institution.equipment()
						.stream()
						.filter(e -> code.equals(e.kind()))
						.mapToInt(e -> e.count() == null ? 1 : e.count())
						.sum();
			basis = "机构填报 " + recorded + " 台";
		}
		List<EligibilityComparison> comparisons = this.eligibility.compare(institutionId, null,
				FactsChange.equipmentOutOfService(code, units), null, null, true, date);
		String label = DICTIONARY.label("equipment", code);
		return assemble(
				ScenarioKind.EQUIPMENT_OUT_OF_SERVICE, institution.name() + " 的" + label + "停用 "
						+ Math.min(units, recorded) + " 台（" + basis + "，停用后 " + Math.max(0, recorded - units) + " 台）",
				date, comparisons, null, List.of());
	}

	private ScenarioResult editionTakesEffect(ScenarioRequest request, CurrentUser user, LocalDate today) {
		String key = specKey(request);
		SpecDiff.SpecEdition edition = this.specs.edition(key);
		String technology = edition.technology();
		LocalDate date = date("asOf", request.asOf(), today);
		List<UUID> ids;
		List<String> notices = new ArrayList<>();
		if (request.institutionIds() != null && !request.institutionIds().isEmpty()) {
			ids = List.copyOf(new LinkedHashSet<>(request.institutionIds()));
			ids.forEach(this.institutions::get);
		}
		else {
			ids = concerned(technology, user);
			if (ids.size() > MAX_INSTITUTIONS) {
				throw new InvalidScenario("institutionIds",
						"范围内有 " + ids.size() + " 家医疗机构开展或备案该技术，超过 " + MAX_INSTITUTIONS + " 家，请指定要评估的医疗机构");
			}
			notices.add("评估范围：当前账号数据范围内已备案、已授权或有登记病例的“" + technologyName(technology) + "”医疗机构，共 " + ids.size() + " 家");
		}
		List<EligibilityComparison> comparisons = new ArrayList<>();
		for (UUID id : ids) {
			comparisons.addAll(this.eligibility.compare(id, technology, FactsChange.none(), null, key, true, date));
		}
		if (!"000000".equals(edition.jurisdiction())) {
			notices.add(edition.key() + " 为地方规范，适用地区代码 " + edition.jurisdiction() + "；辖区外机构的结果仅供参考");
		}
		return assemble(ScenarioKind.EDITION_TAKES_EFFECT, "《" + edition.title() + "》施行（按该版本评估，替代各机构现行版本）", date,
				comparisons, null, notices);
	}

	private String specKey(ScenarioRequest request) {
		if (request.specKey() != null) {
			if (request.technology() != null && !request.specKey().startsWith(request.technology() + "-")) {
				throw new InvalidScenario("specKey", "规范版本 " + request.specKey() + " 不属于技术 " + request.technology());
			}
			return request.specKey();
		}
		if (request.technology() == null || request.edition() == null) {
			throw new InvalidScenario("specKey", "请选择要施行的规范版本（specKey，或 technology 与 edition）");
		}
		return request.technology() + "-" + request.edition();
	}

	/**
	 * The institutions in the caller's scope with a filing (not rejected or revoked), a
	 * granted authorization or registry cases of the technology.
	 */
	List<UUID> concerned(String technology, CurrentUser user) {
		Set<UUID> ids = new LinkedHashSet<>();
		this.filings.list(null, technology, null)
			.stream()
			.filter(f -> !"REJECTED".equals(f.state()) && !"REVOKED".equals(f.state()))
			.forEach(f -> ids.add(f.institutionId()));
		this.authorizations.search(null, null, technology, null, false)
			.stream()
			.filter(a -> "GRANTED".equals(a.status()))
			.forEach(a -> ids.add(a.institutionId()));
		for (UUID id : this.eligibility.institutionsWithCases(technology)) {
			if (this.access.canSeeInstitution(user, id, this.institutions.regionCodeOf(id))) {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

	private ScenarioResult assemble(ScenarioKind kind, String description, LocalDate date,
			List<EligibilityComparison> comparisons, @Nullable UUID leaving, List<String> notices) {
		Map<String, FilingSummary> active = new HashMap<>();
		for (FilingSummary f : this.filings.list("ACTIVE", null, null)) {
			active.put(f.institutionId() + "/" + f.technology(), f);
		}
		Map<String, ClausePairing> pairings = new HashMap<>();
		Map<UUID, List<ScenarioResult.TechnologyImpact>> byInstitution = new LinkedHashMap<>();
		Map<UUID, EligibilityComparison> names = new LinkedHashMap<>();
		Map<String, EligibilityComparison> byKey = new HashMap<>();
		List<ScenarioResult.FilingImpact> filingImpacts = new ArrayList<>();
		for (EligibilityComparison c : comparisons) {
			names.putIfAbsent(c.institutionId(), c);
			byKey.put(c.institutionId() + "/" + c.technology(), c);
			ClausePairing pairing = pairing(c.before(), c.after(), pairings);
			List<ScenarioResult.ClauseFlip> flips = pairing.flips(c.before(), c.after());
			String before = status(c.before());
			String after = status(c.after());
			boolean verdictChanged = !Objects.equals(before, after);
			byInstitution.computeIfAbsent(c.institutionId(), k -> new ArrayList<>());
			if (verdictChanged || !flips.isEmpty()) {
				byInstitution.get(c.institutionId())
					.add(new ScenarioResult.TechnologyImpact(c.technology(), technologyName(c.technology()),
							specKey(c.before()), specKey(c.after()), before, statusLabel(c.before()), after,
							statusLabel(c.after()), verdictChanged, flips));
			}
			FilingSummary filing = active.get(c.institutionId() + "/" + c.technology());
			String consequence = consequence(before, after);
			if (filing != null && consequence != null) {
				filingImpacts.add(new ScenarioResult.FilingImpact(filing.id(), filing.institutionId(),
						filing.institutionName(), filing.technology(), filing.technologyName(), filing.stateLabel(),
						consequence, "NO_LONGER_STANDS".equals(consequence) ? "备案将不再成立" : "需重新审核",
						"机构评估由“" + statusLabel(c.before()) + "”变为“" + statusLabel(c.after()) + "”"
								+ (flips.isEmpty() ? ""
										: "，涉及条款：" + flips.stream()
											.map(ScenarioResult.ClauseFlip::citation)
											.collect(Collectors.joining("、")))));
			}
		}
		List<ScenarioResult.AuthorizationImpact> authorizationImpacts = new ArrayList<>();
		for (UUID institutionId : names.keySet()) {
			for (AuthorizationDetails a : this.authorizations.search(institutionId, null, null, null, false)) {
				if (!"GRANTED".equals(a.status()) || a.validUntil().isBefore(date)) {
					continue;
				}
				EligibilityComparison c = byKey.get(institutionId + "/" + a.technology());
				ScenarioResult.AuthorizationImpact impact = authorizationImpact(a, c, leaving, date, pairings);
				if (impact != null) {
					authorizationImpacts.add(impact);
				}
			}
		}
		List<ScenarioResult.InstitutionImpact> institutionImpacts = new ArrayList<>();
		byInstitution.forEach((id, technologies) -> {
			if (!technologies.isEmpty()) {
				EligibilityComparison c = names.get(id);
				institutionImpacts
					.add(new ScenarioResult.InstitutionImpact(id, c.institutionName(), c.regionCode(), technologies));
			}
		});
		List<String> allNotices = new ArrayList<>(notices);
		allNotices.add("以上结果由现有记录推演得出，未保存任何数据；按 " + date + " 评估");
		return new ScenarioResult(kind, kind.label(), description, date, institutionImpacts, names.size(),
				filingImpacts, authorizationImpacts, allNotices);
	}

	private ScenarioResult.@Nullable AuthorizationImpact authorizationImpact(AuthorizationDetails a,
			@Nullable EligibilityComparison c, @Nullable UUID leaving, LocalDate date,
			Map<String, ClausePairing> pairings) {
		if (a.personId().equals(leaving)) {
			return impact(a, "HOLDER_LEAVES", "随人员离开而终止",
					a.personName() + " 离开本机构后，该授权（有效期至 " + a.validUntil() + "）自 " + date + " 起不再有效", List.of());
		}
		if (c == null) {
			return null;
		}
		String before = status(c.before());
		String after = status(c.after());
		if ("NO_LONGER_STANDS".equals(consequence(before, after))) {
			return impact(a, "INSTITUTION_INELIGIBLE", "机构不再符合条件",
					c.institutionName() + " 开展" + technologyName(a.technology()) + "的评估由“" + statusLabel(c.before())
							+ "”变为“" + statusLabel(c.after()) + "”，该授权所依托的机构条件不再满足",
					List.of());
		}
		for (EligibilityComparison.PersonComparison p : c.people()) {
			if (!p.personId().equals(a.personId().toString()) || p.before() == null || p.after() == null) {
				continue;
			}
			if ("NOT_MET".equals(p.after().status()) && !"NOT_MET".equals(p.before().status())) {
				List<ScenarioResult.ClauseFlip> flips = pairing(p.before(), p.after(), pairings).flips(p.before(),
						p.after());
				return impact(a, "HOLDER_NO_LONGER_QUALIFIES", "被授权医师不再符合条件",
						a.personName() + " 的评估由“" + p.before().statusLabel() + "”变为“" + p.after().statusLabel() + "”",
						flips);
			}
		}
		return null;
	}

	private ScenarioResult.AuthorizationImpact impact(AuthorizationDetails a, String reason, String reasonLabel,
			String explanation, List<ScenarioResult.ClauseFlip> clauses) {
		return new ScenarioResult.AuthorizationImpact(a.id(), a.personId(), a.personName(), a.institutionId(),
				a.institutionName(), a.technology(), a.technologyName(), a.validFrom(), a.validUntil(), reason,
				reasonLabel, explanation, clauses);
	}

	/**
	 * NO_LONGER_STANDS when the verdict becomes NOT_MET, NEEDS_REVIEW when MET becomes
	 * anything but MET, else null.
	 */
	static @Nullable String consequence(@Nullable String before, @Nullable String after) {
		if ("NOT_MET".equals(after) && !"NOT_MET".equals(before)) {
			return "NO_LONGER_STANDS";
		}
		if ("MET".equals(before) && !"MET".equals(after)) {
			return "NEEDS_REVIEW";
		}
		return null;
	}

	private ClausePairing pairing(@Nullable EligibilityReport before, @Nullable EligibilityReport after,
			Map<String, ClausePairing> cache) {
		String from = specKey(before);
		String to = specKey(after);
		if (from == null || to == null || from.equals(to)) {
			return ClausePairing.sameEdition();
		}
		return cache.computeIfAbsent(from + ">" + to, k -> ClausePairing.of(this.specs.diff(from, to)));
	}

	String technologyName(String code) {
		return this.catalog.find(code).map(RestrictedTechnology::name).orElse(code);
	}

	private LocalDate date(String field, @Nullable LocalDate date, LocalDate today) {
		if (date == null) {
			return today;
		}
		if (date.isBefore(today.minusYears(MAX_YEARS_AWAY)) || date.isAfter(today.plusYears(MAX_YEARS_AWAY))) {
			throw new InvalidScenario(field, "日期须在今天前后 " + MAX_YEARS_AWAY + " 年之内");
		}
		return date;
	}

	private static @Nullable String status(@Nullable EligibilityReport report) {
		return report == null ? null : report.status();
	}

	private static String statusLabel(@Nullable EligibilityReport report) {
		return report == null ? "无适用规范" : report.statusLabel();
	}

	private static @Nullable String specKey(@Nullable EligibilityReport report) {
		return report == null ? null : report.specKey();
	}

}
