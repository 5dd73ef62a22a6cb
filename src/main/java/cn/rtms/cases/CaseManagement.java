package cn.rtms.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.EditHistory;
import cn.rtms.cases.codes.ProcedureCodeMatcher;
import cn.rtms.cases.domain.CaseRecord;
import cn.rtms.cases.domain.CaseRecord.CodeEntry;
import cn.rtms.cases.domain.CaseRecord.DeviceRow;
import cn.rtms.cases.domain.CaseReports;
import cn.rtms.cases.domain.CaseReports.DeviceUse;
import cn.rtms.cases.domain.CaseRules;
import cn.rtms.cases.domain.CaseRules.Outcome;
import cn.rtms.cases.domain.CaseRules.Staff;
import cn.rtms.cases.domain.CaseStatus;
import cn.rtms.cases.domain.IdNumbers;
import cn.rtms.cases.persistence.TimeOrderedIds;
import cn.rtms.devices.DeviceIdentification;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.personnel.StaffRole;
import cn.rtms.rules.SpecOutline;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case registry's use cases (docs/cases.md): hospitals enter a case as a draft,
 * submit it (checked, flagged, never silently accepted), and correct a submitted case
 * only by an amendment with a reason; hospitals, their physicians and the authorities
 * over them read cases within their scope, authorities pseudonymised. Every change is
 * audited in the same transaction and checked against the version the caller read;
 * submissions and amendments publish {@link CaseSubmitted} / {@link CaseAmended}.
 */
@Service
@Transactional(readOnly = true)
public class CaseManagement {

	static final String ENTITY = "CaseReport";

	private static final String WHAT = "病例";

