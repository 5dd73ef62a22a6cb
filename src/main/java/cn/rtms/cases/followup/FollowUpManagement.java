package cn.rtms.cases.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.EditHistory;
import cn.rtms.cases.CaseQuery;
import cn.rtms.cases.PatientData;
import cn.rtms.cases.domain.IdNumbers;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups of submitted cases (docs/follow-ups.md): schedules the points of the
 * technology's case form from the operation date ({@link FollowUpSchedule}), lists what
 * is due and overdue in the viewer's scope, records follow-ups (audited, optimistic
 * locking) and cancels the points due after a recorded death. Scheduling is derived from
 * the (audited) submission and amendment and is not audited itself.
 */
@Service
@Transactional
public class FollowUpManagement {

	/** Follow-up methods with their Chinese names. */
	public static final Map<String, String> METHODS = ordered("OUTPATIENT", "门诊", "INPATIENT", "住院", "PHONE", "电话",
			"LETTER", "信函", "ONLINE", "网络/微信", "OTHER", "其他");

	/** Vital status codes with their Chinese names. */
	public static final Map<String, String> VITAL_STATUSES = ordered("ALIVE", "存活", "DEAD", "死亡", "LOST", "失访");

	/** Disease status codes with their Chinese names. */
	public static final Map<String, String> DISEASE_STATUSES = ordered("NO_EVIDENCE", "无复发/无进展", "COMPLETE_RESPONSE",
			"完全缓解", "PARTIAL_RESPONSE", "部分缓解", "STABLE", "疾病稳定", "LOCAL_RECURRENCE", "局部复发", "DISTANT_METASTASIS",
			"远处转移", "PROGRESSION", "疾病进展", "UNKNOWN", "不详");

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_NOTE = 500;

	private final FollowUps followUps;

	private final FollowUpPoints points;

	private final Clock clock;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final AuditTrail audit;

	private final EditHistory history;

	private final InstitutionManagement institutions;

	private final PatientData patients;

	private final CatalogManagement catalog;

