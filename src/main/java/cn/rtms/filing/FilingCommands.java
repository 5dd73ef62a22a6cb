package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.experts.AssignmentSubject;
import cn.rtms.experts.ExpertAssignment;
import cn.rtms.experts.ExpertCandidate;
import cn.rtms.experts.ExpertDrawResult;
import cn.rtms.filing.domain.AuthorityRouting;
import cn.rtms.filing.domain.EndingReason;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.Actor;
import cn.rtms.filing.domain.Filing.Committee;
import cn.rtms.filing.domain.Filing.DecisionKind;
import cn.rtms.filing.domain.Filing.DocumentRef;
import cn.rtms.filing.domain.Filing.ExpertReview;
import cn.rtms.filing.domain.Filing.Verdict;
import cn.rtms.filing.domain.FilingAction;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingDocuments;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.FilingTransitions;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.Region;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filing commands: each checks the user may read the filing and is the party that
 * {@link FilingTransitions} names for the action (hospital of the institution, the
 * authority holding the filing, an assigned expert, the competent authority), loads the
 * aggregate, calls its verb (which checks state and condition from the same table),
 * stores the filing (and any uploaded file) with an audit entry in one transaction, and
 * publishes the recorded events.
 */
@Service
@Transactional
public class FilingCommands {

	private final Filings filings;

	private final FilingDocuments documents;

	private final FilingStore store;

	private final FilingAccess access;

	private final FilingViews views;

	private final WorkingDayDeadlines deadlines;

	private final UploadPolicy uploads;

	private final IdentityManagement identity;

	private final AccessPolicy accessPolicy;

	private final CatalogManagement catalog;

	private final InstitutionManagement institutions;

	private final EligibilityManagement eligibility;

	private final ExpertAssignment experts;

	FilingCommands(Filings filings, FilingDocuments documents, FilingStore store, FilingAccess access,
			FilingViews views, WorkingDayDeadlines deadlines, UploadPolicy uploads, IdentityManagement identity,
			AccessPolicy accessPolicy, CatalogManagement catalog, InstitutionManagement institutions,
			EligibilityManagement eligibility, ExpertAssignment experts) {
		this.filings = filings;
		this.documents = documents;
		this.store = store;
		this.access = access;
		this.views = views;
		this.deadlines = deadlines;
		this.uploads = uploads;
		this.identity = identity;
		this.accessPolicy = accessPolicy;
		this.catalog = catalog;
		this.institutions = institutions;
		this.eligibility = eligibility;
		this.experts = experts;
	}

	// ---------------------------------------------------------------- hospital

	/**
	 * Starts a draft for the current hospital user's institution.
	 * @param technology technology code
	 * @param firstCaseDate first case, if already performed
	 * @return the draft
	 */
	public FilingView create(String technology, @Nullable LocalDate firstCaseDate) {
		CurrentUser user = this.accessPolicy.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		UUID institutionId = Objects.requireNonNull(user.institutionId(), "hospital user without institution");
		RestrictedTechnology tech = this.catalog.get(technology);
		InstitutionDetails institution = this.institutions.get(institutionId);
		if (institution.licence() == null) {
			throw new InvalidFilingRequest("本机构尚未登记《医疗机构执业许可证》（发证机关），无法确定备案受理机关");
		}
		if (this.filings.existsOpen(institutionId, tech.code())) {
			throw new FilingAlreadyExists("本机构已有 " + tech.code() + " " + tech.name() + " 的备案正在办理或有效，不能重复备案");
		}
		Filing.Route route = routing().route(institution.licence().issuerRegionCode(),
				tech.level() == RestrictedTechnology.TechnologyLevel.NATIONAL);
		Filing filing = Filing.start(UUID.randomUUID(),
				new Filing.InstitutionRef(institutionId, institution.name(), institution.regionCode()),
				new Filing.TechnologyRef(tech.code(), tech.name(), tech.level().name()), route, firstCaseDate,
				act(user, null), this.deadlines);
		return this.views.view(this.store.save(filing, null), user);
	}

