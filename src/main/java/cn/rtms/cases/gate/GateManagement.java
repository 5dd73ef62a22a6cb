package cn.rtms.cases.gate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.PracticeFinding;
import cn.rtms.cases.PracticeRights;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.ApiClient;
import cn.rtms.identity.ApiKeyManagement;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonNotFound;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.NoSpecInForce;
import cn.rtms.rules.SpecProcedureCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order-entry check for hospital systems (docs/gate.md): may this physician perform
 * this procedure at this hospital on this day? Answers from memory: the filing and grant
 * periods of {@link PracticeRights} and, per physician, technology and day, the
 * physician's eligibility verdict, cached until the practice view's revision moves (any
 * filing, authorization, person or institution change, on any node). Callers are machine
 * clients authenticated by their hospital's API key, which fixes the institution. They
 * ask only about the hospital's own staff (anyone else is answered like nobody). They may
 * also record an emergency override, which the hospital's 医务科 (clerk or administrator)
 * sees and confirms afterwards; both are audited.
 */
@Service
public class GateManagement {

	static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final Pattern LICENCE = Pattern.compile("\\d{15}");

	static final Pattern SUB_TECHNIQUE = Pattern.compile("[A-Za-z0-9_]{1,20}");

	/** Longest override reason. */
	public static final int MAX_REASON = 500;

	/** Reasons the check gives besides {@link PracticeFinding}'s codes. */
	public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

	/**
	 * The physician reference matches nobody on the staff list (执业登记) of the key's
	 * hospital: whether it names someone elsewhere or nobody is not told.
	 */
	public static final String UNKNOWN_PHYSICIAN = "UNKNOWN_PHYSICIAN";

	/** The procedure belongs to no restricted technology. */
	public static final String NOT_RESTRICTED = "NOT_RESTRICTED";

	private final PracticeRights rights;

	private final ApiKeyManagement keys;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final EligibilityManagement eligibility;

	private final SpecProcedureCodes specCodes;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final GateOverrides overrides;

	private final AuditTrail audit;

	private final Clock clock;

	private final ProcedureCodes codes;

	private final RevisionCache<EligibilityKey, Optional<GateAnswer.Reason>> verdicts;

	private final RevisionCache<UUID, Optional<String>> regions = new RevisionCache<>(10_000);

	/**
	 * Per hospital, its staff by person id and by licence number: the only physicians its
	 * key may ask about.
	 */
	private final RevisionCache<UUID, Map<String, UUID>> staff = new RevisionCache<>(10_000);

	private final KnownTechnologies technologies;

	GateManagement(PracticeRights rights, ApiKeyManagement keys, IdentityManagement identity, AccessPolicy access,
			EligibilityManagement eligibility, SpecProcedureCodes specCodes, CatalogManagement catalog,
			InstitutionManagement institutions, PersonnelManagement people, GateOverrides overrides, AuditTrail audit,
			Clock clock, @Value("${rtms.gate.eligibility-cache-size:50000}") int eligibilityCacheSize) {
		this.rights = rights;
		this.keys = keys;
		this.identity = identity;
		this.access = access;
		this.eligibility = eligibility;
		this.specCodes = specCodes;
		this.institutions = institutions;
		this.people = people;
		this.overrides = overrides;
		this.audit = audit;
		this.clock = clock;
		this.codes = new ProcedureCodes(specCodes.all());
		this.verdicts = new RevisionCache<>(eligibilityCacheSize);
		this.technologies = new KnownTechnologies(catalog::codes, System::nanoTime);
	}

	private record EligibilityKey(UUID personId, String technology, LocalDate day) {
	}

	/**
	 * Checks an order for the calling machine client's hospital.
	 * @param query the order
	 * @return ALLOW, DENY (with every blocking reason) or NOT_RESTRICTED
	 * @throws cn.rtms.web.ProblemException 400 for malformed parameters, 403
	 * {@code GATE_OTHER_INSTITUTION} for another hospital, 401 without an API key
	 */
	public GateAnswer check(GateQuery query) {
		return decide(this.keys.currentClient(), query);
	}

