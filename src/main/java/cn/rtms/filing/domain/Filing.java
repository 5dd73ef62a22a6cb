package cn.rtms.filing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.filing.FilingIncomplete;
import cn.rtms.filing.FilingStateChanged;
import cn.rtms.filing.FirstCaseDateFrozen;
import cn.rtms.filing.IllegalFilingTransition;
import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.RevocationProposed;
import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

/**
 * A filing (备案) of one restricted technology by one institution: the aggregate that
 * enforces the workflow of 吉卫医发〔2022〕12号. Every transition is a verb that checks the
 * current state, throws {@link IllegalFilingTransition} naming both states when it does
 * not fit, appends a {@link Step} and records a {@link FilingStateChanged} event. The
 * states and conditions each verb accepts come from {@link FilingTransitions}; the
 * application service checks the party of the same row before calling the verb. Where the
 * filing is (which authority holds it) is decided here.
 */
public final class Filing {

	/** Earliest approval date a prior filing may carry. */
	public static final LocalDate EARLIEST_PRIOR_APPROVAL = LocalDate.of(2000, 1, 1);

	/** Longest document number (批准文号/备案号) of a prior filing. */
	public static final int MAX_DOCUMENT_NO_LENGTH = 100;

	/** Longest note of a prior filing. */
	public static final int MAX_PRIOR_NOTE_LENGTH = 1000;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private UUID id;

	private long version;

	private InstitutionRef institution;

	private TechnologyRef technology;

	private Route route;

	private FilingState state;

	private @Nullable String holderRegionCode;

	private @Nullable LocalDate firstCaseDate;

	private @Nullable LocalDate filingDeadline;

	private @Nullable LocalDate submittedOn;

	private @Nullable LocalDate actionDueOn;

	private @Nullable Assessment assessment;

	private List<Attestation> attestations;

	private List<CommitteeOpinion> committeeOpinions;

	private List<DocumentRef> documents;

	private List<ExpertReview> experts;

	private @Nullable Decision decision;

	private @Nullable String licenceNote;

	private @Nullable LocalDate activatedOn;

	private @Nullable LocalDate revokedOn;

	private boolean cancellationRequested;

	private @Nullable Ending ending;

	private @Nullable RevocationProposal revocationProposal;

	private List<Step> steps;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable PriorApproval prior;

	private final List<Object> events = new ArrayList<>();

	private final int loadedSteps;

	/**
	 * How long an authority's dismissal of a revocation proposal stands against the same
	 * finding before the check may propose it again.
	 */
	public static final Duration DISMISSAL_STANDS = Duration.ofDays(180);

	private Filing(FilingData d) {
		this.id = d.id();
		this.version = d.version();
		this.institution = d.institution();
		this.technology = d.technology();
		this.route = d.route();
		this.state = d.state();
		this.holderRegionCode = d.holderRegionCode();
		this.firstCaseDate = d.firstCaseDate();
		this.filingDeadline = d.filingDeadline();
		this.submittedOn = d.submittedOn();
		this.actionDueOn = d.actionDueOn();
		this.assessment = d.assessment();
		this.attestations = new ArrayList<>(d.attestations());
		this.committeeOpinions = new ArrayList<>(d.committeeOpinions());
		this.documents = new ArrayList<>(d.documents());
		this.experts = new ArrayList<>(d.experts());
		this.decision = d.decision();
		this.licenceNote = d.licenceNote();
		this.activatedOn = d.activatedOn();
		this.revokedOn = d.revokedOn();
		this.cancellationRequested = d.cancellationRequested();
		this.ending = d.ending();
		this.revocationProposal = d.revocationProposal();
		this.steps = new ArrayList<>(d.steps());
		this.loadedSteps = d.steps().size();
		this.createdAt = d.createdAt();
		this.updatedAt = d.updatedAt();
		this.prior = d.prior();
	}

	/**
	 * Starts a draft.
	 * @param id new id
	 * @param institution the filing institution
	 * @param technology the technology with its level
	 * @param route receiving authority and the path up to the review authority
	 * @param firstCaseDate first case, when already known
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 * @return the draft
	 */
	public static Filing start(UUID id, InstitutionRef institution, TechnologyRef technology, Route route,
			@Nullable LocalDate firstCaseDate, Act act, Deadlines deadlines) {
		if (firstCaseDate != null && firstCaseDate.isAfter(act.today())) {
			throw new InvalidFilingRequest("首例开展日期 " + firstCaseDate + " 不能晚于今天");
		}
		Filing filing = new Filing(new FilingData(id, 0, institution, technology, route, FilingState.DRAFT, null,
				firstCaseDate, firstCaseDate == null ? null : deadlines.filingDeadline(firstCaseDate), null, null, null,
				List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, null, null, List.of(),
				act.at(), act.at(), null));
		filing.step(FilingStep.CREATE, FilingState.DRAFT, FilingState.DRAFT, null, act);
		return filing;
	}

