package cn.rtms.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

import cn.rtms.identity.InstitutionDirectory.InstitutionRef;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts' use cases: login with lockout (5 consecutive failures lock the account for 15
 * minutes; at most 5 passwords are ever checked, however many logins run at once),
 * answered alike for unknown names, wrong passwords and locked accounts; password change
 * under the password policy, whose wrong old passwords count as failed logins; password
 * expiry (a password older than {@code rtms.security.password-max-age} must be changed);
 * and user administration by the system administrator. Every login success and failure,
 * lockout, password change and account change is published as a {@link UserEvent}.
 */
@Service
@Transactional(readOnly = true)
public class UserManagement {

	/** Consecutive failed logins that lock an account. */
	public static final int MAX_FAILURES = 5;

	/** How long a lockout lasts. */
	public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	/**
	 * The published password of the demo accounts (printed at start and in the README):
	 * refused for every account that is not a demo account.
	 */
	public static final String DEMO_PASSWORD = "Rtms@2026";

	private final Users users;

	private final PasswordEncoder passwords;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final RegionHierarchy regions;

	private final InstitutionDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccountSessions sessions;

	private final ActivationTokens tokens;

	private final Duration passwordMaxAge;

	private final String dummyHash;

	private final TransactionTemplate transactions;

	UserManagement(Users users, PasswordEncoder passwords, AccessPolicy access, IdentityManagement identity,
			RegionHierarchy regions, InstitutionDirectory directory, ApplicationEventPublisher events, Clock clock,
			AccountSessions sessions, ActivationTokens tokens, PlatformTransactionManager transactionManager,
			@Value("${rtms.security.password-max-age:90d}") Duration passwordMaxAge) {
		this.users = users;
		this.passwords = passwords;
		this.access = access;
		this.identity = identity;
		this.regions = regions;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.sessions = sessions;
		this.tokens = tokens;
		this.passwordMaxAge = passwordMaxAge;
		this.dummyHash = passwords.encode("Dummy-Password-1");
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Checks a username and password. Before the password is checked the attempt is
	 * counted in one atomic update, committed at once (the method runs without a
	 * transaction), so that concurrent logins check at most {@link #MAX_FAILURES}
	 * passwords before the lock; an unknown name, a wrong password and a locked account
	 * get the same answer after the same work (a refused name or account is checked
	 * against a dummy hash).
	 * @param username login name (case-insensitive)
	 * @param password password
	 * @return the user, now to be stored in the session
	 * @throws ProblemException 401 {@code LOGIN_FAILED} for an unknown username, a wrong
	 * password or a locked account alike; 401 {@code ACCOUNT_DISABLED} for the right
	 * password of a disabled account
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public CurrentUser login(String username, String password) {
		Instant now = this.clock.instant();
		String name = username.strip();
		Optional<UserAccount> found = this.users.findByUsername(name);
		if (found.isEmpty()) {
			this.passwords.matches(password, this.dummyHash);
			publish("LOGIN_FAILED", null, name, null, null, Map.of("reason", "用户名不存在"));
			throw Problems.loginFailed();
		}
		UserAccount user = found.get();
		OptionalInt attempt = this.users.claimAttempt(user.id(), MAX_FAILURES, now);
		if (attempt.isEmpty()) {
			this.passwords.matches(password, this.dummyHash);
			Instant lockedUntil = user.lockedUntil();
			publish("LOGIN_REFUSED_LOCKED", user.id(), user.username(), null, null, lockedUntil != null
					? Map.of("lockedUntil", lockedUntil.toString()) : Map.of("reason", "连续失败次数已达上限"));
			throw Problems.loginFailed();
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			Instant until = now.plus(LOCK_DURATION);
			boolean locked = this.users.lockWhenExhausted(user.id(), MAX_FAILURES, until, now);
			publish("LOGIN_FAILED", user.id(), user.username(), null, null,
					Map.of("reason", "密码错误", "failedAttempts", attempt.getAsInt()));
			if (locked) {
				publish("ACCOUNT_LOCKED", user.id(), user.username(), null, null,
						Map.of("lockedUntil", until.toString(), "failedAttempts", MAX_FAILURES));
			}
			throw Problems.loginFailed();
		}
		if (!user.enabled()) {
			this.users.unlock(user.id(), now);
			publish("LOGIN_FAILED", user.id(), user.username(), null, null, Map.of("reason", "账号已停用"));
			throw Problems.accountDisabled();
		}
		this.users.recordLogin(user.id(), now);
		CurrentUser current = current(user);
		publish("LOGIN_SUCCEEDED", user.id(), user.username(), user.id(), null,
				passwordExpired(user, now) ? Map.of("passwordExpired", true) : null);
		return current;
	}

	/**
	 * Records a logout.
	 * @param user who logged out
	 */
	@Transactional
	public void loggedOut(CurrentUser user) {
		publish("LOGOUT", user.id(), user.username(), user.id(), null, null);
	}

	/**
	 * Changes the current user's password and ends the account's other sessions (on every
	 * node); the session making the change stays. The old password is checked like a
	 * login's (ADR 0007): the check first claims one of the account's
	 * {@link #MAX_FAILURES} attempts, committed at once (the method runs without a
	 * transaction), and wrong old passwords count in the same consecutive failures as
	 * wrong logins. The failure that uses up the last attempt locks the account for
	 * {@link #LOCK_DURATION} and ends all its sessions, this one included, so a session
	 * left open cannot be used to guess the password on. A right old password resets the
	 * count, as a login does.
	 * @param oldPassword the current password
	 * @param newPassword the new one (password policy; not equal to the old one)
	 * @return the user, no longer required to change the password
	 * @throws ProblemException 422 {@code WRONG_OLD_PASSWORD} (recorded) or
	 * {@code PASSWORD_POLICY}; 423 {@code ACCOUNT_LOCKED} when this failure locked the
	 * account (its sessions are ended) or it is locked already (no password is checked)
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public CurrentUser changePassword(String oldPassword, String newPassword) {
		CurrentUser me = this.identity.currentUser();
		UserAccount user = this.users.find(me.id()).orElseThrow(NotAuthenticated::new);
		Instant now = this.clock.instant();
		OptionalInt attempt = this.users.claimAttempt(user.id(), MAX_FAILURES, now);
		if (attempt.isEmpty()) {
			Instant lockedUntil = user.lockedUntil();
			publish("PASSWORD_CHANGE_FAILED", user.id(), user.username(), user.id(), null,
					lockedUntil != null ? Map.of("reason", "账号已锁定", "lockedUntil", lockedUntil.toString())
							: Map.of("reason", "连续失败次数已达上限"));
			throw Problems.passwordChangeLocked(lockedUntil);
		}
		if (!this.passwords.matches(oldPassword, user.passwordHash())) {
			Instant until = now.plus(LOCK_DURATION);
			boolean locked = this.users.lockWhenExhausted(user.id(), MAX_FAILURES, until, now);
			publish("PASSWORD_CHANGE_FAILED", user.id(), user.username(), user.id(), null,
					Map.of("reason", "原密码错误", "failedAttempts", attempt.getAsInt()));
			if (locked) {
				publish("ACCOUNT_LOCKED", user.id(), user.username(), user.id(), null, Map.of("lockedUntil",
						until.toString(), "failedAttempts", MAX_FAILURES, "reason", "修改密码时原密码连续错误"));
				this.sessions.endAll(user.id());
				throw Problems.lockedByWrongOldPassword(until);
			}
			throw Problems.wrongOldPassword();
		}
		this.users.unlock(user.id(), now);
		List<String> problems = new ArrayList<>(
				PasswordPolicy.problems(newPassword, user.username(), user.demoAccount()));
		if (this.passwords.matches(newPassword, user.passwordHash())) {
			problems.add("不能与原密码相同");
		}
		if (!problems.isEmpty()) {
			throw Problems.passwordRejected(problems);
		}
		String hash = this.passwords.encode(newPassword);
		UserAccount changed = Objects.requireNonNull(this.transactions.execute(status -> {
			this.users.changePassword(user.id(), hash, false, now);
			UserAccount after = this.users.find(user.id()).orElseThrow();
			this.sessions.endOthers(user.id());
			publish("PASSWORD_CHANGED", user.id(), user.username(), user.id(), user.summary(now), after.summary(now));
			return after;
		}));
		return current(changed);
	}

	/**
	 * The account behind a session, re-read on every request so that disabling an account
	 * or changing a password takes effect at once.
	 * @param id account id
	 * @return the user, empty when the account no longer exists or is disabled
	 */
	Optional<CurrentUser> reload(UUID id) {
		return this.users.find(id).filter(UserAccount::enabled).map(this::current);
	}

	/**
	 * @param user a logged-in user
	 * @return the user's institution name and region name for display, when known
	 */
	public UserContext context(CurrentUser user) {
		UUID institutionId = user.institutionId();
		String institutionName = institutionId == null ? null
				: this.directory.institution(institutionId).map(InstitutionRef::name).orElse(null);
		String regionCode = user.regionCode();
		return new UserContext(institutionName, regionCode == null ? null : this.directory.regionName(regionCode));
	}

	/**
	 * Names to show with a user.
	 *
	 * @param institutionName the user's institution
	 * @param regionName the user's region (jurisdiction or institution's region)
	 */
	public record UserContext(@Nullable String institutionName, @Nullable String regionName) {
	}

	/**
	 * @return every account (system administrator only)
	 */
	public List<UserSummary> list() {
		this.access.requireRole(Role.SYSTEM_ADMIN);
		Instant now = this.clock.instant();
		return this.users.findAll().stream().map(u -> u.summary(now)).toList();
	}

	/**
	 * The review experts an authority can assign: enabled EXPERT accounts, by name.
	 * @return the experts (authorities and the system administrator only)
	 */
	public List<ExpertOption> experts() {
		this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN);
		Instant now = this.clock.instant();
		return this.users.findAll()
			.stream()
			.map(u -> u.summary(now))
			.filter(u -> u.role() == Role.EXPERT && u.enabled())
			.map(u -> new ExpertOption(u.id(), u.username(), u.displayName()))
			.sorted(java.util.Comparator.comparing(ExpertOption::displayName))
			.toList();
	}

	/**
	 * An expert as offered for assignment.
	 *
	 * @param id account id
	 * @param username login name
	 * @param displayName name shown
	 */
	public record ExpertOption(UUID id, String username, String displayName) {
	}

	/**
	 * Who receives a message (站内消息): the enabled accounts with one of the roles,
	 * restricted to an institution and/or a region code when given. No permission check:
	 * it is called by module event listeners, which run as the system, and returns ids
	 * only.
	 * @param roles the roles
	 * @param institutionId the institution of institutional roles, or null
	 * @param regionCode the jurisdiction of authorities, or null
	 * @return the account ids, by username
	 */
	public List<UUID> recipients(java.util.Set<Role> roles, @Nullable UUID institutionId, @Nullable String regionCode) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return this.users.findEnabledIds(List.copyOf(roles), institutionId, regionCode);
	}