	GateAnswer decide(ApiClient client, GateQuery query) {
		UUID institution = query.institution() != null ? query.institution() : client.institutionId();
		if (!institution.equals(client.institutionId())) {
			throw GateProblems.otherInstitution();
		}
		LocalDate day = query.date() != null ? query.date() : LocalDate.now(this.clock);
		long revision = this.rights.revision();
		String physicianRef = physicianRef(query.physician());
		String technology;
		String subTechnique;
		String code = null;
		String codeName = null;
		if (query.procedureCode() != null && !query.procedureCode().isBlank()) {
			code = ProcedureCodes.normalise(query.procedureCode())
				.orElseThrow(() -> GateProblems.invalid("procedureCode",
						"“" + clip(query.procedureCode()) + "”不是 ICD-9-CM-3 手术操作编码（例如 50.2400x002）"));
			String region = this.regions
				.get(revision, institution, id -> Optional.ofNullable(this.institutions.regionCodeOf(id)))
				.orElse(null);
			ProcedureCodes.Match match = this.codes.find(code, tech -> this.specCodes.editionInForce(tech, day, region))
				.orElse(null);
			technology = match == null ? null : match.technology();
			subTechnique = match == null ? null : match.subTechnique();
			codeName = match == null ? null : match.name();
		}
		else if (query.technology() != null && !query.technology().isBlank()) {
			technology = query.technology().strip().toUpperCase(Locale.ROOT);
			if (!this.technologies.contains(technology)) {
				throw GateProblems.unknownTechnology(clip(technology));
			}
			subTechnique = subTechnique(query.subTechnique());
		}
		else {
			throw GateProblems.invalid("procedureCode", "procedureCode（手术操作编码）与 technology（技术编码）至少提供一个");
		}
		UUID physicianId = resolve(revision, institution, physicianRef);
		List<GateAnswer.Reason> reasons = new ArrayList<>();
		if (technology == null) {
			reasons.add(new GateAnswer.Reason(NOT_RESTRICTED, false,
					"手术操作编码 " + code + " 不在 " + day + " 施行的限制类技术管理规范编码表内，本平台不作限制"));
			return answer(GateAnswer.NOT_RESTRICTED, null, null, code, null, physicianId, day, reasons);
		}
		for (PracticeFinding finding : this.rights.check(institution, physicianId, technology, subTechnique, day)) {
			reasons.add(new GateAnswer.Reason(finding.code(), finding.blocking(), finding.message()));
		}
		if (physicianId == null) {
			reasons.add(notStaff(physicianRef));
		}
		else {
			String tech = technology;
			this.verdicts.get(revision, new EligibilityKey(physicianId, tech, day), key -> eligibilityReason(key))
				.ifPresent(reasons::add);
		}
		boolean deny = reasons.stream().anyMatch(GateAnswer.Reason::blocking);
		return answer(deny ? GateAnswer.DENY : GateAnswer.ALLOW, technology, subTechnique, code, codeName, physicianId,
				day, reasons);
	}

	private GateAnswer answer(String decision, @Nullable String technology, @Nullable String subTechnique,
			@Nullable String code, @Nullable String codeName, @Nullable UUID physicianId, LocalDate day,
			List<GateAnswer.Reason> reasons) {
		return new GateAnswer(decision, technology, subTechnique, code, codeName,
				physicianId == null ? null : physicianId.toString(), day, List.copyOf(reasons), this.clock.instant(),
				this.rights.loadedAt());
	}

	private Optional<GateAnswer.Reason> eligibilityReason(EligibilityKey key) {
		EligibilityReport report;
		try {
			report = this.identity
				.asSystem(() -> this.eligibility.personReport(key.personId(), key.technology(), key.day()));
		}
		catch (PersonNotFound ex) {
			return Optional.of(notStaff(key.personId().toString()));
		}
		catch (NoSpecInForce ex) {
			return Optional.empty();
		}
		if ("MET".equals(report.status())) {
			return Optional.empty();
		}
		String why = report.clauses()
			.stream()
			.filter(c -> "NOT_MET".equals(c.status()) || "UNKNOWN".equals(c.status())
					|| "NEEDS_ATTESTATION".equals(c.status()) || "ERROR".equals(c.status()))
			.findFirst()
			.map(c -> "：" + c.citation() + " " + c.statusLabel() + "（" + c.explanation() + "）")
			.orElse("");
		return Optional.of(new GateAnswer.Reason(NOT_ELIGIBLE, true, "医师" + Objects.toString(report.subjectName(), "")
				+ "按 " + report.specKey() + " 的资质评估为“" + report.statusLabel() + "”，目前不再符合开展条件" + why));
	}

	private static String physicianRef(@Nullable String physician) {
		if (physician == null || physician.isBlank()) {
			throw GateProblems.invalid("physician", "physician（术者）不能为空：人员 ID 或 15 位医师执业证书编码");
		}
		String ref = physician.strip();
		if (!UUID_TEXT.matcher(ref).matches() && !LICENCE.matcher(ref).matches()) {
			throw GateProblems.invalid("physician", "“" + clip(ref) + "”既不是人员 ID 也不是 15 位医师执业证书编码");
		}
		return ref;
	}

	private static @Nullable String subTechnique(@Nullable String subTechnique) {
		if (subTechnique == null || subTechnique.isBlank()) {
			return null;
		}
		String sub = subTechnique.strip().toUpperCase(Locale.ROOT);
		if (!SUB_TECHNIQUE.matcher(sub).matches()) {
			throw GateProblems.invalid("subTechnique", "“" + clip(sub) + "”不是子技术编码（例如 RFA）");
		}
		return sub;
	}