	/**
	 * Runs the engine for the institution and freezes the result.
	 * @param id filing
	 * @param version expected version or null
	 * @return the filing
	 */
	public FilingView selfAssess(UUID id, @Nullable Long version) {
		return command(id, version, FilingAction.SELF_ASSESS, (filing, user) -> {
			FilingData data = filing.data();
			EligibilityReport report = this.eligibility.institutionReport(data.institution().id(),
					data.technology().code(), false, this.store.today());
			filing.selfAssess(new Filing.Assessment(report.specKey(), this.store.now(), report), act(user, null));
		});
	}

	/**
	 * Confirms a NEEDS_ATTESTATION clause with evidence (and optionally a file).
	 * @param id filing
	 * @param version expected version or null
	 * @param clauseRef clause number or citation
	 * @param evidence evidence text
	 * @param file evidence file or null
	 * @return the filing
	 */
	public FilingView attest(UUID id, @Nullable Long version, String clauseRef, String evidence,
			@Nullable Upload file) {
		return command(id, version, FilingAction.ATTEST, (filing, user) -> {
			DocumentRef document = file == null ? null : store(filing.id(), file, "条款确认证据：" + clauseRef, user);
			filing.attest(clauseRef, evidence, document, act(user, null));
		});
	}

	/**
	 * Records a committee's opinion with its minutes.
	 * @param id filing
	 * @param version expected version or null
	 * @param committee TECHNOLOGY_MANAGEMENT or ETHICS
	 * @param meetingDate meeting date
	 * @param opinion opinion text
	 * @param minutes the minutes file
	 * @return the filing
	 */
	public FilingView recordCommitteeOpinion(UUID id, @Nullable Long version, String committee, LocalDate meetingDate,
			String opinion, Upload minutes) {
		Committee which = FilingStore.parse(Committee.class, committee, "committee", "委员会");
		return command(id, version, FilingAction.RECORD_COMMITTEE_OPINION, (filing, user) -> {
			DocumentRef document = store(filing.id(), minutes, which.label() + "会议纪要（" + meetingDate + "）", user);
			filing.recordCommitteeOpinion(which, meetingDate, opinion, document, act(user, null));
		});
	}

	/**
	 * Attaches a document.
	 * @param id filing
	 * @param version expected version or null
	 * @param description what it is
	 * @param file the file
	 * @return the filing
	 */
	public FilingView addDocument(UUID id, @Nullable Long version, @Nullable String description, Upload file) {
		return command(id, version, FilingAction.ADD_DOCUMENT, (filing, user) -> {
			DocumentRef document = store(filing.id(), file, description, user);
			filing.addDocument(document, act(user, null));
		});
	}

	/**
	 * Submits (or resubmits) to the receiving authority.
	 * @param id filing
	 * @param version expected version or null
	 * @param firstCaseDate first case date
	 * @return the filing
	 */
	public FilingView submit(UUID id, @Nullable Long version, LocalDate firstCaseDate) {
		return command(id, version, FilingAction.SUBMIT,
				(filing, user) -> filing.submit(firstCaseDate, act(user, null), this.deadlines));
	}

	/**
	 * Confirms several NEEDS_ATTESTATION clauses with one evidence file (批量确认): the file
	 * is stored once, each clause gets its attestation, its step and its audit entry.
	 * @param id filing
	 * @param version expected version or null
	 * @param clauseRefs clause numbers or citations
	 * @param evidence evidence text, for every clause
	 * @param file the evidence file
	 * @return the filing
	 */
	public FilingView attestAll(UUID id, @Nullable Long version, List<String> clauseRefs, String evidence,
			Upload file) {
		return command(id, version, FilingAction.ATTEST, (filing, user) -> {
			DocumentRef document = store(filing.id(), file, "条款确认证据：" + String.join("、", clauseRefs), user);
			filing.attestAll(clauseRefs, evidence, document, act(user, null));
		});
	}

