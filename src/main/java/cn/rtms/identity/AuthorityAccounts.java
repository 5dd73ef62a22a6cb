package cn.rtms.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorities run the accounts below them (docs/experts.md): a provincial or city
 * authority creates, disables, re-enables and resets the password of
 * <ul>
 * <li>authority accounts strictly below it inside its jurisdiction (province: the city
 * and county authorities of its province; city: the county authorities of its city),
 * never of its own level or above and never outside its region; and</li>
 * <li>{@link Role#EXPERT} accounts whose pool region (the account's region code, a
 * province- or city-tier region) lies in its jurisdiction.</li>
 * </ul>
 * A region's tier is its depth in {@link RegionHierarchy#ancestry}: 1 province, 2 city
 * (including units the province administers directly, such as 梅河口市), 3 county; an
 * authority account's role must match the tier of its region. County authorities run no
 * accounts. The system administrator may do all of it. New accounts and resets get a
 * password the user must change at the next login; a reset also ends the account's
 * sessions and lifts a lockout. Every change is published as a {@link UserEvent}
 * (audited) with the acting authority.
 */
@Service
@Transactional(readOnly = true)
public class AuthorityAccounts {

	private final Users users;

	private final PasswordEncoder passwords;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final RegionHierarchy regions;

	private final InstitutionDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccountSessions sessions;

	AuthorityAccounts(Users users, PasswordEncoder passwords, AccessPolicy access, IdentityManagement identity,
			RegionHierarchy regions, InstitutionDirectory directory, ApplicationEventPublisher events, Clock clock,
			AccountSessions sessions) {
		this.users = users;
		this.passwords = passwords;
		this.access = access;
		this.identity = identity;
		this.regions = regions;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.sessions = sessions;
	}

	/**
	 * @return the accounts the current authority runs (subordinate authorities and the
	 * experts of its region), by role and username
	 * @throws AccessDenied for anybody but a provincial or city authority or the system
	 * administrator
	 */
	public List<SubordinateAccount> list() {
		CurrentUser me = requireManager();
		Instant now = this.clock.instant();
		return this.users.findAll()
			.stream()
			.filter(u -> manages(me, u))
			.map(u -> view(u, now))
			.sorted(java.util.Comparator.comparing((SubordinateAccount a) -> a.account().role())
				.thenComparing(a -> a.account().username()))
			.toList();
	}

	/**
	 * @param id an account
	 * @return the account, when the current authority runs it
	 * @throws AccessDenied when it does not
	 */
	public SubordinateAccount get(UUID id) {
		CurrentUser me = requireManager();
		UserAccount account = managed(me, id);
		return view(account, this.clock.instant());
	}

	/**
	 * Creates a subordinate authority or expert account that must change its initial
	 * password at first login.
	 * @param command the account
	 * @return the new account
	 * @throws AccessDenied when the role or region is not below the current authority
	 * @throws ProblemException 422 {@code INVALID_USER} (name taken, unknown region, role
	 * not matching the region's tier) or {@code PASSWORD_POLICY}
	 */
	@Transactional
	public SubordinateAccount create(CreateSubordinateAccount command) {
		CurrentUser me = requireManager();
		String username = command.username().strip();
		String regionCode = command.regionCode().strip();
		List<String> ancestry = this.regions.ancestry(regionCode);
		if (ancestry.isEmpty()) {
			throw Problems.invalidUser(List.of(new FieldProblem("regionCode", "行政区划代码 " + regionCode + " 不存在")));
		}
		checkMayManage(me, command.role(), regionCode, ancestry);
		List<FieldProblem> problems = new ArrayList<>();
		if (this.users.findByUsername(username).isPresent()) {
			problems.add(new FieldProblem("username", "用户名 " + username + " 已存在"));
		}
		String tierProblem = tierProblem(command.role(), regionCode, ancestry.size());
		if (tierProblem != null) {
			problems.add(new FieldProblem("role", tierProblem));
		}
		if (!problems.isEmpty()) {
			throw Problems.invalidUser(problems);
		}
		List<String> passwordProblems = PasswordPolicy.problems(command.initialPassword(), username, false);
		if (!passwordProblems.isEmpty()) {
			throw Problems.passwordRejected(passwordProblems);
		}
		Instant now = this.clock.instant();
		UserAccount account = new UserAccount(UUID.randomUUID(), username, command.displayName().strip(),
				command.role(), null, null, regionCode, this.passwords.encode(command.initialPassword()), true, true, 0,
				null, null, null, now, false);
		this.users.insert(account);
		UserSummary created = account(account.id()).summary(now);
		publish("USER_CREATED", account.id(), username, me, null, created);
		return view(account(account.id()), now);
	}

