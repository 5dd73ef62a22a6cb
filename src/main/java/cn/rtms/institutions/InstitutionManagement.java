package cn.rtms.institutions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.EditHistory;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Confirmation;
import cn.rtms.identity.ConfirmationKind;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails.CaseVolume;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import cn.rtms.institutions.Regions.RegionRow;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Institutions' use cases: regions, listing, viewing, creating and editing institutions
 * with full validation (a record that fails any rule is refused whole with every problem
 * named; nothing is half-written). Data scope (see {@link AccessPolicy}): lists contain
 * only what the current user may see; reading an institution outside the scope, or
 * writing without the right, is refused with 403 {@code FORBIDDEN}. Bulk methods
 * ({@link #all()}, {@link #count()}) and reference lookups ({@link #nameOf},
 * {@link #regionCodeOf}) check nothing: they serve other modules' own checks and system
 * tasks.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionManagement {

	private static final Logger log = LoggerFactory.getLogger(InstitutionManagement.class);

	private final Institutions institutions;

	private final Regions regions;

	private final CatalogManagement catalog;

	private final Clock clock;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final EditHistory history;

	private final Deployment deployment;

	private final RegionTree tree;

	InstitutionManagement(Institutions institutions, Regions regions, CatalogManagement catalog, Clock clock,
			IdentityManagement identity, AccessPolicy access, AuditTrail audit, ApplicationEventPublisher events,
			EditHistory history, Deployment deployment, RegionTree tree) {
		this.tree = tree;
		this.deployment = deployment;
		this.history = history;
		this.audit = audit;
		this.events = events;
		this.institutions = institutions;
		this.regions = regions;
		this.catalog = catalog;
		this.clock = clock;
		this.identity = identity;
		this.access = access;
	}

	/**
	 * Loads a new edition of the reference regions: inserts the codes the table lacks, in
	 * batches, and records the edition; never changes or deletes a region already there.
	 * @return the number of regions inserted (0 when this edition was loaded before)
	 */
	@Transactional
	public int loadRegions() {
		try {
			Regions.LoadResult result = this.regions.load(this.clock.instant());
			if (result == null) {
				return 0;
			}
			if (result.inserted() > 0) {
				log.info("行政区划数据 {}：新增 {} 个行政区划", result.edition(), result.inserted());
			}
			if (result.differing() > 0) {
				log.info("行政区划数据 {}：{} 个已有行政区划与文件不同，保留数据库中的内容", result.edition(), result.differing());
			}
			return result.inserted();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the deployment's province (no permission needed: it names the platform)
	 * @throws IllegalStateException when {@code rtms.deployment.province} is not a
	 * province of the loaded regions
	 */
	public DeploymentProvince deploymentProvince() {
		RegionRow row = this.regions.all().get(this.deployment.province());
		if (row == null || row.parentCode() != null || !"PROVINCE".equals(row.level())) {
			throw new IllegalStateException(Deployment.PROPERTY + "=" + this.deployment.province()
					+ " 不是已加载的省级行政区划代码（见 " + Regions.SOURCE + "）");
		}
		return new DeploymentProvince(row.code(), row.name(), this.regions.loadedEdition());
	}

	/**
	 * @param regionCode a region code
	 * @return whether the region exists and lies in the deployment's province
	 */
	public boolean inDeploymentProvince(String regionCode) {
		return this.deployment.covers(regionCode, this.regions.all());
	}

	/**
	 * @return the deployment province's region tree: the province at the top, its cities
	 * and counties below (any logged-in user); other provinces' regions are reference
	 * data only
	 */
	public List<Region> regionTree() {
		this.identity.currentUser();
		Map<String, RegionRow> all = this.regions.all();
		Map<String, List<RegionRow>> children = new HashMap<>();
		all.values().forEach(r -> {
			if (r.parentCode() != null) {
				children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
			}
		});
		RegionRow province = all.get(this.deployment.province());
		return province == null ? List.of() : List.of(toTree(province, children));
	}

	private Region toTree(RegionRow row, Map<String, List<RegionRow>> children) {
		List<Region> below = children.getOrDefault(row.code(), List.of())
			.stream()
			.sorted(Comparator.comparing(RegionRow::code))
			.map(r -> toTree(r, children))
			.toList();
		return new Region(row.code(), row.name(), row.level(), row.parentCode(), row.directAdmin(), row.note(), below);
	}

	/**
	 * @param code a region code
	 * @return the region's Chinese name, or null when unknown
	 */
	public @Nullable String regionName(String code) {
		RegionRow row = this.regions.all().get(code);
		return row == null ? null : row.name();
	}

	/**
	 * @param code a region code
	 * @return the region's name with its parents below the province, as an address writes
	 * it (长春市朝阳区; 梅河口市; the province itself by its name), or null when unknown: a list
	 * read across the province tells the two 朝阳区 of 长春 and 北京, or the 龙山区 of 辽源, apart
	 */
	public @Nullable String regionNameBelowProvince(String code) {
		Map<String, RegionRow> all = this.regions.all();
		List<String> chain = regionAncestry(code);
		if (chain.isEmpty()) {
			return null;
		}
		List<String> below = chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain;
		StringBuilder name = new StringBuilder();
		for (int i = below.size() - 1; i >= 0; i--) {
			name.append(all.get(below.get(i)).name());
		}
		return name.toString();
	}

	/**
	 * @param code a region code
	 * @return the codes from the region up to its province, the region first; a directly
	 * administered unit (梅河口市 220581) reports to the province, not to its nominal city
	 * ({@link RegionTree})
	 */
	public List<String> regionAncestry(String code) {
		return this.tree.ancestry(code);
	}

	/**
	 * @param query part of the name, or null
	 * @param regionCode a region; institutions in it or below it, or null for all
	 * @return matching institutions within the current user's scope (hospital users:
	 * their own; authorities: their region and below; system admin: all; experts: none)
	 */
	public List<InstitutionSummary> search(@Nullable String query, @Nullable String regionCode) {
		CurrentUser user = this.identity.currentUser();
		String prefix = null;
		if (regionCode != null && !regionCode.isBlank()) {
			prefix = regionCode.endsWith("0000") ? regionCode.substring(0, 2)
					: regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
		}
		String region = (prefix == null) ? null : regionCode;
		// The code prefix narrows the rows; the tree decides, so that a directly
		// administered unit (梅河口市 220581) is not counted under its nominal city (通化市
		// 220500) nor missed under the province.
		return this.institutions.search(query == null || query.isBlank() ? null : query.strip(), prefix)
			.stream()
			.filter(i -> region == null || regionAncestry(i.regionCode()).contains(region))
			.filter(i -> this.access.canSeeInstitution(user, i.id(), i.regionCode()))
			.toList();
	}

	/**
	 * @param id institution id
	 * @return the institution's full record
	 * @throws InstitutionNotFound when there is none
	 * @throws AccessDenied when it is outside the current user's scope
	 */
	public InstitutionDetails get(UUID id) {
		InstitutionDetails details = this.institutions.find(id).orElseThrow(() -> new InstitutionNotFound(id));
		this.access.checkInstitution(id, details.regionCode());
		return details;
	}

	/**
	 * Reference lookup without scope check, for modules that check scope themselves.
	 * @param id institution id
	 * @return its name, null when there is no such institution
	 */
	public @Nullable String nameOf(UUID id) {
		return this.institutions.findReference(id).map(Institutions.Reference::name).orElse(null);
	}

	/**
	 * Reference lookup without scope check, for modules that check scope themselves.
	 * @param id institution id
	 * @return its region code, null when there is no such institution
	 */
	public @Nullable String regionCodeOf(UUID id) {
		return this.institutions.findReference(id).map(Institutions.Reference::regionCode).orElse(null);
	}

	/**
	 * Revision lookup without scope check, for modules that cache what they derive from
	 * an institution: every saved change increments it.
	 * @param id institution id
	 * @return its revision, -1 when there is no such institution
	 */
	public int revisionOf(UUID id) {
		return this.institutions.findVersion(id).orElse(-1);
	}

	/**
	 * @return every institution, for bulk evaluation
	 */
	public List<InstitutionDetails> all() {
		return this.institutions.findAll();
	}

	/**
	 * @return how many institutions exist
	 */
	public long count() {
		return this.institutions.count();
	}

	/**
	 * Creates an institution.
	 * @param details the record (id ignored)
	 * @return the saved record with its new id
	 * @throws InvalidInstitution listing every problem, when the record breaks a rule
	 * @throws AccessDenied unless the current user is the system admin or an authority
	 * whose region covers the institution's
	 */
	@Transactional
	public InstitutionDetails create(InstitutionDetails details) {
		CurrentUser user = this.identity.currentUser();
		if (user.role() != Role.SYSTEM_ADMIN
				&& !(user.role().isAuthority() && this.access.coversRegion(user, details.regionCode()))) {
			throw new AccessDenied("无权在该行政区划新建医疗机构（仅系统管理员及辖区卫生健康行政部门可新建）");
		}
		validate(details, null);
		UUID id = UUID.randomUUID();
		this.institutions.insert(id, details);
		InstitutionDetails created = get(id);
		this.audit.record("INSTITUTION_CREATED", "Institution", id.toString(), null, created);
		this.events.publishEvent(new InstitutionChanged(id));
		return created;
	}

	/**
	 * Replaces an institution's facts. Its region, level, type and practice licence stay
	 * (see {@link #changeJurisdiction}); its clause confirmations stay (see
	 * {@link #confirm}).
	 * @param id institution id
	 * @param details the new record, with the version it is based on
	 * @return the saved record
	 * @throws InstitutionNotFound when there is none
	 * @throws InvalidInstitution when the record breaks a rule
	 * @throws AccessDenied unless the current user is its hospital clerk/admin or the
	 * system admin
	 * @throws JurisdictionChangeRefused when the record changes region, level, type or
	 * practice licence
	 * @throws cn.rtms.audit.StaleEdit when the record changed since the version the edit
	 * is based on (400 {@code VERSION_REQUIRED} when none is given)
	 */
	@Transactional
	public InstitutionDetails update(UUID id, InstitutionDetails details) {
		InstitutionDetails before = get(id);
		this.access.checkWriteInstitution(id);
		checkJurisdictionUnchanged(before, details);
		int base = checkVersion(id, details.version(), before);
		validate(details, id);
		if (!this.institutions.update(id, details, base)) {
			throw stale(id, base);
		}
		InstitutionDetails after = get(id);
		this.audit.record("INSTITUTION_UPDATED", "Institution", id.toString(), before, after);
		this.events.publishEvent(new InstitutionChanged(id));
		return after;
	}

	/**
	 * Changes an institution's region, level, type and practice licence, with a reason
	 * kept in the audit trail beside the old and new values. A general hospital keeps no
	 * specialty.
	 * @param id institution id
	 * @param change the new values, the reason and the version the change is based on
	 * @return the saved record
	 * @throws InstitutionNotFound when there is none
	 * @throws AccessDenied unless the current user is the system admin or an authority
	 * whose jurisdiction covers both the current and the new region
	 * @throws InvalidInstitution when the result breaks a rule or the reason is blank or
	 * too long
	 * @throws cn.rtms.audit.StaleEdit when the record changed since {@code version}
	 */
	@Transactional
	public InstitutionDetails changeJurisdiction(UUID id, JurisdictionChange change) {
		InstitutionDetails before = get(id);
		this.access.checkChangeJurisdiction(before.regionCode(), change.regionCode());
		String reason = change.reason() == null ? "" : change.reason().strip();
		if (reason.isEmpty() || reason.length() > JurisdictionChange.MAX_REASON) {
			throw new InvalidInstitution(List.of(new FieldProblem("reason",
					reason.isEmpty() ? "变更原因不能为空" : "变更原因不能超过 " + JurisdictionChange.MAX_REASON + " 个字")));
		}
		int base = checkVersion(id, change.version(), before);
		InstitutionDetails changed = new InstitutionDetails(id, before.name(), change.regionCode(), null,
				change.level(), change.type(), change.type() == InstitutionType.GENERAL ? null : before.specialty(),
				change.licence(), before.registeredSubjects(), before.departments(), before.facilities(),
				before.equipment(), before.operatingRooms(), before.licences(), before.firstCases(),
				before.subTechniques(), before.caseVolumes(), before.attestations(), base);
		validate(changed, id);
		if (!this.institutions.update(id, changed, base)) {
			throw stale(id, base);
		}
		InstitutionDetails after = get(id);
		Map<String, @Nullable Object> old = jurisdiction(before);
		Map<String, @Nullable Object> now = jurisdiction(after);
		now.put("reason", reason);
		this.audit.record("INSTITUTION_JURISDICTION_CHANGED", "Institution", id.toString(), old, now);
		this.events.publishEvent(new InstitutionChanged(id));
		return after;
	}

	private static Map<String, @Nullable Object> jurisdiction(InstitutionDetails d) {
		Map<String, @Nullable Object> state = new java.util.LinkedHashMap<>();
		state.put("regionCode", d.regionCode());
		state.put("level", d.level().name());
		state.put("type", d.type().name());
		state.put("specialty", d.specialty());
		state.put("licence", d.licence());
		state.put("version", d.version());
		return state;
	}

	private int checkVersion(UUID id, @Nullable Integer base, InstitutionDetails current) {
		this.history.check("Institution", id.toString(), "医疗机构", base,
				Objects.requireNonNull(current.version(), "version"));
		return Objects.requireNonNull(base);
	}

	private RuntimeException stale(UUID id, int base) {
		InstitutionDetails current = this.institutions.find(id).orElseThrow(() -> new InstitutionNotFound(id));
		return this.history.stale("Institution", id.toString(), "医疗机构", base,
				Objects.requireNonNull(current.version(), "version"));
	}

	/**
	 * Records a clause confirmation by the current user at server time. What it is worth
	 * follows from who makes it ({@link AccessPolicy#confirmationKind}): the
	 * institution's clerk or hospital admin declares (医院自评承诺), an authority covering the
	 * institution or the system admin reviews (审核确认). A newer confirmation of the same
	 * clause and kind replaces the older one.
	 * @param id institution id
	 * @param clause citation, e.g. {@code G08/2022 一(一)}
	 * @param evidence the evidence seen or declared
	 * @return the institution with its confirmations
	 * @throws AccessDenied for anybody else
	 * @throws InvalidInstitution when clause or evidence is blank or too long
	 */
	@Transactional
	public InstitutionDetails confirm(UUID id, String clause, String evidence) {
		this.institutions.lockConfirmations(id);
		InstitutionDetails before = get(id);
		ConfirmationKind kind = this.access.confirmationKind(id, before.regionCode());
		checkConfirmation(clause, evidence);
		Confirmation confirmation = Confirmation.by(this.identity.currentUser(), kind, clause, evidence,
				this.clock.instant(), LocalDate.now(this.clock));
		Confirmation.Added added = confirmation.addTo(confirmations(before));
		return saveConfirmations(id, added.all(), "ATTESTATION_RECORDED", added.replaced(), confirmation);
	}

	/**
	 * Withdraws a clause confirmation: a review by those who may review, a hospital
	 * declaration also by the institution's clerk or hospital admin.
	 * @param id institution id
	 * @param confirmationId the confirmation
	 * @return the institution with its remaining confirmations
	 * @throws InstitutionNotFound when the institution or the confirmation does not exist
	 * @throws AccessDenied when the current user may not withdraw it
	 */
	@Transactional
	public InstitutionDetails withdrawConfirmation(UUID id, UUID confirmationId) {
		this.institutions.lockConfirmations(id);
		InstitutionDetails before = get(id);
		List<Confirmation> all = new ArrayList<>(confirmations(before));
		Confirmation withdrawn = all.stream()
			.filter(c -> c.id().equals(confirmationId))
			.findFirst()
			.orElseThrow(() -> new InstitutionNotFound(id));
		this.access.checkWithdrawConfirmation(withdrawn.kind(), id, before.regionCode());
		all.remove(withdrawn);
		return saveConfirmations(id, all, "ATTESTATION_WITHDRAWN", withdrawn, null);
	}

	/**
	 * Loads review confirmations from seed data; only a system task may.
	 * @param id institution id
	 * @param confirmations confirmations made with {@link Confirmation#imported}
	 * @throws AccessDenied unless run as the system
	 */
	@Transactional
	public void importConfirmations(UUID id, List<Confirmation> confirmations) {
		if (!IdentityManagement.SYSTEM_ID.equals(this.identity.currentUser().id())) {
			throw new AccessDenied("仅系统任务可导入确认记录");
		}
		this.institutions.lockConfirmations(id);
		InstitutionDetails before = this.institutions.find(id).orElseThrow(() -> new InstitutionNotFound(id));
		List<Confirmation> all = new ArrayList<>(confirmations(before));
		all.addAll(confirmations);
		saveConfirmations(id, all, "ATTESTATIONS_IMPORTED", null, confirmations);
	}

	private static List<Confirmation> confirmations(InstitutionDetails d) {
		return d.attestations() == null ? List.of() : d.attestations();
	}

	private InstitutionDetails saveConfirmations(UUID id, List<Confirmation> all, String action,
			@Nullable Object before, @Nullable Object after) {
		this.institutions.saveAttestations(id, all);
		this.audit.record(action, "Institution", id.toString(), before, after);
		this.events.publishEvent(new InstitutionChanged(id));
		return this.institutions.find(id).orElseThrow(() -> new InstitutionNotFound(id));
	}

	static void checkConfirmation(@Nullable String clause, @Nullable String evidence) {
		List<FieldProblem> problems = new ArrayList<>();
		if (clause == null || clause.isBlank()) {
			problems.add(new FieldProblem("clause", "条款引用不能为空"));
		}
		else if (clause.strip().length() > Confirmation.MAX_CLAUSE) {
			problems.add(new FieldProblem("clause", "条款引用不能超过 " + Confirmation.MAX_CLAUSE + " 个字"));
		}
		if (evidence == null || evidence.isBlank()) {
			problems.add(new FieldProblem("evidence", "证明材料不能为空"));
		}
		else if (evidence.strip().length() > Confirmation.MAX_EVIDENCE) {
			problems.add(new FieldProblem("evidence", "证明材料不能超过 " + Confirmation.MAX_EVIDENCE + " 个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInstitution(problems);
		}
	}

	/**
	 * A general edit keeps what decides who supervises an institution and how it is
	 * judged: region, level, type and the practice licence (number, issuing authority and
	 * its region, validity). A hospital may never change them (403); the authority and
	 * the system administrator change them through {@link #changeJurisdiction}, with a
	 * reason.
	 */
	private void checkJurisdictionUnchanged(InstitutionDetails before, InstitutionDetails after) {
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(before.regionCode(), after.regionCode())) {
			changed.add("所在行政区划");
		}
		if (before.level() != after.level()) {
			changed.add("医疗机构级别");
		}
		if (before.type() != after.type()) {
			changed.add("医疗机构类别（综合/专科）");
		}
		if (!Objects.equals(before.licence(), after.licence())) {
			changed.add("医疗机构执业许可证（登记号、发证机关、有效期）");
		}
		if (changed.isEmpty()) {
			return;
		}
		if (this.identity.currentUser().role().isInstitutional()) {
			throw new JurisdictionChangeRefused(
					"医疗机构不能自行修改" + String.join("、", changed) + "：这些信息决定备案受理机关和评估结论，须由辖区卫生健康行政部门或系统管理员核实后变更");
		}
		throw new InvalidInstitution(List.of(new FieldProblem("regionCode", String.join("、", changed)
				+ "须通过“变更管辖与资质”（PUT /api/institutions/{id}/jurisdiction）填写变更原因后变更，不能随一般修改保存")));
	}

	private void validate(InstitutionDetails d, @Nullable UUID id) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		Map<String, RegionRow> regionRows = this.regions.all();
		if (!regionRows.containsKey(d.regionCode())) {
			problems.add(new FieldProblem("regionCode", "行政区划代码 " + d.regionCode() + " 不存在"));
		}
		else if (!this.deployment.covers(d.regionCode(), regionRows)) {
			problems.add(new FieldProblem("regionCode", outsideDeployment(d.regionCode(), regionRows)));
		}
		if (this.institutions.nameTaken(d.name().strip(), id)) {
			problems.add(new FieldProblem("name", "已存在名为 “" + d.name().strip() + "” 的医疗机构"));
		}
		String specialty = d.specialty();
		if (specialty != null && d.type() == InstitutionType.GENERAL) {
			problems.add(new FieldProblem("specialty", "综合医院不填写专科类别"));
		}
		else if (specialty != null && !InstitutionDetails.SPECIALTIES.containsKey(specialty)) {
			problems.add(new FieldProblem("specialty", "未知的专科类别 “" + specialty + "”"));
		}
		Set<String> codes = this.catalog.codes();
		List<InstitutionDetails.Department> departments = d.departments();
		if (departments != null) {
			for (int i = 0; i < departments.size(); i++) {
				InstitutionDetails.Department department = departments.get(i);
				LocalDate since = department.since();
				if (since != null && since.isAfter(today)) {
					problems.add(new FieldProblem("departments[" + i + "].since", "科室开展诊疗工作的日期晚于今天"));
				}
				List<String> technologies = department.technologies();
				if (technologies != null) {
					for (String technology : technologies) {
						if (!codes.contains(technology)) {
							problems.add(new FieldProblem("departments[" + i + "].technologies",
									"未知的技术代码 “" + technology + "”"));
						}
					}
				}
			}
		}
		PracticeLicence licence = d.licence();
		if (licence != null) {
			if (!regionRows.containsKey(licence.issuerRegionCode())) {
				problems.add(new FieldProblem("licence.issuerRegionCode",
						"发证机关行政区划代码 " + licence.issuerRegionCode() + " 不存在"));
			}
			else if (!this.deployment.covers(licence.issuerRegionCode(), regionRows)) {
				problems.add(new FieldProblem("licence.issuerRegionCode",
						"发证机关" + outsideDeployment(licence.issuerRegionCode(), regionRows)));
			}
			checkValidity("licence", licence.validFrom(), licence.validUntil(), today, problems);
		}
		List<OtherLicence> licences = d.licences();
		if (licences != null) {
			for (int i = 0; i < licences.size(); i++) {
				checkValidity("licences[" + i + "]", licences.get(i).validFrom(), licences.get(i).validUntil(), today,
						problems);
			}
		}
		Map<String, LocalDate> firstCases = d.firstCases();
		if (firstCases != null) {
			firstCases.forEach((technology, date) -> {
				if (!codes.contains(technology)) {
					problems.add(new FieldProblem("firstCases." + technology, "未知的技术代码 “" + technology + "”"));
				}
				if (date == null) {
					problems.add(new FieldProblem("firstCases." + technology, "首例日期不能为空"));
				}
				else if (date.isAfter(today)) {
					problems.add(new FieldProblem("firstCases." + technology, "首例日期 " + date + " 晚于今天"));
				}
			});
		}
		Map<String, List<String>> subTechniques = d.subTechniques();
		if (subTechniques != null) {
			subTechniques.forEach((technology, forms) -> {
				if (!codes.contains(technology)) {
					problems.add(new FieldProblem("subTechniques." + technology, "未知的技术代码 “" + technology + "”"));
				}
				if (forms == null || forms.isEmpty()) {
					problems.add(new FieldProblem("subTechniques." + technology, "至少选择一个开展的亚类"));
				}
				else if (forms.size() != new java.util.HashSet<>(forms).size()) {
					problems.add(new FieldProblem("subTechniques." + technology, "亚类重复"));
				}
			});
		}
		List<CaseVolume> volumes = d.caseVolumes();
		if (volumes != null) {
			Set<String> seen = new java.util.HashSet<>();
			for (int i = 0; i < volumes.size(); i++) {
				CaseVolume v = volumes.get(i);
				String field = "caseVolumes[" + i + "]";
				if (!codes.contains(v.technology())) {
					problems.add(new FieldProblem(field + ".technology", "未知的技术代码 “" + v.technology() + "”"));
				}
				if (v.year() > today.getYear()) {
					problems.add(new FieldProblem(field + ".year", "年份 " + v.year() + " 晚于今年"));
				}
				Integer month = v.month();
				if (month != null && v.year() == today.getYear() && month > today.getMonthValue()) {
					problems.add(new FieldProblem(field + ".month", v.year() + " 年 " + month + " 月晚于本月"));
				}
				if (!seen.add(v.technology() + "/" + v.subTechnique() + "/" + v.year() + "/" + month)) {
					problems.add(new FieldProblem(field, v.technology() + " " + v.year() + " 年"
							+ ((month != null) ? month + " 月" : "") + "的例数重复录入"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInstitution(problems);
		}
	}

	private String outsideDeployment(String code, Map<String, RegionRow> regionRows) {
		RegionRow region = regionRows.get(code);
		RegionRow province = regionRows.get(this.deployment.province());
		return "行政区划 " + code + "（" + (region == null ? "" : region.name()) + "）不在本平台部署的省份（"
				+ (province == null ? this.deployment.province() : province.name()) + "）内";
	}

	private static void checkValidity(String field, @Nullable LocalDate from, @Nullable LocalDate until,
			LocalDate today, List<FieldProblem> problems) {
		if (from != null && from.isAfter(today)) {
			problems.add(new FieldProblem(field + ".validFrom", "发证日期 " + from + " 晚于今天"));
		}
		if (from != null && until != null && until.isBefore(from)) {
			problems.add(new FieldProblem(field + ".validUntil", "有效期截止 " + until + " 早于起始日期 " + from));
		}
	}

}