	/**
	 * Registers a filing approved on paper before the platform existed (存量备案): it is
	 * {@code ACTIVE} from its approval day, as submitted on that day, held by the
	 * receiving authority like any active filing, and its history holds the one step
	 * {@link FilingStep#PRIOR_REGISTERED} by the registering authority, dated today. This
	 * is a creation, like {@link #start}, not a step of {@link FilingTransitions}: from
	 * here on the table governs it like any active filing.
	 * @param id new id
	 * @param institution the institution
	 * @param technology the technology with its level
	 * @param route receiving authority and the path up to the review authority
	 * @param approval approval date, document number, note and document of the paper
	 * approval
	 * @param firstCaseDate first case, when known
	 * @param act the registering authority and today
	 * @param deadlines working-day deadlines (the filing deadline after the first case)
	 * @return the active filing
	 * @throws InvalidFilingRequest naming the field when a date or text is not acceptable
	 */
	public static Filing registerPrior(UUID id, InstitutionRef institution, TechnologyRef technology, Route route,
			PriorApproval approval, @Nullable LocalDate firstCaseDate, Act act, Deadlines deadlines) {
		LocalDate approvedOn = approval.approvedOn();
		if (approvedOn.isAfter(act.today())) {
			throw new InvalidFilingRequest("批准日期（approvedOn）" + approvedOn + " 不能晚于今天（" + act.today() + "）");
		}
		if (approvedOn.isBefore(EARLIEST_PRIOR_APPROVAL)) {
			throw new InvalidFilingRequest(
					"批准日期（approvedOn）" + approvedOn + " 不能早于 " + EARLIEST_PRIOR_APPROVAL + "，请核对批准文件");
		}
		if (firstCaseDate != null && firstCaseDate.isAfter(act.today())) {
			throw new InvalidFilingRequest("首例开展日期（firstCaseDate）" + firstCaseDate + " 不能晚于今天（" + act.today() + "）");
		}
		String documentNo = approval.documentNo();
		if (documentNo.isBlank()) {
			throw new InvalidFilingRequest("批准文号/备案号（documentNo）不能为空");
		}
		if (documentNo.length() > MAX_DOCUMENT_NO_LENGTH) {
			throw new InvalidFilingRequest(
					"批准文号/备案号（documentNo）长度为 " + documentNo.length() + " 个字符，超过上限 " + MAX_DOCUMENT_NO_LENGTH + " 个字符");
		}
		if (documentNo.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidFilingRequest("批准文号/备案号（documentNo）不能含有控制字符（含换行、制表符）");
		}
		String note = approval.note();
		if (note != null && note.length() > MAX_PRIOR_NOTE_LENGTH) {
			throw new InvalidFilingRequest(
					"备注（note）长度为 " + note.length() + " 个字符，超过上限 " + MAX_PRIOR_NOTE_LENGTH + " 个字符");
		}
		List<DocumentRef> documents = new ArrayList<>();
		if (approval.document() != null) {
			documents.add(approval.document());
		}
		Filing filing = new Filing(
				new FilingData(id, 0, institution, technology, route, FilingState.ACTIVE, route.receivingRegionCode(),
						firstCaseDate, firstCaseDate == null ? null : deadlines.filingDeadline(firstCaseDate),
						approvedOn, null, null, List.of(), List.of(), documents, List.of(), null, null, approvedOn,
						null, false, null, null, List.of(), act.at(), act.at(), approval));
		filing.step(FilingStep.PRIOR_REGISTERED, FilingState.ACTIVE, FilingState.ACTIVE, "依批准文件登记存量备案：批准日期 "
				+ approvedOn + "，批准文号 " + documentNo + (note == null || note.isBlank() ? "" : "；" + note), act);
		return filing;
	}

	/**
	 * @param data a stored snapshot
	 * @return the aggregate
	 */
	public static Filing restore(FilingData data) {
		return new Filing(data);
	}

	/**
	 * @return an immutable snapshot to store or show
	 */
	public FilingData data() {
		return new FilingData(this.id, this.version, this.institution, this.technology, this.route, this.state,
				this.holderRegionCode, this.firstCaseDate, this.filingDeadline, this.submittedOn, this.actionDueOn,
				this.assessment, List.copyOf(this.attestations), List.copyOf(this.committeeOpinions),
				List.copyOf(this.documents), List.copyOf(this.experts), this.decision, this.licenceNote,
				this.activatedOn, this.revokedOn, this.cancellationRequested, this.ending, this.revocationProposal,
				List.copyOf(this.steps), this.createdAt, this.updatedAt, this.prior);
	}

	/**
	 * @return events recorded since load, then forgotten
	 */
	public List<Object> drainEvents() {
		List<Object> copy = List.copyOf(this.events);
		this.events.clear();
		return copy;
	}

	/**
	 * @return id
	 */
	public UUID id() {
		return this.id;
	}

	/**
	 * @return stored version
	 */
	public long version() {
		return this.version;
	}

	/**
	 * @return state
	 */
	public FilingState state() {
		return this.state;
	}

	/**
	 * @return the region code of the authority holding the filing, null when with the
	 * hospital or final
	 */
	public @Nullable String holder() {
		return this.holderRegionCode;
	}

	// --- hospital ---

	/**
	 * Freezes the engine's clause-by-clause result. Attestations of clauses that still
	 * need one are kept.
	 * @param assessment the result
	 * @param act who and when
	 */
	public void selfAssess(Assessment assessment, Act act) {
		FilingState from = require(FilingAction.SELF_ASSESS, FilingState.SELF_ASSESSED);
		Set<String> needing = new LinkedHashSet<>(pendingCitations(assessment, List.of()));
		this.attestations.removeIf(a -> !needing.contains(a.citation()));
		this.assessment = assessment;
		transition(FilingStep.SELF_ASSESS, from, FilingState.SELF_ASSESSED, null, act);
	}

	/**
	 * Confirms a clause the engine could not check.
	 * @param clauseRef clause number as printed or its citation
	 * @param evidence what was seen
	 * @param document the evidence file, or null
	 * @param act who and when
	 */
	public void attest(String clauseRef, String evidence, @Nullable DocumentRef document, Act act) {
		FilingState from = requireAttestable();
		EligibilityReport.ClauseResult clause = attestableClause(clauseRef, evidence);
		if (document != null) {
			this.documents.add(document);
		}
		confirm(from, clause, evidence, document, act);
	}

	/**
	 * Confirms several clauses the engine could not check with one evidence file (批量确认):
	 * the file is attached once, each clause gets its own attestation and its own step.
	 * Every clause is checked before anything changes.
	 * @param clauseRefs clause numbers as printed or citations, at least one, none twice
	 * @param evidence what was seen, for every clause
	 * @param document the evidence file
	 * @param act who and when
	 */
	public void attestAll(List<String> clauseRefs, String evidence, DocumentRef document, Act act) {
		FilingState from = requireAttestable();
		if (clauseRefs.isEmpty()) {
			throw new InvalidFilingRequest("请至少选择一项“待确认”条款");
		}
		List<EligibilityReport.ClauseResult> clauses = new ArrayList<>();
		for (String ref : clauseRefs) {
			EligibilityReport.ClauseResult clause = attestableClause(ref, evidence);
			if (clauses.stream().anyMatch(c -> c.citation().equals(clause.citation()))) {
				throw new InvalidFilingRequest("条款 " + clause.citation() + " 重复选择");
			}
			clauses.add(clause);
		}
		this.documents.add(document);
		for (EligibilityReport.ClauseResult clause : clauses) {
			confirm(from, clause, evidence, document, act);
		}
	}