	/**
	 * Disables or re-enables an account the current authority runs; a disabled account's
	 * sessions end at once.
	 * @param id the account
	 * @param enabled the new state
	 * @return the account
	 * @throws AccessDenied when the current authority does not run it
	 */
	@Transactional
	public SubordinateAccount setEnabled(UUID id, boolean enabled) {
		CurrentUser me = requireManager();
		UserAccount before = managed(me, id);
		Instant now = this.clock.instant();
		this.users.setEnabled(id, enabled, now);
		if (!enabled) {
			this.sessions.endOthers(id);
		}
		return changed(enabled ? "USER_ENABLED" : "USER_DISABLED", me, before, now);
	}

	/**
	 * Sets a temporary password that the user must change at the next login, lifts a
	 * lockout and ends the account's sessions.
	 * @param id the account
	 * @param temporaryPassword the temporary password (password policy)
	 * @return the account
	 * @throws AccessDenied when the current authority does not run it
	 * @throws ProblemException 422 {@code PASSWORD_POLICY}
	 */
	@Transactional
	public SubordinateAccount resetPassword(UUID id, String temporaryPassword) {
		CurrentUser me = requireManager();
		UserAccount before = managed(me, id);
		List<String> problems = PasswordPolicy.problems(temporaryPassword, before.username(), false);
		if (!problems.isEmpty()) {
			throw Problems.passwordRejected(problems);
		}
		Instant now = this.clock.instant();
		this.users.changePassword(id, this.passwords.encode(temporaryPassword), true, now);
		this.users.unlock(id, now);
		this.sessions.endOthers(id);
		return changed("PASSWORD_RESET", me, before, now);
	}

	/**
	 * Whether the user may run an account of the role in the region (the rule of this
	 * class, without the tier check of new accounts).
	 * @param user a user
	 * @param role the account's role
	 * @param regionCode the account's region
	 * @return whether the user runs such accounts
	 */
	public boolean mayManage(CurrentUser user, Role role, String regionCode) {
		return refusal(user, role, regionCode, this.regions.ancestry(regionCode)) == null;
	}

	/**
	 * The expert accounts with a pool region, for the expert pool (no permission check:
	 * the experts module checks its callers).
	 * @return every {@link Role#EXPERT} account, by username
	 */
	public List<ExpertAccount> expertAccounts() {
		return this.users.findAll()
			.stream()
			.filter(u -> u.role() == Role.EXPERT)
			.map(u -> new ExpertAccount(u.id(), u.username(), u.displayName(), u.regionCode(), u.enabled()))
			.toList();
	}

	/**
	 * Places an expert account without a pool region (created by the system administrator
	 * before pools existed) in a pool region the current authority runs.
	 * @param id the expert account
	 * @param regionCode the pool region
	 * @return the account
	 * @throws AccessDenied when the current authority may not run experts of that region
	 * @throws ProblemException 422 {@code INVALID_USER} when the account is no expert or
	 * already has a region
	 */
	@Transactional
	public SubordinateAccount placeExpert(UUID id, String regionCode) {
		CurrentUser me = requireManager();
		UserAccount before = account(id);
		if (before.role() != Role.EXPERT || before.regionCode() != null) {
			throw Problems.invalidUser(List.of(new FieldProblem("id", "只能为尚未归入专家库的评审专家账号指定专家库所在行政区划")));
		}
		List<String> ancestry = this.regions.ancestry(regionCode);
		if (ancestry.isEmpty()) {
			throw Problems.invalidUser(List.of(new FieldProblem("regionCode", "行政区划代码 " + regionCode + " 不存在")));
		}
		checkMayManage(me, Role.EXPERT, regionCode, ancestry);
		Instant now = this.clock.instant();
		this.users.setRegion(id, regionCode, now);
		return changed("USER_REGION_SET", me, before, now);
	}

	/**
	 * An expert account as the pool sees it.
	 *
	 * @param id account id
	 * @param username login name
	 * @param displayName name shown
	 * @param regionCode pool region, null for an expert not yet placed in a pool
	 * @param enabled whether the account may log in
	 */
	public record ExpertAccount(UUID id, String username, String displayName, @Nullable String regionCode,
			boolean enabled) {
	}

