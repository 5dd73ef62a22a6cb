package cn.rtms.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.assessment.AssessmentReport.IndicatorFigure;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.assessment.AssessmentReport.Section;
import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.UnknownCaseForm;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.filing.FilingPeriod;
import cn.rtms.filing.FilingQueries;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionNotFound;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capability assessments (能力评估): compute one for a hospital or a physician and a period
 * (preview, nothing saved), save it with the hospital's conclusion and signature block
 * (the figures are stored as they were shown, ADR 0030), list, read and print them.
 * <p>
 * Scope: the preview is for the hospital's own clerk and admin and for the authorities
 * whose jurisdiction covers the hospital; only the hospital's clerk or admin saves. A
 * saved assessment is read by the hospital, by the authorities over it and — for a
 * physician's assessment — by that physician. Experts and training bases see none.
 */
@Service
public class AssessmentManagement {

	/** Most assessments one list returns. */
	public static final int MAX_LIST = 200;

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final PersonnelManagement personnel;

	private final CatalogManagement catalog;

	private final FilingQueries filings;

	private final CaseForms forms;

	private final CaseFacts facts;

	private final IndicatorFigures indicators;

	private final AssessmentStore store;

	private final AuditTrail audit;

	private final Clock clock;

	private final CodeDictionary dictionary = CodeDictionary.standard();

	AssessmentManagement(IdentityManagement identity, AccessPolicy access, InstitutionManagement institutions,
			PersonnelManagement personnel, CatalogManagement catalog, FilingQueries filings, CaseForms forms,
			CaseFacts facts, IndicatorFigures indicators, AssessmentStore store, AuditTrail audit, Clock clock) {
		this.identity = identity;
		this.access = access;
		this.institutions = institutions;
		this.personnel = personnel;
		this.catalog = catalog;
		this.filings = filings;
		this.forms = forms;
		this.facts = facts;
		this.indicators = indicators;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Computes an assessment without saving it.
	 * @param request subject and period
	 * @return the figures of every section
	 * @throws InvalidAssessment when the period or the subject is invalid
	 * @throws InstitutionNotFound when there is no such institution
	 * @throws AccessDenied when the current user may not assess the institution
	 */
	@Transactional(readOnly = true)
	public AssessmentReport preview(AssessmentRequest request) {
		CurrentUser user = this.identity.currentUser();
		String region = regionOf(request.institutionId());
		if (!mayPreview(user, request.institutionId(), region)) {
			throw new AccessDenied("无权生成该医疗机构的能力评估（限本机构医务科、医院管理员或辖区卫生健康行政部门）");
		}
		return compute(request, region);
	}

	/**
	 * Computes the assessment again and saves it with the conclusion and signatures; the
	 * saved figures never change afterwards. Audited as {@code ASSESSMENT_SAVED}.
	 * @param command subject, period, conclusion and signature block
	 * @return the saved assessment
	 * @throws InvalidAssessment when a field is invalid
	 * @throws AccessDenied unless the current user is the hospital's clerk or admin
	 */
	@Transactional
	public Assessment save(SaveAssessment command) {
		CurrentUser user = this.identity.currentUser();
		AssessmentRequest request = command.subject();
		String region = regionOf(request.institutionId());
		if (!user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)
				|| !request.institutionId().equals(user.institutionId())) {
			throw new AccessDenied("无权保存该医疗机构的能力评估（限本机构医务科或医院管理员）");
		}
		validateConclusion(command, today());
		AssessmentReport report = compute(request, region);
		Assessment saved = new Assessment(UUID.randomUUID(), report, command.conclusion(), command.conclusion().label(),
				command.conclusionText().strip(), command.assessor().strip(), command.departmentHead().strip(),
				command.medicalAffairsHead().strip(), command.signedOn(), user.id(), user.displayName(),
				this.clock.instant());
		this.store.insert(saved);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("institutionName", report.institutionName());
		if (report.physicianName() != null) {
			after.put("physicianName", report.physicianName());
		}
		after.put("technology", report.technology());
		after.put("from", report.from().toString());
		after.put("to", report.to().toString());
		after.put("cases", report.cases());
		after.put("conclusion", saved.conclusion().name());
		after.put("signedOn", saved.signedOn().toString());
		this.audit.record("ASSESSMENT_SAVED", "Assessment", saved.id().toString(), null, after);
		return saved;
	}

	/**
	 * @param id an assessment
	 * @return it, as saved
	 * @throws AssessmentNotFound when there is none
	 * @throws AccessDenied when it is outside the current user's scope
	 */
	@Transactional(readOnly = true)
	public Assessment get(UUID id) {
		Assessment a = this.store.find(id).orElseThrow(() -> new AssessmentNotFound(id));
		if (!mayRead(this.identity.currentUser(), a)) {
			throw new AccessDenied("无权查看该能力评估（不在当前账号的数据范围内）");
		}
		return a;
	}