	private FilingState requireAttestable() {
		return require(FilingAction.ATTEST, this.state,
				() -> "自评结果中没有需要人工确认（“待确认”）的条款，不能确认条款（当前状态“" + this.state.label() + "”）");
	}

	private EligibilityReport.ClauseResult attestableClause(String clauseRef, String evidence) {
		Assessment assessment = Objects.requireNonNull(this.assessment);
		EligibilityReport.ClauseResult clause = assessment.report()
			.clauses()
			.stream()
			.filter(c -> c.ref().equals(clauseRef) || c.citation().equals(clauseRef))
			.findFirst()
			.orElseThrow(() -> new InvalidFilingRequest("自评结果中没有条款 " + clauseRef));
		if (!"NEEDS_ATTESTATION".equals(clause.status())) {
			throw new InvalidFilingRequest(
					"条款 " + clause.citation() + " 的评估结论为“" + clause.statusLabel() + "”，无需人工确认（只有“待确认”的条款需要）");
		}
		if (evidence.isBlank()) {
			throw new InvalidFilingRequest("确认条款 " + clause.citation() + " 时必须填写证据说明");
		}
		return clause;
	}

	private void confirm(FilingState from, EligibilityReport.ClauseResult clause, String evidence,
			@Nullable DocumentRef document, Act act) {
		this.attestations.removeIf(a -> a.citation().equals(clause.citation()));
		this.attestations.add(new Attestation(clause.ref(), clause.citation(), evidence,
				document == null ? null : document.id(), act.actor(), act.at()));
		step(FilingStep.ATTEST, from, from, clause.citation() + "：" + evidence, act);
	}

	/**
	 * Records the opinion of the hospital's 医疗技术临床应用管理委员会 or 伦理委员会 (replacing an earlier
	 * one).
	 * @param committee which committee
	 * @param meetingDate meeting date
	 * @param opinion the committee's opinion
	 * @param minutes the minutes
	 * @param act who and when
	 */
	public void recordCommitteeOpinion(Committee committee, LocalDate meetingDate, String opinion, DocumentRef minutes,
			Act act) {
		FilingState from = require(FilingAction.RECORD_COMMITTEE_OPINION, this.state);
		if (opinion.isBlank()) {
			throw new InvalidFilingRequest(committee.label() + "意见不能为空");
		}
		if (meetingDate.isAfter(act.today())) {
			throw new InvalidFilingRequest(committee.label() + "会议日期不能晚于今天");
		}
		this.documents.add(minutes);
		this.committeeOpinions.removeIf(o -> o.committee() == committee);
		this.committeeOpinions
			.add(new CommitteeOpinion(committee, meetingDate, opinion, minutes.id(), act.actor(), act.at()));
		step(FilingStep.COMMITTEE_OPINION, from, from, committee.label() + "（" + meetingDate + "）：" + opinion, act);
	}

	/**
	 * Attaches a supporting document.
	 * @param document the stored file
	 * @param act who and when
	 */
	public void addDocument(DocumentRef document, Act act) {
		FilingState from = require(FilingAction.ADD_DOCUMENT, this.state);
		this.documents.add(document);
		step(FilingStep.ADD_DOCUMENT, from, from, document.fileName(), act);
	}