	/**
	 * The enabled accounts tied to a person record (a physician's own account), for
	 * messages (站内消息). No permission check, like {@link #recipients}.
	 * @param personId the person
	 * @return the account ids, by username
	 */
	public List<UUID> accountsOfPerson(UUID personId) {
		return this.users.findEnabledIdsOfPerson(personId);
	}

	/**
	 * @param id account id
	 * @return the account (system administrator only)
	 */
	public UserSummary get(UUID id) {
		this.access.requireRole(Role.SYSTEM_ADMIN);
		return account(id).summary(this.clock.instant());
	}

	/**
	 * @param username a login name
	 * @return whether an account with that name exists (no permission needed: used at
	 * start-up)
	 */
	public boolean exists(String username) {
		return this.users.findByUsername(username).isPresent();
	}

	/**
	 * @return whether the database holds an account that is not a demo account: then it
	 * is used for real, and no account with the published demo password may be added
	 */
	public boolean hasRealAccounts() {
		return this.users.anyRealAccount();
	}

	/**
	 * Creates an account that must change its initial password at first login (system
	 * administrator only).
	 * @param command the account
	 * @return the new account
	 * @throws ProblemException 422 {@code INVALID_USER} or {@code PASSWORD_POLICY}
	 */
	@Transactional
	public UserSummary create(CreateUser command) {
		return create(command, false);
	}

