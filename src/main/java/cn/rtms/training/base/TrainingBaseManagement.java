package cn.rtms.training.base;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.identity.AccessDenied;
import cn.rtms.experts.AssignmentSubject;
import cn.rtms.experts.ExpertAssignment;
import cn.rtms.experts.ExpertCandidate;
import cn.rtms.experts.ExpertDrawResult;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.training.TrainingBaseStatus;
import cn.rtms.training.base.BaseAction.Party;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training bases (培训基地, docs/training.md): the institution prepares an application per
 * technology with its instructors and submits it with the engine's clause-by-clause
 * verdict frozen (unmet clauses listed, not blocking — as filings do); the provincial
 * authority organises the expert review and files, returns or rejects it, may designate a
 * base directly and revokes filed ones. Every command checks read scope (403), then the
 * party of {@link BaseAction} (403), then the state (409), writes the row, a step and an
 * audit entry in one transaction.
 */
@Service
@Transactional
public class TrainingBaseManagement {

	/** Statuses of the verdict listed as unmet on submission. */
	static final Set<String> UNMET = Set.of("NOT_MET", "UNKNOWN", "ERROR", "NEEDS_ATTESTATION");

	/** An expert's recommendations. */
	static final Set<String> RECOMMENDATIONS = Set.of("FILE", "RETURN", "REJECT");

	/** The role recorded for the system's steps. */
	static final String SYSTEM_ROLE = "SYSTEM";

	private final TrainingBaseStore store;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final ExpertAssignment experts;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final CatalogManagement catalog;

	private final EligibilityManagement eligibility;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	TrainingBaseManagement(TrainingBaseStore store, AccessPolicy access, IdentityManagement identity,
			ExpertAssignment experts, InstitutionManagement institutions, PersonnelManagement people,
			CatalogManagement catalog, EligibilityManagement eligibility, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.access = access;
		this.identity = identity;
		this.experts = experts;
		this.institutions = institutions;
		this.people = people;
		this.catalog = catalog;
		this.eligibility = eligibility;
		this.audit = audit;
	}

	// ------------------------------------------------------------------ queries

	/**
	 * The bases the current user may read: own institution (hospital roles), region
	 * (authorities), assigned (experts), all (system administrator).
	 * @param technology only this technology, or all
	 * @param status only this status, or all
	 * @param proposals only bases with an open revocation proposal
	 * @return the rows
	 */
	@Transactional(readOnly = true)
	public List<TrainingBaseSummary> list(@Nullable String technology, @Nullable String status, boolean proposals) {
		CurrentUser user = this.identity.currentUser();
		List<TrainingBaseStore.Row> rows = (user.role() == Role.EXPERT) ? this.store.assignedTo(user.id())
				: this.store.all();
		LocalDate today = this.store.today();
		return rows.stream()
			.filter(r -> canRead(user, r))
			.filter(r -> technology == null || technology.isBlank() || r.technology().equals(technology))
			.filter(r -> status == null || status.isBlank() || r.status().name().equals(status))
			.filter(r -> !proposals || r.proposalOn() != null)
			.map(r -> summary(r, today))
			.toList();
	}