	/**
	 * The hospital takes back a submission the authority has not received yet.
	 * @param id filing
	 * @param version expected version or null
	 * @param reason why, optional
	 * @return the filing, back in the state it was submitted from
	 */
	public FilingView withdraw(UUID id, @Nullable Long version, @Nullable String reason) {
		return command(id, version, FilingAction.WITHDRAW,
				(filing, user) -> filing.withdraw(act(user, reason), this.deadlines));
	}

	/**
	 * Deletes a draft that was never submitted, with its files; the audit entry keeps its
	 * last state.
	 * @param id filing
	 * @param version expected version or null
	 */
	public void deleteDraft(UUID id, @Nullable Long version) {
		CurrentUser user = this.identity.currentUser();
		Filing filing = loadFor(id, version, user);
		Map<String, Object> before = FilingStore.auditState(filing.data());
		this.access.authorize(FilingAction.DELETE_DRAFT, user, filing);
		filing.deleteDraft(act(user, null));
		this.store.delete(filing, before);
	}

	/**
	 * The hospital asks to cancel an active filing.
	 * @param id filing
	 * @param version expected version or null
	 * @param text why
	 * @return the filing
	 */
	public FilingView requestCancellation(UUID id, @Nullable Long version, String text) {
		return command(id, version, FilingAction.REQUEST_CANCELLATION,
				(filing, user) -> filing.requestCancellation(text, act(user, text), this.deadlines));
	}