	private static final Role[] WRITERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN };

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.PHYSICIAN,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private static final String ENCRYPTED = "（加密保存）";

	/** The earliest operation date the scanner field accepts. */
	static final String EARLIEST_OPERATION = "1900-01-01";

	private final CaseReports reports;

	private final CaseForms forms;

	private final PracticeRights rights;

	private final PatientData patients;

	private final PersonnelManagement people;

	private final InstitutionManagement institutions;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final EditHistory history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json;

	CaseManagement(CaseReports reports, CaseForms forms, PracticeRights rights, PatientData patients,
			PersonnelManagement people, InstitutionManagement institutions, AccessPolicy access, AuditTrail audit,
			EditHistory history, ApplicationEventPublisher events, Clock clock, JsonMapper json) {
		this.json = json;
		this.reports = reports;
		this.forms = forms;
		this.rights = rights;
		this.patients = patients;
		this.people = people;
		this.institutions = institutions;
		this.access = access;
		this.audit = audit;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks a case as for submission, without saving it.
	 * @param input the case
	 * @param institutionId its institution (hospital users: must be their own)
	 * @param confirmedWarnings codes of warnings the clerk confirmed
	 * @return errors (including DUPLICATE_CASE and DEVICE_REUSED, which names the case
	 * holding the device only when it is of the same institution, else that institution
	 * alone), the warnings not confirmed, and the practice findings of the operation date
	 * @throws AccessDenied for roles that may not enter cases, or another institution
	 */
	public CaseCheck check(CaseInput input, UUID institutionId, Set<String> confirmedWarnings) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.SYSTEM_ADMIN);
		if (user.role() != Role.SYSTEM_ADMIN && !institutionId.equals(user.institutionId())) {
			throw new AccessDenied("只能检查本机构的病例");
		}
		Evaluation evaluation = evaluate(input, institutionId, true, null, new StaffCache());
		List<CaseProblem> errors = new ArrayList<>(evaluation.errors());
		evaluation.duplicate()
			.ifPresent(existing -> errors.add(new CaseProblem("medicalRecordNo", "DUPLICATE_CASE", DuplicateCase
				.message(existing, input.technology(), input.medicalRecordNo(), input.operationDate()))));
		evaluation.reuses()
			.forEach((index,
					use) -> errors.add(new CaseProblem("devices[" + index + "].scanned", "DEVICE_REUSED",
							use.institutionId().equals(institutionId)
									? "一次性使用器械（GTIN " + use.gtin() + "，序列号 " + use.serial() + "）已登记在病例 " + use.caseId()
											+ "（病案号 " + use.medicalRecordNo() + "）中"
									: DeviceReused.heldElsewhere(institutionName(use.institutionId())) + "（GTIN "
											+ use.gtin() + "，序列号 " + use.serial() + "）")));
		return new CaseCheck(List.copyOf(errors), unconfirmed(evaluation.warnings(), confirmedWarnings),
				evaluation.findings());
	}

	/**
	 * Saves a new draft of the caller's institution. Wrong values (lengths, codes, date
	 * order, people of another institution, unreadable barcodes) are refused; missing
	 * values are not.
	 * @param input the case
	 * @return the draft
	 * @throws CaseInvalid with the errors
	 * @throws DuplicateCase when the same case exists
	 * @throws DeviceReused when a single-use device is recorded in another case
	 */
	@Transactional
	public CaseView create(CaseInput input) {
		CurrentUser user = this.access.requireRole(WRITERS);
		UUID institutionId = ownInstitution(user);
		StaffCache staff = new StaffCache();
		Evaluation evaluation = evaluate(input, institutionId, false, null, staff);
		refuse(evaluation, input, null, null);
		Instant now = Instant.now(this.clock);
		CaseRecord record = record(TimeOrderedIds.next(this.clock), 0, institutionId, evaluation, input,
				CaseStatus.DRAFT, List.of(), List.of(), "FORM", now, user.id(), now, null, null);
		insert(record, input);
		this.audit.record("CASE_CREATED", ENTITY, record.id().toString(), null, state(record));
		return view(record, user, staff);
	}

	/**
	 * Replaces a draft.
	 * @param id the case
	 * @param version the version the caller read
	 * @param input the case
	 * @return the draft
	 * @throws CaseNotEditable when it is submitted
	 * @throws cn.rtms.audit.StaleEdit when the version is stale
	 * @throws CaseInvalid with the errors
	 */
	@Transactional
	public CaseView update(UUID id, int version, CaseInput input) {
		CurrentUser user = this.access.requireRole(WRITERS);
		CaseRecord current = loadForWrite(id, user);
		if (current.status() != CaseStatus.DRAFT) {
			throw new CaseNotEditable(current.status().name(), "病例已提交，不能直接修改，只能通过修订（填写原因）更正");
		}
		this.history.check(ENTITY, id.toString(), WHAT, version, current.version());
		input = keepingPatientSecrets(input, current);
		StaffCache staff = new StaffCache();
		Evaluation evaluation = evaluate(input, current.institutionId(), false, id, staff);
		refuse(evaluation, input, id, null);
		CaseRecord record = record(id, current.version() + 1, current.institutionId(), evaluation, input,
				CaseStatus.DRAFT, List.of(), List.of(), current.source(), current.createdAt(), current.createdBy(),
				Instant.now(this.clock), null, null);
		save(record, input);
		this.audit.record("CASE_UPDATED", ENTITY, id.toString(), state(current), state(record));
		return view(record, user, staff);
	}

	/**
	 * Deletes a draft.
	 * @param id the case
	 * @param version the version the caller read
	 * @throws CaseNotEditable when it is submitted
	 */
	@Transactional
	public void delete(UUID id, int version) {
		CurrentUser user = this.access.requireRole(WRITERS);
		CaseRecord current = loadForWrite(id, user);
		if (current.status() != CaseStatus.DRAFT) {
			throw new CaseNotEditable(current.status().name(), "已提交的病例不能删除");
		}
		this.history.check(ENTITY, id.toString(), WHAT, version, current.version());
		if (!this.reports.delete(id, version)) {
			throw this.history.stale(ENTITY, id.toString(), WHAT, version, current.version() + 1);
		}
		this.audit.record("CASE_DELETED", ENTITY, id.toString(), state(current), null);
	}

	/**
	 * Submits a draft: checks it completely, refuses it with errors or unconfirmed
	 * warnings, and flags it (未备案开展, 未授权/超范围, no consent, no pre-operative pathology of a
	 * thyroid ablation, expired devices, codes outside the spec's list).
	 * @param id the case
	 * @param version the version the caller read
	 * @param confirmedWarnings codes of the warnings the clerk confirmed
	 * @return the submitted case with its flags
	 * @throws CaseInvalid with the errors
	 * @throws CaseWarningsUnconfirmed with the warnings not confirmed
	 */
	@Transactional
	public CaseView submit(UUID id, int version, Set<String> confirmedWarnings) {
		CurrentUser user = this.access.requireRole(WRITERS);
		CaseRecord current = loadForWrite(id, user);
		if (current.status() != CaseStatus.DRAFT) {
			throw new CaseNotEditable(current.status().name(), "病例已提交，不能重复提交");
		}
		this.history.check(ENTITY, id.toString(), WHAT, version, current.version());
		CaseInput input = input(current);
		StaffCache staff = new StaffCache();
		Evaluation evaluation = evaluate(input, current.institutionId(), true, id, staff);
		refuse(evaluation, input, id, confirmedWarnings);
		Instant now = Instant.now(this.clock);
		CaseRecord record = record(id, current.version() + 1, current.institutionId(), evaluation, input,
				CaseStatus.SUBMITTED, confirmedCodes(evaluation.warnings()), flags(evaluation, input), current.source(),
				current.createdAt(), current.createdBy(), now, now, user.id());
		save(record, input);
		this.audit.record("CASE_SUBMITTED", ENTITY, id.toString(), state(current), state(record));
		this.events.publishEvent(submitted(record));
		return view(record, user, staff);
	}

	/**
	 * Corrects a submitted case. The case is checked completely again (its warnings count
	 * as confirmed by the reason) and flagged anew; the changed fields before and after
	 * are kept with the reason.
	 * @param id the case
	 * @param version the version the caller read
	 * @param reason why (required, at most 500 characters)
	 * @param input the corrected case
	 * @return the amended case
	 * @throws CaseNotEditable when it is a draft
	 * @throws CaseInvalid with the errors
	 */
	@Transactional
	public CaseView amend(UUID id, int version, String reason, CaseInput input) {
		CurrentUser user = this.access.requireRole(WRITERS);
		CaseRecord current = loadForWrite(id, user);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
					"修订已提交的病例必须填写原因（至多 500 字）", List.of(new FieldProblem("reason", "必须填写修订原因（至多 500 字）")));
		}
		if (current.status() != CaseStatus.SUBMITTED) {
			throw new CaseNotEditable(current.status().name(), "草稿病例直接修改即可，无需修订");
		}
		this.history.check(ENTITY, id.toString(), WHAT, version, current.version());
		input = keepingPatientSecrets(input, current);
		StaffCache staff = new StaffCache();
		Evaluation evaluation = evaluate(input, current.institutionId(), true, id, staff);
		Set<String> confirmed = new HashSet<>(confirmedCodes(evaluation.warnings()));
		refuse(evaluation, input, id, confirmed);
		Instant now = Instant.now(this.clock);
		CaseRecord record = record(id, current.version() + 1, current.institutionId(), evaluation, input,
				CaseStatus.SUBMITTED, List.copyOf(new TreeSet<>(confirmed)), flags(evaluation, input), current.source(),
				current.createdAt(), current.createdBy(), now, current.submittedAt(), current.submittedBy());
		Map<String, @Nullable Object> before = new LinkedHashMap<>();
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		diff(current, record, before, after);
		if (before.isEmpty() && after.isEmpty()) {
			throw new ProblemException(HttpStatus.CONFLICT, "CASE_UNCHANGED", "病例未更改",
					"更正的内容与已提交的病例完全相同（标记也未变化），未保存更正记录", List.of());
		}
		save(record, input);
		this.reports.insertAmendment(new Amendment(UUID.randomUUID(), id, now, user.id(), user.displayName(),
				reason.strip(), before, after));
		this.audit.record("CASE_AMENDED", ENTITY, id.toString(), state(current),
				withReason(state(record), reason.strip()));
		this.events.publishEvent(new CaseAmended(id, record.institutionId(), record.technology(), record.operatorId(),
				Objects.requireNonNull(record.operationDate())));
		return view(record, user, staff);
	}

	/**
	 * @param id a case
	 * @return the case as the caller may see it
	 * @throws CaseNotFound when there is none
	 * @throws AccessDenied when it is outside the caller's scope
	 */
	public CaseView get(UUID id) {
		CurrentUser user = this.access.requireRole(READERS);
		CaseRecord record = load(id);
		checkRead(user, record);
		return view(record, user, new StaffCache());
	}

	/**
	 * The patient's name and full phone number for the hospital's own staff (to call the
	 * patient), audited as {@code PATIENT_CONTACT_VIEWED} with the 病案号 but not the
	 * number.
	 * @param id a case
	 * @return the contact
	 * @throws CaseNotFound when there is none
	 * @throws AccessDenied when it is outside the caller's scope or the caller is not of
	 * the case's hospital
	 */
	public PatientContact contact(UUID id) {
		CurrentUser user = this.access.requireRole(READERS);
		CaseRecord record = load(id);
		checkRead(user, record);
		if (!seesPatient(user, record)) {
			throw new AccessDenied("只有病例所属医疗机构的医务科、医院管理员和医师可以查看患者联系方式");
		}
		String phone = this.patients.decrypt(record.patientPhoneEnc());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("medicalRecordNo", record.medicalRecordNo());
		details.put("phoneRecorded", phone != null);
		this.audit.recordEvent("PATIENT_CONTACT_VIEWED", ENTITY, id.toString(), details);
		return new PatientContact(record.medicalRecordNo(), this.patients.decrypt(record.patientNameEnc()), phone);
	}

	/**
	 * @param query filters and page
	 * @return the caller's cases matching, newest operation first
	 */
	public CasePage search(CaseQuery query) {
		CurrentUser user = this.access.requireRole(READERS);
		CaseReports.@Nullable Search search = searchFor(user, query);
		if (search == null) {
			return new CasePage(List.of(), 0);
		}
		StaffCache staff = new StaffCache();
		Map<UUID, @Nullable String> institutionNames = new HashMap<>();
		if (search.patientIdHash() != null) {
			// who looked a patient up by ID number, and what it found (not the number)
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("found", this.reports.count(search));
			this.audit.recordEvent("CASES_SEARCHED_BY_PATIENT_ID", ENTITY, "search", details);
		}
		List<CaseSummary> items = this.reports.search(search).stream().map(r -> {
			String patient = seesPatient(user, r) && r.patientNameEnc() != null
					? PatientData.maskName(Objects.requireNonNull(this.patients.decrypt(r.patientNameEnc())))
					: r.patientPseudonym();
			return new CaseSummary(r.id(), r.status().name(), r.technology(), r.medicalRecordNo(), patient,
					r.operationDate(), staff.name(r.institutionId(), r.operatorId()),
					institutionNames.computeIfAbsent(r.institutionId(), this.institutions::nameOf),
					r.flags().stream().map(CaseFlag::code).toList());
		}).toList();
		return new CasePage(items, this.reports.count(search));
	}

	/**
	 * The cases {@link #search} would find for the query, counted per technology (all of
	 * them, not one page): the supervision alerts' evidence.
	 * @param query filters (page and size ignored)
	 * @return technology code → cases, technologies without cases absent
	 */
	public Map<String, Long> countByTechnology(CaseQuery query) {
		CurrentUser user = this.access.requireRole(READERS);
		CaseReports.@Nullable Search search = searchFor(user, query);
		return (search == null) ? Map.of() : this.reports.countByTechnology(search);
	}

	/**
	 * The repository search for a query in the caller's scope (as {@link #search}
	 * documents it), or null when the caller can see no case at all.
	 */
	private CaseReports.@Nullable Search searchFor(CurrentUser user, CaseQuery query) {
		Set<UUID> scope = null;
		UUID operator = null;
		if (user.role() == Role.PHYSICIAN) {
			if (user.personId() == null) {
				return null;
			}
			operator = user.personId();
		}
		else if (user.role() == Role.HOSPITAL_CLERK || user.role() == Role.HOSPITAL_ADMIN) {
			scope = (user.institutionId() == null) ? Set.of() : Set.of(user.institutionId());
		}
		else if (user.role() != Role.SYSTEM_ADMIN) {
			scope = institutionsInRegion(user);
		}
		CaseStatus status = null;
		if (query.status() != null) {
			status = Arrays.stream(CaseStatus.values())
				.filter(s -> s.name().equals(query.status()))
				.findFirst()
				.orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误",
						"status 只能是 DRAFT 或 SUBMITTED", List.of(new FieldProblem("status", "只能是 DRAFT 或 SUBMITTED"))));
		}
		if (reportedOnly(user)) {
			if (status == CaseStatus.DRAFT) {
				return null;
			}
			status = CaseStatus.SUBMITTED;
		}
		// a physician lists the cases he operated and those of his hospital he assisted
		// in
		UUID assistedAt = (operator != null) ? user.institutionId() : null;
		String recordNo = null;
		String patientIdHash = null;
		String q = query.q();
		if (q != null) {
			if (q.length() > CaseQuery.MAX_Q) {
				throw invalidQ("检索内容最多 " + CaseQuery.MAX_Q + " 个字符（病案号、住院号或身份证号）");
			}
			if (IdNumbers.isShaped(q)) {
				String id = IdNumbers.normalize(q);
				// a patient's ID number: only for the users who see patients' identities
				// (within their own scope, so never another hospital's patient)
				if (!seesPatients(user)) {
					throw invalidQ("按身份证号检索只对医疗机构本院用户开放（卫生健康行政部门只见患者假名），请按病案号或住院号检索");
				}
				String problem = IdNumbers.problem(id);
				if (problem != null) {
					throw invalidQ(problem);
				}
				patientIdHash = this.patients.idNumberHash(id);
			}
			else {
				recordNo = q;
			}
		}
		return new CaseReports.Search(scope, operator, query.institutionId(), query.technology(), status, query.flag(),
				query.from(), query.to(), query.page() * query.size(), query.size(), assistedAt, recordNo,
				patientIdHash);
	}

	private static ProblemException invalidQ(String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误", message,
				List.of(new FieldProblem("q", message)));
	}

	/**
	 * The submitted cases in the caller's scope (exactly those {@link #search} lists, so
	 * the count matches the list filtered to {@link CaseFlag#ANY_BLOCKING}) that carry a
	 * blocking flag (未备案开展, 未授权, 超范围 …), counted in SQL.
	 * @return the number of flagged cases and, per blocking flag code, the cases carrying
	 * it
	 */
	public FlaggedCases flaggedCases() {
		CurrentUser user = this.access.requireRole(READERS);
		CaseReports.@Nullable Search search = searchFor(user,
				new CaseQuery(null, null, CaseStatus.SUBMITTED.name(), null, null, null, 0, 1));
		if (search == null) {
			return new FlaggedCases(0, Map.of());
		}
		return new FlaggedCases(this.reports.countFlagged(search), this.reports.countBlockingFlags(search));
	}

	/**
	 * A hospital's case drafts not yet submitted (a hospital user's to-do: a case is
	 * reported, checked and counted only once submitted).
	 * @return the own institution's drafts; 0 for anybody but its clerks and
	 * administrators
	 */
	public long draftCount() {
		CurrentUser user = this.access.requireRole(READERS);
		if ((user.role() != Role.HOSPITAL_CLERK && user.role() != Role.HOSPITAL_ADMIN)
				|| user.institutionId() == null) {
			return 0;
		}
		return this.reports.count(new CaseReports.Search(Set.of(user.institutionId()), null, null, null,
				CaseStatus.DRAFT, null, null, null, 0, 0));
	}

	/**
	 * The submitted cases in the caller's scope (as {@link #search}) operated in the year
	 * up to today, per technology: which technology a region or a hospital mostly does
	 * (the indicator pages open on it).
	 * @return technology and cases, most cases first
	 */
	public List<TechnologyVolume> recentVolumes() {
		LocalDate today = LocalDate.now(this.clock);
		return countByTechnology(new CaseQuery(null, null, CaseStatus.SUBMITTED.name(), null,
				today.minusYears(1).plusDays(1), today, 0, 1))
			.entrySet()
			.stream()
			.map(e -> new TechnologyVolume(e.getKey(), e.getValue()))
			.toList();
	}

	/**
	 * Submitted cases of one technology.
	 *
	 * @param technology technology code
	 * @param cases how many
	 */
	public record TechnologyVolume(String technology, long cases) {
	}

	/**
	 * Submitted cases carrying blocking flags.
	 *
	 * @param total cases with at least one blocking flag
	 * @param byFlag per flag code (see {@link CaseFlag}), the cases carrying it
	 */
	public record FlaggedCases(long total, Map<String, Long> byFlag) {
	}

	/**
	 * @param id a case
	 * @return its amendments, oldest first
	 * @throws CaseNotFound when there is none
	 * @throws AccessDenied when it is outside the caller's scope
	 */
	public List<Amendment> amendments(UUID id) {
		CurrentUser user = this.access.requireRole(READERS);
		CaseRecord record = load(id);
		checkRead(user, record);
		return this.reports.amendments(id);
	}

	/**
	 * Reads what a barcode scanner typed, for the scanner field of the form.
	 * @param scanned the string
	 * @param operationDate the case's operation date when the form has one (from
	 * {@value #EARLIEST_OPERATION} to today)
	 * @return the reading, expired compared with the operation date (as the
	 * {@code DEVICE_EXPIRED} flag), else with today
	 * @throws cn.rtms.devices.InvalidBarcode when it is a broken GS1 string
	 * @throws ProblemException 400 {@code VALIDATION_FAILED} for an operation date after
	 * today or before {@value #EARLIEST_OPERATION}
	 */
	public DeviceView readDevice(String scanned, @Nullable LocalDate operationDate) {
		this.access.requireRole(READERS);
		LocalDate today = LocalDate.now(this.clock);
		if (operationDate != null
				&& (operationDate.isAfter(today) || operationDate.isBefore(LocalDate.parse(EARLIEST_OPERATION)))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求数据校验失败",
					"手术日期 " + operationDate + " 应在 " + EARLIEST_OPERATION + " 至今天（" + today + "）之间",
					List.of(new FieldProblem("operationDate", "手术日期应在 " + EARLIEST_OPERATION + " 至今天之间")));
		}
		DeviceIdentification reading = CaseRules.readBarcode(scanned, today);
		return new DeviceView(scanned, reading.format().name(), reading.gtin(), reading.lot(), reading.serial(),
				reading.expiryDate(), reading.productionDate(), null, null, true, 1,
				reading.expiredOn((operationDate != null) ? operationDate : today));
	}

	/**
	 * Inserts and submits cases already checked with {@link #check} (an import), in the
	 * caller's transaction, in statements of many rows: flags are set as on submit, exact
	 * duplicates (same institution, technology, 病案号 and operation date, in the database
	 * or earlier in the list) are skipped, one {@link CaseSubmitted} is published per
	 * inserted case and one audit entry records the import. Every case of the list is
	 * checked, also one already registered (the unique identity index skips it at the
	 * insert, after the checks).
	 * @param institutionId the institution (hospital users: their own)
	 * @param cases the cases, each with an operation date
	 * @param source where they come from, e.g. {@code IMPORT}, {@code DEMO} (at most 20
	 * characters)
	 * @return how many were inserted and skipped, and the new ids
	 * @throws CaseInvalid when a case has errors after all (nothing is inserted)
	 * @throws DeviceReused when a single-use device is recorded in another case (what was
	 * inserted rolls back with the caller's transaction)
	 */
	@Transactional
	public ImportResult importSubmitted(UUID institutionId, List<CaseInput> cases, String source) {
		return insertPrepared(prepareSubmitted(institutionId, cases, source));
	}

	/**
	 * Cases of an import checked and turned into rows, ready for {@link #insertPrepared}:
	 * what {@link #importSubmitted} does before it writes.
	 */
	public static final class PreparedImport {

		private final UUID institutionId;

		private final String source;

		private final List<CaseRecord> records;

		private final int duplicates;

		PreparedImport(UUID institutionId, String source, List<CaseRecord> records, int duplicates) {
			this.institutionId = institutionId;
			this.source = source;
			this.records = records;
			this.duplicates = duplicates;
		}

		/**
		 * @return how many cases will be inserted at most (those already registered are
		 * skipped at the insert)
		 */
		public int size() {
			return this.records.size();
		}

	}

	/**
	 * The first half of {@link #importSubmitted}: checks every case as on submit, sets
	 * its flags and builds its row (encrypted patient data, stored form fields), without
	 * writing anything, so an import may prepare the next chunk on another thread while
	 * the previous one is written. Needs no transaction; reads only the platform's
	 * reference data (staff, specs, the practice-rights view).
	 * @param institutionId the institution (hospital users: their own)
	 * @param cases the cases, each with an operation date
	 * @param source where they come from (at most 20 characters)
	 * @return the prepared rows, exact duplicates within the list left out and counted
	 * @throws CaseInvalid when a case has errors
	 */
	public PreparedImport prepareSubmitted(UUID institutionId, List<CaseInput> cases, String source) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.SYSTEM_ADMIN);
		if (user.role() != Role.SYSTEM_ADMIN && !institutionId.equals(user.institutionId())) {
			throw new AccessDenied("只能导入本机构的病例");
		}
		String regionCode = regionOf(institutionId);
		Instant now = Instant.now(this.clock);
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, Staff> staff = new StaffCache().of(institutionId);
		Set<String> existing = new HashSet<>();
		List<CaseRecord> records = new ArrayList<>();
		int duplicates = 0;
		for (int i = 0; i < cases.size(); i++) {
			CaseInput input = cases.get(i);
			String key = CaseReports.identityKey(input.technology(), input.medicalRecordNo().strip(),
					input.operationDate());
			if (!existing.add(key)) {
				duplicates++;
				continue;
			}
			if (input.operationDate() == null) {
				throw new CaseInvalid(new CaseCheck(
						List.of(new CaseProblem("cases[" + i + "].operationDate", "REQUIRED", "手术日期不能为空")), List.of(),
						List.of()));
			}
			Evaluation evaluation = evaluateWith(input, institutionId, regionCode, true, staff, today);
			int index = i;
			if (!evaluation.errors().isEmpty()) {
				throw new CaseInvalid(new CaseCheck(evaluation.errors()
					.stream()
					.map(e -> new CaseProblem("cases[" + index + "]." + e.field(), e.code(), e.message()))
					.toList(), List.of(), List.of()));
			}
			records.add(record(TimeOrderedIds.next(this.clock), 0, institutionId, evaluation, input,
					CaseStatus.SUBMITTED, confirmedCodes(evaluation.warnings()), flags(evaluation, input), source, now,
					user.id(), now, now, user.id()));
		}
		return new PreparedImport(institutionId, source, records, duplicates);
	}

	/**
	 * The second half of {@link #importSubmitted}: inserts prepared cases in the caller's
	 * transaction (registered ones skipped by the unique identity index), checks their
	 * single-use devices, records one audit entry and publishes one {@link CaseSubmitted}
	 * per inserted case.
	 * @param prepared from {@link #prepareSubmitted}, by the same user
	 * @return how many were inserted and skipped, and the new ids
	 * @throws DeviceReused when a single-use device is recorded in another case, in two
	 * of the prepared cases, or the unique index refuses it (a case saved meanwhile);
	 * what was inserted rolls back with the caller's transaction
	 */
	@Transactional
	public ImportResult insertPrepared(PreparedImport prepared) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.SYSTEM_ADMIN);
		UUID institutionId = prepared.institutionId;
		if (user.role() != Role.SYSTEM_ADMIN && !institutionId.equals(user.institutionId())) {
			throw new AccessDenied("只能导入本机构的病例");
		}
		String source = prepared.source;
		List<CaseRecord> records = prepared.records;
		int duplicates = prepared.duplicates;
		// Cases already registered are skipped by the unique identity index itself (no
		// look-up query whose plan depends on statistics); devices are checked and
		// inserted for the new cases only. A refusal after the insert rolls back with the
		// caller's transaction (an import: its savepoint).
		Set<UUID> inserted = insertNew(records);
		duplicates += records.size() - inserted.size();
		records = records.stream().filter(r -> inserted.contains(r.id())).toList();
		Map<String, Integer> devicePositions = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			for (DeviceRow device : records.get(i).devices()) {
				if (device.singleUse() && device.gtin() != null && device.serial() != null) {
					Integer first = devicePositions.putIfAbsent(device.gtin() + "|" + device.serial(), i);
					if (first != null && first != i) {
						throw DeviceReused.inBatch("devices", device.gtin(), device.serial(),
								records.get(first).medicalRecordNo(), records.get(i).medicalRecordNo());
					}
				}
			}
		}
		List<DeviceUse> used = this.reports.singleUseDevices(devicePositions.keySet(), null);
		if (!used.isEmpty()) {
			DeviceUse use = used.get(0);
			CaseRecord record = records.get(devicePositions.getOrDefault(use.gtin() + "|" + use.serial(), 0));
			throw reused("devices", use, institutionId, null, record.medicalRecordNo());
		}
		try {
			this.reports.insertDevices(records);
		}
		catch (DuplicateKeyException ex) {
			// a case another transaction saved since the check holds a device: the
			// importer checks its rows one by one
			if (singleUseIndex(ex)) {
				throw DeviceReused.raced("devices");
			}
			throw raceProblem(ex, null, "");
		}
		List<UUID> ids = records.stream().map(CaseRecord::id).toList();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("institutionId", institutionId);
		details.put("source", source);
		details.put("inserted", ids.size());
		details.put("duplicates", duplicates);
		// appended when the import commits: an import of many chunks is one transaction,
		// and
		// the audit chain's lock taken now would be held to its end
		this.audit.recordBeforeCommit("CASES_IMPORTED", ENTITY, institutionId.toString(), null, details);
		records.forEach(r -> this.events.publishEvent(submitted(r)));
		return new ImportResult(ids.size(), duplicates, ids);
	}

	private Set<UUID> insertNew(List<CaseRecord> records) {
		try {
			return this.reports.insertNew(records);
		}
		catch (DuplicateKeyException ex) {
			throw raceProblem(ex, null, "");
		}
	}

	private static CaseSubmitted submitted(CaseRecord record) {
		return new CaseSubmitted(record.id(), record.institutionId(), record.technology(), record.operatorId(),
				Objects.requireNonNull(record.operationDate()));
	}

	/** What the checks found about one case. */
	private record Evaluation(UUID institutionId, CaseForm form, SpecOutline spec, String regionCode, Outcome outcome,
			List<CaseProblem> errors, Optional<UUID> duplicate, Map<Integer, DeviceUse> reuses,
			List<PracticeFinding> findings) {

		List<CaseProblem> warnings() {
			return this.outcome.warnings();
		}

	}

	private Evaluation evaluate(CaseInput input, UUID institutionId, boolean complete, @Nullable UUID caseId,
			StaffCache staff) {
		String regionCode = regionOf(institutionId);
		Evaluation evaluation = evaluateWith(input, institutionId, regionCode, complete, staff.of(institutionId),
				LocalDate.now(this.clock));
		Optional<UUID> duplicate = (input.operationDate() == null || input.medicalRecordNo().isBlank())
				? Optional.empty() : this.reports.findDuplicate(institutionId, input.technology(),
						input.medicalRecordNo().strip(), input.operationDate(), caseId);
		Map<String, Integer> singleUse = new LinkedHashMap<>();
		List<@Nullable DeviceIdentification> readings = evaluation.outcome().devices();
		for (int i = 0; i < readings.size(); i++) {
			DeviceIdentification reading = readings.get(i);
			if (reading != null && reading.gtin() != null && reading.serial() != null
					&& !Boolean.FALSE.equals(input.devices().get(i).singleUse())) {
				singleUse.putIfAbsent(reading.gtin() + "|" + reading.serial(), i);
			}
		}
		Map<Integer, DeviceUse> reuses = new LinkedHashMap<>();
		for (DeviceUse use : this.reports.singleUseDevices(singleUse.keySet(), caseId)) {
			reuses.putIfAbsent(singleUse.get(use.gtin() + "|" + use.serial()), use);
		}
		return new Evaluation(institutionId, evaluation.form(), evaluation.spec(), regionCode, evaluation.outcome(),
				evaluation.errors(), duplicate, reuses, evaluation.findings());
	}

	private Evaluation evaluateWith(CaseInput input, UUID institutionId, String regionCode, boolean complete,
			Map<UUID, Staff> staff, LocalDate today) {
		LocalDate day = (input.operationDate() != null) ? input.operationDate() : today;
		SpecOutline spec;
		try {
			spec = this.forms.spec(input.technology(), day, regionCode);
		}
		catch (UnknownCaseForm ex) {
			throw new CaseInvalid(new CaseCheck(List.of(new CaseProblem("technology", "UNKNOWN_TECHNOLOGY",
					"没有技术 “" + input.technology() + "” 的管理规范和病例表单")), List.of(), List.of()));
		}
		CaseForm form = this.forms.get(spec.key());
		CaseRules.Context context = new CaseRules.Context(form, spec.subTechniques().keySet(), spec.routes().keySet(),
				CaseForms.DISCHARGE_STATUSES.keySet(), staff, today, complete);
		Outcome outcome = CaseRules.check(input, context);
		List<PracticeFinding> findings = (input.operationDate() == null) ? List.of() : this.rights.check(institutionId,
				input.operatorId(), input.technology(), blankToNull(input.subTechnique()), input.operationDate());
		return new Evaluation(institutionId, form, spec, regionCode, outcome, outcome.errors(), Optional.empty(),
				Map.of(), findings);
	}

	/**
	 * Throws the problem that refuses a save: 409 for duplicates and reused devices, 422
	 * for errors, 422 for unconfirmed warnings (only when {@code confirmed} is given: not
	 * for drafts).
	 */
	private void refuse(Evaluation evaluation, CaseInput input, @Nullable UUID caseId,
			@Nullable Set<String> confirmed) {
		if (evaluation.duplicate().isPresent()) {
			throw new DuplicateCase(evaluation.duplicate().get(), input.technology(), input.medicalRecordNo().strip(),
					input.operationDate());
		}
		if (!evaluation.reuses().isEmpty()) {
			Map.Entry<Integer, DeviceUse> first = evaluation.reuses().entrySet().iterator().next();
			DeviceUse use = first.getValue();
			throw reused("devices[" + first.getKey() + "].scanned", use, evaluation.institutionId(), caseId,
					input.medicalRecordNo());
		}
		if (!evaluation.errors().isEmpty()) {
			throw new CaseInvalid(new CaseCheck(evaluation.errors(),
					unconfirmed(evaluation.warnings(), (confirmed == null) ? Set.of() : confirmed),
					evaluation.findings()));
		}
		if (confirmed != null) {
			List<CaseProblem> unconfirmed = unconfirmed(evaluation.warnings(), confirmed);
			if (!unconfirmed.isEmpty()) {
				throw new CaseWarningsUnconfirmed(unconfirmed);
			}
		}
	}

	/**
	 * The refusal of a single-use device another case holds: that case and its 病案号 when
	 * it is of the same institution, else only the other institution's name.
	 */
	private DeviceReused reused(String field, DeviceUse use, UUID institutionId, @Nullable UUID caseId,
			String medicalRecordNo) {
		if (use.institutionId().equals(institutionId)) {
			return DeviceReused.inOwnCase(field, use.gtin(), use.serial(), use.caseId(), use.medicalRecordNo(), caseId,
					medicalRecordNo);
		}
		return DeviceReused.inOtherInstitution(field, use.gtin(), use.serial(), institutionName(use.institutionId()),
				caseId, medicalRecordNo);
	}

	private String institutionName(UUID institutionId) {
		return Objects.toString(this.institutions.nameOf(institutionId), "名称未登记");
	}

	private static List<CaseProblem> unconfirmed(List<CaseProblem> warnings, Set<String> confirmed) {
		return warnings.stream().filter(w -> !confirmed.contains(w.code())).toList();
	}

	private static List<String> confirmedCodes(List<CaseProblem> warnings) {
		return warnings.stream().map(CaseProblem::code).distinct().sorted().toList();
	}

	/** The flags of a case to submit. */
	private List<CaseFlag> flags(Evaluation evaluation, CaseInput input) {
		List<CaseFlag> flags = new ArrayList<>();
		for (PracticeFinding finding : evaluation.findings()) {
			flags.add(new CaseFlag(finding.code(), finding.message(), finding.blocking()));
		}
		if (!Boolean.TRUE.equals(input.informedConsent())) {
			flags.add(new CaseFlag(CaseFlag.NO_CONSENT, "未记录知情同意（未签署知情同意书）", true));
		}
		Map<String, Object> fields = evaluation.outcome().fields();
		List<String> codes = evaluation.outcome().procedureCodes();
		boolean thyroid = "THYROID".equals(fields.get("organ")) || codes.stream().anyMatch(c -> c.startsWith("06.3"));
		if ("G08".equals(input.technology()) && thyroid && !Boolean.TRUE.equals(fields.get("preOpPathology"))) {
			flags.add(new CaseFlag(CaseFlag.NO_PREOP_PATHOLOGY, "甲状腺消融未记录术前穿刺活检/病理检查（甲状腺消融无术前病理）", true));
		}
		LocalDate operation = input.operationDate();
		List<@Nullable DeviceIdentification> readings = evaluation.outcome().devices();
		for (int i = 0; i < readings.size(); i++) {
			DeviceIdentification reading = readings.get(i);
			if (reading != null && operation != null && reading.expiredOn(operation)) {
				flags.add(
						new CaseFlag(
								CaseFlag.DEVICE_EXPIRED, "第 " + (i + 1) + " 个器械（" + input.devices().get(i).scanned()
										+ "）有效期至 " + reading.expiryDate() + "，手术日期 " + operation + " 已过期（使用过期器械）",
								true));
			}
		}
		ProcedureCodeMatcher<SpecOutline.Code> listed = specCodes(evaluation.spec());
		if (!evaluation.spec().procedureCodes().isEmpty()) {
			List<String> outside = CaseRules.outsideList(codes, listed);
			if (!outside.isEmpty()) {
				flags.add(new CaseFlag(CaseFlag.CODE_NOT_IN_SPEC, "手术编码 " + String.join("、", outside) + " 不在管理规范 "
						+ evaluation.spec().key() + " 的编码表内（手术编码不在规范编码表内）", false));
			}
		}
		return List.copyOf(flags);
	}

	/**
	 * The spec's code list, matched by the module's one rule (a subcategory form of a
	 * listed NN.NN00 is in the list, as for the gate and the discharge scan).
	 */
	private static ProcedureCodeMatcher<SpecOutline.Code> specCodes(SpecOutline spec) {
		return ProcedureCodeMatcher.of(spec.procedureCodes(), SpecOutline.Code::code);
	}

	private CaseRecord record(UUID id, int version, UUID institutionId, Evaluation evaluation, CaseInput input,
			CaseStatus status, List<String> confirmedWarnings, List<CaseFlag> flags, String source, Instant createdAt,
			UUID createdBy, Instant updatedAt, @Nullable Instant submittedAt, @Nullable UUID submittedBy) {
		PatientInput patient = input.patient();
		String idNumber = blankToNull(patient.idNumber());
		String normalizedId = (idNumber == null) ? null : IdNumbers.normalize(idNumber);
		ProcedureCodeMatcher<SpecOutline.Code> listed = specCodes(evaluation.spec());
		boolean noList = evaluation.spec().procedureCodes().isEmpty();
		List<CodeEntry> codes = evaluation.outcome().procedureCodes().stream().map(c -> {
			List<SpecOutline.Code> found = listed.find(c);
			return new CodeEntry(c, found.isEmpty() ? null : found.get(0).name(), noList || !found.isEmpty());
		}).toList();
		List<DeviceRow> devices = new ArrayList<>();
		List<@Nullable DeviceIdentification> readings = evaluation.outcome().devices();
		for (int i = 0; i < readings.size(); i++) {
			DeviceIdentification reading = readings.get(i);
			if (reading == null) {
				continue;
			}
			DeviceInput device = input.devices().get(i);
			devices.add(new DeviceRow(i + 1, device.scanned(), reading.format().name(), reading.gtin(),
					cut(reading.lot(), 20), cut(reading.serial(), 20), reading.expiryDate(), reading.productionDate(),
					blankToNull(device.registrationNo()), blankToNull(device.name()),
					!Boolean.FALSE.equals(device.singleUse()), (device.quantity() == null) ? 1 : device.quantity()));
		}
		String medicalRecordNo = input.medicalRecordNo().strip();
		return new CaseRecord(id, version, institutionId, evaluation.regionCode(), input.technology(),
				evaluation.form().key(), status, medicalRecordNo, blankToNull(input.inpatientNo()),
				this.patients.encrypt(blankToNull(patient.name())), this.patients.encrypt(normalizedId),
				this.patients.encrypt(blankToNull(patient.phone())),
				(normalizedId == null) ? null : this.patients.idNumberHash(normalizedId),
				this.patients.pseudonym(institutionId, medicalRecordNo), blankToNull(patient.sex()),
				patient.birthDate(), blankToNull(input.subTechnique()), blankToNull(input.route()), codes,
				input.admissionDate(), input.operationDate(), input.dischargeDate(), blankToNull(input.department()),
				input.operatorId(), List.copyOf(input.assistantIds()), input.informedConsent(),
				input.complications()
					.stream()
					.map(c -> new Complication(c.name().strip(), c.onsetDate(), blankToNull(c.grade()),
							blankToNull(c.type()), c.serious()))
					.toList(),
				input.deathDate(), blankToNull(input.dischargeStatus()), asStored(evaluation.outcome().fields()),
				confirmedWarnings, flags, source, createdAt, createdBy, updatedAt, submittedAt, submittedBy,
				List.copyOf(devices));
	}

	/**
	 * Form values as they come back from the database (JSON numbers as Integer or
	 * Double).
	 */
	private Map<String, Object> asStored(Map<String, Object> fields) {
		return this.json.readValue(this.json.writeValueAsString(fields),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
	}

	private void insert(CaseRecord record, CaseInput input) {
		try {
			this.reports.insert(List.of(record));
		}
		catch (DuplicateKeyException ex) {
			throw raceProblem(ex, record.id(), input.medicalRecordNo());
		}
	}

	private void save(CaseRecord record, CaseInput input) {
		boolean saved;
		try {
			saved = this.reports.update(record);
		}
		catch (DuplicateKeyException ex) {
			throw raceProblem(ex, record.id(), input.medicalRecordNo());
		}
		if (!saved) {
			throw this.history.stale(ENTITY, record.id().toString(), WHAT, record.version() - 1, record.version());
		}
	}

	/**
	 * A unique index refused a row another transaction inserted between the check and the
	 * insert.
	 */
	private static ProblemException raceProblem(DuplicateKeyException ex, @Nullable UUID caseId,
			String medicalRecordNo) {
		if (singleUseIndex(ex)) {
			return new ProblemException(
					HttpStatus.CONFLICT, "DEVICE_REUSED", "一次性器械重复使用", "本病例的一次性使用器械刚被其他病例登记（"
							+ ((caseId == null) ? "病案号 " + medicalRecordNo : "病例 " + caseId) + "），请刷新后核对器械条码",
					List.of(new FieldProblem("devices", "一次性器械已在其他病例中使用")));
		}
		return new ProblemException(HttpStatus.CONFLICT, "DUPLICATE_CASE", "病例重复",
				"相同病案号、手术日期和技术的病例刚被登记，不能重复登记（病案号 " + medicalRecordNo + "）",
				List.of(new FieldProblem("medicalRecordNo", "与已登记病例重复")));
	}

	private static boolean singleUseIndex(DuplicateKeyException ex) {
		return String.valueOf(ex.getMostSpecificCause().getMessage()).contains("case_device_single_use_uidx");
	}

	private CaseRecord load(UUID id) {
		return this.reports.find(id).orElseThrow(() -> new CaseNotFound(id));
	}

	private CaseRecord loadForWrite(UUID id, CurrentUser user) {
		CaseRecord record = load(id);
		if (!record.institutionId().equals(user.institutionId())) {
			throw new AccessDenied("只能修改本机构的病例");
		}
		return record;
	}

	private void checkRead(CurrentUser user, CaseRecord record) {
		boolean allowed = switch (user.role()) {
			case SYSTEM_ADMIN -> true;
			case HOSPITAL_CLERK, HOSPITAL_ADMIN -> record.institutionId().equals(user.institutionId());
			case PHYSICIAN -> user.personId() != null
					&& (user.personId().equals(record.operatorId()) || record.assistantIds().contains(user.personId()));
			case COUNTY_AUTHORITY, CITY_AUTHORITY, PROVINCE_AUTHORITY ->
				this.access.coversRegion(user, record.regionCode());
			default -> false;
		};
		if (!allowed) {
			throw new AccessDenied("无权查看该病例（不在当前账号的数据范围内）");
		}
		if (record.status() == CaseStatus.DRAFT && reportedOnly(user)) {
			throw new CaseNotFound(record.id());
		}
	}

	/**
	 * Authorities see what a hospital reported: its submitted cases, not the drafts it is
	 * still writing (a draft is neither checked nor counted, and nobody outside the
	 * hospital relies on it).
	 */
	private static boolean reportedOnly(CurrentUser user) {
		return user.role() == Role.COUNTY_AUTHORITY || user.role() == Role.CITY_AUTHORITY
				|| user.role() == Role.PROVINCE_AUTHORITY;
	}

	private static boolean seesPatient(CurrentUser user, CaseRecord record) {
		return seesPatients(user) && record.institutionId().equals(user.institutionId());
	}

	/** The roles that see the identities of their own hospital's patients. */
	private static boolean seesPatients(CurrentUser user) {
		return user.role() == Role.HOSPITAL_CLERK || user.role() == Role.HOSPITAL_ADMIN
				|| user.role() == Role.PHYSICIAN;
	}

	private UUID ownInstitution(CurrentUser user) {
		UUID institutionId = user.institutionId();
		if (institutionId == null) {
			throw new AccessDenied("当前账号未关联医疗机构，不能登记病例");
		}
		return institutionId;
	}

	private String regionOf(UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		if (region == null) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "INSTITUTION_NOT_FOUND", "医疗机构不存在",
					"医疗机构 " + institutionId + " 不存在", List.of());
		}
		return region;
	}

	private Set<UUID> institutionsInRegion(CurrentUser user) {
		Set<UUID> ids = new HashSet<>();
		for (InstitutionDetails institution : this.institutions.all()) {
			if (institution.id() != null && this.access.coversRegion(user, institution.regionCode())) {
				ids.add(institution.id());
			}
		}
		return ids;
	}

	/**
	 * The ID number and phone are shown only masked, so an edit that leaves them out
	 * ({@code null}) keeps the stored values; an empty string clears them.
	 */
	private CaseInput keepingPatientSecrets(CaseInput input, CaseRecord current) {
		PatientInput p = input.patient();
		if (p.idNumber() != null && p.phone() != null) {
			return input;
		}
		PatientInput kept = new PatientInput(p.name(),
				p.idNumber() != null ? p.idNumber() : this.patients.decrypt(current.patientIdNoEnc()),
				p.phone() != null ? p.phone() : this.patients.decrypt(current.patientPhoneEnc()), p.sex(),
				p.birthDate());
		return new CaseInput(input.institutionId(), input.technology(), input.subTechnique(), input.route(),
				input.procedureCodes(), input.medicalRecordNo(), input.inpatientNo(), kept, input.admissionDate(),
				input.operationDate(), input.dischargeDate(), input.department(), input.operatorId(),
				input.assistantIds(), input.informedConsent(), input.complications(), input.deathDate(),
				input.dischargeStatus(), input.fields(), input.devices());
	}

	/** The input a stored case was entered with (patient data decrypted). */
	private CaseInput input(CaseRecord r) {
		return new CaseInput(r.institutionId(), r.technology(), r.subTechnique(), r.route(),
				r.procedureCodes().stream().map(CodeEntry::code).toList(), r.medicalRecordNo(), r.inpatientNo(),
				new PatientInput(this.patients.decrypt(r.patientNameEnc()), this.patients.decrypt(r.patientIdNoEnc()),
						this.patients.decrypt(r.patientPhoneEnc()), r.patientSex(), r.patientBirthDate()),
				r.admissionDate(), r.operationDate(), r.dischargeDate(), r.department(), r.operatorId(),
				r.assistantIds(), r.informedConsent(), r.complications(), r.deathDate(), r.dischargeStatus(),
				r.formData(),
				r.devices()
					.stream()
					.map(d -> new DeviceInput(d.scanned(), d.registrationNo(), d.name(), d.singleUse(), d.quantity()))
					.toList());
	}

	private CaseView view(CaseRecord r, CurrentUser user, StaffCache staff) {
		boolean own = seesPatient(user, r);
		String idNumber = own ? this.patients.decrypt(r.patientIdNoEnc()) : null;
		String phone = own ? this.patients.decrypt(r.patientPhoneEnc()) : null;
		PatientView patient = new PatientView(r.patientPseudonym(),
				own ? this.patients.decrypt(r.patientNameEnc()) : null,
				(idNumber == null) ? null : PatientData.maskIdNumber(idNumber),
				(phone == null) ? null : PatientData.maskPhone(phone), r.patientSex(), r.patientBirthDate());
		List<DeviceView> devices = r.devices()
			.stream()
			.map(d -> new DeviceView(d.scanned(), d.type(), d.gtin(), d.lot(), d.serial(), d.expiryDate(),
					d.productionDate(), d.registrationNo(), d.name(), d.singleUse(), d.quantity(),
					d.expiredOn(r.operationDate())))
			.toList();
		return new CaseView(r.id(), r.version(), r.status().name(), r.institutionId(),
				this.institutions.nameOf(r.institutionId()), r.technology(), r.formKey(), r.subTechnique(), r.route(),
				r.procedureCodes().stream().map(CodeEntry::code).toList(), r.medicalRecordNo(), r.inpatientNo(),
				patient, r.admissionDate(), r.operationDate(), r.dischargeDate(), r.department(), r.operatorId(),
				staff.name(r.institutionId(), r.operatorId()), r.assistantIds(), r.informedConsent(), r.complications(),
				r.deathDate(), r.dischargeStatus(), r.formData(), devices, r.confirmedWarnings(), r.flags(),
				r.submittedAt(), (r.status() == CaseStatus.SUBMITTED) ? this.reports.amendmentCount(r.id()) : 0);
	}

	/**
	 * The audited state of a case: everything but the patient's name, ID number and
	 * phone, which are never written to the audit trail.
	 */
	private static Map<String, @Nullable Object> state(CaseRecord r) {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("version", r.version());
		state.put("status", r.status().name());
		state.put("technology", r.technology());
		state.put("formKey", r.formKey());
		state.put("medicalRecordNo", r.medicalRecordNo());
		state.put("inpatientNo", r.inpatientNo());
		state.put("patient", r.patientPseudonym());
		state.put("patientSex", r.patientSex());
		state.put("patientBirthDate", r.patientBirthDate());
		state.put("subTechnique", r.subTechnique());
		state.put("route", r.route());
		state.put("procedureCodes", r.procedureCodes().stream().map(CodeEntry::code).toList());
		state.put("admissionDate", r.admissionDate());
		state.put("operationDate", r.operationDate());
		state.put("dischargeDate", r.dischargeDate());
		state.put("department", r.department());
		state.put("operatorId", r.operatorId());
		state.put("assistantIds", r.assistantIds());
		state.put("informedConsent", r.informedConsent());
		state.put("complications", r.complications());
		state.put("deathDate", r.deathDate());
		state.put("dischargeStatus", r.dischargeStatus());
		state.put("fields", r.formData());
		state.put("devices", r.devices().stream().map(DeviceRow::scanned).toList());
		state.put("confirmedWarnings", r.confirmedWarnings());
		state.put("flags", r.flags().stream().map(CaseFlag::code).toList());
		return state;
	}

	private static Map<String, @Nullable Object> withReason(Map<String, @Nullable Object> state, String reason) {
		state.put("reason", reason);
		return state;
	}

	/**
	 * The fields an amendment changed, before and after; patient data only as changed.
	 */
	private void diff(CaseRecord before, CaseRecord after, Map<String, @Nullable Object> was,
			Map<String, @Nullable Object> is) {
		Map<String, @Nullable Object> a = state(before);
		Map<String, @Nullable Object> b = state(after);
		for (String key : a.keySet()) {
			if (Set.of("version", "status", "flags", "confirmedWarnings").contains(key)) {
				continue;
			}
			if (!same(a.get(key), b.get(key))) {
				was.put(key, a.get(key));
				is.put(key, b.get(key));
			}
		}
		Map<String, Function<CaseRecord, byte @Nullable []>> secrets = Map.of("patientName", CaseRecord::patientNameEnc,
				"patientIdNumber", CaseRecord::patientIdNoEnc, "patientPhone", CaseRecord::patientPhoneEnc);
		for (String key : new TreeSet<>(secrets.keySet())) {
			String old = this.patients.decrypt(secrets.get(key).apply(before));
			String now = this.patients.decrypt(secrets.get(key).apply(after));
			if (!Objects.equals(old, now)) {
				was.put(key, (old == null) ? null : "原值" + ENCRYPTED);
				is.put(key, (now == null) ? null : "新值" + ENCRYPTED);
			}
		}
		if (!Objects.equals(before.flags(), after.flags())) {
			was.put("flags", before.flags().stream().map(CaseFlag::code).toList());
			is.put("flags", after.flags().stream().map(CaseFlag::code).toList());
		}
	}

	/**
	 * Whether two stored values are the same as JSON: the same fields in any order (the
	 * form's fields read back from the database against the ones just entered).
	 */
	private boolean same(@Nullable Object a, @Nullable Object b) {
		if (Objects.equals(String.valueOf(a), String.valueOf(b))) {
			return true;
		}
		return this.json.readTree(this.json.writeValueAsString(a))
			.equals(this.json.readTree(this.json.writeValueAsString(b)));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable String cut(@Nullable String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** The people of institutions, loaded once per use case. */
	private final class StaffCache {

		private final Map<UUID, Map<UUID, Staff>> byInstitution = new HashMap<>();

		Map<UUID, Staff> of(UUID institutionId) {
			return this.byInstitution.computeIfAbsent(institutionId, id -> {
				Map<UUID, Staff> staff = new HashMap<>();
				for (PersonDetails person : CaseManagement.this.people.atInstitution(id)) {
					if (person.id() != null) {
						staff.put(person.id(),
								new Staff(person.id(), person.name(), person.roles().contains(StaffRole.PHYSICIAN)));
					}
				}
				return staff;
			});
		}

		@Nullable String name(UUID institutionId, @Nullable UUID personId) {
			if (personId == null) {
				return null;
			}
			Staff staff = of(institutionId).get(personId);
			return (staff == null) ? null : staff.name();
		}

	}

}
