package cn.rtms.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.EditHistory;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Confirmation;
import cn.rtms.identity.ConfirmationKind;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails.AdverseEvent;
import cn.rtms.personnel.PersonDetails.CaseVolume;
import cn.rtms.personnel.PersonDetails.OperatorVolume;
import cn.rtms.personnel.PersonDetails.PhysicianLicence;
import cn.rtms.personnel.PersonDetails.Specialty;
import cn.rtms.personnel.PersonDetails.TitleRecord;
import cn.rtms.personnel.PersonDetails.TrainingRecord;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's use cases: list, view, create and edit physicians and other staff. Every
 * record is checked for impossible dates (future dates, a title before the licence,
 * titles out of rank order, clinical work before adulthood) and unknown technology codes;
 * a failing record is refused whole with every problem named. Data scope (see
 * {@link AccessPolicy}): physicians see only themselves, everybody else the people of the
 * institutions they may see; only the institution's hospital clerk/admin and the system
 * admin write. Out-of-scope ids are refused with 403. Bulk methods ({@link #all()},
 * {@link #atInstitution}, {@link #registeredAt}, {@link #count()}) check nothing (system
 * tasks, eligibility of an institution already checked).
 */
@Service
@Transactional(readOnly = true)
public class PersonnelManagement {

	private final People people;

	private final InstitutionManagement institutions;

	private final CatalogManagement catalog;

	private final Clock clock;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final EditHistory history;

	PersonnelManagement(People people, InstitutionManagement institutions, CatalogManagement catalog, Clock clock,
			IdentityManagement identity, AccessPolicy access, AuditTrail audit, ApplicationEventPublisher events,
			EditHistory history) {
		this.history = history;
		this.audit = audit;
		this.events = events;
		this.people = people;
		this.institutions = institutions;
		this.catalog = catalog;
		this.clock = clock;
		this.identity = identity;
		this.access = access;
	}

	/**
	 * Reference lookup without scope check, for modules that check scope themselves (a
	 * hospital's authorization of a physician who has since left names him).
	 * @param id person id
	 * @return the name, null when there is no such person
	 */
	@Transactional(readOnly = true)
	public @Nullable String nameOf(UUID id) {
		return this.people.find(id).map(PersonDetails::name).orElse(null);
	}

	/**
	 * Reference lookup without scope check, for modules that check scope themselves (a
	 * hospital about to grant a pending authorization asks whether the physician still
	 * practises there, without learning where else he does).
	 * @param id person id
	 * @return the institution the person practises at, null when none or no such person
	 */
	@Transactional(readOnly = true)
	public @Nullable UUID institutionOf(UUID id) {
		return this.people.find(id).map(PersonDetails::institutionId).orElse(null);
	}

	/**
	 * @param id person id
	 * @return the record
	 * @throws PersonNotFound when there is none
	 * @throws AccessDenied when the person is outside the current user's scope
	 */
	public PersonDetails get(UUID id) {
		PersonDetails person = this.people.find(id).orElseThrow(() -> new PersonNotFound(id));
		UUID inst = person.institutionId();
		this.access.checkPerson(id, inst, inst == null ? null : this.institutions.regionCodeOf(inst));
		return withInstitutionName(person);
	}

	/**
	 * @param institutionId an institution
	 * @return the people registered there
	 */
	public List<PersonDetails> atInstitution(UUID institutionId) {
		return this.people.findByInstitution(institutionId);
	}

	/**
	 * Lookup without scope check, for modules that match names written in an
	 * institution's own records (the 术者 of its discharge abstracts): people whose 医师执业证书
	 * is registered there (执业注册机构), whichever staff list they are on, or none (a
	 * physician who has left keeps the registration on the record until it is edited).
	 * @param institutionId an institution
	 * @return the people whose licence names it
	 */
	public List<PersonDetails> registeredAt(UUID institutionId) {
		return this.people.findByRegisteredInstitution(institutionId);
	}

	/**
	 * Revision lookup without scope check, for modules that cache what they derive from
	 * an institution's staff.
	 * @param institutionId an institution
	 * @return a digest that changes whenever a person there is added, edited, moved away
	 * or deleted
	 */
	public String staffRevision(UUID institutionId) {
		return this.people.staffRevision(institutionId);
	}

	/**
	 * @return everyone, for bulk evaluation
	 */
	public List<PersonDetails> all() {
		return this.people.findAll();
	}

	/**
	 * @return how many people exist
	 */
	public long count() {
		return this.people.count();
	}

	/**
	 * @param institutionId restrict to an institution, or null
	 * @param query part of the name, or null
	 * @param role restrict to a role, or null
	 * @return matching people within the current user's scope (at most 1000)
	 * @throws AccessDenied when {@code institutionId} is outside the current user's scope
	 */
	public List<PersonSummary> search(@Nullable UUID institutionId, @Nullable String query, @Nullable StaffRole role) {
		CurrentUser user = this.identity.currentUser();
		List<UUID> scope = null;
		if (institutionId != null && user.role() != Role.SYSTEM_ADMIN) {
			this.institutions.get(institutionId);
		}
		else if (user.role() != Role.SYSTEM_ADMIN) {
			scope = this.institutions.search(null, null).stream().map(InstitutionSummary::id).toList();
		}
		return this.people.search(institutionId, scope, query == null || query.isBlank() ? null : query.strip(), role)
			.stream()
			.filter(p -> user.role() != Role.PHYSICIAN || p.id().equals(user.personId()))
			.map(p -> {
				Title current = currentTitle(p);
				UUID inst = p.institutionId();
				return new PersonSummary(p.id(), p.name(), p.roles(), inst, inst == null ? null : institutionName(inst),
						current, current == null ? null : current.label());
			})
			.toList();
	}

	/**
	 * Creates a person.
	 * @param details the record (id ignored)
	 * @return the saved record
	 * @throws InvalidPerson when the record breaks a rule
	 * @throws AccessDenied unless the current user may write the person's institution
	 * (system admin only for a person without institution)
	 */
	@Transactional
	public PersonDetails create(PersonDetails details) {
		checkWrite(details.institutionId());
		validate(details, null);
		UUID id = UUID.randomUUID();
		this.people.insert(id, details);
		PersonDetails created = get(id);
		this.audit.record("PERSON_CREATED", "Person", id.toString(), null, created);
		this.events.publishEvent(new PersonChanged(id, created.institutionId(), null));
		return created;
	}

	/**
	 * Replaces a person's record.
	 * @param id person id
	 * @param details the new record
	 * @return the saved record
	 * @throws PersonNotFound when there is none
	 * @throws InvalidPerson when the record breaks a rule
	 * @throws AccessDenied unless the current user may write both the person's current
	 * and new institution
	 * @throws cn.rtms.audit.StaleEdit when the record changed since the version the edit
	 * is based on (400 {@code VERSION_REQUIRED} when none is given)
	 */
	@Transactional
	public PersonDetails update(UUID id, PersonDetails details) {
		PersonDetails existing = get(id);
		checkWrite(existing.institutionId());
		if (!Objects.equals(details.institutionId(), existing.institutionId())) {
			// a move, or taking the person off any institution (system administrator
			// only: a
			// hospital ends a departure through PersonDepartures, which also disables
			// accounts)
			checkWrite(details.institutionId());
		}
		Integer base = details.version();
		this.history.check("Person", id.toString(), "人员", base, Objects.requireNonNull(existing.version()));
		validate(details, id);
		if (!this.people.update(id, details, Objects.requireNonNull(base))) {
			PersonDetails current = this.people.find(id).orElseThrow(() -> new PersonNotFound(id));
			throw this.history.stale("Person", id.toString(), "人员", base, Objects.requireNonNull(current.version()));
		}
		PersonDetails after = get(id);
		this.audit.record("PERSON_UPDATED", "Person", id.toString(), existing, after);
		this.events.publishEvent(new PersonChanged(id, after.institutionId(),
				Objects.equals(existing.institutionId(), after.institutionId()) ? null : existing.institutionId()));
		return after;
	}

	/**
	 * Records a person-level clause confirmation by the current user at server time; what
	 * it is worth follows from who makes it, as for institutions
	 * ({@link AccessPolicy#confirmationKind}, for the person's institution; a person
	 * without institution only by the system admin). A newer confirmation of the same
	 * clause and kind replaces the older one.
	 * @param id person id
	 * @param clause citation
	 * @param evidence the evidence seen or declared
	 * @return the person with their confirmations
	 * @throws AccessDenied when the current user may not confirm
	 * @throws InvalidPerson when clause or evidence is blank or too long
	 */
	@Transactional
	public PersonDetails confirm(UUID id, String clause, String evidence) {
		this.people.lockConfirmations(id);
		PersonDetails before = get(id);
		ConfirmationKind kind = confirmationKind(before);
		checkConfirmation(clause, evidence);
		Confirmation confirmation = Confirmation.by(this.identity.currentUser(), kind, clause, evidence,
				this.clock.instant(), LocalDate.now(this.clock));
		Confirmation.Added added = confirmation.addTo(confirmations(before));
		return saveConfirmations(before, added.all(), "ATTESTATION_RECORDED", added.replaced(), confirmation);
	}

	/**
	 * Withdraws a person-level clause confirmation (see
	 * {@link AccessPolicy#checkWithdrawConfirmation}).
	 * @param id person id
	 * @param confirmationId the confirmation
	 * @return the person with the remaining confirmations
	 * @throws PersonNotFound when the person or the confirmation does not exist
	 * @throws AccessDenied when the current user may not withdraw it
	 */
	@Transactional
	public PersonDetails withdrawConfirmation(UUID id, UUID confirmationId) {
		this.people.lockConfirmations(id);
		PersonDetails before = get(id);
		List<Confirmation> all = new ArrayList<>(confirmations(before));
		Confirmation withdrawn = all.stream()
			.filter(c -> c.id().equals(confirmationId))
			.findFirst()
			.orElseThrow(() -> new PersonNotFound(id));
		UUID inst = before.institutionId();
		if (inst == null) {
			confirmationKind(before);
		}
		else {
			this.access.checkWithdrawConfirmation(withdrawn.kind(), inst, this.institutions.regionCodeOf(inst));
		}
		all.remove(withdrawn);
		return saveConfirmations(before, all, "ATTESTATION_WITHDRAWN", withdrawn, null);
	}

	/**
	 * Loads review confirmations from seed data; only a system task may.
	 * @param id person id
	 * @param confirmations confirmations made with {@link Confirmation#imported}
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	public void importConfirmations(UUID id, List<Confirmation> confirmations) {
		if (!IdentityManagement.SYSTEM_ID.equals(this.identity.currentUser().id())) {
			throw new AccessDenied("仅系统任务可导入确认记录");
		}
		this.people.lockConfirmations(id);
		PersonDetails before = this.people.find(id).orElseThrow(() -> new PersonNotFound(id));
		List<Confirmation> all = new ArrayList<>(confirmations(before));
		all.addAll(confirmations);
		saveConfirmations(before, all, "ATTESTATIONS_IMPORTED", null, confirmations);
	}

	private ConfirmationKind confirmationKind(PersonDetails person) {
		UUID inst = person.institutionId();
		if (inst == null) {
			if (!this.identity.currentUser().hasRole(Role.SYSTEM_ADMIN)) {
				throw new AccessDenied("无权确认未关联医疗机构人员的条款（仅系统管理员）");
			}
			return ConfirmationKind.REVIEW;
		}
		return this.access.confirmationKind(inst, this.institutions.regionCodeOf(inst));
	}

	private static List<Confirmation> confirmations(PersonDetails p) {
		return p.attestations() == null ? List.of() : p.attestations();
	}

	private PersonDetails saveConfirmations(PersonDetails person, List<Confirmation> all, String action,
			@Nullable Object before, @Nullable Object after) {
		UUID id = Objects.requireNonNull(person.id());
		this.people.saveAttestations(id, all);
		this.audit.record(action, "Person", id.toString(), before, after);
		this.events.publishEvent(new PersonChanged(id, person.institutionId(), null));
		return withInstitutionName(this.people.find(id).orElseThrow(() -> new PersonNotFound(id)));
	}

	private static void checkConfirmation(@Nullable String clause, @Nullable String evidence) {
		List<FieldProblem> problems = new ArrayList<>();
		if (clause == null || clause.isBlank()) {
			problems.add(new FieldProblem("clause", "条款引用不能为空"));
		}
		else if (clause.strip().length() > Confirmation.MAX_CLAUSE) {
			problems.add(new FieldProblem("clause", "条款引用不能超过 " + Confirmation.MAX_CLAUSE + " 个字"));
		}
		if (evidence == null || evidence.isBlank()) {
			problems.add(new FieldProblem("evidence", "证明材料不能为空"));
		}
		else if (evidence.strip().length() > Confirmation.MAX_EVIDENCE) {
			problems.add(new FieldProblem("evidence", "证明材料不能超过 " + Confirmation.MAX_EVIDENCE + " 个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPerson(problems);
		}
	}

	private void checkWrite(@Nullable UUID institutionId) {
		if (institutionId == null) {
			if (!this.identity.currentUser().hasRole(Role.SYSTEM_ADMIN)) {
				throw new AccessDenied("无权维护未关联医疗机构的人员（仅系统管理员可维护）");
			}
			return;
		}
		if (!this.access.canWriteInstitution(institutionId)) {
			throw new AccessDenied("无权维护该医疗机构的人员（仅本机构医务科、医院管理员或系统管理员可维护）");
		}
	}

	private static @Nullable Title currentTitle(PersonDetails p) {
		List<TitleRecord> titles = p.titles();
		if (titles == null || titles.isEmpty()) {
			return null;
		}
		return titles.stream().map(TitleRecord::title).max(Comparator.naturalOrder()).orElse(null);
	}

	private @Nullable String institutionName(UUID id) {
		return this.institutions.nameOf(id);
	}

	private PersonDetails withInstitutionName(PersonDetails p) {
		UUID inst = p.institutionId();
		PhysicianLicence licence = p.licence();
		UUID registeredId = licence == null ? null : licence.registeredInstitutionId();
		if (licence != null && registeredId != null) {
			licence = new PhysicianLicence(licence.number(), licence.issuedOn(), licence.scopes(), registeredId,
					institutionName(registeredId));
		}
		return new PersonDetails(p.id(), p.name(), p.gender(), p.birthDate(), p.roles(), inst,
				inst == null ? null : institutionName(inst), licence, p.titles(), p.clinicalStart(), p.specialties(),
				p.trainings(), p.caseVolumes(), p.adverseEvents(), p.attestations(), p.operatorVolumes(), p.version());
	}

	private void validate(PersonDetails p, @Nullable UUID id) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		Set<String> codes = this.catalog.codes();
		UUID inst = p.institutionId();
		if (inst != null && institutionName(inst) == null) {
			problems.add(new FieldProblem("institutionId", "执业注册机构 " + inst + " 不存在"));
		}
		LocalDate birth = p.birthDate();
		future("birthDate", "出生日期", birth, today, problems);
		PhysicianLicence licence = p.licence();
		if (licence != null) {
			future("licence.issuedOn", "执业证书发证日期", licence.issuedOn(), today, problems);
			if (birth != null && licence.issuedOn().isBefore(birth.plusYears(18))) {
				problems.add(new FieldProblem("licence.issuedOn", "执业证书发证日期 " + licence.issuedOn() + " 早于年满 18 周岁"));
			}
			UUID registeredId = licence.registeredInstitutionId();
			if (registeredId != null && institutionName(registeredId) == null) {
				problems.add(new FieldProblem("licence.registeredInstitutionId", "执业注册机构 " + registeredId + " 不存在"));
			}
			if (this.people.licenceTaken(licence.number(), id)) {
				problems.add(new FieldProblem("licence.number", "执业证书编码 " + licence.number() + " 已被其他人员使用"));
			}
		}
		LocalDate clinicalStart = p.clinicalStart();
		future("clinicalStart", "临床工作开始日期", clinicalStart, today, problems);
		if (birth != null && clinicalStart != null && clinicalStart.isBefore(birth.plusYears(18))) {
			problems.add(new FieldProblem("clinicalStart", "临床工作开始日期 " + clinicalStart + " 早于年满 18 周岁"));
		}
		List<TitleRecord> titles = p.titles();
		if (titles != null) {
			List<TitleRecord> ordered = new ArrayList<>(titles);
			for (int i = 0; i < titles.size(); i++) {
				TitleRecord t = titles.get(i);
				String field = "titles[" + i + "].since";
				future(field, t.title().label() + "取得日期", t.since(), today, problems);
				if (licence != null && t.since().isBefore(licence.issuedOn())) {
					problems.add(new FieldProblem(field,
							t.title().label() + "取得日期 " + t.since() + " 早于执业证书发证日期 " + licence.issuedOn()));
				}
				if (clinicalStart != null && t.since().isBefore(clinicalStart)) {
					problems.add(new FieldProblem(field,
							t.title().label() + "取得日期 " + t.since() + " 早于临床工作开始日期 " + clinicalStart));
				}
			}
			ordered.sort(Comparator.comparing(TitleRecord::title));
			for (int i = 1; i < ordered.size(); i++) {
				TitleRecord lower = ordered.get(i - 1);
				TitleRecord higher = ordered.get(i);
				if (lower.title() == higher.title()) {
					problems.add(new FieldProblem("titles", higher.title().label() + "重复录入"));
				}
				else if (higher.since().isBefore(lower.since())) {
					problems.add(new FieldProblem("titles[" + titles.indexOf(higher) + "].since", higher.title().label()
							+ "取得日期 " + higher.since() + " 早于" + lower.title().label() + "取得日期 " + lower.since()));
				}
			}
		}
		List<Specialty> specialties = p.specialties();
		if (specialties != null) {
			for (int i = 0; i < specialties.size(); i++) {
				future("specialties[" + i + "].since", "专业开始日期", specialties.get(i).since(), today, problems);
			}
		}
		List<TrainingRecord> trainings = p.trainings();
		if (trainings != null) {
			for (int i = 0; i < trainings.size(); i++) {
				TrainingRecord t = trainings.get(i);
				String field = "trainings[" + i + "]";
				technology(field + ".technology", t.technology(), codes, problems);
				future(field + ".startedOn", "培训开始日期", t.startedOn(), today, problems);
				future(field + ".endedOn", "培训结束日期", t.endedOn(), today, problems);
				LocalDate ended = t.endedOn();
				if (ended != null && ended.isBefore(t.startedOn())) {
					problems.add(new FieldProblem(field + ".endedOn", "培训结束日期 " + ended + " 早于开始日期 " + t.startedOn()));
				}
			}
		}
		List<CaseVolume> volumes = p.caseVolumes();
		if (volumes != null) {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < volumes.size(); i++) {
				CaseVolume v = volumes.get(i);
				String field = "caseVolumes[" + i + "]";
				technology(field + ".technology", v.technology(), codes, problems);
				if (v.year() > today.getYear()) {
					problems.add(new FieldProblem(field + ".year", "年份 " + v.year() + " 晚于今年"));
				}
				if (clinicalStart != null && v.year() < clinicalStart.getYear() && v.cases() > 0) {
					problems
						.add(new FieldProblem(field + ".year", v.year() + " 年早于临床工作开始年份 " + clinicalStart.getYear()));
				}
				Integer month = v.month();
				if (month != null && v.year() == today.getYear() && month > today.getMonthValue()) {
					problems.add(new FieldProblem(field + ".month", v.year() + " 年 " + month + " 月晚于本月"));
				}
				if (!seen.add(v.technology() + "/" + v.year() + "/" + month)) {
					problems.add(new FieldProblem(field, v.technology() + " " + v.year() + " 年"
							+ ((month != null) ? month + " 月" : "") + "的例数重复录入"));
				}
			}
		}
		List<OperatorVolume> operatorVolumes = p.operatorVolumes();
		if (operatorVolumes != null) {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < operatorVolumes.size(); i++) {
				OperatorVolume v = operatorVolumes.get(i);
				String field = "operatorVolumes[" + i + "]";
				if (v.year() > today.getYear()) {
					problems.add(new FieldProblem(field + ".year", "年份 " + v.year() + " 晚于今年"));
				}
				if (clinicalStart != null && v.year() < clinicalStart.getYear() && v.cases() > 0) {
					problems
						.add(new FieldProblem(field + ".year", v.year() + " 年早于临床工作开始年份 " + clinicalStart.getYear()));
				}
				if (!seen.add(v.category() + "/" + v.year())) {
					problems.add(new FieldProblem(field, v.category().label() + " " + v.year() + " 年的例数重复录入"));
				}
			}
		}
		List<AdverseEvent> events = p.adverseEvents();
		if (events != null) {
			for (int i = 0; i < events.size(); i++) {
				AdverseEvent e = events.get(i);
				future("adverseEvents[" + i + "].occurredOn", "不良事件发生日期", e.occurredOn(), today, problems);
				if (e.technology() != null) {
					technology("adverseEvents[" + i + "].technology", e.technology(), codes, problems);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidPerson(problems);
		}
	}

	private static void technology(String field, String code, Set<String> codes, List<FieldProblem> problems) {
		if (!codes.contains(code)) {
			problems.add(new FieldProblem(field, "未知的技术代码 “" + code + "”"));
		}
	}

	private static void future(String field, String what, @Nullable LocalDate date, LocalDate today,
			List<FieldProblem> problems) {
		if (date != null && date.isAfter(today)) {
			problems.add(new FieldProblem(field, what + " " + date + " 晚于今天"));
		}
	}

}
