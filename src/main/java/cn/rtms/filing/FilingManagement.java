package cn.rtms.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
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
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingDocuments;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.RevocationPolicy;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.identity.UserSummary;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.Region;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.NoSpecInForce;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filing use cases: every command checks who may act (hospital of the institution,
 * the authority holding the filing, an assigned expert, the competent authority), loads
 * the aggregate, calls its verb, stores the filing (and any uploaded file) with an audit
 * entry in one transaction, and publishes the recorded events.
 */
@Service
@Transactional
public class FilingManagement {

	private static final Logger log = LoggerFactory.getLogger(FilingManagement.class);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Filings filings;

	private final FilingDocuments documents;

	private final WorkingDayDeadlines deadlines;

	private final UploadPolicy uploads;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final UserManagement users;

	private final AuditTrail audit;

	private final CatalogManagement catalog;

	private final InstitutionManagement institutions;

	private final EligibilityManagement eligibility;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	FilingManagement(Filings filings, FilingDocuments documents, WorkingDayDeadlines deadlines, UploadPolicy uploads,
			IdentityManagement identity, AccessPolicy access, UserManagement users, AuditTrail audit,
			CatalogManagement catalog, InstitutionManagement institutions, EligibilityManagement eligibility,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.filings = filings;
		this.documents = documents;
		this.deadlines = deadlines;
		this.uploads = uploads;
		this.identity = identity;
		this.access = access;
		this.users = users;
		this.audit = audit;
		this.catalog = catalog;
		this.institutions = institutions;
		this.eligibility = eligibility;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	// ---------------------------------------------------------------- hospital

	/**
	 * Starts a draft for the current hospital user's institution.
	 * @param technology technology code
	 * @param firstCaseDate first case, if already performed
	 * @return the draft
	 */
	public FilingView create(String technology, @Nullable LocalDate firstCaseDate) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
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
		return view(save(filing, null, "FILING_CREATE"), user);
	}

