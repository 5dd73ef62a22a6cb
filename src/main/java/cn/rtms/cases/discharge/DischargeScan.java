package cn.rtms.cases.discharge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.PracticeFinding;
import cn.rtms.cases.PracticeRights;
import cn.rtms.cases.discharge.DischargeStore.NoteRow;
import cn.rtms.cases.discharge.DischargeStore.ProcedureRow;
import cn.rtms.cases.discharge.ScanReport.HospitalScan;
import cn.rtms.cases.discharge.ScanReport.TechnologyScan;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.web.InputRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discharge scan (病案首页筛查): restricted procedures found in the discharge records of a
 * period, matched against the case registry and judged by {@link PracticeRights#check} on
 * the operation day. Hospital users see their own institution, authorities the
 * institutions of their region, the system administrator all. Computed on request from
 * the stored records, so a case reported, a filing activated, an authorization granted or
 * a person added to the institution later shows at once: the 术者 is resolved against the
 * institution's people at report time ({@link OperatorDirectory}), and of a stay exported
 * more than once only its newest upload counts. Rules: docs/discharge-scan.md.
 */
@Service
public class DischargeScan {

	/** Days a case report's operation date may differ from the record's 手术日期. */
	static final int WINDOW_DAYS = 3;

	/** Longest period one report covers. */
	static final int MAX_DAYS = 3 * 366;

	static final String MATCHING_RULE = "同一医疗机构、同一技术、病案号相同、已提交且手术日期相差不超过 " + WINDOW_DAYS + " 天的病例视为已填报";

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
			Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private final DischargeStore store;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final PracticeRights rights;

	private final PersonnelManagement personnel;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	DischargeScan(DischargeStore store, AccessPolicy access, InstitutionManagement institutions, PracticeRights rights,
			PersonnelManagement personnel, AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.access = access;
		this.institutions = institutions;
		this.rights = rights;
		this.personnel = personnel;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param institutionId one institution, or null for every institution in scope
	 * (hospital users: their own)
	 * @param from first operation day, null for a year before {@code to}
	 * @param to last operation day, null for today
	 * @return the report
	 * @throws AccessDenied when the institution is outside the current user's scope
	 */
	@Transactional(readOnly = true)
	public ScanReport report(@Nullable UUID institutionId, @Nullable LocalDate from, @Nullable LocalDate to) {
		CurrentUser user = this.access.requireRole(READERS);
		LocalDate end = to != null ? to : LocalDate.now(this.clock);
		LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
		checkPeriod(start, end);
		List<HospitalScan> hospitals = new ArrayList<>();
		for (UUID id : scope(user, institutionId)) {
			hospitals.add(hospital(id, lines(id, start, end)));
		}
		hospitals.sort((a, b) -> String.valueOf(a.institutionName()).compareTo(String.valueOf(b.institutionName())));
		Map<String, String> categories = new LinkedHashMap<>();
		for (ScanCategory c : ScanCategory.values()) {
			categories.put(c.name(), c.label());
		}
		return new ScanReport(start, end, MATCHING_RULE, categories, hospitals);
	}

	/**
	 * The lines of one category (drill-down). Audited as a read of 病案号
	 * ({@code DISCHARGE_SCAN_ITEMS_VIEWED}).
	 * @param institutionId the institution; null for the hospital user's own
	 * @param from first operation day, null for a year before {@code to}
	 * @param to last operation day, null for today
	 * @param category the category
	 * @param page page number from 0
	 * @param size page size (1–500)
	 * @return the page
	 * @throws AccessDenied when the institution is outside the current user's scope
	 */
	@Transactional(readOnly = true)
	public ScanItem.Page items(@Nullable UUID institutionId, @Nullable LocalDate from, @Nullable LocalDate to,
			ScanCategory category, int page, int size) {
		CurrentUser user = this.access.requireRole(READERS);
		LocalDate end = to != null ? to : LocalDate.now(this.clock);
		LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
		checkPeriod(start, end);
		UUID id = institutionId != null ? institutionId : user.institutionId();
		if (id == null) {
			throw InputRules.invalid("institutionId", "请选择医疗机构");
		}
		if (page < 0 || size < 1 || size > 500) {
			throw InputRules.invalid("size", "page 应不小于 0，size 应在 1–500 之间");
		}
		List<UUID> scope = scope(user, id);
		List<ScanItem> all = lines(scope.get(0), start, end).stream()
			.filter(item -> item.categories().contains(category.name()))
			.toList();
		int fromIndex = (int) Math.min((long) page * size, all.size());
		int toIndex = Math.min(fromIndex + size, all.size());
		this.audit.recordEvent("DISCHARGE_SCAN_ITEMS_VIEWED", "Institution", id.toString(),
				Map.of("category", category.name(), "from", start.toString(), "to", end.toString(), "page", page,
						"lines", toIndex - fromIndex));
		return new ScanItem.Page(all.subList(fromIndex, toIndex), all.size());
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw InputRules.invalid("from", "开始日期 " + from + " 晚于结束日期 " + to);
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw InputRules.invalid("to", "统计期间不能超过 3 年");
		}
	}

	private List<UUID> scope(CurrentUser user, @Nullable UUID institutionId) {
		if (user.role().isInstitutional()) {
			UUID own = user.institutionId();
			if (own == null || (institutionId != null && !institutionId.equals(own))) {
				throw new AccessDenied("无权查看其他医疗机构的出院病案首页筛查结果（仅限本机构）");
			}
			return List.of(own);
		}
		if (institutionId != null) {
			this.access.checkInstitution(institutionId, regionOf(institutionId));
			return List.of(institutionId);
		}
		return this.store.institutionsWithRecords()
			.stream()
			.filter(id -> this.access.canSeeInstitution(user, id, this.institutions.regionCodeOf(id)))
			.toList();
	}

	private String regionOf(UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		return region == null ? "" : region;
	}

	private HospitalScan hospital(UUID institutionId, List<ScanItem> lines) {
		Map<ScanCategory, Integer> counts = new EnumMap<>(ScanCategory.class);
		Map<String, Map<ScanCategory, Integer>> byTechnology = new TreeMap<>();
		for (ScanCategory c : ScanCategory.values()) {
			counts.put(c, 0);
		}
		for (ScanItem line : lines) {
			for (String c : line.categories()) {
				ScanCategory category = ScanCategory.valueOf(c);
				counts.merge(category, 1, Integer::sum);
				if (line.technology() != null) {
					byTechnology.computeIfAbsent(line.technology(), t -> new EnumMap<>(ScanCategory.class))
						.merge(category, 1, Integer::sum);
				}
			}
		}
		List<TechnologyScan> technologies = new ArrayList<>();
		byTechnology.forEach((technology, c) -> {
			int restricted = c.getOrDefault(ScanCategory.RESTRICTED, 0);
			int reported = c.getOrDefault(ScanCategory.REPORTED, 0);
			technologies
				.add(new TechnologyScan(technology, restricted, reported, rate(reported, restricted), named(c)));
		});
		int restricted = counts.get(ScanCategory.RESTRICTED);
		int reported = counts.get(ScanCategory.REPORTED);
		return new HospitalScan(institutionId, this.institutions.nameOf(institutionId),
				this.institutions.regionCodeOf(institutionId), restricted, reported, rate(reported, restricted),
				named(counts), technologies);
	}

	private static Map<String, Integer> named(Map<ScanCategory, Integer> counts) {
		Map<String, Integer> named = new LinkedHashMap<>();
		for (ScanCategory c : ScanCategory.values()) {
			named.put(c.name(), counts.getOrDefault(c, 0));
		}
		return named;
	}

	static @Nullable Double rate(int reported, int restricted) {
		return restricted == 0 ? null : Math.round(reported * 10000.0 / restricted) / 10000.0;
	}

	/**
	 * Every line of an institution's period: one per restricted procedure, one per record
	 * code note. The 术者 is resolved now, against the institution's people as they are now
	 * (the status stored at import is the batch summary's snapshot only).
	 */
	List<ScanItem> lines(UUID institutionId, LocalDate from, LocalDate to) {
		List<ScanItem> lines = new ArrayList<>();
		List<ProcedureRow> procedures = this.store.procedures(institutionId, from, to, WINDOW_DAYS);
		OperatorDirectory operators = OperatorDirectory.of(this.personnel, institutionId);
		for (ProcedureRow p : procedures) {
			OperatorDirectory.Resolution operator = operators.resolve(p.operatorText());
			List<String> categories = new ArrayList<>();
			List<String> findings = new ArrayList<>();
			categories.add(ScanCategory.RESTRICTED.name());
			if (p.caseId() != null) {
				categories.add(ScanCategory.REPORTED.name());
			}
			else {
				categories.add(ScanCategory.NOT_REPORTED.name());
				findings.add("未找到匹配的已提交病例（" + MATCHING_RULE + "）");
			}
			boolean resolved = operator.status() == OperatorDirectory.Status.RESOLVED;
			for (PracticeFinding finding : this.rights.check(institutionId, resolved ? operator.personId() : null,
					p.technology(), p.subTechnique(), p.day())) {
				String category = switch (finding.code()) {
					case PracticeFinding.UNFILED -> ScanCategory.UNFILED.name();
					case PracticeFinding.FILING_PENDING -> ScanCategory.FILING_PENDING.name();
					case PracticeFinding.UNAUTHORIZED -> ScanCategory.UNAUTHORIZED.name();
					case PracticeFinding.OUT_OF_SCOPE -> ScanCategory.OUT_OF_SCOPE.name();
					default -> null;
				};
				if (category != null && !categories.contains(category)) {
					categories.add(category);
				}
				findings.add(finding.message());
			}
			if (!resolved) {
				categories.add(ScanCategory.OPERATOR_UNRESOLVED.name());
				findings.add(switch (operator.status()) {
					case MISSING -> "术者未填写，无法核对授权";
					case AMBIGUOUS -> "本院有多名人员名为“" + p.operatorText() + "”，无法确定术者，请填写医师执业证书编码";
					default -> "本院人员中没有“" + p.operatorText() + "”（按姓名或医师执业证书编码查找），无法核对授权";
				});
			}
			if (p.mainProcedure() != null) {
				findings.add("机器人辅助实施的主手术：" + p.mainProcedure());
			}
			lines.add(new ScanItem(p.recordId(), p.medicalRecordNo(), p.technology(), p.subTechnique(), p.code(),
					p.name(), p.mainProcedure(), p.day(), p.dischargeDate(), p.department(), p.operatorText(),
					resolved ? operator.personId() : null, operator.status().name(), List.copyOf(categories),
					List.copyOf(findings), p.caseId(), p.fileName(), p.rowNo()));
		}
		for (NoteRow r : this.store.notes(institutionId, from, to)) {
			for (JsonNode note : this.json.readTree(r.notesJson())) {
				String kind = note.path("note").asString("");
				ScanCategory category = switch (kind) {
					case "INVALID_CODE" -> ScanCategory.INVALID_CODE;
					case "SUSPECT_CODE" -> ScanCategory.SUSPECT_CODE;
					case "ROBOTIC_WITHOUT_MAIN" -> ScanCategory.ROBOTIC_WITHOUT_MAIN;
					default -> null;
				};
				if (category == null) {
					continue;
				}
				JsonNode code = note.path("code");
				String message = note.path("message").asString("");
				lines.add(new ScanItem(r.recordId(), r.medicalRecordNo(), null, null,
						code.isString() ? code.asString() : note.path("raw").asString(""), message, null, r.day(),
						r.dischargeDate(), r.department(), r.operatorText(), null, null, List.of(category.name()),
						List.of(message), null, r.fileName(), r.rowNo()));
			}
		}
		return lines;
	}

}