	/**
	 * Creates one of the demo module's preset accounts (system administrator only): not
	 * forced to change its initial password, allowed the published
	 * {@link #DEMO_PASSWORD}, and exempt from password expiry.
	 * @param command the account
	 * @return the new account
	 * @throws ProblemException 422 {@code INVALID_USER} or {@code PASSWORD_POLICY}
	 */
	@Transactional
	public UserSummary createDemoAccount(CreateUser command) {
		return create(command, true);
	}

	private UserSummary create(CreateUser command, boolean demoAccount) {
		CurrentUser admin = this.access.requireRole(Role.SYSTEM_ADMIN);
		String username = command.username().strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (this.users.findByUsername(username).isPresent()) {
			problems.add(new FieldProblem("username", "用户名 " + username + " 已存在"));
		}
		Role role = command.role();
		UUID institutionId = command.institutionId();
		String regionCode = command.regionCode();
		if (role.isInstitutional()) {
			if (institutionId == null) {
				problems.add(new FieldProblem("institutionId", role.label() + "账号必须指定所属医疗机构"));
			}
			else {
				Optional<InstitutionRef> institution = this.directory.institution(institutionId);
				if (institution.isEmpty()) {
					problems.add(new FieldProblem("institutionId", "医疗机构 " + institutionId + " 不存在"));
				}
				else {
					regionCode = institution.get().regionCode();
				}
			}
			if (role == Role.PHYSICIAN && command.personId() == null) {
				problems.add(new FieldProblem("personId", "医师账号必须关联人员档案"));
			}
			if (role != Role.PHYSICIAN && command.personId() != null) {
				problems.add(new FieldProblem("personId", "只有医师账号可以关联人员档案"));
			}
		}
		else if (role.isAuthority()) {
			if (regionCode == null) {
				problems.add(new FieldProblem("regionCode", role.label() + "账号必须指定管辖行政区划"));
			}
			else if (this.regions.ancestry(regionCode).isEmpty()) {
				problems.add(new FieldProblem("regionCode", "行政区划代码 " + regionCode + " 不存在"));
			}
			else if (!this.regions.inDeployment(regionCode)) {
				problems.add(new FieldProblem("regionCode", "行政区划 " + regionCode + " 不在本平台部署的省份内"));
			}
			if (institutionId != null || command.personId() != null) {
				problems.add(new FieldProblem("institutionId", role.label() + "账号不能关联医疗机构或人员"));
			}
		}
		else if (institutionId != null || command.personId() != null || regionCode != null) {
			problems.add(new FieldProblem("role", role.label() + "账号不能关联医疗机构、人员或行政区划"));
		}
		if (!problems.isEmpty()) {
			throw Problems.invalidUser(problems);
		}
		List<String> passwordProblems = PasswordPolicy.problems(command.initialPassword(), username, demoAccount);
		if (!passwordProblems.isEmpty()) {
			throw Problems.passwordRejected(passwordProblems);
		}
		Instant now = this.clock.instant();
		UserAccount account = new UserAccount(UUID.randomUUID(), username, command.displayName().strip(), role,
				institutionId, role == Role.PHYSICIAN ? command.personId() : null, regionCode,
				this.passwords.encode(command.initialPassword()), !demoAccount, true, 0, null, null, null, now,
				demoAccount);
		this.users.insert(account);
		UserSummary created = account(account.id()).summary(now);
		publish("USER_CREATED", account.id(), username, admin.id(), null, created);
		return created;
	}