	/**
	 * An account an authority runs, with its region's name.
	 *
	 * @param account the account
	 * @param regionName the Chinese name of its region
	 */
	public record SubordinateAccount(UserSummary account, @Nullable String regionName) {
	}

	private CurrentUser requireManager() {
		return this.access.requireRole(Role.PROVINCE_AUTHORITY, Role.CITY_AUTHORITY, Role.SYSTEM_ADMIN);
	}

	private boolean manages(CurrentUser me, UserAccount account) {
		String region = account.regionCode();
		return region != null && refusal(me, account.role(), region, this.regions.ancestry(region)) == null;
	}

	private UserAccount managed(CurrentUser me, UUID id) {
		UserAccount account = account(id);
		String region = account.regionCode();
		String refusal = region == null ? "该账号不属于任何辖区的下级账号或专家库"
				: refusal(me, account.role(), region, this.regions.ancestry(region));
		if (refusal != null) {
			throw new AccessDenied("无权管理账号 " + account.username() + "（" + account.displayName() + "）：" + refusal);
		}
		return account;
	}

	private void checkMayManage(CurrentUser me, Role role, String regionCode, List<String> ancestry) {
		String refusal = refusal(me, role, regionCode, ancestry);
		if (refusal != null) {
			throw new AccessDenied(refusal);
		}
	}

	/**
	 * @return why the user may not run an account of the role in the region, or null
	 */
	private @Nullable String refusal(CurrentUser me, Role role, String regionCode, List<String> ancestry) {
		boolean manageable = role == Role.EXPERT || role == Role.CITY_AUTHORITY || role == Role.COUNTY_AUTHORITY;
		if (me.role() == Role.SYSTEM_ADMIN) {
			return manageable || role == Role.PROVINCE_AUTHORITY ? null : "只能管理卫生健康行政部门和评审专家账号";
		}
		String scope = me.displayName() + "（" + me.role().label() + "）只能管理本辖区内下级卫生健康行政部门和本辖区专家库的账号";
		if (!manageable || (role.isAuthority() && rank(role) >= rank(me.role()))) {
			return scope + "，不能管理" + role.label() + "账号";
		}
		String mine = me.regionCode();
		if (mine == null || !ancestry.contains(mine)) {
			return scope + "，行政区划 " + regionName(regionCode) + " 不在本辖区内";
		}
		if (role.isAuthority() && regionCode.equals(mine)) {
			return scope + "，不能管理同级账号";
		}
		if (role == Role.EXPERT && ancestry.size() > 2) {
			return "专家库按省、市（州）设立，县级行政区划 " + regionName(regionCode) + " 不设专家库，请选择其所属市（州）";
		}
		return null;
	}

	private static @Nullable String tierProblem(Role role, String regionCode, int depth) {
		if (!role.isAuthority()) {
			return null;
		}
		int tier = switch (role) {
			case PROVINCE_AUTHORITY -> 1;
			case CITY_AUTHORITY -> 2;
			default -> 3;
		};
		if (tier == depth) {
			return null;
		}
		String level = depth == 1 ? "省级" : depth == 2 ? "市（州）级" : "县级";
		return "行政区划 " + regionCode + " 是" + level + "区划，不能创建" + role.label() + "账号";
	}

	private static int rank(Role role) {
		return switch (role) {
			case PROVINCE_AUTHORITY -> 3;
			case CITY_AUTHORITY -> 2;
			case COUNTY_AUTHORITY -> 1;
			default -> 0;
		};
	}

	private String regionName(String regionCode) {
		String name = this.directory.regionName(regionCode);
		return name == null ? regionCode : name + "（" + regionCode + "）";
	}

	private SubordinateAccount view(UserAccount account, Instant now) {
		String region = account.regionCode();
		return new SubordinateAccount(account.summary(now), region == null ? null : this.directory.regionName(region));
	}

	private SubordinateAccount changed(String action, CurrentUser me, UserAccount before, Instant now) {
		UserAccount after = account(before.id());
		publish(action, before.id(), before.username(), me, before.summary(now), after.summary(now));
		return view(after, now);
	}

	private UserAccount account(UUID id) {
		return this.users.find(id).orElseThrow(() -> Problems.userNotFound(id));
	}

	private void publish(String action, UUID userId, String username, CurrentUser actor, @Nullable Object before,
			@Nullable Object after) {
		this.events.publishEvent(
				new UserEvent(action, userId, username, actor.id(), this.identity.clientAddress(), before, after));
	}

}