	/**
	 * Runs the engine for the institution and freezes the result.
	 * @param id filing
	 * @param version expected version or null
	 * @return the filing
	 */
	public FilingView selfAssess(UUID id, @Nullable Long version) {
		return hospitalCommand(id, version, "FILING_SELF_ASSESS", (filing, user) -> {
			FilingData data = filing.data();
			EligibilityReport report = this.eligibility.institutionReport(data.institution().id(),
					data.technology().code(), false, today());
			filing.selfAssess(new Filing.Assessment(report.specKey(), now(), report), act(user, null));
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
		return hospitalCommand(id, version, "FILING_ATTEST", (filing, user) -> {
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
		Committee which = parse(Committee.class, committee, "committee", "委员会");
		return hospitalCommand(id, version, "FILING_COMMITTEE_OPINION", (filing, user) -> {
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
		return hospitalCommand(id, version, "FILING_ADD_DOCUMENT", (filing, user) -> {
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
		return hospitalCommand(id, version, "FILING_SUBMIT",
				(filing, user) -> filing.submit(firstCaseDate, act(user, null), this.deadlines));
	}

	/**
	 * The hospital asks to cancel an active filing.
	 * @param id filing
	 * @param version expected version or null
	 * @param text why
	 * @return the filing
	 */
	public FilingView requestCancellation(UUID id, @Nullable Long version, String text) {
		return hospitalCommand(id, version, "FILING_REQUEST_CANCELLATION",
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
		return holderCommand(id, version, "FILING_RECEIVE",
				(filing, user) -> filing.receive(act(user, opinion), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView escalate(UUID id, @Nullable Long version, @Nullable String opinion) {
		return holderCommand(id, version, "FILING_ESCALATE",
				(filing, user) -> filing.escalate(act(user, opinion), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param expertIds user ids of accounts with role EXPERT
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView startExpertReview(UUID id, @Nullable Long version, List<UUID> expertIds,
			@Nullable String opinion) {
		return holderCommand(id, version, "FILING_START_EXPERT_REVIEW", (filing, user) -> {
			List<ExpertReview> experts = new ArrayList<>();
			for (UUID expertId : expertIds) {
				experts.add(new ExpertReview(expertId, expertName(expertId), null, null, null));
			}
			filing.startExpertReview(experts, act(user, opinion), this.deadlines);
		});
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param verdict AGREE, DISAGREE or SUPPLEMENT
	 * @param text opinion
	 * @return the filing
	 */
	public FilingView recordExpertOpinion(UUID id, @Nullable Long version, String verdict, String text) {
		Verdict which = parse(Verdict.class, verdict, "verdict", "专家意见");
		return command(id, version, "FILING_EXPERT_OPINION", (filing, user) -> {
			if (user.role() != Role.EXPERT || !filing.isAssignedExpert(user.id())) {
				throw new AccessDenied("只有指派给该备案的评审专家才能提交专家意见");
			}
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
		DecisionKind which = parse(DecisionKind.class, decision, "decision", "审查决定");
		return holderCommand(id, version, "FILING_DECIDE_" + which.name(),
				(filing, user) -> filing.decide(which, reasons, act(user, reasons), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param opinion opinion
	 * @return the filing
	 */
	public FilingView notifyResult(UUID id, @Nullable Long version, @Nullable String opinion) {
		return holderCommand(id, version, "FILING_NOTIFY_RESULT",
				(filing, user) -> filing.notifyResult(act(user, opinion), this.deadlines));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param licenceNote note as written on the licence copy
	 * @return the filing
	 */
	public FilingView activate(UUID id, @Nullable Long version, String licenceNote) {
		return holderCommand(id, version, "FILING_ACTIVATE",
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
		EndingReason which = parse(EndingReason.class, reason, "reason", "中止原因");
		return competentCommand(id, version, "FILING_SUSPEND",
				(filing, user) -> filing.suspend(which, text, act(user, text)));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param text remark
	 * @return the filing
	 */
	public FilingView resume(UUID id, @Nullable Long version, @Nullable String text) {
		return competentCommand(id, version, "FILING_RESUME", (filing, user) -> filing.resume(act(user, text)));
	}

	/**
	 * @param id filing
	 * @param version expected version or null
	 * @param reason an {@link EndingReason} code
	 * @param text details
	 * @return the filing
	 */
	public FilingView revoke(UUID id, @Nullable Long version, String reason, String text) {
		EndingReason which = parse(EndingReason.class, reason, "reason", "撤销原因");
		return competentCommand(id, version, "FILING_REVOKE", (filing, user) -> {
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
		return competentCommand(id, version, "FILING_DISMISS_REVOCATION_PROPOSAL",
				(filing, user) -> filing.dismissRevocationProposal(text, act(user, text)));
	}

	/**
	 * Re-evaluates every active filing (authorities: those they are competent for; the
	 * system administrator and the daily task: all) and proposes revocations. Runs
	 * without a surrounding transaction: each proposal is committed on its own. A filing
	 * that cannot be decided is listed as undetermined and one whose check fails as an
	 * error (both logged); neither is treated as passing.
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult checkRevocations() {
		CurrentUser user = this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
		return runRevocationCheck(data -> user.role() == Role.SYSTEM_ADMIN
				|| this.access.coversRegion(user, data.route().receivingRegionCode()));
	}

	/**
	 * Re-evaluates the active filings of one institution after its record or one of its
	 * people changed, proposing revocation where the conditions are no longer met. Runs
	 * as the system: nobody asked for it.
	 * @param institutionId the institution whose facts changed
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult recheckInstitution(UUID institutionId) {
		return this.identity.asSystem(() -> runRevocationCheck(data -> data.institution().id().equals(institutionId)));
	}

	/**
	 * Re-evaluates every active filing as the system (the daily task, and at startup,
	 * when a new spec edition may have come into force).
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult recheckAll() {
		return this.identity.asSystem(() -> runRevocationCheck(data -> true));
	}

	private RevocationCheckResult runRevocationCheck(Predicate<FilingData> scope) {
		int checked = 0;
		List<FilingSummary> proposed = new ArrayList<>();
		List<RevocationCheckResult.Finding> undetermined = new ArrayList<>();
		List<RevocationCheckResult.Finding> errors = new ArrayList<>();
		LocalDate today = today();
		for (UUID id : this.filings.activeIds()) {
			Filing filing = this.filings.find(id).orElseThrow();
			if (!scope.test(filing.data())) {
				continue;
			}
			checked++;
			Check check;
			try {
				check = revocationCheck(filing.data(), today);
			}
			catch (RuntimeException ex) {
				log.error("备案 {}（{} {}）撤销检查出错", id, filing.data().institution().name(),
						filing.data().technology().code(), ex);
				errors.add(new RevocationCheckResult.Finding(summary(filing.data(), today), "撤销检查出错，未作判断："
						+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName())));
				continue;
			}
			for (String why : check.undetermined()) {
				log.warn("备案 {}（{} {}）撤销条件无法判断：{}", id, filing.data().institution().name(),
						filing.data().technology().code(), why);
				undetermined.add(new RevocationCheckResult.Finding(summary(filing.data(), today), why));
			}
			for (String error : check.errors()) {
				log.error("备案 {}（{} {}）撤销检查出错：{}", id, filing.data().institution().name(),
						filing.data().technology().code(), error);
				errors.add(new RevocationCheckResult.Finding(summary(filing.data(), today), error));
			}
			RevocationPolicy.Proposal proposal = check.proposal();
			if (proposal == null) {
				continue;
			}
			FilingSummary summary = this.transactions.execute(status -> propose(id, proposal, today));
			if (summary != null) {
				proposed.add(summary);
			}
		}
		return new RevocationCheckResult(checked, proposed, undetermined, errors);
	}

	/**
	 * What the check found for one filing: a proposal (at most one), what could not be
	 * decided, and errors.
	 */
	private record Check(RevocationPolicy.@Nullable Proposal proposal, List<String> undetermined, List<String> errors) {
	}

	private @Nullable FilingSummary propose(UUID id, RevocationPolicy.Proposal proposal, LocalDate today) {
		Filing filing = load(id);
		Map<String, Object> before = auditState(filing.data());
		Act act = new Act(new Actor(IdentityManagement.SYSTEM_ID, "系统自动检查", "SYSTEM", "系统", null), now(), today,
				proposal.detail());
		if (!filing.proposeRevocation(proposal.reason(), proposal.detail(), act, this.deadlines)) {
			return null;
		}
		List<Object> recorded = filing.drainEvents();
		Filing saved = this.filings.save(filing);
		this.audit.record("FILING_PROPOSE_REVOCATION", "Filing", id.toString(), before, auditState(saved.data()));
		recorded.forEach(this.events::publishEvent);
		return summary(saved.data(), today);
	}

	/**
	 * Checks one filing (吉卫医发〔2022〕12号 一) with {@link RevocationPolicy}: not performed
	 * for 2 years or more, from the institution's dated case volumes; conditions no
	 * longer met, from a re-evaluation against the edition in force. Unknown facts and a
	 * spec no longer in force are undetermined; an evaluation error is an error, never a
	 * pass.
	 */
	private Check revocationCheck(FilingData data, LocalDate today) {
		String technology = data.technology().code();
		InstitutionDetails institution = this.institutions.get(data.institution().id());
		List<RevocationPolicy.YearCases> volumes = (institution.caseVolumes() == null) ? null
				: institution.caseVolumes()
					.stream()
					.filter(v -> v.technology().equals(technology))
					.map(v -> new RevocationPolicy.YearCases(v.year(), v.cases()))
					.toList();
		RevocationPolicy.Inactivity inactivity = RevocationPolicy.inactivity(technology, volumes, data.activatedOn(),
				data.firstCaseDate(), today);
		List<String> undetermined = new ArrayList<>();
		if (inactivity.undetermined() != null) {
			undetermined.add(inactivity.undetermined());
		}
		if (inactivity.proposal() != null) {
			return new Check(inactivity.proposal(), undetermined, List.of());
		}
		EligibilityReport report;
		try {
			report = this.eligibility.institutionReport(data.institution().id(), technology, false, today);
		}
		catch (NoSpecInForce ex) {
			undetermined.add("无法按管理规范重新评估：" + Objects.toString(ex.getBody().getDetail(), "没有适用的管理规范"));
			return new Check(null, undetermined, List.of());
		}
		List<String> errors = new ArrayList<>();
		if ("ERROR".equals(report.status())) {
			errors.add("按 " + report.specKey() + " 重新评估出错，未作判断："
					+ String.join("；",
							report.clauses()
								.stream()
								.filter(c -> "ERROR".equals(c.status()))
								.map(c -> c.citation() + " " + c.explanation())
								.toList()));
		}
		return new Check(RevocationPolicy.conditions(report), undetermined, errors);
	}

	// ---------------------------------------------------------------- reads

	/**
	 * @param id filing
	 * @return the filing, when the current user may read it
	 */
	@Transactional(readOnly = true)
	public FilingView get(UUID id) {
		CurrentUser user = this.identity.currentUser();
		FilingData data = load(id).data();
		requireRead(user, data);
		return view(data, user);
	}

	/**
	 * @param id filing
	 * @param documentId document
	 * @return the file with its metadata, when the current user may read the filing
	 */
	@Transactional(readOnly = true)
	public StoredDocument document(UUID id, UUID documentId) {
		CurrentUser user = this.identity.currentUser();
		FilingData data = load(id).data();
		requireRead(user, data);
		DocumentRef ref = data.documents()
			.stream()
			.filter(d -> d.id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> new FilingNotFound("备案中没有材料 " + documentId));
		byte[] content = this.documents.content(id, documentId)
			.orElseThrow(() -> new FilingNotFound("备案中没有材料 " + documentId));
		return new StoredDocument(ref.fileName(), ref.contentType(), ref.sha256(), content);
	}

	/**
	 * A stored file.
	 *
	 * @param fileName original name
	 * @param contentType detected type
	 * @param sha256 checksum
	 * @param content bytes
	 */
	public record StoredDocument(String fileName, String contentType, String sha256, byte[] content) {
	}

	/**
	 * @param state state code or null
	 * @param technology technology code or null
	 * @param regionCode institutions in this region (or below) or null
	 * @return the filings the current user may read
	 */
	@Transactional(readOnly = true)
	public List<FilingSummary> list(@Nullable String state, @Nullable String technology, @Nullable String regionCode) {
		LocalDate today = today();
		return visible(state, technology, regionCode).stream().map(d -> summary(d, today)).toList();
	}

	/**
	 * @param state state code or null
	 * @param technology technology code or null
	 * @param regionCode region or null
	 * @return the visible filings in full, for export and printing
	 */
	@Transactional(readOnly = true)
	public List<FilingView> listFull(@Nullable String state, @Nullable String technology, @Nullable String regionCode) {
		CurrentUser user = this.identity.currentUser();
		return visible(state, technology, regionCode).stream().map(d -> view(d, user)).toList();
	}

	private List<FilingData> visible(@Nullable String state, @Nullable String technology, @Nullable String regionCode) {
		CurrentUser user = this.identity.currentUser();
		List<FilingState> states = state == null || state.isBlank() ? List.of()
				: List.of(parse(FilingState.class, state, "state", "备案状态"));
		List<FilingData> candidates;
		if (user.role().isInstitutional()) {
			candidates = user.institutionId() == null ? List.of() : this.filings.ofInstitution(user.institutionId());
			candidates = candidates.stream()
				.filter(d -> states.isEmpty() || states.contains(d.state()))
				.filter(d -> technology == null || technology.isBlank() || d.technology().code().equals(technology))
				.toList();
		}
		else if (user.role() == Role.EXPERT) {
			candidates = this.filings.assignedTo(user.id())
				.stream()
				.filter(d -> states.isEmpty() || states.contains(d.state()))
				.filter(d -> technology == null || technology.isBlank() || d.technology().code().equals(technology))
				.toList();
		}
		else {
			candidates = this.filings.search(states, technology == null || technology.isBlank() ? null : technology);
		}
		Map<String, List<String>> ancestry = new HashMap<>();
		return candidates.stream()
			.filter(d -> canRead(user, d))
			.filter(d -> regionCode == null || regionCode.isBlank()
					|| ancestry.computeIfAbsent(d.institution().regionCode(), this.institutions::regionAncestry)
						.contains(regionCode))
			.toList();
	}

	/**
	 * @return what the current user must act on, overdue first
	 */
	@Transactional(readOnly = true)
	public List<InboxItem> inbox() {
		CurrentUser user = this.identity.currentUser();
		LocalDate today = today();
		List<InboxItem> items = new ArrayList<>();
		if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN) && user.institutionId() != null) {
			for (FilingData d : this.filings.ofInstitution(user.institutionId())) {
				Filing f = Filing.restore(d);
				switch (d.state()) {
					case DRAFT, SELF_ASSESSED -> items.add(new InboxItem(summary(d, today), "COMPLETE_DRAFT", "完善并提交备案",
							d.filingDeadline(), f.lateFiling(today)));
					case RETURNED_FOR_SUPPLEMENT -> items.add(new InboxItem(summary(d, today), "SUPPLEMENT",
							"按审查意见补充材料后重新提交", d.actionDueOn(), f.overdue(today)));
					default -> {
					}
				}
			}
		}
		else if (user.role().isAuthority() && user.regionCode() != null) {
			String region = user.regionCode();
			for (FilingData d : this.filings.heldByOrReceivedBy(region)) {
				Filing f = Filing.restore(d);
				boolean overdue = d.actionDueOn() != null && today.isAfter(d.actionDueOn());
				if (region.equals(d.holderRegionCode())) {
					String[] action = switch (d.state()) {
						case SUBMITTED -> new String[] { "RECEIVE", "受理备案" };
						case RECEIVED, ESCALATED -> f.atReviewLevel() ? new String[] { "ESCALATE_OR_REVIEW", "组织专家审查" }
								: new String[] { "ESCALATE_OR_REVIEW", "逐级上报" };
						case UNDER_EXPERT_REVIEW -> new String[] { "DECIDE", "汇总专家意见并作出审查决定" };
						case APPROVED, RESULT_NOTIFIED ->
							f.atReceivingLevel() ? new String[] { "ACTIVATE", "在许可证副本备注栏注明并确认备案有效" }
									: new String[] { "NOTIFY_RESULT", "逐级通知审查结果" };
						default -> null;
					};
					if (action != null) {
						items.add(new InboxItem(summary(d, today), action[0], action[1], d.actionDueOn(), overdue));
					}
				}
				if (region.equals(d.route().receivingRegionCode())
						&& (d.state() == FilingState.ACTIVE || d.state() == FilingState.SUSPENDED)) {
					Filing.RevocationProposal proposal = d.revocationProposal();
					if (proposal != null) {
						items.add(new InboxItem(summary(d, today), "REVOCATION_PROPOSAL",
								"处理撤销建议：" + proposal.reason().label(), proposal.dueOn(),
								today.isAfter(proposal.dueOn())));
					}
					if (d.cancellationRequested()) {
						items.add(new InboxItem(summary(d, today), "CANCELLATION_REQUEST", "处理医疗机构注销申请",
								d.actionDueOn(), overdue));
					}
				}
			}
		}
		else if (user.role() == Role.EXPERT) {
			for (FilingData d : this.filings.assignedTo(user.id())) {
				if (d.state() == FilingState.UNDER_EXPERT_REVIEW
						&& d.experts().stream().anyMatch(e -> e.userId().equals(user.id()) && e.verdict() == null)) {
					boolean overdue = d.actionDueOn() != null && today.isAfter(d.actionDueOn());
					items.add(new InboxItem(summary(d, today), "EXPERT_OPINION", "提交专家审查意见", d.actionDueOn(), overdue));
				}
			}
		}
		items.sort(Comparator.comparing((InboxItem i) -> !i.overdue())
			.thenComparing(i -> i.dueOn() == null ? LocalDate.MAX : i.dueOn()));
		return items;
	}

	/**
	 * @param regionCode region (institutions in it or below), or null for all
	 * @return active and revoked filings, for the public (no login)
	 */
	@Transactional(readOnly = true)
	public List<PublicFiling> publicList(@Nullable String regionCode) {
		Map<String, List<String>> ancestry = new HashMap<>();
		Map<String, @Nullable String> names = new HashMap<>();
		return this.filings.search(List.of(FilingState.ACTIVE, FilingState.REVOKED), null)
			.stream()
			.filter(d -> regionCode == null || regionCode.isBlank()
					|| ancestry.computeIfAbsent(d.institution().regionCode(), this.institutions::regionAncestry)
						.contains(regionCode))
			.sorted(Comparator.comparing((FilingData d) -> d.institution().regionCode())
				.thenComparing(d -> d.institution().name())
				.thenComparing(d -> d.technology().code()))
			.map(d -> new PublicFiling(d.institution().name(), d.institution().regionCode(),
					names.computeIfAbsent(d.institution().regionCode(), this.institutions::regionName),
					d.technology().code(), d.technology().name(), d.state().name(), d.state().label(), d.activatedOn(),
					d.revokedOn(),
					d.state() == FilingState.REVOKED && d.ending() != null ? d.ending().reason().label() : null,
					d.licenceNote()))
			.toList();
	}

	// ---------------------------------------------------------------- command plumbing

	private interface Command {

		void apply(Filing filing, CurrentUser user);

	}

	private FilingView hospitalCommand(UUID id, @Nullable Long version, String action, Command command) {
		return command(id, version, action, (filing, user) -> {
			if (!user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
					|| !filing.data().institution().id().equals(user.institutionId())) {
				throw new AccessDenied("只有 " + filing.data().institution().name() + " 的医务科或医院管理员可以办理此操作");
			}
			command.apply(filing, user);
		});
	}

	private FilingView holderCommand(UUID id, @Nullable Long version, String action, Command command) {
		return command(id, version, action, (filing, user) -> {
			if (!user.role().isAuthority() || user.regionCode() == null) {
				throw new AccessDenied("只有卫生健康行政部门可以办理此操作");
			}
			String holder = filing.holder();
			if (holder != null && !holder.equals(user.regionCode())) {
				throw new AccessDenied(
						"该备案当前由" + regionLabel(holder) + "办理，不在本级（" + regionLabel(user.regionCode()) + "）；本次操作未生效");
			}
			if (holder == null && !filing.state().isFinal() && filing.state() != FilingState.DRAFT
					&& filing.state() != FilingState.SELF_ASSESSED
					&& filing.state() != FilingState.RETURNED_FOR_SUPPLEMENT) {
				throw new AccessDenied("该备案当前不在卫生健康行政部门办理");
			}
			command.apply(filing, user);
		});
	}

	private FilingView competentCommand(UUID id, @Nullable Long version, String action, Command command) {
		return command(id, version, action, (filing, user) -> {
			if (!user.role().isAuthority()
					|| !this.access.coversRegion(user, filing.data().route().receivingRegionCode())) {
				throw new AccessDenied("只有受理机关（" + regionLabel(filing.data().route().receivingRegionCode())
						+ "）或其上级卫生健康行政部门可以中止、恢复或撤销该备案");
			}
			command.apply(filing, user);
		});
	}

	private FilingView command(UUID id, @Nullable Long version, String action, Command command) {
		CurrentUser user = this.identity.currentUser();
		Filing filing = load(id);
		requireRead(user, filing.data());
		if (version != null && version != filing.version()) {
			throw new FilingConcurrentlyModified(
					"备案已被他人修改（您看到的是版本 " + version + "，当前版本 " + filing.version() + "），请刷新后重试；本次操作未生效");
		}
		Map<String, Object> before = auditState(filing.data());
		command.apply(filing, user);
		return view(save(filing, before, action), user);
	}

	private FilingData save(Filing filing, @Nullable Map<String, Object> before, String action) {
		List<Object> recorded = filing.drainEvents();
		Filing saved = this.filings.save(filing);
		this.audit.record(action, "Filing", saved.id().toString(), before, auditState(saved.data()));
		recorded.forEach(this.events::publishEvent);
		return saved.data();
	}

	private DocumentRef store(UUID filingId, Upload upload, @Nullable String description, CurrentUser user) {
		String type = this.uploads.check(upload);
		String name = upload.fileName().isBlank() ? "未命名文件" : upload.fileName();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		DocumentRef ref = new DocumentRef(UUID.randomUUID(), name, type, upload.content().length,
				UploadPolicy.sha256(upload.content()), description, actor(user), now());
		this.documents.store(filingId, ref, upload.content());
		return ref;
	}

	private Filing load(UUID id) {
		return this.filings.find(id).orElseThrow(() -> new FilingNotFound("备案 " + id + " 不存在"));
	}

	private static Map<String, Object> auditState(FilingData d) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", d.version());
		state.put("institutionId", d.institution().id().toString());
		state.put("technology", d.technology().code());
		state.put("state", d.state().name());
		state.put("holderRegionCode", d.holderRegionCode());
		state.put("actionDueOn", d.actionDueOn() == null ? null : d.actionDueOn().toString());
		state.put("documents", d.documents().stream().map(doc -> doc.id() + ":" + doc.sha256()).toList());
		if (!d.steps().isEmpty()) {
			Filing.Step last = d.steps().get(d.steps().size() - 1);
			state.put("lastStep", last.action());
			state.put("opinion", last.opinion());
		}
		return state;
	}

	// ---------------------------------------------------------------- permissions

	private void requireRead(CurrentUser user, FilingData data) {
		if (!canRead(user, data)) {
			throw new AccessDenied("无权查看或办理该备案（不在当前账号的数据范围内）");
		}
	}

	boolean canRead(CurrentUser user, FilingData data) {
		return switch (user.role()) {
			case SYSTEM_ADMIN -> true;
			case HOSPITAL_CLERK, HOSPITAL_ADMIN, PHYSICIAN, TRAINING_BASE_ADMIN ->
				data.institution().id().equals(user.institutionId());
			case COUNTY_AUTHORITY, CITY_AUTHORITY, PROVINCE_AUTHORITY ->
				user.regionCode() != null && (data.route().path().contains(user.regionCode())
						|| this.access.coversRegion(user, data.institution().regionCode()));
			case EXPERT -> data.experts().stream().anyMatch(e -> e.userId().equals(user.id()));
		};
	}

	private List<String> allowedActions(CurrentUser user, FilingData d) {
		List<String> actions = new ArrayList<>();
		Filing f = Filing.restore(d);
		FilingState s = d.state();
		boolean hospital = user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
				&& d.institution().id().equals(user.institutionId());
		boolean holder = user.role().isAuthority() && user.regionCode() != null
				&& user.regionCode().equals(d.holderRegionCode());
		boolean competent = user.role().isAuthority()
				&& this.access.coversRegion(user, d.route().receivingRegionCode());
		if (hospital) {
			if (s == FilingState.DRAFT || s == FilingState.SELF_ASSESSED || s == FilingState.RETURNED_FOR_SUPPLEMENT) {
				actions.add("self-assessment");
				actions.add("committee-opinions");
				actions.add("documents");
			}
			if (s == FilingState.SELF_ASSESSED || s == FilingState.RETURNED_FOR_SUPPLEMENT) {
				if (d.assessment() != null && !f.pendingAttestations().isEmpty()) {
					actions.add("attestations");
				}
				actions.add("submit");
			}
			if (s == FilingState.ACTIVE && !d.cancellationRequested()) {
				actions.add("cancellation-request");
			}
		}
		if (holder) {
			switch (s) {
				case SUBMITTED -> actions.add("receive");
				case RECEIVED, ESCALATED -> actions.add(f.atReviewLevel() ? "expert-review" : "escalate");
				case UNDER_EXPERT_REVIEW -> actions.add("decision");
				case APPROVED, RESULT_NOTIFIED -> actions.add(f.atReceivingLevel() ? "activate" : "notify-result");
				default -> {
				}
			}
		}
		if (user.role() == Role.EXPERT && s == FilingState.UNDER_EXPERT_REVIEW && f.isAssignedExpert(user.id())) {
			actions.add("expert-opinions");
		}
		if (competent) {
			if (s == FilingState.ACTIVE) {
				actions.add("suspend");
			}
			if (s == FilingState.SUSPENDED) {
				actions.add("resume");
			}
			if (s == FilingState.ACTIVE || s == FilingState.SUSPENDED) {
				actions.add("revoke");
			}
			if (d.revocationProposal() != null) {
				actions.add("revocation-proposal/dismiss");
			}
		}
		return actions;
	}

	// ---------------------------------------------------------------- helpers

	private String expertName(UUID expertId) {
		UserSummary expert;
		try {
			expert = this.identity.asSystem(() -> this.users.get(expertId));
		}
		catch (RuntimeException ex) {
			throw new InvalidFilingRequest("评审专家账号 " + expertId + " 不存在");
		}
		if (expert.role() != Role.EXPERT) {
			throw new InvalidFilingRequest("所选账号不是评审专家，不能指派");
		}
		return expert.displayName();
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

	private String regionLabel(@Nullable String code) {
		if (code == null) {
			return "—";
		}
		String name = this.institutions.regionName(code);
		return name == null ? code : name + "（" + code + "）";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidFilingRequest(label + "（" + field + "）不能为空");
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			throw new InvalidFilingRequest(
					label + "（" + field + "）的取值 “" + value + "” 无效，允许：" + String.join("、", allowed));
		}
	}

	private Act act(CurrentUser user, @Nullable String opinion) {
		return new Act(actor(user), now(), today(), opinion == null || opinion.isBlank() ? null : opinion);
	}

	private static Actor actor(CurrentUser user) {
		return new Actor(user.id(), user.displayName(), user.role().name(), user.role().label(),
				user.role().isAuthority() ? user.regionCode() : null);
	}

	private Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	// ---------------------------------------------------------------- views

	FilingSummary summary(FilingData d, LocalDate today) {
		Filing f = Filing.restore(d);
		return new FilingSummary(d.id(), d.version(), d.institution().id(), d.institution().name(),
				d.institution().regionCode(), d.technology().code(), d.technology().name(), d.technology().level(),
				d.state().name(), d.state().label(), d.holderRegionCode(),
				d.holderRegionCode() == null ? null : this.institutions.regionName(d.holderRegionCode()),
				d.firstCaseDate(), d.filingDeadline(), f.lateFiling(today), d.actionDueOn(), f.overdue(today),
				d.submittedOn(), d.updatedAt(), calendarNote(d));
	}

	private FilingView view(FilingData d, CurrentUser user) {
		LocalDate today = today();
		Filing f = Filing.restore(d);
		Filing.Assessment a = d.assessment();
		return new FilingView(d.id(), d.version(), d.institution().id(), d.institution().name(),
				d.institution().regionCode(), d.technology().code(), d.technology().name(), d.technology().level(),
				"NATIONAL".equals(d.technology().level()) ? "国家级" : "省级", d.state().name(), d.state().label(),
				d.route().receivingRegionCode(), this.institutions.regionName(d.route().receivingRegionCode()),
				d.route().reviewRegionCode(), this.institutions.regionName(d.route().reviewRegionCode()),
				d.holderRegionCode(),
				d.holderRegionCode() == null ? null : this.institutions.regionName(d.holderRegionCode()),
				d.route().path(), d.firstCaseDate(), d.filingDeadline(), d.submittedOn(), f.lateFiling(today),
				d.actionDueOn(), f.overdue(today),
				a == null ? null
						: new FilingView.AssessmentView(a.specKey(), a.assessedAt(), a.report().status(),
								a.report().statusLabel(), a.report()),
				d.attestations()
					.stream()
					.map(x -> new FilingView.AttestationView(x.clauseRef(), x.citation(), x.evidence(), x.documentId(),
							actorView(x.confirmedBy()), x.confirmedAt()))
					.toList(),
				f.pendingAttestations(),
				d.committeeOpinions()
					.stream()
					.map(o -> new FilingView.CommitteeOpinionView(o.committee().name(), o.committee().label(),
							o.meetingDate(), o.opinion(), o.minutesDocumentId(), actorView(o.recordedBy()),
							o.recordedAt()))
					.toList(),
				d.documents()
					.stream()
					.map(x -> new FilingView.DocumentView(x.id(), x.fileName(), x.contentType(), x.size(), x.sha256(),
							x.description(), actorView(x.uploadedBy()), x.uploadedAt()))
					.toList(),
				d.experts()
					.stream()
					.map(e -> new FilingView.ExpertView(e.userId(), e.name(),
							e.verdict() == null ? null : e.verdict().name(),
							e.verdict() == null ? null : e.verdict().label(), e.text(), e.at()))
					.toList(),
				d.decision() == null ? null
						: new FilingView.DecisionView(d.decision().decision().name(), d.decision().decision().label(),
								d.decision().reasons(), actorView(d.decision().by()), d.decision().at()),
				d.licenceNote(), d.activatedOn(), d.revokedOn(), d.cancellationRequested(),
				d.ending() == null ? null
						: new FilingView.EndingView(d.ending().reason().name(), d.ending().reason().label(),
								d.ending().text(), actorView(d.ending().by()), d.ending().at()),
				d.revocationProposal() == null ? null
						: new FilingView.ProposalView(d.revocationProposal().id(),
								d.revocationProposal().reason().name(), d.revocationProposal().reason().label(),
								d.revocationProposal().detail(), d.revocationProposal().proposedAt(),
								d.revocationProposal().dueOn(), today.isAfter(d.revocationProposal().dueOn())),
				d.steps()
					.stream()
					.map(s -> new FilingView.StepView(s.action(), StepLabels.label(s.action()), s.fromState().name(),
							s.toState().name(), s.regionCode(), actorView(s.actor()), s.at(), s.opinion()))
					.toList(),
				allowedActions(user, d), calendarNote(d));
	}

	/**
	 * The holiday calendar's coverage note for the deadlines of a filing, from the first
	 * case (or submission) to the latest due date.
	 */
	private @Nullable String calendarNote(FilingData d) {
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate date : new LocalDate[] { d.firstCaseDate(), d.filingDeadline(), d.submittedOn(),
				d.actionDueOn() }) {
			if (date != null) {
				dates.add(date);
			}
		}
		if (dates.isEmpty()) {
			return null;
		}
		return this.deadlines.calendar()
			.coverageNote(dates.stream().min(LocalDate::compareTo).orElseThrow(),
					dates.stream().max(LocalDate::compareTo).orElseThrow());
	}

	private static FilingView.ActorView actorView(Actor a) {
		return new FilingView.ActorView(a.userId(), a.name(), a.role(), a.roleLabel());
	}

}
