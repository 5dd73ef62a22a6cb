package cn.rtms.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.identity.InstitutionDirectory.InstitutionRef;
import cn.rtms.web.ProblemException;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of one institution run by the institution itself (docs/onboarding.md): its
 * hospital administrator lists, creates, disables, re-enables and resets the accounts of
 * its own institution with the roles in {@link #MANAGEABLE} — never
 * {@link Role#HOSPITAL_ADMIN} or a role above it — and a physician account only for a
 * person on its own staff. Accounts created here, and the hospital administrator created
 * when an authority approves a self-registration ({@link #createHospitalAdministrator}),
 * have no usable password: they are activated once through a token (single use, expiring
 * after {@code rtms.identity.activation-validity}, 7 days by default, stored only as
 * SHA-256); a reset issues a new activation, never a typed password. Every change is
 * published as a {@link UserEvent} (recorded by audit).
 */
@Service
@Transactional(readOnly = true)
public class InstitutionAccounts {

	/** The roles a hospital administrator may give. */
	public static final Set<Role> MANAGEABLE = EnumSet.of(Role.HOSPITAL_CLERK, Role.TRAINING_BASE_ADMIN,
			Role.PHYSICIAN);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Users users;

	private final ActivationTokens tokens;

	private final PasswordEncoder passwords;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final InstitutionDirectory directory;

	private final ObjectProvider<PersonDirectory> people;

	private final AccountSessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration validity;

	InstitutionAccounts(Users users, ActivationTokens tokens, PasswordEncoder passwords, AccessPolicy access,
			IdentityManagement identity, InstitutionDirectory directory, ObjectProvider<PersonDirectory> people,
			AccountSessions sessions, ApplicationEventPublisher events, Clock clock,
			@Value("${rtms.identity.activation-validity:7d}") Duration validity) {
		this.users = users;
		this.tokens = tokens;
		this.passwords = passwords;
		this.access = access;
		this.identity = identity;
		this.directory = directory;
		this.people = people;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
		this.validity = validity;
	}

	/**
	 * Creates the hospital administrator of a newly approved institution, with a one-time
	 * activation. Called by onboarding in the approving authority's request.
	 * @param institutionId the institution (must exist)
	 * @param username login name
	 * @param displayName the administrator's name
	 * @return the account and its activation
	 * @throws AccessDenied unless the current user is the system administrator or an
	 * authority whose jurisdiction covers the institution's region
	 * @throws ProblemException 422 {@code INVALID_USER} when the username is taken
	 */
	@Transactional
	public IssuedActivation createHospitalAdministrator(UUID institutionId, String username, String displayName) {
		CurrentUser user = this.identity.currentUser();
		InstitutionRef institution = this.directory.institution(institutionId)
			.orElseThrow(() -> Problems
				.invalidUser(List.of(new FieldProblem("institutionId", "医疗机构 " + institutionId + " 不存在"))));
		if (!this.access.coversRegion(user, institution.regionCode())) {
			throw new AccessDenied("无权为该医疗机构创建医院管理员（限辖区卫生健康行政部门或系统管理员）");
		}
		return insert(username, displayName, Role.HOSPITAL_ADMIN, institution, null, user);
	}

	/**
	 * @param username a login name
	 * @return whether it is taken (no permission needed: the registration form checks it)
	 */
	public boolean usernameTaken(String username) {
		return this.users.findByUsername(username.strip()).isPresent();
	}

	/**
	 * @return the accounts of the current hospital administrator's institution
	 * @throws AccessDenied for every other role
	 */
	public List<UserSummary> list() {
		CurrentUser admin = this.access.requireRole(Role.HOSPITAL_ADMIN);
		Instant now = this.clock.instant();
		return this.users.findByInstitution(institutionOf(admin)).stream().map(u -> u.summary(now)).toList();
	}

	/**
	 * Creates an account of the current hospital administrator's institution, with a
	 * one-time activation.
	 * @param command the account
	 * @return the account and its activation
	 * @throws AccessDenied for every role but the hospital administrator, and for a role
	 * outside {@link #MANAGEABLE}
	 * @throws ProblemException 422 {@code INVALID_USER} for a taken username, a physician
	 * without person or with a person of another institution
	 */
	@Transactional
	public IssuedActivation create(CreateInstitutionAccount command) {
		CurrentUser admin = this.access.requireRole(Role.HOSPITAL_ADMIN);
		if (!MANAGEABLE.contains(command.role())) {
			throw new AccessDenied("医院管理员只能创建医务科、培训基地管理员或医师账号，不能创建" + command.role().label() + "账号");
		}
		InstitutionRef institution = this.directory.institution(institutionOf(admin))
			.orElseThrow(() -> new AccessDenied("当前账号的医疗机构不存在"));
		UUID personId = command.personId();
		List<FieldProblem> problems = new ArrayList<>();
		if (command.role() == Role.PHYSICIAN) {
			if (personId == null) {
				problems.add(new FieldProblem("personId", "医师账号必须关联本院人员档案"));
			}
			else {
				Optional<UUID> personInstitution = this.people.getObject().institutionOf(personId);
				if (personInstitution.isEmpty()) {
					problems.add(new FieldProblem("personId", "人员 " + personId + " 不存在或不在任何医疗机构的人员名单中"));
				}
				else if (!personInstitution.get().equals(institution.id())) {
					String other = this.directory.institution(personInstitution.get())
						.map(InstitutionRef::name)
						.orElse(personInstitution.get().toString());
					problems.add(new FieldProblem("personId",
							"该人员属于" + other + "，不是本院（" + institution.name() + "）人员，不能为其创建医师账号"));
				}
			}
		}
		else if (personId != null) {
			problems.add(new FieldProblem("personId", "只有医师账号可以关联人员档案"));
		}
		if (!problems.isEmpty()) {
			throw Problems.invalidUser(problems);
		}
		return insert(command.username(), command.displayName(), command.role(), institution,
				command.role() == Role.PHYSICIAN ? personId : null, admin);
	}

	/**
	 * Disables or re-enables an account of the hospital administrator's institution; a
	 * disabled account's sessions end at once.
	 * @param id account id
	 * @param enabled the new state
	 * @return the account
	 * @throws AccessDenied for an account of another institution or a role outside
	 * {@link #MANAGEABLE}
	 */
	@Transactional
	public UserSummary setEnabled(UUID id, boolean enabled) {
		CurrentUser admin = this.access.requireRole(Role.HOSPITAL_ADMIN);
		UserAccount before = manageable(admin, id);
		if (enabled) {
			requireOnStaff(before);
		}
		Instant now = this.clock.instant();
		this.users.setEnabled(id, enabled, now);
		if (!enabled) {
			this.sessions.endOthers(id);
		}
		return changed(enabled ? "USER_ENABLED" : "USER_DISABLED", admin, before, now);
	}

	/**
	 * Resets an account of the hospital administrator's institution: its password becomes
	 * unusable, its sessions end, and a new one-time activation replaces any earlier one.
	 * @param id account id
	 * @return the account and its new activation
	 * @throws AccessDenied for an account of another institution or a role outside
	 * {@link #MANAGEABLE}
	 */
	@Transactional
	public IssuedActivation reset(UUID id) {
		CurrentUser admin = this.access.requireRole(Role.HOSPITAL_ADMIN);
		UserAccount before = manageable(admin, id);
		requireOnStaff(before);
		Instant now = this.clock.instant();
		this.users.changePassword(id, unusablePassword(), false, now);
		this.users.unlock(id, now);
		this.sessions.endOthers(id);
		String token = issue(id, admin.id(), now);
		UserSummary after = changed("ACTIVATION_RESET", admin, before, now);
		return new IssuedActivation(after, token, activationPath(token), now.plus(this.validity));
	}

	/**
	 * Disables every enabled account tied to a person of an institution (the person
	 * leaves; see personnel's departure), ending their sessions.
	 * @param personId the person
	 * @param institutionId the institution the person leaves
	 * @return how many accounts were disabled
	 * @throws AccessDenied unless the current user may write the institution
	 */
	@Transactional
	public int disableAccountsOfPerson(UUID personId, UUID institutionId) {
		CurrentUser user = this.identity.currentUser();
		if (!this.access.canWriteInstitution(user, institutionId)) {
			throw new AccessDenied("无权停用该医疗机构人员的账号");
		}
		Instant now = this.clock.instant();
		int disabled = 0;
		for (UserAccount account : this.users.findByPerson(personId)) {
			if (account.enabled() && institutionId.equals(account.institutionId())) {
				this.users.setEnabled(account.id(), false, now);
				this.sessions.endOthers(account.id());
				changed("USER_DISABLED", user, account, now);
				disabled++;
			}
		}
		return disabled;
	}

	/**
	 * @param token an activation token
	 * @return the account it activates, when the token is still usable (no permission
	 * needed: the token is the permission)
	 * @throws ProblemException 404/410 as {@link #activate}
	 */
	public ActivationView inspect(String token) {
		ActivationTokens.Token stored = usable(this.tokens.find(hash(token)), this.clock.instant());
		UserAccount account = this.users.find(stored.userId()).orElseThrow(ActivationProblems::unknown);
		String institution = account.institutionId() == null ? null
				: this.directory.institution(account.institutionId()).map(InstitutionRef::name).orElse(null);
		return new ActivationView(account.username(), account.displayName(), account.role().label(), institution,
				stored.expiresAt());
	}

	/**
	 * Sets the first password of an account through its one-time activation token; the
	 * token is used up.
	 * @param token the token
	 * @param password the password (password policy)
	 * @return the activated account's username
	 * @throws ProblemException 404 {@code ACTIVATION_UNKNOWN}, 410
	 * {@code ACTIVATION_USED}, {@code ACTIVATION_REPLACED} or {@code ACTIVATION_EXPIRED},
	 * 422 {@code PASSWORD_POLICY}
	 */
	@Transactional
	public String activate(String token, String password) {
		Instant now = this.clock.instant();
		String hash = hash(token);
		ActivationTokens.Token stored = usable(this.tokens.lock(hash), now);
		UserAccount account = this.users.find(stored.userId()).orElseThrow(ActivationProblems::unknown);
		if (!account.enabled()) {
			throw ActivationProblems.disabled();
		}
		List<String> problems = PasswordPolicy.problems(password, account.username(), false);
		if (!problems.isEmpty()) {
			throw Problems.passwordRejected(problems);
		}
		this.users.changePassword(account.id(), this.passwords.encode(password), false, now);
		this.users.unlock(account.id(), now);
		this.tokens.markUsed(hash, now);
		// whoever was logged in to the account before its password was set again
		this.sessions.endOthers(account.id());
		UserSummary after = this.users.find(account.id()).orElseThrow().summary(now);
		publish("USER_ACTIVATED", account, account.id(), account.summary(now), after);
		return account.username();
	}

	/**
	 * @param userId an account
	 * @return whether it still waits for its activation (a usable token exists)
	 */
	public boolean activationPending(UUID userId) {
		return this.tokens.pending(userId, this.clock.instant());
	}

	/**
	 * An account as its activation page shows it.
	 *
	 * @param username login name
	 * @param displayName name
	 * @param roleLabel role in Chinese
	 * @param institutionName its institution
	 * @param expiresAt when the token expires
	 */
	public record ActivationView(String username, String displayName, String roleLabel,
			@Nullable String institutionName, Instant expiresAt) {
	}

	private IssuedActivation insert(String username, String displayName, Role role, InstitutionRef institution,
			@Nullable UUID personId, CurrentUser actor) {
		String name = username.strip();
		if (this.users.findByUsername(name).isPresent()) {
			throw Problems.invalidUser(List.of(new FieldProblem("username", "用户名 " + name + " 已存在")));
		}
		Instant now = this.clock.instant();
		UserAccount account = new UserAccount(UUID.randomUUID(), name, displayName.strip(), role, institution.id(),
				personId, institution.regionCode(), unusablePassword(), false, true, 0, null, null, null, now, false);
		this.users.insert(account);
		String token = issue(account.id(), actor.id(), now);
		UserSummary created = this.users.find(account.id()).orElseThrow().summary(now);
		publish("USER_CREATED", account, actor.id(), null, created);
		return new IssuedActivation(created, token, activationPath(token), now.plus(this.validity));
	}

	private String issue(UUID userId, UUID actorId, Instant now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.issue(hash(token), userId, actorId, now, now.plus(this.validity));
		return token;
	}

	/** A BCrypt hash of a random secret nobody knows: the account cannot log in. */
	private String unusablePassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return this.passwords.encode(Base64.getEncoder().encodeToString(bytes));
	}

	static String activationPath(String token) {
		return "/activate?token=" + token;
	}

	private static ActivationTokens.Token usable(Optional<ActivationTokens.Token> found, Instant now) {
		ActivationTokens.Token token = found.orElseThrow(ActivationProblems::unknown);
		if (token.usedAt() != null) {
			throw ActivationProblems.used();
		}
		if (token.revokedAt() != null) {
			throw ActivationProblems.replaced();
		}
		if (!token.expiresAt().isAfter(now)) {
			throw ActivationProblems.expired();
		}
		return token;
	}

	private UUID institutionOf(CurrentUser admin) {
		UUID institutionId = admin.institutionId();
		if (institutionId == null) {
			throw new AccessDenied("当前账号未关联医疗机构");
		}
		return institutionId;
	}

	private UserAccount manageable(CurrentUser admin, UUID id) {
		UserAccount account = this.users.find(id).orElseThrow(() -> Problems.userNotFound(id));
		if (!institutionOf(admin).equals(account.institutionId())) {
			throw new AccessDenied("只能管理本院的账号");
		}
		if (!MANAGEABLE.contains(account.role())) {
			throw new AccessDenied("医院管理员不能管理" + account.role().label() + "账号");
		}
		return account;
	}

	/**
	 * A physician account opens the hospital's data to its person only while the person
	 * is on the hospital's staff: after 人员离职 it is not re-enabled or reset.
	 */
	private void requireOnStaff(UserAccount account) {
		if (account.role() != Role.PHYSICIAN || account.personId() == null) {
			return;
		}
		Optional<UUID> personInstitution = this.people.getObject().institutionOf(account.personId());
		if (personInstitution.isEmpty() || !personInstitution.get().equals(account.institutionId())) {
			throw Problems.invalidUser(List
				.of(new FieldProblem("personId", "该医师已不在本院人员名单中（已离职或调往其他机构），不能启用或重置其账号；如重新入职，请先在人员档案中恢复其执业机构")));
		}
	}

	private UserSummary changed(String action, CurrentUser actor, UserAccount before, Instant now) {
		UserSummary after = this.users.find(before.id()).orElseThrow().summary(now);
		publish(action, before, actor.id(), before.summary(now), after);
		return after;
	}

	private void publish(String action, UserAccount account, @Nullable UUID actorId, @Nullable Object before,
			@Nullable Object after) {
		this.events.publishEvent(new UserEvent(action, account.id(), account.username(), actorId,
				this.identity.clientAddress(), before, after));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The activation's problems (RFC 9457, Chinese, stable codes). */
	static final class ActivationProblems {

		private ActivationProblems() {
		}

		static ProblemException unknown() {
			return new ProblemException(HttpStatus.NOT_FOUND, "ACTIVATION_UNKNOWN", "激活链接无效",
					"激活链接无效：请核对链接是否完整，或联系发放链接的管理员重新发放", List.of());
		}

		static ProblemException used() {
			return new ProblemException(HttpStatus.GONE, "ACTIVATION_USED", "激活链接已使用",
					"该激活链接已使用过，每个链接只能使用一次；如忘记密码，请联系本院医院管理员重置", List.of());
		}

		static ProblemException replaced() {
			return new ProblemException(HttpStatus.GONE, "ACTIVATION_REPLACED", "激活链接已失效",
					"该激活链接已失效：已发放了新的激活链接，或账号密码已由管理员重置；请使用最新的激活链接或重置后的密码", List.of());
		}

		static ProblemException expired() {
			return new ProblemException(HttpStatus.GONE, "ACTIVATION_EXPIRED", "激活链接已过期",
					"该激活链接已过期，请联系管理员重新发放（医院账号由本院医院管理员重置，医院管理员由审核部门联系系统管理员处理）", List.of());
		}

		static ProblemException disabled() {
			return new ProblemException(HttpStatus.CONFLICT, "ACTIVATION_ACCOUNT_DISABLED", "账号已停用",
					"该账号已停用，不能激活；请联系本院医院管理员", List.of());
		}

	}

}
