package cn.rtms.authorization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import cn.rtms.audit.AuditTrail;
import cn.rtms.authorization.AuthorizationDetails.SubTechnique;
import cn.rtms.authorization.domain.Actor;
import cn.rtms.authorization.domain.Authorization;
import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.authorization.domain.AuthorizationTerms;
import cn.rtms.authorization.domain.Authorizations;
import cn.rtms.authorization.domain.GrantOverlap;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.filing.CurrentFiling;
import cn.rtms.filing.FilingQueries;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.SpecificationManagement;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorization use cases: apply or prepare (PENDING), amend a pending record, grant
 * (hospital admin, only when the eligibility verdict today is MET and no other grant of
 * the physician for the technology overlaps), reject and revoke with a reason, list and
 * read within the caller's scope. Every change is audited in the same transaction and
 * checked against the version the caller read.
 */
@Service
@Transactional(readOnly = true)
public class AuthorizationManagement {

	static final String ENTITY = "Authorization";

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.PHYSICIAN,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private final Authorizations authorizations;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final PersonnelManagement people;

	private final InstitutionManagement institutions;

	private final CatalogManagement catalog;

	private final SpecificationManagement specs;

	private final EligibilityManagement eligibility;

	private final FilingQueries filings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuthorizationManagement(Authorizations authorizations, AccessPolicy access, AuditTrail audit,
			PersonnelManagement people, InstitutionManagement institutions, CatalogManagement catalog,
			SpecificationManagement specs, EligibilityManagement eligibility, FilingQueries filings,
			ApplicationEventPublisher events, Clock clock) {
		this.authorizations = authorizations;
		this.access = access;
		this.audit = audit;
		this.people = people;
		this.institutions = institutions;
		this.catalog = catalog;
		this.specs = specs;
		this.eligibility = eligibility;
		this.filings = filings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param institutionId restrict to an institution, or null
	 * @param personId restrict to a physician, or null
	 * @param technology restrict to a technology, or null
	 * @param status restrict to a state (PENDING, GRANTED, REJECTED, REVOKED), or null
	 * @param effective when true, only records effective today
	 * @return the records within the caller's scope, newest first
	 * @throws AccessDenied for roles that may not read authorizations
	 */
	public List<AuthorizationDetails> search(@Nullable UUID institutionId, @Nullable UUID personId,
			@Nullable String technology, @Nullable AuthorizationStatus status, boolean effective) {
		CurrentUser user = this.access.requireRole(READERS);
		UUID person = personId;
		Set<UUID> scope = null;
		if (user.role() == Role.PHYSICIAN) {
			if (person != null && !person.equals(user.personId())) {
				return List.of();
			}
			person = user.personId();
			if (person == null) {
				return List.of();
			}
		}
		else if (user.role() == Role.HOSPITAL_CLERK || user.role() == Role.HOSPITAL_ADMIN) {
			scope = user.institutionId() == null ? Set.of() : Set.of(user.institutionId());
		}
		else if (user.role() != Role.SYSTEM_ADMIN) {
			scope = institutionsInRegion(user);
		}
		if (institutionId != null) {
			if (scope != null && !scope.contains(institutionId)) {
				return List.of();
			}
			scope = Set.of(institutionId);
		}
		LocalDate today = LocalDate.now(this.clock);
		Names names = new Names();
		return this.authorizations.search(scope, person, technology, status)
			.stream()
			.filter(a -> !effective || a.effectiveOn(today))
			.map(a -> details(a, user, names))
			.toList();
	}

	/**
	 * @param id record id
	 * @return the record
	 * @throws AuthorizationNotFound when there is none
	 * @throws AccessDenied when it is outside the caller's scope
	 */
	public AuthorizationDetails get(UUID id) {
		CurrentUser user = this.access.requireRole(READERS);
		Authorization authorization = load(id);
		if (!canRead(user, authorization)) {
			throw new AccessDenied("无权查看该授权记录（仅本机构、本人或辖区卫生健康行政部门可查看）");
		}
		return details(authorization, user, new Names());
	}

	/**
	 * Creates a PENDING record: a physician's own application or one prepared by the
	 * clerk/admin of the physician's institution.
	 * @param personId the physician
	 * @param terms technology, sub-techniques, validity, note
	 * @return the record
	 * @throws AccessDenied for other roles, another institution's physician, or a
	 * physician applying for someone else
	 * @throws InvalidAuthorization when the person or the terms break a rule
	 */
	@Transactional
	public AuthorizationDetails create(UUID personId, AuthorizationTerms terms) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.PHYSICIAN);
		if (user.role() == Role.PHYSICIAN && !personId.equals(user.personId())) {
			throw new AccessDenied("医师只能为本人申请授权");
		}
		PersonDetails person = this.people.get(personId);
		UUID institutionId = person.institutionId();
		if (user.role() != Role.PHYSICIAN && (institutionId == null || !institutionId.equals(user.institutionId()))) {
			throw new AccessDenied("只能为本机构执业注册的医师办理授权");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!person.roles().contains(StaffRole.PHYSICIAN)) {
			problems.add(new FieldProblem("personId", person.name() + " 不是医师，不能授予限制类技术"));
		}
		if (institutionId == null) {
			problems.add(new FieldProblem("personId", person.name() + " 未在任何医疗机构执业注册"));
		}
		validate(terms, institutionId, problems);
		if (!problems.isEmpty() || institutionId == null) {
			throw new InvalidAuthorization(problems);
		}
		Authorization authorization = Authorization.apply(personId, institutionId, normalized(terms), actor(user),
				Instant.now(this.clock));
		this.authorizations.save(authorization);
		this.audit.record("AUTHORIZATION_CREATED", ENTITY, authorization.id().toString(), null,
				authorization.snapshot());
		return reload(authorization.id(), user);
	}

	/**
	 * Changes a PENDING record's terms.
	 * @param id record id
	 * @param version the version the caller read
	 * @param terms the new terms (same person)
	 * @return the record
	 * @throws AccessDenied unless the clerk/admin of its institution, or the physician
	 * who applied
	 * @throws cn.rtms.authorization.domain.AuthorizationNotEditable unless PENDING
	 * @throws ConcurrentModification when the version is stale
	 */
	@Transactional
	public AuthorizationDetails update(UUID id, int version, AuthorizationTerms terms) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.PHYSICIAN);
		Authorization authorization = load(id);
		if (!canEdit(user, authorization)) {
			throw new AccessDenied("无权修改该授权记录");
		}
		checkVersion(authorization, version);
		Authorization.Snapshot before = authorization.snapshot();
		List<FieldProblem> problems = new ArrayList<>();
		validate(terms, authorization.institutionId(), problems);
		authorization.checkEditable();
		if (!problems.isEmpty()) {
			throw new InvalidAuthorization(problems);
		}
		authorization.amend(normalized(terms));
		save(authorization);
		this.audit.record("AUTHORIZATION_UPDATED", ENTITY, id.toString(), before, authorization.snapshot());
		return reload(id, user);
	}

	/**
	 * Grants a PENDING record.
	 * @param id record id
	 * @param version the version the caller read
	 * @return the record, GRANTED
	 * @throws AccessDenied unless the hospital admin of its institution
	 * @throws PhysicianNotOnStaff when the physician no longer practises at the
	 * institution
	 * @throws NoFiling unless the institution's filing of the technology is self-assessed
	 * or later and neither rejected, revoked nor suspended
	 * @throws NotEligible when the physician's eligibility verdict today is not MET
	 * @throws AuthorizationConflict when another grant for the physician and technology
	 * overlaps
	 * @throws ConcurrentModification when the version is stale
	 */
	@Transactional
	public AuthorizationDetails grant(UUID id, int version) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		Authorization authorization = loadForDecision(id, user, version);
		authorization.checkGrantable();
		if (!authorization.institutionId().equals(this.people.institutionOf(authorization.personId()))) {
			throw new PhysicianNotOnStaff(
					Objects.requireNonNullElse(this.people.nameOf(authorization.personId()), "该医师"));
		}
		String technology = authorization.terms().technology();
		CurrentFiling filing = this.filings.currentFiling(authorization.institutionId(), technology).orElse(null);
		if (filing == null || !filing.underwayOrInForce()) {
			throw new NoFiling(technology, technologyName(technology), filing);
		}
		Optional<Authorization> conflicting = this.authorizations.granted(authorization.personId(), technology)
			.stream()
			.filter(authorization::conflictsWith)
			.findFirst();
		if (conflicting.isPresent()) {
			Authorization other = conflicting.get();
			throw new AuthorizationConflict(technology, other.id(),
					"该医师已有 " + technology + " 的授权（" + other.terms().validFrom() + " 至 " + other.terms().validUntil()
							+ "），有效期与本申请重叠；同一医师同一技术同一时间只能有一项有效授权，如需变更请先撤销原授权");
		}
		EligibilityReport report = this.eligibility.personReport(authorization.personId(), technology,
				LocalDate.now(this.clock));
		if (!"MET".equals(report.status())) {
			throw new NotEligible(report);
		}
		Authorization.Snapshot before = authorization.snapshot();
		authorization.grant(actor(user), Instant.now(this.clock), report.specKey(), report.status());
		try {
			save(authorization);
		}
		catch (GrantOverlap ex) {
			throw new AuthorizationConflict(technology, null, "该医师的 " + technology + " 授权刚被他人批准，有效期与本申请重叠，请刷新后查看");
		}
		this.audit.record("AUTHORIZATION_GRANTED", ENTITY, id.toString(), before, authorization.snapshot());
		publish(authorization);
		return reload(id, user);
	}

	/**
	 * Rejects a PENDING record.
	 * @param id record id
	 * @param version the version the caller read
	 * @param reason why
	 * @return the record, REJECTED
	 * @throws AccessDenied unless the hospital admin of its institution
	 * @throws ConcurrentModification when the version is stale
	 */
	@Transactional
	public AuthorizationDetails reject(UUID id, int version, String reason) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		Authorization authorization = loadForDecision(id, user, version);
		Authorization.Snapshot before = authorization.snapshot();
		authorization.reject(actor(user), Instant.now(this.clock), reason);
		save(authorization);
		this.audit.record("AUTHORIZATION_REJECTED", ENTITY, id.toString(), before, authorization.snapshot());
		publish(authorization);
		return reload(id, user);
	}

	/**
	 * Revokes a GRANTED record.
	 * @param id record id
	 * @param version the version the caller read
	 * @param reason why
	 * @return the record, REVOKED
	 * @throws AccessDenied unless the hospital admin of its institution
	 * @throws ConcurrentModification when the version is stale
	 */
	@Transactional
	public AuthorizationDetails revoke(UUID id, int version, String reason) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		Authorization authorization = loadForDecision(id, user, version);
		Authorization.Snapshot before = authorization.snapshot();
		authorization.revoke(actor(user), Instant.now(this.clock), reason);
		save(authorization);
		this.audit.record("AUTHORIZATION_REVOKED", ENTITY, id.toString(), before, authorization.snapshot());
		publish(authorization);
		return reload(id, user);
	}

	/**
	 * The institution's filing of a technology was revoked: the system revokes the
	 * institution's grants of it that have not expired, with the reason "备案已撤销（day）".
	 * @param institutionId the institution
	 * @param technology technology code
	 * @param revokedOn the day the filing was revoked
	 * @return how many grants were revoked (none when the event is delivered again)
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	int revokeForRevokedFiling(UUID institutionId, String technology, LocalDate revokedOn) {
		return revokeBySystem(
				this.authorizations.search(Set.of(institutionId), null, technology, AuthorizationStatus.GRANTED),
				"备案已撤销（" + revokedOn + "）");
	}

	/**
	 * The authority decided not to register (不予备案) the institution's filing of a
	 * technology: the system revokes the institution's grants of it that have not expired
	 * (made while the filing was underway), with the reason "备案未予通过（day）". A new filing
	 * needs new grants.
	 * @param institutionId the institution
	 * @param technology technology code
	 * @param rejectedOn the day of the decision
	 * @return how many grants were revoked (none when the event is delivered again)
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	int revokeForRejectedFiling(UUID institutionId, String technology, LocalDate rejectedOn) {
		return revokeBySystem(
				this.authorizations.search(Set.of(institutionId), null, technology, AuthorizationStatus.GRANTED),
				"备案未予通过（不予备案，" + rejectedOn + "）");
	}

	/**
	 * A physician left an institution: the system revokes his grants there that have not
	 * expired, with the reason "医师已离开本机构（day）".
	 * @param personId the physician
	 * @param institutionId the institution he left
	 * @param leftOn the day he left
	 * @return how many grants were revoked (none when the event is delivered again)
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	int revokeForDeparture(UUID personId, UUID institutionId, LocalDate leftOn) {
		return revokeBySystem(
				this.authorizations.search(Set.of(institutionId), personId, null, AuthorizationStatus.GRANTED),
				"医师已离开本机构（" + leftOn + "）");
	}

	/**
	 * A physician left an institution: the system rejects his applications there still
	 * PENDING, with the reason "医师已离开本机构（day）", audited and published like a hospital's
	 * rejection (a grant could no longer be made: {@link #grant} refuses it).
	 * @param personId the physician
	 * @param institutionId the institution he left
	 * @param leftOn the day he left
	 * @return how many applications were rejected (none when the event is delivered
	 * again)
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	int rejectPendingForDeparture(UUID personId, UUID institutionId, LocalDate leftOn) {
		CurrentUser user = this.access.requireRole(Role.SYSTEM_ADMIN);
		return changeBySystem(
				this.authorizations.search(Set.of(institutionId), personId, null, AuthorizationStatus.PENDING),
				(a) -> a.status() == AuthorizationStatus.PENDING, "AUTHORIZATION_REJECTED",
				(a) -> a.reject(actor(user), Instant.now(this.clock), "医师已离开本机构（" + leftOn + "）"));
	}

	/**
	 * Revokes each GRANTED record that has not expired as the system, audited and
	 * published like a hospital's revocation.
	 */
	private int revokeBySystem(List<Authorization> granted, String reason) {
		CurrentUser user = this.access.requireRole(Role.SYSTEM_ADMIN);
		LocalDate today = LocalDate.now(this.clock);
		return changeBySystem(granted,
				(a) -> a.status() == AuthorizationStatus.GRANTED && !a.terms().validUntil().isBefore(today),
				"AUTHORIZATION_REVOKED", (a) -> a.revoke(actor(user), Instant.now(this.clock), reason, true));
	}

	/**
	 * Applies a change of the system to each record that still needs it, audited and
	 * published. A record someone else changed meanwhile is read again and changed only
	 * if it still needs it, so a re-delivered event changes and audits nothing twice.
	 * @return how many records were changed
	 */
	private int changeBySystem(List<Authorization> candidates, Predicate<Authorization> needs, String action,
			Consumer<Authorization> change) {
		int changed = 0;
		for (Authorization candidate : candidates) {
			Authorization authorization = candidate;
			while (needs.test(authorization)) {
				Authorization.Snapshot before = authorization.snapshot();
				change.accept(authorization);
				if (this.authorizations.save(authorization)) {
					this.audit.record(action, ENTITY, authorization.id().toString(), before, authorization.snapshot());
					publish(authorization);
					changed++;
					break;
				}
				authorization = load(authorization.id());
			}
		}
		return changed;
	}

	/**
	 * @param institutionIds institutions, or null for all
	 * @param personId a physician, or null
	 * @return GRANTED records (any validity) of these institutions or this physician,
	 * unscoped: the caller checks
	 */
	List<AuthorizationDetails> grantedUnscoped(@Nullable Set<UUID> institutionIds, @Nullable UUID personId,
			CurrentUser user) {
		Names names = new Names();
		return this.authorizations.search(institutionIds, personId, null, AuthorizationStatus.GRANTED)
			.stream()
			.map(a -> details(a, user, names))
			.toList();
	}

	Set<UUID> institutionsInRegion(CurrentUser user) {
		Set<UUID> ids = new HashSet<>();
		for (InstitutionDetails institution : this.institutions.all()) {
			if (institution.id() != null && this.access.coversRegion(user, institution.regionCode())) {
				ids.add(institution.id());
			}
		}
		return ids;
	}

	private Authorization loadForDecision(UUID id, CurrentUser user, int version) {
		Authorization authorization = load(id);
		if (!authorization.institutionId().equals(user.institutionId())) {
			throw new AccessDenied("只能审批本机构的授权记录");
		}
		checkVersion(authorization, version);
		return authorization;
	}

	private Authorization load(UUID id) {
		return this.authorizations.find(id).orElseThrow(() -> new AuthorizationNotFound(id));
	}

	private static void checkVersion(Authorization authorization, int version) {
		if (authorization.version() != version) {
			throw new ConcurrentModification(authorization.id());
		}
	}

	private void save(Authorization authorization) {
		if (!this.authorizations.save(authorization)) {
			throw new ConcurrentModification(authorization.id());
		}
	}

	private void publish(Authorization authorization) {
		authorization.takeEvents().forEach(this.events::publishEvent);
	}

	private AuthorizationDetails reload(UUID id, CurrentUser user) {
		return details(load(id), user, new Names());
	}

	private void validate(AuthorizationTerms terms, @Nullable UUID institutionId, List<FieldProblem> problems) {
		LocalDate today = LocalDate.now(this.clock);
		Optional<RestrictedTechnology> technology = this.catalog.find(terms.technology());
		if (technology.isEmpty()) {
			problems.add(new FieldProblem("technology", "未知的技术代码 “" + terms.technology() + "”"));
		}
		else if (!terms.subTechniques().isEmpty()) {
			String region = institutionId == null ? null : this.institutions.get(institutionId).regionCode();
			Map<String, String> known = this.specs.subTechniquesInForce(terms.technology(), today, region);
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < terms.subTechniques().size(); i++) {
				String code = terms.subTechniques().get(i);
				if (!known.containsKey(code)) {
					problems.add(new FieldProblem("subTechniques[" + i + "]", "子技术 “" + code + "” 不属于 "
							+ terms.technology() + " 现行管理规范"
							+ (known.isEmpty() ? "（该规范未划分子技术）" : "（可选：" + String.join("、", known.keySet()) + "）")));
				}
				else if (!seen.add(code)) {
					problems.add(new FieldProblem("subTechniques[" + i + "]", "子技术 “" + code + "” 重复"));
				}
			}
		}
		if (terms.validUntil().isBefore(today)) {
			problems.add(new FieldProblem("validUntil", "有效期截止日 " + terms.validUntil() + " 早于今天"));
		}
	}

	private String technologyName(String code) {
		return this.catalog.find(code).map(RestrictedTechnology::name).orElse(code);
	}

	private static AuthorizationTerms normalized(AuthorizationTerms terms) {
		String note = terms.note() == null || terms.note().isBlank() ? null : terms.note().strip();
		return new AuthorizationTerms(terms.technology(), terms.subTechniques(), terms.validFrom(), terms.validUntil(),
				note);
	}

	private static Actor actor(CurrentUser user) {
		return new Actor(user.username(), user.displayName());
	}

	private boolean canRead(CurrentUser user, Authorization authorization) {
		return switch (user.role()) {
			case PHYSICIAN -> authorization.personId().equals(user.personId());
			case HOSPITAL_CLERK, HOSPITAL_ADMIN -> authorization.institutionId().equals(user.institutionId());
			case COUNTY_AUTHORITY, CITY_AUTHORITY, PROVINCE_AUTHORITY, SYSTEM_ADMIN ->
				this.access.coversRegion(user, this.institutions.get(authorization.institutionId()).regionCode());
			default -> false;
		};
	}

	private static boolean canEdit(CurrentUser user, Authorization authorization) {
		return switch (user.role()) {
			case PHYSICIAN -> authorization.personId().equals(user.personId())
					&& authorization.createdBy().username().equals(user.username());
			case HOSPITAL_CLERK, HOSPITAL_ADMIN -> authorization.institutionId().equals(user.institutionId());
			default -> false;
		};
	}

	private static List<String> actions(CurrentUser user, Authorization authorization) {
		List<String> actions = new ArrayList<>();
		boolean admin = user.role() == Role.HOSPITAL_ADMIN
				&& authorization.institutionId().equals(user.institutionId());
		switch (authorization.status()) {
			case PENDING -> {
				if (canEdit(user, authorization)) {
					actions.add("EDIT");
				}
				if (admin) {
					actions.add("GRANT");
					actions.add("REJECT");
				}
			}
			case GRANTED -> {
				if (admin) {
					actions.add("REVOKE");
				}
			}
			default -> {
			}
		}
		return actions;
	}

	private AuthorizationDetails details(Authorization authorization, CurrentUser user, Names names) {
		Authorization.Snapshot s = authorization.snapshot();
		LocalDate today = LocalDate.now(this.clock);
		String validity = null;
		if (s.status() == AuthorizationStatus.GRANTED) {
			validity = today.isBefore(s.terms().validFrom()) ? "未到生效日期"
					: today.isAfter(s.terms().validUntil()) ? "已过期" : "生效中";
		}
		String region = names.institution(s.institutionId()).regionCode();
		Map<String, String> subNames = s.terms().subTechniques().isEmpty() ? Map.of() : this.specs.subTechniquesInForce(
				s.terms().technology(), s.terms().validFrom().isAfter(today) ? s.terms().validFrom() : today, region);
		List<SubTechnique> subs = s.terms()
			.subTechniques()
			.stream()
			.map(code -> new SubTechnique(code, subNames.getOrDefault(code, code)))
			.toList();
		return new AuthorizationDetails(s.id(), s.personId(), names.person(s.personId()), s.institutionId(),
				names.institution(s.institutionId()).name(), s.terms().technology(),
				names.technology(s.terms().technology()), subs, s.terms().validFrom(), s.terms().validUntil(),
				s.terms().note(), s.status().name(), s.status().label(), authorization.effectiveOn(today), validity,
				s.createdBy().username(), s.createdBy().displayName(), s.createdAt(),
				s.decidedBy() == null ? null : s.decidedBy().username(),
				s.decidedBy() == null ? null : s.decidedBy().displayName(), s.decidedAt(), s.rejectionReason(),
				s.eligibilitySpecKey(), s.eligibilityStatus(), s.revokedBy() == null ? null : s.revokedBy().username(),
				s.revokedBy() == null ? null : s.revokedBy().displayName(), s.revokedAt(), s.revocationReason(),
				s.version(), actions(user, authorization));
	}

	private record InstitutionRef(String name, @Nullable String regionCode) {
	}

	/** Per-call cache of names looked up in other modules. */
	private final class Names {

		// Lookups without the people's and institutions' own scope checks: the caller's
		// right to the authorization is checked already, and a physician who has left (on
		// no institution's staff) is outside every hospital's person scope while the
		// authorization his hospital granted stays its own.
		private final Map<UUID, String> people = new java.util.HashMap<>();

		private final Map<UUID, InstitutionRef> institutionsById = new java.util.HashMap<>();

		private final Map<String, String> technologies = new java.util.HashMap<>();

		String person(UUID id) {
			return this.people.computeIfAbsent(id,
					k -> java.util.Objects.requireNonNullElse(AuthorizationManagement.this.people.nameOf(k), ""));
		}

		InstitutionRef institution(UUID id) {
			return this.institutionsById.computeIfAbsent(id,
					k -> new InstitutionRef(java.util.Objects
						.requireNonNullElse(AuthorizationManagement.this.institutions.nameOf(k), ""),
							AuthorizationManagement.this.institutions.regionCodeOf(k)));
		}

		String technology(String code) {
			return this.technologies.computeIfAbsent(code,
					k -> AuthorizationManagement.this.catalog.find(k).map(RestrictedTechnology::name).orElse(k));
		}

	}

	/**
	 * Every grant ever made (granted or later revoked), for the case registry's
	 * practice-rights view and the order-entry check. Not restricted to the current user.
	 * @return one period per granted record
	 */
	@Transactional(readOnly = true)
	public List<GrantPeriod> grantPeriods() {
		return this.authorizations.search(null, null, null, null)
			.stream()
			.map(Authorization::snapshot)
			.filter(s -> s.status() == AuthorizationStatus.GRANTED
					|| (s.status() == AuthorizationStatus.REVOKED && s.decidedAt() != null))
			.map(s -> {
				Instant revokedAt = s.revokedAt();
				return new GrantPeriod(s.id(), s.personId(), s.institutionId(), s.terms().technology(),
						s.terms().subTechniques(), s.terms().validFrom(), s.terms().validUntil(),
						revokedAt == null ? null : LocalDate.ofInstant(revokedAt, this.clock.getZone()));
			})
			.toList();
	}

}