	/**
	 * Submits to the receiving authority (also a resubmission after a return). The first
	 * case date declared with the first submission not withdrawn is final: a resubmission
	 * must declare the same date.
	 * @param firstCaseDate the first case's date
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 * @throws FirstCaseDateFrozen when a resubmission declares another first case date
	 */
	public void submit(LocalDate firstCaseDate, Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.SUBMIT, FilingState.SUBMITTED);
		if (this.assessment == null) {
			throw new FilingIncomplete("提交前必须先完成自评");
		}
		if (firstCaseDate.isAfter(act.today())) {
			throw new InvalidFilingRequest("首例开展日期 " + firstCaseDate + " 不能晚于今天");
		}
		List<String> pending = pendingAttestations();
		if (!pending.isEmpty()) {
			throw new FilingIncomplete("以下“待确认”条款尚未确认并提供证据：" + String.join("、", pending));
		}
		List<String> missing = new ArrayList<>();
		for (Committee committee : Committee.values()) {
			if (this.committeeOpinions.stream().noneMatch(o -> o.committee() == committee)) {
				missing.add(committee.label() + "意见");
			}
		}
		if (!missing.isEmpty()) {
			throw new FilingIncomplete("提交前必须登记" + String.join("和", missing) + "（含会议日期和会议纪要）");
		}
		LocalDate firstSubmitted = firstSubmittedOn();
		LocalDate declared = this.firstCaseDate;
		if (firstSubmitted != null && declared != null && !declared.equals(firstCaseDate)) {
			throw new FirstCaseDateFrozen("首例开展日期 " + declared + " 已随 " + firstSubmitted + " 的首次提交报送，备案期限（"
					+ this.filingDeadline + "）据此计算；重新提交时不能改为 " + firstCaseDate + "。如原申报有误，请在补充材料中说明并告知受理机关");
		}
		this.firstCaseDate = firstCaseDate;
		this.filingDeadline = deadlines.filingDeadline(firstCaseDate);
		this.submittedOn = act.today();
		this.experts.clear();
		this.decision = null;
		moveTo(this.route.receivingRegionCode(), Deadline.RECEIVE, act, deadlines);
		transition(FilingStep.SUBMIT, from, FilingState.SUBMITTED, act.opinion(), act);
	}

	/**
	 * The hospital takes back a submission the receiving authority has not received yet
	 * (撤回提交): the filing returns to the state it was submitted from, held by the hospital
	 * again; a withdrawn resubmission is again 退回补充 with the return's decision and
	 * supplement deadline, and {@code submittedOn} is that of the submission before (none
	 * for a first submission).
	 * @param act who and when (the opinion is the optional reason)
	 * @param deadlines working-day deadlines
	 */
	public void withdraw(Act act, Deadlines deadlines) {
		Step submission = null;
		for (Step step : this.steps) {
			if (step.action() == FilingStep.SUBMIT) {
				submission = step;
			}
		}
		FilingState target = submission == null ? FilingState.SELF_ASSESSED : submission.fromState();
		FilingState from = require(FilingAction.WITHDRAW, target);
		this.holderRegionCode = null;
		this.actionDueOn = null;
		this.submittedOn = effectiveSubmissions(this.steps).stream().skip(1).findFirst().orElse(null);
		if (target == FilingState.RETURNED_FOR_SUPPLEMENT) {
			Step returned = null;
			for (Step step : this.steps) {
				if (step.action() == FilingStep.DECIDE_RETURNED_FOR_SUPPLEMENT) {
					returned = step;
				}
			}
			if (returned != null) {
				LocalDate day = LocalDate.ofInstant(returned.at(), SHANGHAI);
				this.actionDueOn = deadlines.due(Deadline.SUPPLEMENT, day);
				this.decision = new Decision(DecisionKind.RETURNED_FOR_SUPPLEMENT,
						returned.opinion() == null ? "" : returned.opinion(), returned.actor(), returned.at());
			}
		}
		transition(FilingStep.WITHDRAW, from, target, act.opinion(), act);
	}

	/**
	 * Records the deletion of a draft that was never submitted (删除草稿); the application
	 * service then deletes the stored filing and its files.
	 * @param act who and when
	 */
	public void deleteDraft(Act act) {
		FilingState from = require(FilingAction.DELETE_DRAFT, this.state,
				() -> "该备案曾提交至卫生健康行政部门，不能删除（当前状态“" + this.state.label() + "”）");
		step(FilingStep.DELETE_DRAFT, from, from, act.opinion(), act);
	}

	/**
	 * @return whether the filing was ever submitted (also when the submission was
	 * withdrawn)
	 */
	public boolean everSubmitted() {
		return this.steps.stream().anyMatch(s -> s.action() == FilingStep.SUBMIT);
	}

	/**
	 * @return the day of the first submission not withdrawn: the one the 15 working days
	 * after the first case are judged by (a resubmission after 退回补充 does not move it);
	 * for a prior filing its approval day; null when never submitted or every submission
	 * was withdrawn
	 */
	public @Nullable LocalDate firstSubmittedOn() {
		return firstSubmittedOn(this.steps, this.submittedOn);
	}

	/**
	 * @return the times the filing was suspended, oldest first, from the SUSPEND and
	 * RESUME steps (the last one open while it is suspended)
	 */
	public List<Suspension> suspensions() {
		return suspensions(this.steps);
	}

	static @Nullable LocalDate firstSubmittedOn(List<Step> steps, @Nullable LocalDate submittedOn) {
		Deque<LocalDate> days = effectiveSubmissions(steps);
		return days.isEmpty() ? submittedOn : days.peekLast();
	}

	static List<Suspension> suspensions(List<Step> steps) {
		List<Suspension> suspensions = new ArrayList<>();
		LocalDate open = null;
		for (Step step : steps) {
			if (step.action() == FilingStep.SUSPEND) {
				open = day(step);
			}
			else if (step.action() == FilingStep.RESUME && open != null) {
				suspensions.add(new Suspension(open, day(step)));
				open = null;
			}
		}
		if (open != null) {
			suspensions.add(new Suspension(open, null));
		}
		return List.copyOf(suspensions);
	}

	/** Days of the submissions not withdrawn, latest first. */
	private static Deque<LocalDate> effectiveSubmissions(List<Step> steps) {
		Deque<LocalDate> days = new ArrayDeque<>();
		for (Step step : steps) {
			if (step.action() == FilingStep.SUBMIT) {
				days.push(day(step));
			}
			else if (step.action() == FilingStep.WITHDRAW && !days.isEmpty()) {
				days.pop();
			}
		}
		return days;
	}

	private static LocalDate day(Step step) {
		return LocalDate.ofInstant(step.at(), SHANGHAI);
	}

	/**
	 * The hospital asks to cancel an active filing; the competent authority then revokes
	 * it.
	 * @param text why
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void requestCancellation(String text, Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.REQUEST_CANCELLATION, FilingState.ACTIVE,
				() -> "该备案已申请注销，等待卫生健康行政部门处理");
		this.cancellationRequested = true;
		this.actionDueOn = deadlines.due(Deadline.CANCELLATION, act.today());
		step(FilingStep.REQUEST_CANCELLATION, from, from, text, act);
	}

	// --- authorities ---

	/**
	 * The receiving authority receives (受理) the filing.
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void receive(Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.RECEIVE, FilingState.RECEIVED);
		this.actionDueOn = deadlines.due(atReviewLevel() ? Deadline.ASSIGN_EXPERTS : Deadline.ESCALATE, act.today());
		transition(FilingStep.RECEIVE, from, FilingState.RECEIVED, act.opinion(), act);
	}

	/**
	 * Passes the filing one level up (逐级上报).
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void escalate(Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.ESCALATE, FilingState.ESCALATED, () -> "该备案已在审查层级（"
				+ this.route.reviewRegionCode() + "），应组织专家审查，不能继续上报（当前状态“" + this.state.label() + "”）");
		List<String> path = this.route.path();
		String next = path.get(path.indexOf(this.holderRegionCode) + 1);
		Deadline step = next.equals(this.route.reviewRegionCode()) ? Deadline.ASSIGN_EXPERTS : Deadline.ESCALATE;
		moveTo(next, step, act, deadlines);
		transition(FilingStep.ESCALATE, from, FilingState.ESCALATED, act.opinion(), act);
	}

	/**
	 * The review authority assigns experts.
	 * @param experts the experts' user ids with names where known
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void startExpertReview(List<ExpertReview> experts, Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.START_EXPERT_REVIEW, FilingState.UNDER_EXPERT_REVIEW,
				() -> "该备案应由 " + this.route.reviewRegionCode() + " 组织专家审查，当前所在层级 " + this.holderRegionCode
						+ " 应逐级上报（当前状态“" + this.state.label() + "”）");
		if (experts.isEmpty()) {
			throw new InvalidFilingRequest("至少指派一名评审专家");
		}
		if (experts.stream().map(ExpertReview::userId).distinct().count() != experts.size()) {
			throw new InvalidFilingRequest("评审专家不能重复指派");
		}
		this.experts.clear();
		this.experts.addAll(experts);
		this.actionDueOn = deadlines.due(Deadline.EXPERT_OPINION, act.today());
		transition(FilingStep.START_EXPERT_REVIEW, from, FilingState.UNDER_EXPERT_REVIEW, act.opinion(), act);
	}

	/**
	 * @param userId a user id
	 * @return whether that user is an expert assigned to this filing (in any round still
	 * recorded)
	 */
	public boolean isAssignedExpert(UUID userId) {
		return this.experts.stream().anyMatch(e -> e.userId().equals(userId));
	}

	/**
	 * The review authority replaces an assigned expert who has not given an opinion (ill,
	 * unreachable, a conflict of interest found late): the new expert takes the place,
	 * the step names both and the reason, and the opinion deadline starts again from
	 * today.
	 * @param replaced the user id of the expert leaving
	 * @param replacement the expert coming in
	 * @param reason why, not blank
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void replaceExpert(UUID replaced, ExpertReview replacement, String reason, Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.REPLACE_EXPERT, FilingState.UNDER_EXPERT_REVIEW);
		if (reason.isBlank()) {
			throw new InvalidFilingRequest("更换评审专家必须说明原因");
		}
		int index = -1;
		for (int i = 0; i < this.experts.size(); i++) {
			if (this.experts.get(i).userId().equals(replaced)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new InvalidFilingRequest("被更换的人员不是本备案的评审专家");
		}
		ExpertReview leaving = this.experts.get(index);
		if (leaving.verdict() != null) {
			throw new InvalidFilingRequest(nameOf(leaving) + " 已提交专家意见，不能更换");
		}
		if (isAssignedExpert(replacement.userId())) {
			throw new InvalidFilingRequest(nameOf(replacement) + " 已是本备案的评审专家");
		}
		this.experts.set(index, new ExpertReview(replacement.userId(), replacement.name(), null, null, null));
		this.actionDueOn = deadlines.due(Deadline.EXPERT_OPINION, act.today());
		step(FilingStep.REPLACE_EXPERT, from, from,
				nameOf(leaving) + " → " + nameOf(replacement) + "，原因：" + reason.strip(), act);
	}

	/**
	 * @return whether an assigned expert has not given an opinion yet
	 */
	public boolean expertOpinionMissing() {
		return this.experts.stream().anyMatch(e -> e.verdict() == null);
	}

	private static String nameOf(ExpertReview expert) {
		return expert.name() != null ? expert.name() : "评审专家";
	}

	/**
	 * An assigned expert records (or replaces) an opinion.
	 * @param verdict agree / disagree / supplement
	 * @param text the opinion
	 * @param act who and when; the actor must be assigned
	 * @param deadlines working-day deadlines
	 */
	public void recordExpertOpinion(Verdict verdict, String text, Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.RECORD_EXPERT_OPINION, FilingState.UNDER_EXPERT_REVIEW);
		if (text.isBlank()) {
			throw new InvalidFilingRequest("专家意见不能为空");
		}
		List<ExpertReview> experts = this.experts;
		for (int i = 0; i < experts.size(); i++) {
			if (experts.get(i).userId().equals(act.actor().userId())) {
				experts.set(i, new ExpertReview(act.actor().userId(), act.actor().name(), verdict, text, act.at()));
			}
		}
		if (experts.stream().allMatch(e -> e.verdict() != null)) {
			this.actionDueOn = deadlines.due(Deadline.DECIDE, act.today());
		}
		step(FilingStep.EXPERT_OPINION, from, from, verdict.label() + "：" + text, act);
	}

	/**
	 * The review authority decides after every assigned expert gave an opinion.
	 * @param decision approve, return for supplement, or reject
	 * @param reasons why
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void decide(DecisionKind decision, String reasons, Act act, Deadlines deadlines) {
		FilingState target = switch (decision) {
			case APPROVED -> FilingState.APPROVED;
			case RETURNED_FOR_SUPPLEMENT -> FilingState.RETURNED_FOR_SUPPLEMENT;
			case REJECTED -> FilingState.REJECTED;
		};
		FilingState from = require(FilingAction.DECIDE, target);
		List<String> missing = this.experts.stream()
			.filter(e -> e.verdict() == null)
			.map(e -> e.name() != null ? e.name() : e.userId().toString())
			.toList();
		if (!missing.isEmpty()) {
			throw new FilingIncomplete("以下评审专家尚未提交意见：" + String.join("、", missing));
		}
		if (decision != DecisionKind.APPROVED && reasons.isBlank()) {
			throw new InvalidFilingRequest(decision.label() + "时必须说明理由");
		}
		this.decision = new Decision(decision, reasons, act.actor(), act.at());
		switch (decision) {
			case APPROVED -> this.actionDueOn = deadlines
				.due(atReceivingLevel() ? Deadline.ACTIVATE : Deadline.NOTIFY_RESULT, act.today());
			case RETURNED_FOR_SUPPLEMENT -> {
				this.holderRegionCode = null;
				this.actionDueOn = deadlines.due(Deadline.SUPPLEMENT, act.today());
			}
			case REJECTED -> {
				this.holderRegionCode = null;
				this.actionDueOn = null;
			}
		}
		transition(FilingStep.of(decision), from, target, reasons, act);
	}

	/**
	 * Passes the approval one level down toward the receiving authority (逐级通知).
	 * @param act who and when
	 * @param deadlines working-day deadlines
	 */
	public void notifyResult(Act act, Deadlines deadlines) {
		FilingState from = require(FilingAction.NOTIFY_RESULT, FilingState.RESULT_NOTIFIED,
				() -> "不能“逐级通知审查结果”：审查结果已到达受理机关，应在许可证副本备注栏注明后确认备案有效（当前状态“" + this.state.label() + "”）");
		List<String> path = this.route.path();
		String previous = path.get(path.indexOf(this.holderRegionCode) - 1);
		moveTo(previous, previous.equals(this.route.receivingRegionCode()) ? Deadline.ACTIVATE : Deadline.NOTIFY_RESULT,
				act, deadlines);
		transition(FilingStep.NOTIFY_RESULT, from, FilingState.RESULT_NOTIFIED, act.opinion(), act);
	}

	/**
	 * The receiving authority notes the filing on the licence (副本备注栏) and it becomes
	 * active.
	 * @param licenceNote the note as written on the licence
	 * @param act who and when
	 */
	public void activate(String licenceNote, Act act) {
		FilingState from = require(FilingAction.ACTIVATE, FilingState.ACTIVE, () -> "不能“确认备案有效”：审查结果尚未逐级通知到受理机关 "
				+ this.route.receivingRegionCode() + "（当前状态“" + this.state.label() + "”）");
		if (licenceNote.isBlank()) {
			throw new InvalidFilingRequest("必须填写《医疗机构执业许可证》副本备注栏的注明内容");
		}
		this.licenceNote = licenceNote;
		this.activatedOn = act.today();
		this.actionDueOn = null;
		transition(FilingStep.ACTIVATE, from, FilingState.ACTIVE, licenceNote, act);
	}

	/**
	 * The competent authority suspends an active filing.
	 * @param reason why
	 * @param text details
	 * @param act who and when
	 */
	public void suspend(EndingReason reason, String text, Act act) {
		FilingState from = require(FilingAction.SUSPEND, FilingState.SUSPENDED);
		checkReason(reason, text);
		this.ending = new Ending(reason, text, act.actor(), act.at());
		this.actionDueOn = null;
		transition(FilingStep.SUSPEND, from, FilingState.SUSPENDED, reason.label() + "：" + text, act);
	}

	/**
	 * The competent authority lifts a suspension.
	 * @param act who and when
	 */
	public void resume(Act act) {
		FilingState from = require(FilingAction.RESUME, FilingState.ACTIVE);
		this.ending = null;
		transition(FilingStep.RESUME, from, FilingState.ACTIVE, act.opinion(), act);
	}

	/**
	 * The competent authority revokes the filing; an open revocation proposal is closed
	 * as accepted.
	 * @param reason why
	 * @param text details
	 * @param act who and when
	 */
	public void revoke(EndingReason reason, String text, Act act) {
		FilingState from = require(FilingAction.REVOKE, FilingState.REVOKED);
		checkReason(reason, text);
		this.ending = new Ending(reason, text, act.actor(), act.at());
		this.revocationProposal = null;
		this.holderRegionCode = null;
		this.actionDueOn = null;
		this.revokedOn = act.today();
		transition(FilingStep.REVOKE, from, FilingState.REVOKED, reason.label() + "：" + text, act);
	}

	/**
	 * Attaches an automatic revocation proposal unless one is already open.
	 * @param reason proposed reason
	 * @param detail explanation
	 * @param act the system actor and time
	 * @param deadlines working-day deadlines
	 * @return whether a proposal was attached
	 */
	public boolean proposeRevocation(EndingReason reason, String detail, Act act, Deadlines deadlines) {
		if (!FilingTransitions.of(FilingAction.PROPOSE_REVOCATION).possible(this)
				|| dismissedRecently(reason, detail, act.at())) {
			return false;
		}
		this.revocationProposal = new RevocationProposal(UUID.randomUUID(), reason, detail, act.at(),
				deadlines.due(Deadline.REVOCATION_PROPOSAL, act.today()));
		step(FilingStep.PROPOSE_REVOCATION, FilingState.ACTIVE, FilingState.ACTIVE, reason.label() + "：" + detail, act);
		this.events.add(new RevocationProposed(id(), this.institution.id(), this.technology.code(), reason.name(),
				detail, act.at()));
		return true;
	}

	/**
	 * Whether the authority dismissed a proposal of the same finding within
	 * {@link #DISMISSAL_STANDS}: the same reason and detail, or for "2 years not
	 * performed" (whose detail names today's date) the same reason. The authority's
	 * decision stands until the finding changes or the period has passed; a different
	 * finding of the same reason (another clause no longer met) is proposed at once.
	 */
	private boolean dismissedRecently(EndingReason reason, String detail, Instant now) {
		String text = reason.label() + "：" + detail;
		Step proposed = null;
		for (Step step : this.steps) {
			if (step.action() == FilingStep.PROPOSE_REVOCATION) {
				proposed = step;
			}
			else if (step.action() == FilingStep.DISMISS_REVOCATION_PROPOSAL && proposed != null
					&& proposed.opinion() != null && step.at().plus(DISMISSAL_STANDS).isAfter(now)
					&& (proposed.opinion().equals(text) || (reason == EndingReason.NOT_PERFORMED_2_YEARS
							&& proposed.opinion().startsWith(reason.label() + "：")))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The competent authority dismisses the open revocation proposal.
	 * @param text why
	 * @param act who and when
	 */
	public void dismissRevocationProposal(String text, Act act) {
		FilingState from = require(FilingAction.DISMISS_REVOCATION_PROPOSAL, this.state,
				() -> "该备案没有待处理的撤销建议（当前状态“" + this.state.label() + "”）");
		if (text.isBlank()) {
			throw new InvalidFilingRequest("驳回撤销建议时必须说明理由");
		}
		this.revocationProposal = null;
		step(FilingStep.DISMISS_REVOCATION_PROPOSAL, from, from, text, act);
	}

	// --- queries ---

	/**
	 * @return the region of the authority that suspended the filing, while it is
	 * suspended and that is recorded; else null
	 */
	public @Nullable String suspendedByRegionCode() {
		return this.state == FilingState.SUSPENDED && this.ending != null ? this.ending.by().regionCode() : null;
	}

	/**
	 * @return how the filing came to be
	 */
	public FilingOrigin origin() {
		return this.prior == null ? FilingOrigin.WORKFLOW : FilingOrigin.PRIOR_REGISTRATION;
	}

	/**
	 * @return the filing institution's id
	 */
	public UUID institutionId() {
		return this.institution.id();
	}

	/**
	 * @return the receiving authority's region code (the licence issuer)
	 */
	public String receivingRegionCode() {
		return this.route.receivingRegionCode();
	}

	/**
	 * @return whether the hospital asked to cancel
	 */
	public boolean cancellationRequested() {
		return this.cancellationRequested;
	}

	/**
	 * @return whether an automatic revocation proposal is open
	 */
	public boolean hasOpenRevocationProposal() {
		return this.revocationProposal != null;
	}

	/**
	 * @return whether the frozen self-assessment has clauses that need an attestation
	 * (attested or not)
	 */
	public boolean hasClausesToAttest() {
		Assessment assessment = this.assessment;
		return assessment != null
				&& assessment.report().clauses().stream().anyMatch(c -> "NEEDS_ATTESTATION".equals(c.status()));
	}

	/**
	 * @param userId a user id
	 * @return whether that user is an assigned expert who has not given an opinion yet
	 */
	public boolean awaitsOpinionOf(UUID userId) {
		return this.experts.stream().anyMatch(e -> e.userId().equals(userId) && e.verdict() == null);
	}

	/**
	 * @return citations of clauses needing attestation that have none yet
	 */
	public List<String> pendingAttestations() {
		Assessment assessment = this.assessment;
		return assessment == null ? List.of() : pendingCitations(assessment, this.attestations);
	}

	/**
	 * @return whether the holder is the review authority
	 */
	public boolean atReviewLevel() {
		return Objects.equals(this.holderRegionCode, this.route.reviewRegionCode());
	}

	/**
	 * @return whether the holder is the receiving authority
	 */
	public boolean atReceivingLevel() {
		return Objects.equals(this.holderRegionCode, this.route.receivingRegionCode());
	}

	/**
	 * @param today today
	 * @return whether the filing was first submitted (or, unsubmitted, is) later than 15
	 * working days after the first case; a resubmission after 退回补充 does not make a filing
	 * submitted in time late
	 */
	public boolean lateFiling(LocalDate today) {
		LocalDate deadline = this.filingDeadline;
		if (deadline == null) {
			return false;
		}
		LocalDate submitted = firstSubmittedOn();
		return (submitted != null ? submitted : today).isAfter(deadline);
	}

	/**
	 * @param today today
	 * @return whether the current holder's due date has passed
	 */
	public boolean overdue(LocalDate today) {
		LocalDate due = this.actionDueOn;
		boolean late = due != null && today.isAfter(due);
		RevocationProposal proposal = this.revocationProposal;
		return late || (proposal != null && today.isAfter(proposal.dueOn()))
				|| (this.state == FilingState.DRAFT || this.state == FilingState.SELF_ASSESSED) && lateFiling(today);
	}

	// --- internals ---

	private static List<String> pendingCitations(Assessment assessment, List<Attestation> attestations) {
		List<String> pending = new ArrayList<>();
		for (EligibilityReport.ClauseResult clause : assessment.report().clauses()) {
			if ("NEEDS_ATTESTATION".equals(clause.status())
					&& attestations.stream().noneMatch(a -> a.citation().equals(clause.citation()))) {
				pending.add(clause.citation());
			}
		}
		return pending;
	}

	private static void checkReason(EndingReason reason, String text) {
		if (text.isBlank()) {
			throw new InvalidFilingRequest("必须说明理由（" + reason.label() + "）");
		}
	}

	private FilingState require(FilingAction action, FilingState target) {
		return require(action, target, () -> "不能" + action.label() + "："
				+ FilingTransitions.of(action).condition().label() + "不成立（当前状态“" + this.state.label() + "”）");
	}

	/**
	 * Checks the state and the condition of the action's row of
	 * {@link FilingTransitions}.
	 */
	private FilingState require(FilingAction action, FilingState target, Supplier<String> conditionRefused) {
		FilingTransitions.Transition row = FilingTransitions.of(action);
		FilingState current = this.state;
		if (!row.from().contains(current)) {
			throw new IllegalFilingTransition("备案当前状态为“" + current.label() + "”（" + current.name() + "），不能"
					+ action.label() + (target == current ? "" : "转为“" + target.label() + "”（" + target.name() + "）")
					+ "；允许的状态：" + String.join("、", row.from().stream().sorted().map(FilingState::label).toList()));
		}
		if (!row.to().isEmpty() && !row.to().contains(target)) {
			throw new IllegalStateException(action + " 不能转为 " + target + "（备案流转表：" + row.to() + "）");
		}
		if (!row.condition().holds(this)) {
			throw new IllegalFilingTransition(conditionRefused.get());
		}
		return current;
	}

	private void moveTo(String regionCode, Deadline step, Act act, Deadlines deadlines) {
		this.holderRegionCode = regionCode;
		this.actionDueOn = deadlines.due(step, act.today());
	}

	private void transition(FilingStep action, FilingState from, FilingState to, @Nullable String opinion, Act act) {
		this.state = to;
		step(action, from, to, opinion, act);
	}

	private void step(FilingStep action, FilingState from, FilingState to, @Nullable String opinion, Act act) {
		this.steps.add(new Step(action, from, to, this.holderRegionCode, act.actor(), act.at(), opinion));
		this.updatedAt = act.at();
		this.events.add(new FilingStateChanged(id(), this.institution.id(), this.technology.code(), action.name(),
				from.name(), to.name(), act.at()));
	}

	/**
	 * @return the steps recorded since the filing was loaded (or started), oldest first:
	 * one audit entry each
	 */
	public List<Step> newSteps() {
		return Collections
			.unmodifiableList(this.steps.subList(Math.min(this.loadedSteps, this.steps.size()), this.steps.size()));
	}

	/**
	 * @return the steps, oldest first
	 */
	public List<Step> steps() {
		return Collections.unmodifiableList(this.steps);
	}

	// --- value types ---

	/**
	 * Who acts and when.
	 *
	 * @param actor the user (or the system)
	 * @param at the instant
	 * @param today the working date (Asia/Shanghai)
	 * @param opinion the opinion given with the step, if any
	 */
	public record Act(Actor actor, Instant at, LocalDate today, @Nullable String opinion) {
	}

	/**
	 * A user as recorded on a step.
	 *
	 * @param userId user id (a fixed id for the system)
	 * @param name display name
	 * @param role role code
	 * @param roleLabel role in Chinese
	 * @param regionCode the authority's region, when an authority
	 */
	public record Actor(UUID userId, String name, String role, String roleLabel, @Nullable String regionCode) {
	}

	/**
	 * The institution as it was when the filing started.
	 *
	 * @param id institution id
	 * @param name name
	 * @param regionCode where it is
	 */
	public record InstitutionRef(UUID id, String name, String regionCode) {
	}

	/**
	 * The technology filed.
	 *
	 * @param code catalogue code
	 * @param name Chinese name
	 * @param level NATIONAL or PROVINCIAL
	 */
	public record TechnologyRef(String code, String name, String level) {
	}

	/**
	 * Where the filing goes.
	 *
	 * @param receivingRegionCode the licence issuer, which receives and activates
	 * @param reviewRegionCode the authority that organises the expert review
	 * @param path receiving first, review last, every level between
	 */
	public record Route(String receivingRegionCode, String reviewRegionCode, List<String> path) {
	}

	/**
	 * The frozen self-assessment.
	 *
	 * @param specKey spec edition used
	 * @param assessedAt when
	 * @param report the clause-by-clause report
	 */
	public record Assessment(String specKey, Instant assessedAt, EligibilityReport report) {
	}

	/**
	 * A confirmed clause.
	 *
	 * @param clauseRef number as printed
	 * @param citation full citation
	 * @param evidence what was seen
	 * @param documentId evidence file, if any
	 * @param confirmedBy who
	 * @param confirmedAt when
	 */
	public record Attestation(String clauseRef, String citation, String evidence, @Nullable UUID documentId,
			Actor confirmedBy, Instant confirmedAt) {
	}

	/** The hospital committees whose opinions a filing needs. */
	public enum Committee {

		/** 医疗技术临床应用管理委员会. */
		TECHNOLOGY_MANAGEMENT("医疗技术临床应用管理委员会"),
		/** 伦理委员会. */
		ETHICS("伦理委员会");

		private final String label;

		Committee(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * A committee's opinion.
	 *
	 * @param committee which
	 * @param meetingDate meeting date
	 * @param opinion the opinion
	 * @param minutesDocumentId minutes file
	 * @param recordedBy who entered it
	 * @param recordedAt when
	 */
	public record CommitteeOpinion(Committee committee, LocalDate meetingDate, String opinion, UUID minutesDocumentId,
			Actor recordedBy, Instant recordedAt) {
	}

	/**
	 * A stored file's metadata.
	 *
	 * @param id document id
	 * @param fileName original name
	 * @param contentType detected type
	 * @param size bytes
	 * @param sha256 hex checksum
	 * @param description what it is
	 * @param uploadedBy who
	 * @param uploadedAt when
	 */
	public record DocumentRef(UUID id, String fileName, String contentType, long size, String sha256,
			@Nullable String description, Actor uploadedBy, Instant uploadedAt) {
	}

	/** An expert's verdict. */
	public enum Verdict {

		/** 同意. */
		AGREE("同意"),
		/** 不同意. */
		DISAGREE("不同意"),
		/** 需补充材料. */
		SUPPLEMENT("需补充材料");

		private final String label;

		Verdict(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * An assigned expert and, once given, the opinion.
	 *
	 * @param userId the expert's user id
	 * @param name the expert's name, when known
	 * @param verdict null until given
	 * @param text the opinion
	 * @param at when given
	 */
	public record ExpertReview(UUID userId, @Nullable String name, @Nullable Verdict verdict, @Nullable String text,
			@Nullable Instant at) {
	}

	/** The review authority's decision. */
	public enum DecisionKind {

		/** 审查通过. */
		APPROVED("审查通过"),
		/** 退回补充. */
		RETURNED_FOR_SUPPLEMENT("退回补充材料"),
		/** 不予备案. */
		REJECTED("不予备案");

		private final String label;

		DecisionKind(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * A decision.
	 *
	 * @param decision which
	 * @param reasons why
	 * @param by who
	 * @param at when
	 */
	public record Decision(DecisionKind decision, String reasons, Actor by, Instant at) {
	}

	/**
	 * Suspension or revocation.
	 *
	 * @param reason why
	 * @param text details
	 * @param by who
	 * @param at when
	 */
	public record Ending(EndingReason reason, String text, Actor by, Instant at) {
	}

	/**
	 * A time the competent authority had the filing suspended (中止).
	 *
	 * @param from the day of the suspension
	 * @param until the day it was lifted (恢复), null while still suspended
	 */
	public record Suspension(LocalDate from, @Nullable LocalDate until) {
	}

	/**
	 * An automatic proposal to revoke.
	 *
	 * @param id proposal id
	 * @param reason proposed reason
	 * @param detail explanation
	 * @param proposedAt when
	 * @param dueOn the authority's due date
	 */
	public record RevocationProposal(UUID id, EndingReason reason, String detail, Instant proposedAt, LocalDate dueOn) {
	}

	/**
	 * The paper approval a prior filing (存量备案) was registered from.
	 *
	 * @param approvedOn the original approval date (the filing is active from it)
	 * @param documentNo the approval's document number (批准文号/备案号)
	 * @param note the authority's remark, if any
	 * @param document the scanned approval, if uploaded (also among the filing's
	 * documents)
	 */
	public record PriorApproval(LocalDate approvedOn, String documentNo, @Nullable String note,
			@Nullable DocumentRef document) {
	}

	/**
	 * One step of the workflow as recorded.
	 *
	 * @param action the step
	 * @param fromState state before
	 * @param toState state after
	 * @param regionCode the holder after the step
	 * @param actor who
	 * @param at when
	 * @param opinion opinion or remark
	 */
	public record Step(FilingStep action, FilingState fromState, FilingState toState, @Nullable String regionCode,
			Actor actor, Instant at, @Nullable String opinion) {
	}

}