	// ---------------------------------------------------------------- authorities

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView receive(UUID id, @Nullable Long version, @Nullable String opinion) {
		return command(id, version, FilingAction.RECEIVE,
				(filing, user) -> filing.receive(act(user, opinion), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView escalate(UUID id, @Nullable Long version, @Nullable String opinion) {
		return command(id, version, FilingAction.ESCALATE,
				(filing, user) -> filing.escalate(act(user, opinion), this.deadlines));
	}

	/**
	 * Starts the expert review with experts of the pools within the authority's reach; an
	 * expert employed by the filing institution is refused (recusal, 422
	 * {@code EXPERT_RECUSED} naming the expert), as is one not active in a pool (422
	 * {@code EXPERT_NOT_ASSIGNABLE}).
	 * @param id filing
	 * @param version expected version or null
	 * @param expertIds user ids of accounts with role EXPERT
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView startExpertReview(UUID id, @Nullable Long version, List<UUID> expertIds,
			@Nullable String opinion) {
		return command(id, version, FilingAction.START_EXPERT_REVIEW, (filing, user) -> {
			List<ExpertReview> experts = new ArrayList<>();
			for (ExpertAssignment.AssignedExpert expert : this.experts.requireAssignable(subject(filing.data()),
					expertIds)) {
				experts.add(new ExpertReview(expert.id(), expert.displayName(), null, null, null));
			}
			filing.startExpertReview(experts, act(user, opinion), this.deadlines);
		});
	}

	/**
	 * Replaces an assigned expert who has not given an opinion by another assignable,
	 * non-recused expert (checked as at the start of the review).
	 * @param id filing
	 * @param version expected version or null
	 * @param replacedId the user id of the expert leaving
	 * @param expertId the user id of the expert coming in
	 * @param reason why
	 * @return the filing
	 */
	public FilingView replaceExpert(UUID id, @Nullable Long version, UUID replacedId, UUID expertId, String reason) {
		return command(id, version, FilingAction.REPLACE_EXPERT, (filing, user) -> {
			ExpertAssignment.AssignedExpert expert = this.experts
				.requireAssignable(subject(filing.data()), List.of(expertId))
				.getFirst();
			filing.replaceExpert(replacedId, new ExpertReview(expert.id(), expert.displayName(), null, null, null),
					reason, act(user, reason), this.deadlines);
		});
	}

	/**
	 * The experts the authority that may start the filing's expert review can choose
	 * from, specialty matches first, recused experts flagged with the reason.
	 * @param id filing
	 * @return the candidates
	 */
	@Transactional(readOnly = true)
	public List<ExpertCandidate> expertCandidates(UUID id) {
		CurrentUser user = this.identity.currentUser();
		Filing filing = loadFor(id, null, user);
		this.access.authorize(reviewAction(filing), user, filing);
		requireExpertReviewPossible(filing);
		return this.experts.candidates(subject(filing.data()));
	}

	/**
	 * Draws experts at random for the filing's expert review among the matching,
	 * non-recused candidates; the draw is audited on the filing.
	 * @param id filing
	 * @param count how many
	 * @return the draw
	 */
	public ExpertDrawResult drawExperts(UUID id, int count) {
		CurrentUser user = this.identity.currentUser();
		Filing filing = loadFor(id, null, user);
		this.access.authorize(reviewAction(filing), user, filing);
		requireExpertReviewPossible(filing);
		return this.experts.draw(subject(filing.data()), count);
	}

	/** Starting the review, or replacing an expert once it runs. */
	private static FilingAction reviewAction(Filing filing) {
		return filing.state() == FilingState.UNDER_EXPERT_REVIEW ? FilingAction.REPLACE_EXPERT
				: FilingAction.START_EXPERT_REVIEW;
	}

	/**
	 * Candidates and draws serve the start of an expert review: not for a filing already
	 * decided or under review, nor one that is not at its reviewing level (a holder could
	 * otherwise draw again and again).
	 */
	private static void requireExpertReviewPossible(Filing filing) {
		if (!FilingTransitions.of(FilingAction.START_EXPERT_REVIEW).possible(filing)
				&& !FilingTransitions.of(FilingAction.REPLACE_EXPERT).possible(filing)) {
			throw new IllegalFilingTransition("备案当前状态为“" + filing.state().label() + "”，不能抽取或选择评审专家（仅在可发起专家评审时）");
		}
	}

	private static AssignmentSubject subject(FilingData data) {
		return new AssignmentSubject("Filing", data.id(), data.technology().code(), data.institution().id(),
				data.institution().name());
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param verdict AGREE, DISAGREE or SUPPLEMENT
	 * @param text opinion
	 * @return the filing
	 */
	public FilingView recordExpertOpinion(UUID id, @Nullable Long version, String verdict, String text) {
		Verdict which = FilingStore.parse(Verdict.class, verdict, "verdict", "专家意见");
		return command(id, version, FilingAction.RECORD_EXPERT_OPINION, (filing, user) -> {
			filing.recordExpertOpinion(which, text, act(user, text), this.deadlines);
		});
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param decision APPROVED, RETURNED_FOR_SUPPLEMENT or REJECTED
	 * @param reasons reasons
	 * @return the filing
	 */
	public FilingView decide(UUID id, @Nullable Long version, String decision, String reasons) {
		DecisionKind which = FilingStore.parse(DecisionKind.class, decision, "decision", "审查决定");
		return command(id, version, FilingAction.DECIDE,
				(filing, user) -> filing.decide(which, reasons, act(user, reasons), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView notifyResult(UUID id, @Nullable Long version, @Nullable String opinion) {
		return command(id, version, FilingAction.NOTIFY_RESULT,
				(filing, user) -> filing.notifyResult(act(user, opinion), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param licenceNote note as written on the licence copy
	 * @return the filing
	 */
	public FilingView activate(UUID id, @Nullable Long version, String licenceNote) {
		return command(id, version, FilingAction.ACTIVATE,
				(filing, user) -> filing.activate(licenceNote, act(user, licenceNote)));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param reason an {@link EndingReason} code
	 * @param text details
	 * @return the filing
	 */
	public FilingView suspend(UUID id, @Nullable Long version, String reason, String text) {
		EndingReason which = FilingStore.parse(EndingReason.class, reason, "reason", "中止原因");
		if (which == EndingReason.VOLUNTARY_CANCELLATION) {
			// a hospital that asks to cancel ends the filing (撤销), it does not pause it
			throw new InvalidFilingRequest("“" + which.label() + "”不是中止的原因：医疗机构申请注销的，应撤销备案");
		}
		return command(id, version, FilingAction.SUSPEND,
				(filing, user) -> filing.suspend(which, text, act(user, text)));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param text remark
	 * @return the filing
	 */
	public FilingView resume(UUID id, @Nullable Long version, @Nullable String text) {
		return command(id, version, FilingAction.RESUME, (filing, user) -> filing.resume(act(user, text)));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param reason an {@link EndingReason} code
	 * @param text details
	 * @return the filing
	 */
	public FilingView revoke(UUID id, @Nullable Long version, String reason, String text) {
		EndingReason which = FilingStore.parse(EndingReason.class, reason, "reason", "撤销原因");
		return command(id, version, FilingAction.REVOKE, (filing, user) -> {
			if (which == EndingReason.VOLUNTARY_CANCELLATION && !filing.data().cancellationRequested()) {
				throw new InvalidFilingRequest("医疗机构未申请注销，不能以“" + which.label() + "”为由撤销");
			}
			filing.revoke(which, text, act(user, text));
		});
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param text why the proposal is dismissed
	 * @return the filing
	 */
	public FilingView dismissRevocationProposal(UUID id, @Nullable Long version, String text) {
		return command(id, version, FilingAction.DISMISS_REVOCATION_PROPOSAL,
				(filing, user) -> filing.dismissRevocationProposal(text, act(user, text)));
	}

	// ---------------------------------------------------------------- prior filings

	/**
	 * Registers a filing approved on paper before the platform existed (存量备案登记): it
	 * becomes {@code ACTIVE} dated from its approval day. Only the authority that decides
	 * filings of that technology for that institution ({@link AuthorityRouting}'s review
	 * authority, the one that takes {@code decide}) may register it.
	 * @param prior the paper approval
	 * @return the active filing
	 * @throws cn.rtms.identity.AccessDenied when the user is not that authority
	 * @throws InvalidFilingRequest when a field is missing or not acceptable
	 * @throws FilingAlreadyExists when the institution has a filing of the technology
	 * that has not ended
	 */
	public FilingView registerPrior(PriorFiling prior) {
		CurrentUser user = this.accessPolicy.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY,
				Role.PROVINCE_AUTHORITY);
		UUID institutionId = requireField(prior.institutionId(), "institutionId", "医疗机构");
		String technology = requireText(prior.technology(), "technology", "技术编码");
		LocalDate approvedOn = requireField(prior.approvedOn(), "approvedOn", "批准日期");
		String documentNo = requireText(prior.documentNo(), "documentNo", "批准文号/备案号");
		RestrictedTechnology tech = this.catalog.get(technology);
		InstitutionDetails institution = this.institutions.get(institutionId);
		if (institution.licence() == null) {
			throw new InvalidFilingRequest(institution.name() + " 尚未登记《医疗机构执业许可证》（发证机关），无法确定受理机关和审查机关，不能登记存量备案");
		}
		Filing.Route route = routing().route(institution.licence().issuerRegionCode(),
				tech.level() == RestrictedTechnology.TechnologyLevel.NATIONAL);
		this.access.requirePriorRegistrar(user, route, institution.name(), tech.code() + " " + tech.name());
		FilingData open = this.filings.ofInstitution(institutionId)
			.stream()
			.filter(d -> d.technology().code().equals(tech.code()) && !d.state().isFinal())
			.findFirst()
			.orElse(null);
		if (open != null) {
			throw new FilingAlreadyExists(institution.name() + " 已有 " + tech.code() + " " + tech.name() + " 的备案（"
					+ open.origin().label() + "，状态“" + open.state().label() + "”，编号 " + open.id() + "），不能再登记存量备案");
		}
		UUID id = UUID.randomUUID();
		Upload upload = prior.approvalDocument();
		DocumentRef document = null;
		if (upload != null) {
			String type = this.uploads.check(upload);
			document = new DocumentRef(UUID.randomUUID(), UploadPolicy.fileName(upload), type, upload.content().length,
					UploadPolicy.sha256(upload.content()), "批准文件（" + documentNo + "）", actor(user), this.store.now());
		}
		String note = prior.note() == null || prior.note().isBlank() ? null : prior.note().strip();
		Filing filing = Filing.registerPrior(id,
				new Filing.InstitutionRef(institutionId, institution.name(), institution.regionCode()),
				new Filing.TechnologyRef(tech.code(), tech.name(), tech.level().name()), route,
				new Filing.PriorApproval(approvedOn, documentNo, note, document), prior.firstCaseDate(),
				act(user, null), this.deadlines);
		FilingData saved = this.store.save(filing, null);
		if (upload != null && document != null) {
			this.documents.store(id, document, upload.content());
		}
		return this.views.view(saved, user);
	}

	// ---------------------------------------------------------------- plumbing

	private interface Command {

		void apply(Filing filing, CurrentUser user);

	}

	/**
	 * Loads the filing, checks the user may read it and the expected version, checks the
	 * user is the action's party ({@link FilingTransitions}), applies the verb (which
	 * checks state and condition from the same row) and saves with an audit entry.
	 */
	private FilingView command(UUID id, @Nullable Long version, FilingAction action, Command command) {
		CurrentUser user = this.identity.currentUser();
		Filing filing = loadFor(id, version, user);
		Map<String, Object> before = FilingStore.auditState(filing.data());
		this.access.authorize(action, user, filing);
		command.apply(filing, user);
		return this.views.view(this.store.save(filing, before), user);
	}

	private Filing loadFor(UUID id, @Nullable Long version, CurrentUser user) {
		Filing filing = this.store.load(id);
		this.access.requireRead(user, filing.data());
		if (version != null && version != filing.version()) {
			throw new FilingConcurrentlyModified(
					"备案已被他人修改（您看到的是版本 " + version + "，当前版本 " + filing.version() + "），请刷新后重试；本次操作未生效");
		}
		return filing;
	}

	private DocumentRef store(UUID filingId, Upload upload, @Nullable String description, CurrentUser user) {
		String type = this.uploads.check(upload);
		String name = UploadPolicy.fileName(upload);
		DocumentRef ref = new DocumentRef(UUID.randomUUID(), name, type, upload.content().length,
				UploadPolicy.sha256(upload.content()), description, actor(user), this.store.now());
		this.documents.store(filingId, ref, upload.content());
		return ref;
	}

	private static <T> T requireField(@Nullable T value, String field, String label) {
		if (value == null) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		return value;
	}

	private static String requireText(@Nullable String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		return value.strip();
	}

	private AuthorityRouting routing() {
		Map<String, AuthorityRouting.Area> areas = new HashMap<>();
		for (Region region : this.institutions.regionTree()) {
			collect(region, areas);
		}
		return new AuthorityRouting(areas);
	}

	private static void collect(Region region, Map<String, AuthorityRouting.Area> areas) {
		areas.put(region.code(),
				new AuthorityRouting.Area(region.code(), region.level(), region.parentCode(), region.directAdmin()));
		for (Region child : region.children()) {
			collect(child, areas);
		}
	}

	private Act act(CurrentUser user, @Nullable String opinion) {
		return new Act(actor(user), this.store.now(), this.store.today(),
				opinion == null || opinion.isBlank() ? null : opinion);
	}

	private static Actor actor(CurrentUser user) {
		return new Actor(user.id(), user.displayName(), user.role().name(), user.role().label(),
				user.role().isAuthority() ? user.regionCode() : null);
	}

}