	/**
	 * @param id the base
	 * @return the base with its instructors, experts, history and the current user's
	 * actions
	 */
	@Transactional(readOnly = true)
	public TrainingBaseView get(UUID id) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = load(id);
		requireRead(user, row);
		return view(row, user);
	}

	/**
	 * The live verdict: the engine's evaluation today with the base's current instructors
	 * (institution and authority readers; experts read the frozen verdict).
	 * @param id the base
	 * @return clause-by-clause report
	 */
	@Transactional(readOnly = true)
	public EligibilityReport verdict(UUID id) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = load(id);
		requireRead(user, row);
		if (user.role() == Role.EXPERT) {
			throw new AccessDenied("评审专家查看提交时冻结的评估结果，不能查看机构的实时数据");
		}
		return evaluate(row.institutionId(), row.technology(), currentInstructors(row.id()));
	}

	/**
	 * The filed bases, published without login.
	 * @param technology only this technology, or all
	 * @param regionCode only institutions in this region (or below), or all
	 * @return per technology, with institution and region
	 */
	@Transactional(readOnly = true)
	public List<PublicTrainingBase> publicList(@Nullable String technology, @Nullable String regionCode) {
		LocalDate today = this.store.today();
		return this.store.filed()
			.stream()
			.filter(r -> technology == null || technology.isBlank() || r.technology().equals(technology))
			.filter(r -> regionCode == null || regionCode.isBlank()
					|| this.institutions.regionAncestry(r.regionCode()).contains(regionCode))
			.map(r -> new PublicTrainingBase(r.institutionName(), r.regionCode(),
					this.institutions.regionName(r.regionCode()), r.technology(),
					this.catalog.get(r.technology()).name(), Objects.requireNonNull(r.filedOn()), r.designated(),
					this.store.currentInstructorCount(r.id(), today)))
			.toList();
	}

	// ---------------------------------------------------------------- institution

	/**
	 * Starts an application for the current user's institution.
	 * @param technology technology code
	 * @return the draft
	 */
	public TrainingBaseView create(String technology) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN, Role.TRAINING_BASE_ADMIN);
		UUID institutionId = Objects.requireNonNull(user.institutionId(), "institutional user without institution");
		String code = this.catalog.get(technology).code();
		InstitutionDetails institution = this.institutions.get(institutionId);
		requireNoLiveBase(institutionId, code, institution.name());
		UUID id = UUID.randomUUID();
		TrainingBaseStore.Row row = new TrainingBaseStore.Row(id, institutionId, institution.name(),
				institution.regionCode(), code, TrainingBaseStatus.DRAFT, false, null, null, null, null, null, null,
				null, null, List.of(), null, null, 0);
		this.store.insert(row, user.id());
		return recorded(BaseAction.CREATE, null, row, user, null);
	}

	/**
	 * Adds an instructor (a physician of the institution).
	 * @param id the base
	 * @param version expected version or null
	 * @param personId the person
	 * @param since instructor from (today when null; not before today once filed)
	 * @return the base
	 */
	public TrainingBaseView addInstructor(UUID id, @Nullable Long version, UUID personId, @Nullable LocalDate since) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.ADD_INSTRUCTOR, id, version, user);
		LocalDate today = this.store.today();
		LocalDate from = (since != null) ? since : today;
		if (from.isAfter(today.plusYears(1)) || from.isBefore(today.minusYears(50))) {
			throw TrainingBaseProblem.invalid("指导医师起始日期 " + from + " 不合理");
		}
		if (row.filedOn() != null && from.isBefore(today)) {
			// trainees' cases are checked against the instructors of their day: an
			// appointment dated back would cover cases instructed before it
			throw TrainingBaseProblem.invalid("基地已备案，新增指导医师的起始日期不能早于今天（" + today + "）");
		}
		PersonDetails person = instructor(row, personId);
		if (currentInstructors(row.id()).contains(personId)) {
			throw TrainingBaseProblem.invalid(person.name() + " 已是本基地的指导医师");
		}
		this.store.addInstructor(row.id(), personId, from);
		return recorded(BaseAction.ADD_INSTRUCTOR, row, bump(row), user, person.name() + "（自 " + from + "）");
	}

	/**
	 * Ends an instructor's term (on a base never filed: removes the person).
	 * @param id the base
	 * @param version expected version or null
	 * @param personId the person
	 * @param until last day as instructor (today when null)
	 * @return the base
	 */
	public TrainingBaseView endInstructor(UUID id, @Nullable Long version, UUID personId, @Nullable LocalDate until) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.END_INSTRUCTOR, id, version, user);
		String name = personName(personId);
		String note;
		if (row.filedOn() == null) {
			if (this.store.deleteInstructor(row.id(), personId) == 0) {
				throw TrainingBaseProblem.invalid(name + " 不是本基地的指导医师");
			}
			note = name + "（移出申请）";
		}
		else {
			LocalDate last = (until != null) ? until : this.store.today();
			if (this.store.endInstructor(row.id(), personId, last) == 0) {
				throw TrainingBaseProblem.invalid(name + " 不是本基地在 " + last + " 任职的指导医师");
			}
			note = name + "（至 " + last + "）";
		}
		return recorded(BaseAction.END_INSTRUCTOR, row, bump(row), user, note);
	}

	/**
	 * Submits (or resubmits) the application: the engine's verdict is frozen and the
	 * clauses not met or undecided are listed; they do not block the submission.
	 * @param id the base
	 * @param version expected version or null
	 * @param note optional note
	 * @return the base
	 */
	public TrainingBaseView submit(UUID id, @Nullable Long version, @Nullable String note) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.SUBMIT, id, version, user);
		EligibilityReport report = evaluate(row.institutionId(), row.technology(), currentInstructors(row.id()));
		List<TrainingBaseView.UnmetClause> unmet = unmet(report);
		this.store.clearExperts(row.id());
		TrainingBaseStore.Row after = new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(),
				row.regionCode(), row.technology(), TrainingBaseStatus.SUBMITTED, false, this.store.today(), null, null,
				null, null, null, report.status(), report, unmet, null, null, row.version());
		String listed = unmet.isEmpty() ? "评估结论：" + report.statusLabel() : "评估结论：" + report.statusLabel()
				+ "；未满足或待确认条款：" + String.join("、", unmet.stream().map(TrainingBaseView.UnmetClause::citation).toList());
		return save(BaseAction.SUBMIT, row, after, user, join(listed, note));
	}

	/**
	 * Withdraws the application before the province decides.
	 * @param id the base
	 * @param version expected version or null
	 * @param reason optional reason
	 * @return the base
	 */
	public TrainingBaseView withdraw(UUID id, @Nullable Long version, @Nullable String reason) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.WITHDRAW, id, version, user);
		return save(BaseAction.WITHDRAW, row, with(row, TrainingBaseStatus.WITHDRAWN), user, reason);
	}

	// ---------------------------------------------------------------- province

	/**
	 * Starts the expert review with 1–9 experts.
	 * @param id the base
	 * @param version expected version or null
	 * @param expertIds accounts with role EXPERT
	 * @return the base
	 */
	public TrainingBaseView startReview(UUID id, @Nullable Long version, List<UUID> expertIds) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.START_REVIEW, id, version, user);
		Set<UUID> distinct = new LinkedHashSet<>(expertIds);
		if (distinct.isEmpty() || distinct.size() > 9) {
			throw TrainingBaseProblem.invalid("请指派 1 至 9 名评审专家");
		}
		List<String> names = new ArrayList<>();
		for (ExpertAssignment.AssignedExpert expert : this.experts.requireAssignable(subject(row), distinct)) {
			this.store.assignExpert(row.id(), expert.id(), expert.displayName());
			names.add(expert.displayName());
		}
		return save(BaseAction.START_REVIEW, row, with(row, TrainingBaseStatus.UNDER_REVIEW), user,
				"评审专家：" + String.join("、", names));
	}

	/**
	 * The experts the province can choose from for the base's review, specialty matches
	 * first, experts employed by the base's institution flagged as recused.
	 * @param id the base
	 * @return the candidates
	 */
	@Transactional(readOnly = true)
	public List<ExpertCandidate> expertCandidates(UUID id) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.START_REVIEW, id, null, user);
		return this.experts.candidates(subject(row));
	}

	/**
	 * Draws experts at random for the base's review (audited on the base).
	 * @param id the base
	 * @param count how many
	 * @return the draw
	 */
	public ExpertDrawResult drawExperts(UUID id, int count) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.START_REVIEW, id, null, user);
		return this.experts.draw(subject(row), count);
	}

	private static AssignmentSubject subject(TrainingBaseStore.Row row) {
		return new AssignmentSubject("TrainingBase", row.id(), row.technology(), row.institutionId(),
				row.institutionName());
	}

	/**
	 * An assigned expert's opinion.
	 * @param id the base
	 * @param version expected version or null
	 * @param recommendation FILE, RETURN or REJECT
	 * @param opinion the opinion (1–2000 characters)
	 * @return the base
	 */
	public TrainingBaseView expertOpinion(UUID id, @Nullable Long version, String recommendation,
			@Nullable String opinion) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.EXPERT_OPINION, id, version, user);
		if (!RECOMMENDATIONS.contains(recommendation)) {
			throw TrainingBaseProblem.invalid("评审建议只能是 FILE（予以备案）、RETURN（退回修改）或 REJECT（不予备案）");
		}
		String text = requireText(opinion, "专家意见");
		this.store.recordOpinion(row.id(), user.id(), recommendation, text);
		return save(BaseAction.EXPERT_OPINION, row, with(row, row.status()), user,
				recommendationLabel(recommendation) + "：" + text);
	}

	/**
	 * Files the base (after every assigned expert's opinion).
	 * @param id the base
	 * @param version expected version or null
	 * @param note optional note
	 * @return the base
	 */
	public TrainingBaseView file(UUID id, @Nullable Long version, @Nullable String note) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.FILE, id, version, user);
		requireOpinions(row);
		LocalDate today = this.store.today();
		TrainingBaseStore.Row after = new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(),
				row.regionCode(), row.technology(), TrainingBaseStatus.FILED, false, row.submittedOn(), today, today,
				note, null, null, row.verdictStatus(), row.verdict(), row.unmetClauses(), null, null, row.version());
		return save(BaseAction.FILE, row, after, user, note);
	}

	/**
	 * Returns the application for changes; the institution may resubmit.
	 * @param id the base
	 * @param version expected version or null
	 * @param reason the reasons (required)
	 * @return the base
	 */
	public TrainingBaseView returnForChanges(UUID id, @Nullable Long version, @Nullable String reason) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.RETURN, id, version, user);
		return decide(BaseAction.RETURN, row, TrainingBaseStatus.RETURNED, requireText(reason, "退回理由"), user);
	}

	/**
	 * Rejects the application (final; a new application may follow).
	 * @param id the base
	 * @param version expected version or null
	 * @param reason the reasons (required)
	 * @return the base
	 */
	public TrainingBaseView reject(UUID id, @Nullable Long version, @Nullable String reason) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.REJECT, id, version, user);
		requireOpinions(row);
		return decide(BaseAction.REJECT, row, TrainingBaseStatus.REJECTED, requireText(reason, "不予备案理由"), user);
	}

	/**
	 * Designates an institution as training base without an application (直接指定): filed
	 * today, with the engine's verdict for the given instructors frozen.
	 * @param institutionId the institution (in the province's jurisdiction)
	 * @param technology technology code
	 * @param instructorIds its instructors (physicians of the institution)
	 * @param note optional note, e.g. the designation document
	 * @return the base
	 */
	public TrainingBaseView designate(UUID institutionId, String technology, List<UUID> instructorIds,
			@Nullable String note) {
		CurrentUser user = this.access.requireRole(Role.PROVINCE_AUTHORITY);
		InstitutionDetails institution = this.institutions.get(institutionId);
		if (!this.access.coversRegion(user, institution.regionCode())) {
			throw new AccessDenied(institution.name() + " 不在本省级卫生健康行政部门的辖区内，不能指定为培训基地");
		}
		String code = this.catalog.get(technology).code();
		requireNoLiveBase(institutionId, code, institution.name());
		UUID id = UUID.randomUUID();
		LocalDate today = this.store.today();
		TrainingBaseStore.Row shell = new TrainingBaseStore.Row(id, institutionId, institution.name(),
				institution.regionCode(), code, TrainingBaseStatus.FILED, true, null, today, today, note, null, null,
				null, null, List.of(), null, null, 0);
		for (UUID personId : new LinkedHashSet<>(instructorIds)) {
			instructor(shell, personId);
		}
		EligibilityReport report = evaluate(institutionId, code, new LinkedHashSet<>(instructorIds));
		TrainingBaseStore.Row row = new TrainingBaseStore.Row(id, institutionId, institution.name(),
				institution.regionCode(), code, TrainingBaseStatus.FILED, true, null, today, today, note, null, null,
				report.status(), report, unmet(report), null, null, 0);
		this.store.insert(row, user.id());
		for (UUID personId : new LinkedHashSet<>(instructorIds)) {
			this.store.addInstructor(id, personId, today);
		}
		return recorded(BaseAction.DESIGNATE, null, row, user, note);
	}

	/**
	 * Revokes a filed base.
	 * @param id the base
	 * @param version expected version or null
	 * @param reason the reason (required)
	 * @return the base
	 */
	public TrainingBaseView revoke(UUID id, @Nullable Long version, @Nullable String reason) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.REVOKE, id, version, user);
		String text = requireText(reason, "撤销理由");
		TrainingBaseStore.Row after = new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(),
				row.regionCode(), row.technology(), TrainingBaseStatus.REVOKED, row.designated(), row.submittedOn(),
				row.filedOn(), row.decidedOn(), row.decisionReason(), this.store.today(), text, row.verdictStatus(),
				row.verdict(), row.unmetClauses(), null, null, row.version());
		return save(BaseAction.REVOKE, row, after, user, text);
	}

	/**
	 * Dismisses an open revocation proposal: the base stays filed.
	 * @param id the base
	 * @param version expected version or null
	 * @param note why (required)
	 * @return the base
	 */
	public TrainingBaseView dismissProposal(UUID id, @Nullable Long version, @Nullable String note) {
		CurrentUser user = this.identity.currentUser();
		TrainingBaseStore.Row row = authorize(BaseAction.DISMISS_PROPOSAL, id, version, user);
		if (row.proposalOn() == null) {
			throw TrainingBaseProblem.illegalTransition("该培训基地没有待处理的撤销建议");
		}
		String text = requireText(note, "驳回理由");
		TrainingBaseStore.Row after = proposal(row, null, null);
		return save(BaseAction.DISMISS_PROPOSAL, row, after, user, text);
	}

	// ---------------------------------------------------------------- system

	/**
	 * The filed bases of an institution (all when {@code null}), for the re-check.
	 * @param institutionId the institution or null
	 * @return their ids
	 */
	@Transactional(readOnly = true)
	List<UUID> filedIds(Set<UUID> institutionIds) {
		return this.store.filed()
			.stream()
			.filter(r -> institutionIds.contains(r.institutionId()))
			.map(TrainingBaseStore.Row::id)
			.toList();
	}

	List<UUID> filedIds(@Nullable UUID institutionId) {
		return this.store.filed()
			.stream()
			.filter(r -> institutionId == null || r.institutionId().equals(institutionId))
			.map(TrainingBaseStore.Row::id)
			.toList();
	}

	/**
	 * Re-evaluates one filed base as the system and attaches a revocation proposal when
	 * its clauses are no longer met (none when one is open already, or when clauses are
	 * only undecided).
	 * @param id the base
	 * @return whether a proposal was made
	 */
	boolean recheck(UUID id) {
		return this.identity.asSystem(() -> {
			TrainingBaseStore.Row row = load(id);
			if (row.status() != TrainingBaseStatus.FILED || row.proposalOn() != null) {
				return false;
			}
			EligibilityReport report = evaluate(row.institutionId(), row.technology(), currentInstructors(row.id()));
			if (!"NOT_MET".equals(report.status())) {
				return false;
			}
			String reason = "按 " + report.specKey() + " 重新评估不再符合："
					+ String.join("；",
							report.clauses()
								.stream()
								.filter(c -> "NOT_MET".equals(c.status()))
								.map(c -> c.citation() + "（" + c.explanation() + "）")
								.toList());
			reason = reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
			TrainingBaseStore.Row after = proposal(row, this.store.today(), reason);
			if (!this.store.update(after)) {
				return false;
			}
			this.store.step(row.id(), BaseAction.PROPOSE_REVOCATION, row.status(), row.status(),
					IdentityManagement.SYSTEM_ID, "系统自动检查", SYSTEM_ROLE, reason);
			this.audit.record(BaseAction.PROPOSE_REVOCATION.auditAction(), "TrainingBase", row.id().toString(),
					auditState(row), auditState(after));
			return true;
		});
	}

	// ---------------------------------------------------------------- helpers

	private TrainingBaseView decide(BaseAction action, TrainingBaseStore.Row row, TrainingBaseStatus to, String reason,
			CurrentUser user) {
		TrainingBaseStore.Row after = new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(),
				row.regionCode(), row.technology(), to, row.designated(), row.submittedOn(), row.filedOn(),
				this.store.today(), reason, row.revokedOn(), row.revocationReason(), row.verdictStatus(), row.verdict(),
				row.unmetClauses(), row.proposalOn(), row.proposalReason(), row.version());
		return save(action, row, after, user, reason);
	}

	private void requireOpinions(TrainingBaseStore.Row row) {
		List<String> missing = this.store.experts(row.id())
			.stream()
			.filter(e -> e.opinion() == null)
			.map(TrainingBaseStore.ExpertRow::name)
			.toList();
		if (!missing.isEmpty()) {
			throw TrainingBaseProblem.illegalTransition("尚有评审专家未提交意见：" + String.join("、", missing) + "；请待全部意见提交后再作决定");
		}
	}

	private EligibilityReport evaluate(UUID institutionId, String technology, Set<UUID> instructors) {
		return this.eligibility.trainingBaseReport(institutionId, technology, instructors, this.store.today());
	}

	static List<TrainingBaseView.UnmetClause> unmet(EligibilityReport report) {
		return report.clauses()
			.stream()
			.filter(c -> UNMET.contains(c.status()))
			.map(c -> new TrainingBaseView.UnmetClause(c.citation(), c.status(), c.statusLabel(), c.actual(),
					c.required(), c.explanation()))
			.toList();
	}

	private Set<UUID> currentInstructors(UUID baseId) {
		LocalDate today = this.store.today();
		Set<UUID> ids = new LinkedHashSet<>();
		for (TrainingBaseStore.InstructorRow i : this.store.instructors(baseId)) {
			if (!i.since().isAfter(today) && (i.until() == null || !i.until().isBefore(today))) {
				ids.add(i.personId());
			}
		}
		return ids;
	}

	/** The person, who must be a physician of the base's institution. */
	private PersonDetails instructor(TrainingBaseStore.Row row, UUID personId) {
		PersonDetails person;
		try {
			person = this.identity.asSystem(() -> this.people.get(personId));
		}
		catch (RuntimeException ex) {
			throw TrainingBaseProblem.invalid("人员 " + personId + " 不存在");
		}
		if (!row.institutionId().equals(person.institutionId())) {
			throw TrainingBaseProblem.invalid(person.name() + " 不是 " + row.institutionName() + " 的人员，不能担任本基地指导医师");
		}
		if (!person.roles().contains(StaffRole.PHYSICIAN)) {
			throw TrainingBaseProblem.invalid(person.name() + " 不是医师，不能担任指导医师");
		}
		return person;
	}

	private String personName(UUID personId) {
		try {
			return this.identity.asSystem(() -> this.people.get(personId)).name();
		}
		catch (RuntimeException ex) {
			return personId.toString();
		}
	}

	private void requireNoLiveBase(UUID institutionId, String technology, String institutionName) {
		if (this.store.liveExists(institutionId, technology)) {
			throw TrainingBaseProblem.alreadyExists(institutionName + " 已有 " + technology + " 培训基地申请正在办理或已备案，不能重复申请");
		}
	}

	private TrainingBaseStore.Row load(UUID id) {
		return this.store.find(id).orElseThrow(() -> TrainingBaseProblem.notFound("培训基地 " + id + " 不存在"));
	}

	/**
	 * Loads the base and checks, in this order: read scope, party, state, version.
	 */
	private TrainingBaseStore.Row authorize(BaseAction action, UUID id, @Nullable Long version, CurrentUser user) {
		TrainingBaseStore.Row row = load(id);
		requireRead(user, row);
		String refused = refusal(action, user, row);
		if (refused != null) {
			throw new AccessDenied(refused);
		}
		if (!action.allowedIn(row.status())) {
			throw TrainingBaseProblem.illegalTransition("培训基地当前状态为“" + row.status().label() + "”，不能" + action.label());
		}
		if (version != null && version != row.version()) {
			throw TrainingBaseProblem
				.concurrentlyModified("培训基地已被他人修改（版本 " + row.version() + "，提交的是 " + version + "），请刷新后重试");
		}
		return row;
	}

	private @Nullable String refusal(BaseAction action, CurrentUser user, TrainingBaseStore.Row row) {
		return switch (action.party()) {
			case INSTITUTION -> user.hasRole(Role.HOSPITAL_ADMIN, Role.TRAINING_BASE_ADMIN)
					&& row.institutionId().equals(user.institutionId()) ? null
							: "只有 " + row.institutionName() + " 的医院管理员或培训基地管理员可以" + action.label();
			case PROVINCE -> user.role() == Role.PROVINCE_AUTHORITY && this.access.coversRegion(user, row.regionCode())
					? null : "只有省级卫生健康行政部门可以" + action.label() + "（当前角色：" + user.role().label() + "）";
			case ASSIGNED_EXPERT -> user.role() == Role.EXPERT
					&& this.store.experts(row.id()).stream().anyMatch(e -> e.expertId().equals(user.id())) ? null
							: "只有指派给该培训基地的评审专家才能" + action.label();
			case SYSTEM -> "该操作只由系统自动检查执行";
		};
	}

	private void requireRead(CurrentUser user, TrainingBaseStore.Row row) {
		if (!canRead(user, row)) {
			throw new AccessDenied("无权查看或办理该培训基地（不在当前账号的数据范围内）");
		}
	}

	private boolean canRead(CurrentUser user, TrainingBaseStore.Row row) {
		return switch (user.role()) {
			case SYSTEM_ADMIN -> true;
			case HOSPITAL_CLERK, HOSPITAL_ADMIN, PHYSICIAN, TRAINING_BASE_ADMIN ->
				row.institutionId().equals(user.institutionId());
			case COUNTY_AUTHORITY, CITY_AUTHORITY, PROVINCE_AUTHORITY ->
				this.access.coversRegion(user, row.regionCode());
			case EXPERT -> this.store.experts(row.id()).stream().anyMatch(e -> e.expertId().equals(user.id()));
		};
	}

	private static TrainingBaseStore.Row with(TrainingBaseStore.Row row, TrainingBaseStatus status) {
		return new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(), row.regionCode(),
				row.technology(), status, row.designated(), row.submittedOn(), row.filedOn(), row.decidedOn(),
				row.decisionReason(), row.revokedOn(), row.revocationReason(), row.verdictStatus(), row.verdict(),
				row.unmetClauses(), row.proposalOn(), row.proposalReason(), row.version());
	}

	private static TrainingBaseStore.Row bump(TrainingBaseStore.Row row) {
		return with(row, row.status());
	}

	private static TrainingBaseStore.Row proposal(TrainingBaseStore.Row row, @Nullable LocalDate on,
			@Nullable String reason) {
		return new TrainingBaseStore.Row(row.id(), row.institutionId(), row.institutionName(), row.regionCode(),
				row.technology(), row.status(), row.designated(), row.submittedOn(), row.filedOn(), row.decidedOn(),
				row.decisionReason(), row.revokedOn(), row.revocationReason(), row.verdictStatus(), row.verdict(),
				row.unmetClauses(), on, reason, row.version());
	}

	private TrainingBaseView save(BaseAction action, TrainingBaseStore.Row before, TrainingBaseStore.Row after,
			CurrentUser user, @Nullable String note) {
		if (!this.store.update(after)) {
			throw TrainingBaseProblem.concurrentlyModified("培训基地已被他人修改，请刷新后重试");
		}
		return recorded(action, before, after, user, note);
	}

	private TrainingBaseView recorded(BaseAction action, TrainingBaseStore.@Nullable Row before,
			TrainingBaseStore.Row after, CurrentUser user, @Nullable String note) {
		if (before != null && (action == BaseAction.ADD_INSTRUCTOR || action == BaseAction.END_INSTRUCTOR)) {
			if (!this.store.update(after)) {
				throw TrainingBaseProblem.concurrentlyModified("培训基地已被他人修改，请刷新后重试");
			}
			if (after.status() == TrainingBaseStatus.FILED) {
				this.events.publishEvent(new InstructorsChanged(after.id()));
			}
		}
		String text = (note == null || note.isBlank()) ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
		this.store.step(after.id(), action, (before == null) ? null : before.status(), after.status(), user.id(),
				user.displayName(), user.role().name(), text);
		Map<String, Object> state = auditState(after);
		if (text != null) {
			state.put("note", text);
		}
		this.audit.record(action.auditAction(), "TrainingBase", after.id().toString(),
				(before == null) ? null : auditState(before), state);
		return view(load(after.id()), user);
	}

	private static Map<String, Object> auditState(TrainingBaseStore.Row row) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("institution", row.institutionName());
		state.put("technology", row.technology());
		state.put("status", row.status().name());
		if (row.verdictStatus() != null) {
			state.put("verdict", row.verdictStatus());
		}
		if (row.proposalOn() != null) {
			state.put("proposal", row.proposalReason());
		}
		if (row.revocationReason() != null) {
			state.put("reason", row.revocationReason());
		}
		return state;
	}

	private TrainingBaseSummary summary(TrainingBaseStore.Row r, LocalDate today) {
		return new TrainingBaseSummary(r.id(), r.institutionId(), r.institutionName(), r.regionCode(),
				this.institutions.regionName(r.regionCode()), r.technology(), this.catalog.get(r.technology()).name(),
				r.status().name(), r.status().label(), r.designated(), r.submittedOn(), r.filedOn(), r.verdictStatus(),
				(int) r.unmetClauses().stream().filter(c -> !"NEEDS_ATTESTATION".equals(c.status())).count(),
				this.store.currentInstructorCount(r.id(), today), r.proposalOn() != null);
	}

	private TrainingBaseView view(TrainingBaseStore.Row r, CurrentUser user) {
		List<TrainingBaseView.Instructor> instructors = new ArrayList<>();
		for (TrainingBaseStore.InstructorRow i : this.store.instructors(r.id())) {
			PersonDetails person = this.identity.asSystem(() -> this.people.get(i.personId()));
			String title = (person.titles() == null) ? null
					: person.titles()
						.stream()
						.filter(t -> !t.since().isAfter(this.store.today()))
						.max(Comparator.comparing(t -> t.title().ordinal()))
						.map(t -> t.title().label())
						.orElse(null);
			instructors.add(new TrainingBaseView.Instructor(i.personId(), person.name(), title, person.clinicalStart(),
					(person.specialties() == null) ? List.of()
							: person.specialties().stream().map(PersonDetails.Specialty::name).toList(),
					i.since(), i.until()));
		}
		List<TrainingBaseView.Expert> experts = this.store.experts(r.id())
			.stream()
			.map(e -> new TrainingBaseView.Expert(e.expertId(), e.name(), e.recommendation(), e.opinion(),
					e.opinionAt()))
			.toList();
		List<String> actions = new ArrayList<>();
		for (BaseAction action : BaseAction.values()) {
			if (action.allowedIn(r.status()) && refusal(action, user, r) == null
					&& (action != BaseAction.DISMISS_PROPOSAL || r.proposalOn() != null)) {
				actions.add(action.name());
			}
		}
		return new TrainingBaseView(r.id(), r.institutionId(), r.institutionName(), r.regionCode(),
				this.institutions.regionName(r.regionCode()), r.technology(), this.catalog.get(r.technology()).name(),
				r.status().name(), r.status().label(), r.designated(), r.submittedOn(), r.filedOn(), r.decidedOn(),
				r.decisionReason(), r.revokedOn(), r.revocationReason(), r.verdictStatus(), r.verdict(),
				r.unmetClauses(),
				(r.proposalOn() == null) ? null
						: new TrainingBaseView.Proposal(r.proposalOn(), Objects.toString(r.proposalReason(), "")),
				instructors, experts, this.store.steps(r.id()), actions, r.version());
	}

	private static String requireText(@Nullable String text, String label) {
		if (text == null || text.isBlank()) {
			throw TrainingBaseProblem.invalid(label + "不能为空");
		}
		if (text.length() > 1000) {
			throw TrainingBaseProblem.invalid(label + "不能超过 1000 个字");
		}
		return text.strip();
	}

	private static @Nullable String join(String first, @Nullable String note) {
		return (note == null || note.isBlank()) ? first : first + "；" + note;
	}

	private static String recommendationLabel(String recommendation) {
		return switch (recommendation) {
			case "FILE" -> "建议予以备案";
			case "RETURN" -> "建议退回修改";
			default -> "建议不予备案";
		};
	}

}