	FollowUpManagement(FollowUps followUps, FollowUpPoints points, Clock clock, AccessPolicy access,
			IdentityManagement identity, AuditTrail audit, EditHistory history, InstitutionManagement institutions,
			PatientData patients, CatalogManagement catalog) {
		this.patients = patients;
		this.catalog = catalog;
		this.followUps = followUps;
		this.points = points;
		this.clock = clock;
		this.access = access;
		this.identity = identity;
		this.audit = audit;
		this.history = history;
		this.institutions = institutions;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Creates the follow-up points of submitted cases that have none for a period yet (a
	 * case submitted, or many imported, in the caller's transaction): planned by
	 * {@link FollowUpSchedule#plan} and loaded with one COPY, or, when a case already has
	 * some points, by one statement that computes the missing ones in the database
	 * ({@link FollowUps#schedule}). Points due after a death recorded on the case are
	 * created cancelled.
	 * @param caseIds submitted cases (others are ignored)
	 * @return how many points were created
	 */
	public int schedule(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return 0;
		}
		Map<String, List<FollowUpSchedule.Point>> forms = this.points.all();
		// refuses a period that is not ISO-8601 or not after the operation
		forms.values().forEach(points -> points.forEach(p -> FollowUpSchedule.dueDate(LocalDate.EPOCH, p.period())));
		return this.followUps.schedule(caseIds, forms, today());
	}

	/**
	 * After an amendment: the points not yet recorded move to the due dates that follow
	 * from the case now (its operation date or form changed; a period the form no longer
	 * has is removed, one it gained is created); recorded points stay. Then the
	 * cancellations are brought in line with the deaths the case records, on the case and
	 * in follow-ups recorded as DEAD ({@link #settleDeaths}): a death date of the case
	 * moved or removed reopens the points it had cancelled or cancels them with the new
	 * date, and a death a follow-up recorded keeps cancelling the points due after it.
	 * @param caseId the amended case
	 */
	public void amended(UUID caseId) {
		List<FollowUps.CaseDates> cases = this.followUps.submittedCases(List.of(caseId));
		if (cases.isEmpty()) {
			return;
		}
		FollowUps.CaseDates c = cases.get(0);
		Map<String, FollowUpSchedule.Planned> planned = new HashMap<>();
		for (FollowUpSchedule.Planned p : FollowUpSchedule.plan(c.operationDate(), this.points.of(c.formKey()), null)) {
			planned.put(p.period(), p);
		}
		for (FollowUps.Row row : this.followUps.ofCase(caseId)) {
			if (row.performedOn() != null) {
				continue;
			}
			FollowUpSchedule.Planned plan = planned.get(row.period());
			if (plan == null) {
				this.followUps.delete(row.id());
			}
			else if (!row.dueDate().equals(plan.dueDate()) || !row.label().equals(plan.label())) {
				this.followUps.reschedule(row.id(), plan.dueDate(), plan.label());
			}
		}
		schedule(List.of(caseId));
		settleDeaths(caseId, today());
	}

	/**
	 * The points of a case that {@link #settleDeaths} cancelled and reopened.
	 *
	 * @param cancelled points cancelled (or given another death as the reason)
	 * @param reopened points open again
	 */
	private record Settled(List<UUID> cancelled, List<UUID> reopened) {
	}

	/**
	 * Brings the cancellations of a case's points not recorded in line with the deaths
	 * the case records now, on the case and in follow-ups recorded as DEAD
	 * ({@link FollowUpSchedule#settledReason}): a point due after a death is cancelled
	 * (with the earliest such death, unless the death that cancelled it still precedes
	 * it), a point no death precedes any more is open again. Cancellations for other
	 * reasons stay.
	 */
	private Settled settleDeaths(UUID caseId, LocalDate today) {
		List<FollowUpSchedule.Death> deaths = this.followUps.deaths(caseId);
		Map<String, List<UUID>> cancel = new LinkedHashMap<>();
		List<UUID> reopen = new ArrayList<>();
		for (FollowUps.Row row : this.followUps.ofCase(caseId)) {
			if (row.performedOn() != null) {
				continue;
			}
			String reason = FollowUpSchedule.settledReason(row.dueDate(), row.cancelReason(), deaths);
			if (reason == null) {
				if (row.cancelledOn() != null) {
					reopen.add(row.id());
				}
			}
			else if (row.cancelledOn() == null || !reason.equals(row.cancelReason())) {
				cancel.computeIfAbsent(reason, r -> new ArrayList<>()).add(row.id());
			}
		}
		if (!reopen.isEmpty()) {
			this.followUps.reopen(reopen);
		}
		cancel.forEach((reason, ids) -> this.followUps.cancel(ids, today, reason));
		return new Settled(cancel.values().stream().flatMap(List::stream).toList(), List.copyOf(reopen));
	}

	/**
	 * The points of one list in the current user's scope: hospital users their
	 * institution's, a physician those of cases they operated, authorities those of
	 * institutions in their region and the system administrator all (the last two
	 * pseudonymised, without 病案号).
	 * @param status DUE, OVERDUE or DONE (UPCOMING and CANCELLED too)
	 * @param institutionId narrows to one institution the user may see, or null
	 * @param page page from 0
	 * @param size page size, 1–200
	 * @return the page and the counts of the due, overdue and done lists in the same
	 * scope
	 */
	@Transactional(readOnly = true)
	public FollowUpPage list(FollowUpStatus status, @Nullable UUID institutionId, int page, int size) {
		return list(status, institutionId, FollowUpSearch.NONE, page, size);
	}

	/**
	 * The points of one list in the current user's scope narrowed by a search; see
	 * {@link #list(FollowUpStatus, UUID, int, int)}.
	 * @param status DUE, OVERDUE or DONE (UPCOMING and CANCELLED too)
	 * @param institutionId narrows to one institution the user may see, or null
	 * @param search the beginning of a case's 病案号 or 住院号, a due-date range
	 * @param page page from 0
	 * @param size page size, 1–200
	 * @return the page and the counts of the due, overdue and done lists in the same
	 * scope and search
	 */
	@Transactional(readOnly = true)
	public FollowUpPage list(FollowUpStatus status, @Nullable UUID institutionId, FollowUpSearch search, int page,
			int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PAGE", "分页参数有误",
					"page 不能为负数，size 必须在 1–" + MAX_PAGE_SIZE + " 之间", List.of());
		}
		check(search);
		CurrentUser user = this.identity.currentUser();
		FollowUps.Scope scope = scope(user, institutionId).with(search);
		LocalDate today = today();
		Map<UUID, String> names = new HashMap<>();
		List<FollowUpView> items = this.followUps.list(status, today, scope, page, size)
			.stream()
			.map(r -> view(r, user, today, names))
			.toList();
		return new FollowUpPage(items, this.followUps.count(status, today, scope),
				this.followUps.count(FollowUpStatus.DUE, today, scope),
				this.followUps.count(FollowUpStatus.OVERDUE, today, scope),
				this.followUps.count(FollowUpStatus.DONE, today, scope));
	}

	/**
	 * One list (as {@link #list(FollowUpStatus, UUID, FollowUpSearch, int, int)}, all its
	 * points, at most {@value ExcelExport#MAX_ROWS}) as an .xlsx 随访名单 to phone or write
	 * to the patients from: for the hospital's own clerks and administrators and for the
	 * operating physician with the patients' names and full phone numbers, for
	 * authorities and the system administrator pseudonymised as on the page. Audited as
	 * {@code FOLLOW_UP_LIST_EXPORTED} with the list, the number of rows and whether
	 * contacts were included (never the contacts themselves).
	 * @param status DUE, OVERDUE or DONE (UPCOMING and CANCELLED too)
	 * @param institutionId narrows to one institution the user may see, or null
	 * @param search the beginning of a 病案号 or 住院号, a due-date range
	 * @return the workbook
	 * @throws ProblemException 400 {@code EXPORT_TOO_LARGE} above the limit
	 */
	@Transactional(readOnly = true)
	public byte[] excel(FollowUpStatus status, @Nullable UUID institutionId, FollowUpSearch search) {
		check(search);
		CurrentUser user = this.identity.currentUser();
		FollowUps.Scope scope = scope(user, institutionId).with(search);
		LocalDate today = today();
		long total = this.followUps.count(status, today, scope);
		ExcelExport.requireWithinLimit(total, user.role().isAuthority() || user.role() == Role.SYSTEM_ADMIN
				? "如应随访日期区间、选择医疗机构、按病案号检索" : "如应随访日期区间、按病案号检索");
		Map<UUID, String> names = new HashMap<>();
		List<FollowUps.Row> rows = this.followUps.list(status, today, scope, 0, (int) Math.max(total, 1));
		boolean contacts = user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN) || user.role() == Role.PHYSICIAN;
		Map<UUID, FollowUps.SealedContact> sealed = contacts
				? this.followUps.contacts(rows.stream().map(FollowUps.Row::caseId).distinct().toList()) : Map.of();
		Map<String, String> technologies = new HashMap<>();
		List<String> headers = new ArrayList<>(List.of("医疗机构"));
		headers.addAll(contacts ? List.of("病案号", "患者姓名", "联系电话") : List.of("患者（假名）"));
		headers.addAll(List.of("技术", "手术日期", "随访时间点", "应随访日期", "状态"));
		if (status == FollowUpStatus.DONE) {
			headers.addAll(List.of("随访日期", "随访方式", "生存状态", "死亡日期", "疾病状态", "备注"));
		}
		else if (status == FollowUpStatus.CANCELLED) {
			headers.addAll(List.of("取消日期", "取消原因"));
		}
		List<List<Object>> data = new ArrayList<>();
		for (FollowUps.Row r : rows) {
			FollowUpView v = view(r, user, today, names);
			List<Object> line = new ArrayList<>();
			line.add(Objects.toString(v.institutionName(), ""));
			if (contacts) {
				FollowUps.SealedContact contact = sealed.get(r.caseId());
				line.add(Objects.toString(r.medicalRecordNo(), ""));
				line.add(contact == null ? "" : Objects.toString(this.patients.decrypt(contact.name()), ""));
				line.add(contact == null ? "" : Objects.toString(this.patients.decrypt(contact.phone()), ""));
			}
			else {
				line.add(r.pseudonym());
			}
			line.add(technologies.computeIfAbsent(r.technology(),
					code -> code + " " + this.catalog.find(code).map(RestrictedTechnology::name).orElse("")));
			line.add(r.operationDate().toString());
			line.add(r.label());
			line.add(r.dueDate().toString());
			line.add(v.overdueDays() != null ? "已逾期 " + v.overdueDays() + " 天" : v.statusLabel());
			if (status == FollowUpStatus.DONE) {
				line.add(Objects.toString(r.performedOn(), ""));
				line.add(r.method() == null ? "" : METHODS.getOrDefault(r.method(), r.method()));
				line.add(r.vitalStatus() == null ? "" : VITAL_STATUSES.getOrDefault(r.vitalStatus(), r.vitalStatus()));
				line.add(Objects.toString(r.deathDate(), ""));
				line.add(r.diseaseStatus() == null ? ""
						: DISEASE_STATUSES.getOrDefault(r.diseaseStatus(), r.diseaseStatus()));
				line.add(Objects.toString(r.note(), ""));
			}
			else if (status == FollowUpStatus.CANCELLED) {
				line.add(Objects.toString(r.cancelledOn(), ""));
				line.add(Objects.toString(r.cancelReason(), ""));
			}
			data.add(line);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status.name());
		if (institutionId != null) {
			details.put("institutionId", institutionId.toString());
		}
		if (search.q() != null) {
			details.put("q", search.q());
		}
		if (search.dueFrom() != null) {
			details.put("dueFrom", search.dueFrom().toString());
		}
		if (search.dueTo() != null) {
			details.put("dueTo", search.dueTo().toString());
		}
		details.put("format", "XLSX");
		details.put("rows", data.size());
		details.put("withContacts", contacts);
		this.audit.recordEvent("FOLLOW_UP_LIST_EXPORTED", "FollowUp", "export", details);
		return ExcelExport.write("随访名单", headers, data);
	}

	private static void check(FollowUpSearch search) {
		String q = search.q();
		if (q != null) {
			String problem = (q.length() > CaseQuery.MAX_Q) ? "检索内容最多 " + CaseQuery.MAX_Q + " 个字符（病案号或住院号）"
					: IdNumbers.isShaped(q) ? "随访列表按病案号或住院号检索；按身份证号请在“病例登记”中检索病例（身份证号不放在网址中）" : null;
			if (problem != null) {
				throw invalid("q", problem);
			}
		}
		if (search.dueFrom() != null && search.dueTo() != null && search.dueTo().isBefore(search.dueFrom())) {
			throw invalid("to", "应随访日期的结束日期早于开始日期");
		}
	}

	private static ProblemException invalid(String field, String problem) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误", problem,
				List.of(new FieldProblem(field, problem)));
	}

	/**
	 * The sizes of the due and overdue lists in the current user's scope (as
	 * {@link #list}), counted in SQL without loading any point.
	 * @return the counts
	 */
	@Transactional(readOnly = true)
	public FollowUpCounts counts() {
		CurrentUser user = this.identity.currentUser();
		FollowUps.Scope scope = scope(user, null);
		LocalDate today = today();
		return new FollowUpCounts(this.followUps.count(FollowUpStatus.DUE, today, scope),
				this.followUps.count(FollowUpStatus.OVERDUE, today, scope));
	}

	/**
	 * @param caseId a case the user may see
	 * @return its points in due-date order
	 */
	@Transactional(readOnly = true)
	public List<FollowUpView> ofCase(UUID caseId) {
		CurrentUser user = this.identity.currentUser();
		LocalDate today = today();
		List<FollowUps.Row> rows = this.followUps.ofCase(caseId);
		rows.forEach(r -> checkRead(user, r));
		Map<UUID, String> names = new HashMap<>();
		return rows.stream().map(r -> view(r, user, today, names)).toList();
	}

	/**
	 * The points of many cases in one query (for {@link #recordAll}): the system
	 * administrator only.
	 * @param caseIds the cases
	 * @return their points in due-date order
	 * @throws AccessDenied for other roles
	 */
	@Transactional(readOnly = true)
	public List<FollowUpView> ofCases(Collection<UUID> caseIds) {
		CurrentUser user = this.access.requireRole(Role.SYSTEM_ADMIN);
		LocalDate today = today();
		Map<UUID, String> names = new HashMap<>();
		return this.followUps.ofCases(caseIds).stream().map(r -> view(r, user, today, names)).toList();
	}

	/**
	 * Records (or corrects) a follow-up: the hospital's clerk or administrator, or the
	 * physician who operated. A death cancels the case's open points due after it; a
	 * correction of a record that said DEAD (to ALIVE, LOST or another death date)
	 * reopens the points that death had cancelled, unless another death the case records
	 * (its own death date or another follow-up) still precedes them.
	 * @param id the point
	 * @param record what was found
	 * @return the point as recorded
	 * @throws FollowUpNotFound when there is no such point
	 * @throws cn.rtms.audit.StaleEdit when {@code record.version()} is not the current
	 * version
	 */
	public FollowUpView record(UUID id, FollowUpRecord record) {
		CurrentUser user = this.identity.currentUser();
		FollowUps.Row row = this.followUps.find(id).orElseThrow(() -> new FollowUpNotFound(id));
		checkRead(user, row);
		boolean writer = user.role() == Role.SYSTEM_ADMIN || user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
				&& row.institutionId().equals(user.institutionId()) || ownPatient(user, row);
		if (!writer) {
			throw new AccessDenied("无权登记该随访（仅本机构医务科、医院管理员或该病例的术者可登记）");
		}
		this.history.check("FollowUp", id.toString(), "随访记录", record.version(), row.version());
		if (row.cancelledOn() != null && row.performedOn() == null) {
			throw new ProblemException(HttpStatus.CONFLICT, "FOLLOW_UP_CANCELLED", "随访已取消",
					"该随访时间点已取消（" + row.cancelReason() + "），无需登记", List.of());
		}
		LocalDate today = today();
		FollowUpRecord clean = validate(record, row.operationDate(), today);
		Map<String, Object> before = auditState(row);
		if (!this.followUps.record(id, row.version(), clean, user.id(), this.clock.instant())) {
			// Recorded by someone else between the read and this write: nothing is
			// cancelled or audited on the strength of a record that was not stored.
			int current = this.followUps.find(id).map(FollowUps.Row::version).orElse(row.version() + 1);
			throw this.history.stale("FollowUp", id.toString(), "随访记录", record.version(), current);
		}
		// a death recorded cancels the points due after it; a death corrected (to
		// another date, ALIVE or LOST) reopens the points it had cancelled unless
		// another death still precedes them
		Settled settled = ("DEAD".equals(row.vitalStatus()) || "DEAD".equals(clean.vitalStatus()))
				? settleDeaths(row.caseId(), today) : new Settled(List.of(), List.of());
		FollowUps.Row saved = this.followUps.find(id).orElseThrow();
		Map<String, Object> after = auditState(saved);
		after.put("cancelledFollowUps", settled.cancelled());
		if (!settled.reopened().isEmpty()) {
			after.put("reopenedFollowUps", settled.reopened());
		}
		this.audit.record("FOLLOW_UP_RECORDED", "FollowUp", id.toString(), before, after);
		return view(saved, user, today, new HashMap<>());
	}

	/**
	 * Records many follow-ups at once (a migration of earlier follow-up records, the demo
	 * data): the system administrator only. Each is validated as in {@link #record}, and
	 * must be at the version read and not cancelled; all are written in JDBC batches or
	 * none. One audit entry (FOLLOW_UPS_RECORDED) holds the count per institution. A
	 * death cancels the case's open points due after it, and a corrected one reopens them
	 * as {@link #record} does.
	 * @param records what was found, by point (in the order given)
	 * @return how many were recorded
	 * @throws AccessDenied for other roles
	 * @throws FollowUpNotFound when a point does not exist
	 * @throws ProblemException (FOLLOW_UP_INVALID, FOLLOW_UP_CANCELLED) or a stale edit,
	 * naming the point
	 */
	public int recordAll(Map<UUID, FollowUpRecord> records) {
		CurrentUser user = this.access.requireRole(Role.SYSTEM_ADMIN);
		if (records.isEmpty()) {
			return 0;
		}
		LocalDate today = today();
		Map<UUID, FollowUps.Row> rows = new HashMap<>();
		for (FollowUps.Row row : this.followUps.findAll(records.keySet())) {
			rows.put(row.id(), row);
		}
		List<FollowUps.Recording> recordings = new ArrayList<>();
		Map<String, Integer> perInstitution = new TreeMap<>();
		Set<UUID> deathsChanged = new LinkedHashSet<>();
		for (Map.Entry<UUID, FollowUpRecord> entry : records.entrySet()) {
			FollowUps.Row row = rows.get(entry.getKey());
			if (row == null) {
				throw new FollowUpNotFound(entry.getKey());
			}
			this.history.check("FollowUp", row.id().toString(), "随访记录", entry.getValue().version(), row.version());
			if (row.cancelledOn() != null && row.performedOn() == null) {
				throw new ProblemException(HttpStatus.CONFLICT, "FOLLOW_UP_CANCELLED", "随访已取消",
						"随访 " + row.id() + " 已取消（" + row.cancelReason() + "），无需登记", List.of());
			}
			FollowUpRecord clean = validate(entry.getValue(), row.operationDate(), today);
			recordings.add(new FollowUps.Recording(row.id(), row.version(), clean));
			perInstitution.merge(row.institutionId().toString(), 1, Integer::sum);
			if ("DEAD".equals(row.vitalStatus()) || "DEAD".equals(clean.vitalStatus())) {
				deathsChanged.add(row.caseId());
			}
		}
		int recorded = this.followUps.recordAll(recordings, user.id(), this.clock.instant());
		if (recorded != recordings.size()) {
			throw new ProblemException(HttpStatus.CONFLICT, "STALE_EDIT", "记录已被他人修改", "随访记录已被他人修改，请刷新后重试", List.of());
		}
		int cancelled = 0;
		int reopened = 0;
		for (UUID caseId : deathsChanged) {
			Settled settled = settleDeaths(caseId, today);
			cancelled += settled.cancelled().size();
			reopened += settled.reopened().size();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("recorded", recorded);
		details.put("byInstitution", perInstitution);
		details.put("cancelledFollowUps", cancelled);
		if (reopened > 0) {
			details.put("reopenedFollowUps", reopened);
		}
		this.audit.record("FOLLOW_UPS_RECORDED", "FollowUp", "batch", null, details);
		return recorded;
	}

	static FollowUpRecord validate(FollowUpRecord r, LocalDate operationDate, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (r.performedOn() == null) {
			problems.add(new FieldProblem("performedOn", "随访日期不能为空"));
		}
		else if (r.performedOn().isAfter(today)) {
			problems.add(new FieldProblem("performedOn", "随访日期不能晚于今天（" + today + "）"));
		}
		else if (r.performedOn().isBefore(operationDate)) {
			problems.add(new FieldProblem("performedOn", "随访日期不能早于手术日期（" + operationDate + "）"));
		}
		if (r.method() == null || !METHODS.containsKey(r.method())) {
			problems.add(new FieldProblem("method", "随访方式必须为 " + String.join("、", METHODS.keySet()) + " 之一"));
		}
		if (r.vitalStatus() == null || !VITAL_STATUSES.containsKey(r.vitalStatus())) {
			problems.add(new FieldProblem("vitalStatus", "生存状态必须为 ALIVE（存活）、DEAD（死亡）或 LOST（失访）"));
		}
		else if ("DEAD".equals(r.vitalStatus())) {
			if (r.deathDate() == null) {
				problems.add(new FieldProblem("deathDate", "生存状态为死亡时必须填写死亡日期"));
			}
			else if (r.deathDate().isBefore(operationDate)) {
				problems.add(new FieldProblem("deathDate", "死亡日期不能早于手术日期（" + operationDate + "）"));
			}
			else if (r.performedOn() != null && r.deathDate().isAfter(r.performedOn())) {
				problems.add(new FieldProblem("deathDate", "死亡日期不能晚于随访日期"));
			}
		}
		else if (r.deathDate() != null) {
			problems.add(new FieldProblem("deathDate", "仅生存状态为死亡时填写死亡日期"));
		}
		if (r.diseaseStatus() != null && !DISEASE_STATUSES.containsKey(r.diseaseStatus())) {
			problems.add(new FieldProblem("diseaseStatus",
					"疾病状态必须为 " + String.join("、", DISEASE_STATUSES.keySet()) + " 之一"));
		}
		String note = (r.note() == null || r.note().isBlank()) ? null : r.note().strip();
		if (note != null && note.length() > MAX_NOTE) {
			problems.add(new FieldProblem("note", "备注不能超过 " + MAX_NOTE + " 个字符"));
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "FOLLOW_UP_INVALID", "随访记录有误",
					"随访记录有误：" + String.join("；", problems.stream().map(FieldProblem::message).toList()), problems);
		}
		return new FollowUpRecord(r.version(), r.performedOn(), r.method(), r.vitalStatus(), r.deathDate(),
				r.diseaseStatus(), note);
	}

	private FollowUps.Scope scope(CurrentUser user, @Nullable UUID institutionId) {
		if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)) {
			UUID own = Objects.requireNonNull(user.institutionId(), "hospital user without institution");
			if (institutionId != null && !institutionId.equals(own)) {
				throw new AccessDenied("无权查看其他医疗机构的随访");
			}
			return new FollowUps.Scope(own, null, null);
		}
		if (user.role() == Role.PHYSICIAN) {
			// The cases he operated at the hospital his account belongs to (the
			// follow-ups
			// of a hospital he has left are that hospital's, as are its patients).
			UUID nobody = new UUID(0, 0);
			UUID own = (user.institutionId() != null) ? user.institutionId() : nobody;
			if (institutionId != null && !institutionId.equals(own)) {
				throw new AccessDenied("无权查看其他医疗机构的随访");
			}
			return new FollowUps.Scope(own, null, (user.personId() != null) ? user.personId() : nobody);
		}
		if (user.role() == Role.SYSTEM_ADMIN) {
			return new FollowUps.Scope(institutionId, null, null);
		}
		if (user.role().isAuthority()) {
			if (institutionId != null) {
				String region = this.institutions.regionCodeOf(institutionId);
				if (region == null || !this.access.coversRegion(user, region)) {
					throw new AccessDenied("无权查看该医疗机构的随访（不在当前账号的数据范围内）");
				}
			}
			List<String> regions = this.followUps.regionCodes()
				.stream()
				.filter(code -> this.access.coversRegion(user, code))
				.toList();
			return new FollowUps.Scope(institutionId, regions, null);
		}
		throw new AccessDenied("当前角色（" + user.role().label() + "）无权查看随访");
	}

	private void checkRead(CurrentUser user, FollowUps.Row row) {
		boolean visible = user.role() == Role.SYSTEM_ADMIN
				|| user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
						&& row.institutionId().equals(user.institutionId())
				|| user.role() == Role.PHYSICIAN && user.personId() != null && user.personId().equals(row.operatorId())
				|| user.role().isAuthority() && this.access.coversRegion(user, row.regionCode());
		if (!visible) {
			throw new FollowUpNotFound(row.id());
		}
	}

	/**
	 * Whether the user is the physician who operated the case, at the hospital his
	 * account belongs to: he sees its patient and records its follow-ups.
	 */
	private static boolean ownPatient(CurrentUser user, FollowUps.Row row) {
		return user.role() == Role.PHYSICIAN && user.personId() != null && user.personId().equals(row.operatorId())
				&& row.institutionId().equals(user.institutionId());
	}

	private FollowUpView view(FollowUps.Row r, CurrentUser user, LocalDate today, Map<UUID, String> names) {
		boolean own = user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
				&& r.institutionId().equals(user.institutionId()) || ownPatient(user, r);
		FollowUpStatus status = FollowUpStatus.of(r.dueDate(), r.performedOn(), r.cancelledOn(), today);
		String name = names.computeIfAbsent(r.institutionId(),
				id -> Objects.toString(this.institutions.nameOf(id), ""));
		return new FollowUpView(r.id(), r.version(), r.caseId(), r.institutionId(), name, r.technology(),
				own ? r.medicalRecordNo() : null, r.pseudonym(), r.operationDate(), r.label(), r.period(), r.dueDate(),
				status, status.label(), r.performedOn(), r.method(), r.vitalStatus(), r.deathDate(), r.diseaseStatus(),
				r.note(), r.cancelReason(),
				status == FollowUpStatus.OVERDUE ? (int) ChronoUnit.DAYS.between(r.dueDate(), today) : null);
	}

	private static Map<String, Object> auditState(FollowUps.Row r) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", r.version());
		state.put("caseId", r.caseId());
		state.put("label", r.label());
		state.put("dueDate", r.dueDate());
		state.put("performedOn", r.performedOn());
		state.put("method", r.method());
		state.put("vitalStatus", r.vitalStatus());
		state.put("deathDate", r.deathDate());
		state.put("diseaseStatus", r.diseaseStatus());
		state.put("note", r.note());
		return state;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