	/**
	 * @return the person the reference (id or licence number) names on the hospital's
	 * staff list, null for anyone else: a key asks only about its own hospital's staff
	 */
	private @Nullable UUID resolve(long revision, UUID institution, String ref) {
		String key = UUID_TEXT.matcher(ref).matches() ? UUID.fromString(ref).toString() : ref;
		return this.staff.get(revision, institution, this::staffIndex).get(key);
	}

	private Map<String, UUID> staffIndex(UUID institution) {
		Map<String, UUID> index = new HashMap<>();
		for (PersonDetails person : this.people.atInstitution(institution)) {
			if (person.id() != null) {
				index.put(person.id().toString(), person.id());
				if (person.licence() != null) {
					index.put(person.licence().number(), person.id());
				}
			}
		}
		return Map.copyOf(index);
	}

	/**
	 * The one answer for a reference to nobody and to someone of another hospital, so
	 * that a key learns nothing about other hospitals' staff.
	 */
	private static GateAnswer.Reason notStaff(String ref) {
		String what = LICENCE.matcher(ref).matches() ? "医师执业证书编码为 " : "人员 ID 为 ";
		return new GateAnswer.Reason(UNKNOWN_PHYSICIAN, true, "该医师不在本机构执业登记：本机构人员中没有" + what + ref + " 的医师，无法确认其授权");
	}

	private static String clip(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/**
	 * Records an emergency override by the calling machine client: what the check answers
	 * at this moment is kept with it. Audited as {@code GATE_OVERRIDE_RECORDED}.
	 * @param query the order that went ahead
	 * @param reason why (required, at most {@value #MAX_REASON} characters)
	 * @return the recorded override, unconfirmed
	 */
	@Transactional
	public GateOverride recordOverride(GateQuery query, @Nullable String reason) {
		ApiClient client = this.keys.currentClient();
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw GateProblems.invalid("reason", "紧急放行必须说明理由");
		}
		if (why.length() > MAX_REASON) {
			throw GateProblems.invalid("reason", "理由不能超过 " + MAX_REASON + " 个字");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (query.date() != null && !query.date().equals(today)) {
			// The stored answer is shown to the 医务科 as the check at the moment of the
			// override: a day the caller picks would let a DENY of today pass as ALLOW.
			throw GateProblems.invalid("date", "紧急放行按当天（" + today + "）核验，date 须为今天或不填");
		}
		GateAnswer answer = decide(client, query);
		UUID id = UUID.randomUUID();
		String physician = Objects.requireNonNull(query.physician()).strip();
		this.overrides.insert(id, client.institutionId(), physician,
				answer.physicianId() == null ? null : UUID.fromString(answer.physicianId()), answer, why,
				client.keyId(), client.name(), this.clock.instant());
		GateOverride recorded = this.overrides.find(id).orElseThrow();
		this.audit.recordAs(client.keyId().toString(), "接口密钥：" + client.name(), "GATE_OVERRIDE_RECORDED",
				"GateOverride", id.toString(), null, recorded);
		return recorded;
	}

	/**
	 * @param unconfirmedOnly only those still to confirm
	 * @return the overrides of the current user's hospital, newest first (at most 500)
	 * @throws AccessDenied unless the current user is the hospital's clerk or
	 * administrator
	 */
	@Transactional(readOnly = true)
	public List<GateOverride> overrides(boolean unconfirmedOnly) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		UUID institution = Objects.requireNonNull(user.institutionId());
		Map<UUID, String> names = new HashMap<>();
		this.people.atInstitution(institution).forEach(p -> names.put(p.id(), p.name()));
		return this.overrides.findByInstitution(institution, unconfirmedOnly, 500)
			.stream()
			.map(o -> o.physicianId() == null ? o : o.withPhysicianName(names.get(o.physicianId())))
			.toList();
	}

	/**
	 * Confirms an override afterwards (the current user is the confirmer). Audited as
	 * {@code GATE_OVERRIDE_CONFIRMED}.
	 * @param id the override
	 * @param note the confirmer's note, or null (at most {@value #MAX_REASON} characters)
	 * @return the confirmed override
	 * @throws AccessDenied unless the current user is the clerk or administrator of the
	 * override's hospital
	 */
	@Transactional
	public GateOverride confirm(UUID id, @Nullable String note) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		GateOverride before = this.overrides.find(id).orElseThrow(() -> GateProblems.overrideNotFound(id));
		if (!before.institutionId().equals(user.institutionId())) {
			throw new AccessDenied("无权确认其他医疗机构的紧急放行记录");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_REASON) {
			throw GateProblems.invalid("note", "确认意见不能超过 " + MAX_REASON + " 个字");
		}
		if (!this.overrides.confirm(id, user.id(), user.displayName(), text, this.clock.instant())) {
			throw GateProblems.alreadyConfirmed(id);
		}
		GateOverride after = this.overrides.find(id).orElseThrow();
		this.audit.record("GATE_OVERRIDE_CONFIRMED", "GateOverride", id.toString(), before, after);
		return after;
	}

}