	/**
	 * Lifts a lockout (system administrator only).
	 * @param id account id
	 * @return the account
	 */
	@Transactional
	public UserSummary unlock(UUID id) {
		CurrentUser admin = this.access.requireRole(Role.SYSTEM_ADMIN);
		Instant now = this.clock.instant();
		UserAccount before = account(id);
		this.users.unlock(id, now);
		return changed("USER_UNLOCKED", admin, before, now);
	}

	/**
	 * Disables or re-enables an account (system administrator only); a disabled account's
	 * sessions end at once.
	 * @param id account id
	 * @param enabled the new state
	 * @return the account
	 */
	@Transactional
	public UserSummary setEnabled(UUID id, boolean enabled) {
		CurrentUser admin = this.access.requireRole(Role.SYSTEM_ADMIN);
		if (!enabled && id.equals(admin.id())) {
			throw new AccessDenied("不能停用当前登录的账号");
		}
		Instant now = this.clock.instant();
		UserAccount before = account(id);
		this.users.setEnabled(id, enabled, now);
		if (!enabled) {
			this.sessions.endOthers(id);
		}
		return changed(enabled ? "USER_ENABLED" : "USER_DISABLED", admin, before, now);
	}

	/**
	 * Sets a new initial password that must be changed at the next login and ends the
	 * account's sessions (system administrator only).
	 * @param id account id
	 * @param password the new initial password (password policy)
	 * @return the account
	 */
	@Transactional
	public UserSummary resetPassword(UUID id, String password) {
		CurrentUser admin = this.access.requireRole(Role.SYSTEM_ADMIN);
		Instant now = this.clock.instant();
		UserAccount before = account(id);
		List<String> problems = PasswordPolicy.problems(password, before.username(), before.demoAccount());
		if (!problems.isEmpty()) {
			throw Problems.passwordRejected(problems);
		}
		this.users.changePassword(id, this.passwords.encode(password), true, now);
		this.users.unlock(id, now);
		this.sessions.endOthers(id);
		// An activation link still open (a hospital administrator's, say) would set a
		// password over this one later.
		this.tokens.revoke(id, now);
		return changed("PASSWORD_RESET", admin, before, now);
	}

