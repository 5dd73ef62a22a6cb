package cn.rtms.personnel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.InstitutionAccounts;
import cn.rtms.identity.PersonDirectory;
import cn.rtms.identity.Role;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person leaves the institution (离职/调离) in one step: the person's accounts at the
 * institution are disabled and the employment ends — the person comes off the
 * institution's staff list (its {@code institutionId} is cleared, which is how the record
 * expresses "not on any staff"; the record itself, its licence and history stay). Also
 * identity's {@link PersonDirectory}: which institution's staff a person is on.
 */
@Service
@Transactional(readOnly = true)
public class PersonDepartures implements PersonDirectory {

	private final People people;

	private final AccessPolicy access;

	private final InstitutionAccounts accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	PersonDepartures(People people, AccessPolicy access, InstitutionAccounts accounts, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.people = people;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
	}

	@Override
	public Optional<UUID> institutionOf(UUID personId) {
		return this.people.find(personId).map(PersonDetails::institutionId);
	}

	/**
	 * The person leaves the institution whose staff list it is on: its accounts there are
	 * disabled (their sessions end) and it comes off the staff list, in one transaction,
	 * audited as {@code PERSON_LEFT}.
	 * @param personId the person
	 * @return what happened
	 * @throws PersonNotFound when there is none
	 * @throws AccessDenied unless the current user is the hospital administrator of the
	 * person's institution or the system administrator; also for a person on no staff
	 * list
	 */
	@Transactional
	public Departure leave(UUID personId) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN, Role.SYSTEM_ADMIN);
		PersonDetails before = this.people.find(personId).orElseThrow(() -> new PersonNotFound(personId));
		UUID institutionId = before.institutionId();
		if (institutionId == null) {
			throw new AccessDenied("该人员不在任何医疗机构的人员名单中，无需办理离职");
		}
		if (user.role() != Role.SYSTEM_ADMIN && !institutionId.equals(user.institutionId())) {
			throw new AccessDenied("只能为本院人员办理离职");
		}
		int disabled = this.accounts.disableAccountsOfPerson(personId, institutionId);
		PersonDetails left = new PersonDetails(before.id(), before.name(), before.gender(), before.birthDate(),
				before.roles(), null, null, before.licence(), before.titles(), before.clinicalStart(),
				before.specialties(), before.trainings(), before.caseVolumes(), before.adverseEvents(),
				before.attestations(), before.operatorVolumes(), before.version());
		if (!this.people.update(personId, left, Objects.requireNonNull(before.version()))) {
			throw new ProblemException(HttpStatus.CONFLICT, "PERSON_CONCURRENTLY_MODIFIED", "人员档案已被修改",
					"人员档案在办理离职的同时被他人修改，请刷新后重试", List.of());
		}
		PersonDetails after = this.people.find(personId).orElseThrow();
		this.audit.record("PERSON_LEFT", "Person", personId.toString(), before, after);
		this.events.publishEvent(new PersonChanged(personId, null, institutionId));
		return new Departure(personId, institutionId, disabled);
	}

	/**
	 * A completed departure.
	 *
	 * @param personId the person
	 * @param institutionId the institution the person left
	 * @param accountsDisabled how many of the person's accounts were disabled
	 */
	public record Departure(UUID personId, @Nullable UUID institutionId, int accountsDisabled) {
	}

}
