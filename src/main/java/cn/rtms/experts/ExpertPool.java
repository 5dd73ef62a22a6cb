package cn.rtms.experts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.experts.ExpertProfiles.Profile;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.AuthorityAccounts;
import cn.rtms.identity.AuthorityAccounts.ExpertAccount;
import cn.rtms.identity.CreateSubordinateAccount;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.InstitutionDirectory;
import cn.rtms.identity.Role;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional expert pools: an authority (provincial or city, or the system
 * administrator) lists, creates and maintains the experts whose pool region lies in its
 * jurisdiction ({@link AuthorityAccounts#mayManage}); the accounts themselves (disable,
 * re-enable, reset) are run through {@link AuthorityAccounts}. Specialties are catalogue
 * technology codes (what a filing or training base is for), the employer is a platform
 * institution or free text. Every change is audited ({@code EXPERT_ENROLLED},
 * {@code EXPERT_PROFILE_UPDATED}, entity {@code Expert}).
 */
@Service
@Transactional(readOnly = true)
public class ExpertPool {

	private final ExpertProfiles profiles;

	private final AuthorityAccounts accounts;

	private final AccessPolicy access;

	private final CatalogManagement catalog;

	private final InstitutionDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	ExpertPool(ExpertProfiles profiles, AuthorityAccounts accounts, AccessPolicy access, CatalogManagement catalog,
			InstitutionDirectory directory, AuditTrail audit, Clock clock) {
		this.profiles = profiles;
		this.accounts = accounts;
		this.access = access;
		this.catalog = catalog;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the experts of the pools the current authority runs (the system
	 * administrator and provincial authorities also see expert accounts not yet placed in
	 * a pool), by region and name
	 */
	public List<PoolExpert> list() {
		CurrentUser me = requireManager();
		Map<UUID, Profile> all = this.profiles.all();
		Map<String, String> names = technologyNames();
		return this.accounts.expertAccounts()
			.stream()
			.filter(a -> a.regionCode() == null ? me.hasRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY)
					: this.accounts.mayManage(me, Role.EXPERT, a.regionCode()))
			.map(a -> view(a, all.get(a.id()), names))
			.sorted(Comparator.comparing((PoolExpert v) -> v.regionCode() == null ? "" : v.regionCode())
				.thenComparing(PoolExpert::displayName))
			.toList();
	}

	/**
	 * Creates an expert account in a pool with its profile.
	 * @param command the expert
	 * @return the expert
	 * @throws AccessDenied when the region is not in the current authority's jurisdiction
	 * @throws cn.rtms.web.ProblemException 422 {@code INVALID_EXPERT},
	 * {@code INVALID_USER} or {@code PASSWORD_POLICY}
	 */
	@Transactional
	public PoolExpert create(CreateExpert command) {
		requireManager();
		Profile profile = validate(null, command.specialties(), command.employerInstitutionId(), command.employerName(),
				true, 0);
		UUID id = this.accounts
			.create(new CreateSubordinateAccount(command.username(), command.displayName(), Role.EXPERT,
					command.regionCode(), command.initialPassword()))
			.account()
			.id();
		Profile stored = new Profile(id, profile.specialties(), profile.employerInstitutionId(), profile.employerName(),
				true, 0);
		this.profiles.insert(stored, this.clock.instant());
		PoolExpert view = get(id);
		this.audit.record("EXPERT_ENROLLED", "Expert", id.toString(), null, view);
		return view;
	}

	/**
	 * Enters an existing expert account into a pool (an account the system administrator
	 * created, or one without profile), placing it in {@code command.regionCode()} when
	 * it has no pool region yet; or, for an expert already in a pool, updates its profile
	 * (specialties, employer, active), checking {@code command.version()}.
	 * @param id the expert's account
	 * @param command the profile
	 * @return the expert
	 * @throws AccessDenied when the current authority does not run the expert's pool
	 */
	@Transactional
	public PoolExpert save(UUID id, ExpertProfileCommand command) {
		CurrentUser me = requireManager();
		ExpertAccount account = expertAccount(id);
		String region = account.regionCode();
		if (region == null) {
			String placeIn = command.regionCode();
			if (placeIn == null) {
				throw ExpertProblems.invalid(List.of(new FieldProblem("regionCode", "该专家尚未归入专家库，请选择专家库所在行政区划")));
			}
			this.accounts.placeExpert(id, placeIn);
		}
		else if (!this.accounts.mayManage(me, Role.EXPERT, region)) {
			throw new AccessDenied("无权管理专家 " + account.displayName() + "：其专家库（" + regionName(region) + "）不在本辖区内");
		}
		Optional<Profile> existing = this.profiles.find(id);
		boolean active = command.active() == null || command.active();
		Profile profile = validate(id, command.specialties(), command.employerInstitutionId(), command.employerName(),
				active, existing.map(Profile::version).orElse(0L));
		if (existing.isEmpty()) {
			this.profiles.insert(profile, this.clock.instant());
			PoolExpert view = get(id);
			this.audit.record("EXPERT_ENROLLED", "Expert", id.toString(), null, view);
			return view;
		}
		Long expected = command.version();
		if (expected != null && expected != existing.get().version()) {
			throw ExpertProblems.stale(expected, existing.get().version());
		}
		PoolExpert before = get(id);
		if (!this.profiles.update(profile, this.clock.instant())) {
			throw ExpertProblems.stale(profile.version(), this.profiles.find(id).map(Profile::version).orElse(-1L));
		}
		PoolExpert after = get(id);
		this.audit.record("EXPERT_PROFILE_UPDATED", "Expert", id.toString(), before, after);
		return after;
	}

	private PoolExpert get(UUID id) {
		ExpertAccount account = expertAccount(id);
		return view(account, this.profiles.find(id).orElse(null), technologyNames());
	}

	private ExpertAccount expertAccount(UUID id) {
		return this.accounts.expertAccounts()
			.stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ExpertProblems.notFound(id));
	}

	private Profile validate(@Nullable UUID id, List<String> specialties, @Nullable UUID employerInstitutionId,
			@Nullable String employerName, boolean active, long version) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> names = technologyNames();
		List<String> codes = new ArrayList<>();
		for (String code : specialties) {
			String c = code.strip();
			if (!names.containsKey(c)) {
				problems.add(new FieldProblem("specialties", "专业方向 " + c + " 不是目录中的限制类技术"));
			}
			else if (!codes.contains(c)) {
				codes.add(c);
			}
		}
		if (specialties.isEmpty()) {
			problems.add(new FieldProblem("specialties", "请至少选择一项专业方向（限制类技术）"));
		}
		String freeText = employerName == null || employerName.isBlank() ? null : employerName.strip();
		if (employerInstitutionId != null && freeText != null) {
			problems.add(new FieldProblem("employerName", "受聘单位只能选择平台内医疗机构或填写平台外单位名称之一"));
		}
		if (employerInstitutionId != null && this.directory.institution(employerInstitutionId).isEmpty()) {
			problems.add(new FieldProblem("employerInstitutionId", "受聘医疗机构 " + employerInstitutionId + " 不存在"));
		}
		if (!problems.isEmpty()) {
			throw ExpertProblems.invalid(problems);
		}
		return new Profile(id == null ? new UUID(0, 0) : id, List.copyOf(codes), employerInstitutionId, freeText,
				active, version);
	}

	PoolExpert view(ExpertAccount account, @Nullable Profile profile, Map<String, String> names) {
		String region = account.regionCode();
		List<PoolExpert.Specialty> specialties = profile == null ? List.of()
				: profile.specialties()
					.stream()
					.map(c -> new PoolExpert.Specialty(c, names.getOrDefault(c, c)))
					.toList();
		return new PoolExpert(account.id(), account.username(), account.displayName(), region,
				region == null ? null : this.directory.regionName(region), account.enabled(), profile != null,
				specialties, profile == null ? null : profile.employerInstitutionId(), employer(profile),
				profile != null && profile.active(), profile == null ? 0 : profile.version());
	}

	@Nullable String employer(@Nullable Profile profile) {
		if (profile == null) {
			return null;
		}
		UUID institution = profile.employerInstitutionId();
		if (institution != null) {
			return this.directory.institution(institution)
				.map(InstitutionDirectory.InstitutionRef::name)
				.orElse(institution.toString());
		}
		return profile.employerName();
	}

	Map<String, String> technologyNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (RestrictedTechnology t : this.catalog.technologies()) {
			names.put(t.code(), t.name());
		}
		return names;
	}

	private String regionName(String code) {
		String name = this.directory.regionName(code);
		return name == null ? code : name;
	}

	private CurrentUser requireManager() {
		return this.access.requireRole(Role.PROVINCE_AUTHORITY, Role.CITY_AUTHORITY, Role.SYSTEM_ADMIN);
	}

}