	private UserSummary changed(String action, CurrentUser admin, UserAccount before, Instant now) {
		UserSummary after = account(before.id()).summary(now);
		publish(action, before.id(), before.username(), admin.id(), before.summary(now), after);
		return after;
	}

	/**
	 * Runs a server-side task on behalf of an existing, enabled account, with exactly
	 * that account's role and data scope (used to build the demo filings through the real
	 * workflow at first start; never reachable over HTTP). The previous security context
	 * is restored afterwards.
	 * @param username the account
	 * @param task the task
	 * @param <T> its result type
	 * @return the task's result
	 * @throws IllegalStateException when the account does not exist or is disabled
	 */
	public <T> T actingAs(String username, Supplier<T> task) {
		UserAccount account = this.users.findByUsername(username)
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new IllegalStateException("账号 " + username + " 不存在或已停用"));
		return IdentityManagement.runAs(current(account), task);
	}

	private UserAccount account(UUID id) {
		return this.users.find(id).orElseThrow(() -> Problems.userNotFound(id));
	}

	/**
	 * The session's view of an account: an expired password forces the change just as an
	 * initial one does.
	 */
	CurrentUser current(UserAccount u) {
		return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.institutionId(), u.personId(),
				u.regionCode(), u.mustChangePassword() || passwordExpired(u, this.clock.instant()));
	}

	/**
	 * @return whether the account's password is older than
	 * {@code rtms.security.password-max-age} (never when that is zero, and never for demo
	 * accounts, whose password is published anyway)
	 */
	boolean passwordExpired(UserAccount account, Instant now) {
		if (this.passwordMaxAge.isZero() || this.passwordMaxAge.isNegative() || account.demoAccount()) {
			return false;
		}
		return !account.passwordSetAt().plus(this.passwordMaxAge).isAfter(now);
	}

	private void publish(String action, @Nullable UUID userId, String username, @Nullable UUID actorId,
			@Nullable Object before, @Nullable Object after) {
		UUID actor = actorId != null ? actorId : this.identity.findCurrentUser().map(CurrentUser::id).orElse(null);
		this.events
			.publishEvent(new UserEvent(action, userId, username, actor, this.identity.clientAddress(), before, after));
	}

	/**
	 * Reference lookup without permission check, for the audit page (whose readers are
	 * checked by the audit module): the name and role of accounts.
	 * @param ids account ids
	 * @return name and role of those that exist, by id
	 */
	public java.util.Map<UUID, AccountName> names(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, AccountName> names = new java.util.HashMap<>();
		for (UUID id : ids) {
			this.users.find(id).ifPresent(u -> names.put(id, new AccountName(u.displayName(), u.role())));
		}
		return names;
	}

	/**
	 * An account's name and role.
	 *
	 * @param displayName name shown
	 * @param role role
	 */
	public record AccountName(String displayName, Role role) {
	}

}