	/**
	 * The saved assessments the current user may read. Hospital users see their own
	 * institution's, physicians their own; authorities must name an institution or a
	 * filing.
	 * @param institutionId an institution, or null
	 * @param filingId a filing (the assessments kept with it), or null
	 * @param technology a technology, or null
	 * @return newest period first, at most {@link #MAX_LIST}
	 */
	@Transactional(readOnly = true)
	public List<AssessmentSummary> list(@Nullable UUID institutionId, @Nullable UUID filingId,
			@Nullable String technology) {
		CurrentUser user = this.identity.currentUser();
		UUID institution = institutionId;
		UUID physician = null;
		if (user.role() == Role.PHYSICIAN) {
			physician = user.personId();
			if (physician == null) {
				return List.of();
			}
		}
		else if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)) {
			if (institution != null && !institution.equals(user.institutionId())) {
				throw new AccessDenied("无权查看其他医疗机构的能力评估");
			}
			institution = user.institutionId();
		}
		else if (user.role().isAuthority() || user.role() == Role.SYSTEM_ADMIN) {
			if (institution == null && filingId == null) {
				throw new InvalidAssessment(List.of(new FieldProblem("institutionId", "请指定医疗机构或备案")));
			}
			if (institution != null) {
				String region = regionOf(institution);
				if (!this.access.canSeeInstitution(user, institution, region)) {
					throw new AccessDenied("无权查看该医疗机构的能力评估（不在辖区内）");
				}
			}
		}
		else {
			throw new AccessDenied("当前角色（" + user.role().label() + "）无权查看能力评估");
		}
		return this.store.search(institution, technology, filingId, physician, MAX_LIST)
			.stream()
			.filter(a -> mayRead(user, a))
			.map(AssessmentManagement::summary)
			.toList();
	}

	private static AssessmentSummary summary(Assessment a) {
		AssessmentReport r = a.report();
		return new AssessmentSummary(a.id(), r.institutionId(), r.institutionName(), r.physicianId(), r.physicianName(),
				r.subjectKindLabel(), r.technology(), r.technologyName(), r.filingId(), r.from(), r.to(), r.cases(),
				a.conclusion(), a.conclusionLabel(), a.signedOn(), a.submittedByName(), a.submittedAt());
	}

	private boolean mayPreview(CurrentUser user, UUID institutionId, String region) {
		if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)) {
			return institutionId.equals(user.institutionId());
		}
		return (user.role().isAuthority() || user.role() == Role.SYSTEM_ADMIN)
				&& this.access.canSeeInstitution(user, institutionId, region);
	}

	private boolean mayRead(CurrentUser user, Assessment a) {
		AssessmentReport r = a.report();
		if (user.role() == Role.PHYSICIAN) {
			return r.physicianId() != null && r.physicianId().equals(user.personId());
		}
		if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN)) {
			return r.institutionId().equals(user.institutionId());
		}
		if (user.role().isAuthority() || user.role() == Role.SYSTEM_ADMIN) {
			return this.access.canSeeInstitution(user, r.institutionId(), r.institutionRegionCode());
		}
		return false;
	}

	private String regionOf(UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		if (region == null) {
			throw new InstitutionNotFound(institutionId);
		}
		return region;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	private AssessmentReport compute(AssessmentRequest request, String region) {
		LocalDate today = today();
		List<FieldProblem> errors = new ArrayList<>();
		validatePeriod(request, today, errors);
		Optional<RestrictedTechnology> technology = this.catalog.find(request.technology());
		if (technology.isEmpty()) {
			errors.add(new FieldProblem("technology", "未知的限制类技术：" + request.technology()));
		}
		String physicianName = null;
		if (request.physicianId() != null) {
			PersonDetails person = this.personnel.get(request.physicianId());
			if (!request.institutionId().equals(person.institutionId())) {
				errors.add(new FieldProblem("physicianId", "医师 " + person.name() + " 不是该医疗机构的人员"));
			}
			physicianName = person.name();
		}
		if (!errors.isEmpty()) {
			throw new InvalidAssessment(errors);
		}
		String institutionName = this.institutions.nameOf(request.institutionId());
		// the city (市、州) over the institution; a directly administered unit (梅河口市) is its
		// own
		List<String> ancestry = this.institutions.regionAncestry(region);
		String city = ancestry.size() >= 2 ? ancestry.get(ancestry.size() - 2) : region;
		FilingPeriod filing = filingOf(request.institutionId(), request.technology());
		IndicatorFigures.Result figures = this.indicators.compute(request, city);
		List<CaseFacts.CaseRow> cases = this.facts.cases(request);
		Map<String, @Nullable CaseForm> formCache = new HashMap<>();
		CaseSections caseSections = new CaseSections(cases, this.facts.followUps(request),
				key -> formCache.computeIfAbsent(key, this::form), code -> this.dictionary.label("caseFlag", code),
				code -> this.dictionary.label("dischargeStatus", code), today);
		List<Section> sections = new ArrayList<>();
		for (AssessmentSection s : AssessmentSection.values()) {
			List<IndicatorFigure> indicators = figures.bySection().getOrDefault(s, List.of());
			CaseSections.Part part = caseSections.part(s);
			if (s == AssessmentSection.OTHER && indicators.isEmpty()) {
				continue;
			}
			sections.add(new Section(s.name(), s.title(), indicators, List.copyOf(part.figures),
					List.copyOf(part.cases), part.more));
		}
		List<String> notes = new ArrayList<>(figures.notes());
		notes.add("病例数据取自病例登记中已提交的病例（按手术日期计入评估期）；随访按计算当日（" + today + "）判断是否到期，未到期的随访不计入随访率。");
		notes.add("地区对照值为所在市（州）全部医疗机构同期的汇总值；某项指标有数据的医疗机构不足 " + IndicatorManagement.MIN_INSTITUTIONS_FOR_REGION_AGGREGATE
				+ " 家时不显示对照值（否则可由本院数据推算出其他医疗机构的数据）。");
		if (filing == null) {
			notes.add("该医疗机构没有该技术的备案记录（未备案开展的病例见“医疗不良事件”）。");
		}
		boolean ofPhysician = request.ofPhysician();
		return new AssessmentReport(ofPhysician ? "PHYSICIAN" : "INSTITUTION", ofPhysician ? "医师" : "医疗机构",
				request.institutionId(), institutionName == null ? "" : institutionName, region, request.physicianId(),
				physicianName, request.technology(), technology.orElseThrow().name(), request.from(), request.to(),
				today, filing == null ? null : filing.filingId(),
				filing == null ? null : this.dictionary.label("filingState", filing.state()), figures.setKey(),
				figures.setTitle(), city, this.institutions.regionName(city), cases.size(), sections, notes);
	}

	private @Nullable CaseForm form(String key) {
		try {
			return this.forms.get(key);
		}
		catch (UnknownCaseForm ex) {
			return null;
		}
	}

	/**
	 * The filing an assessment is kept with: the institution's active filing of the
	 * technology, else the latest one (by its first submission).
	 */
	private @Nullable FilingPeriod filingOf(UUID institutionId, String technology) {
		List<FilingPeriod> candidates = this.filings.practicePeriods()
			.stream()
			.filter(f -> f.institutionId().equals(institutionId) && f.technology().equals(technology))
			.toList();
		return candidates.stream()
			.filter(f -> "ACTIVE".equals(f.state()))
			.findFirst()
			.or(() -> candidates.stream()
				.max(Comparator
					.comparing((FilingPeriod f) -> f.firstSubmittedOn() == null ? EARLIEST : f.firstSubmittedOn())))
			.orElse(null);
	}

	static void validatePeriod(AssessmentRequest r, LocalDate today, List<FieldProblem> errors) {
		if (r.from().isBefore(EARLIEST)) {
			errors.add(new FieldProblem("from", "评估期起始日期不能早于 " + EARLIEST));
		}
		if (r.to().isAfter(today)) {
			errors.add(new FieldProblem("to", "评估期截止日期不能晚于今天（" + today + "）"));
		}
		if (r.from().isAfter(r.to())) {
			errors.add(new FieldProblem("from", "评估期起始日期不能晚于截止日期"));
		}
		else if (!r.to().isBefore(r.from().plusYears(AssessmentRequest.MAX_YEARS))) {
			errors.add(new FieldProblem("to", "评估期不能超过 " + AssessmentRequest.MAX_YEARS + " 年"));
		}
	}

	static void validateConclusion(SaveAssessment c, LocalDate today) {
		List<FieldProblem> errors = new ArrayList<>();
		text(errors, "conclusionText", "评估结论说明", c.conclusionText(), SaveAssessment.MAX_TEXT);
		text(errors, "assessor", "评估人", c.assessor(), SaveAssessment.MAX_NAME);
		text(errors, "departmentHead", "科室负责人", c.departmentHead(), SaveAssessment.MAX_NAME);
		text(errors, "medicalAffairsHead", "医务科负责人", c.medicalAffairsHead(), SaveAssessment.MAX_NAME);
		if (c.signedOn().isAfter(today)) {
			errors.add(new FieldProblem("signedOn", "签字日期不能晚于今天（" + today + "）"));
		}
		if (c.signedOn().isBefore(c.subject().to())) {
			errors.add(new FieldProblem("signedOn", "签字日期不能早于评估期截止日期（" + c.subject().to() + "）"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidAssessment(errors);
		}
	}

	private static void text(List<FieldProblem> errors, String field, String label, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldProblem(field, label + "不能为空"));
		}
		else if (value.strip().length() > max) {
			errors.add(new FieldProblem(field, label + "不能超过 " + max + " 个字"));
		}
	}

}
