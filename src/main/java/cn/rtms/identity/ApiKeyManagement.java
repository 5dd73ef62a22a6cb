package cn.rtms.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys of a hospital's machine clients (docs/gate.md): its administrator
 * ({@link Role#HOSPITAL_ADMIN}) lists, creates, rotates and revokes the keys of their own
 * institution. The secret is returned once, by {@link #create} and {@link #rotate}, and
 * only its SHA-256 is kept. Every change publishes {@link ApiKeyChanged} (audited in the
 * same transaction). A key authenticates only the order-entry check
 * ({@link #MACHINE_PATHS}).
 */
@Service
public class ApiKeyManagement {

	/** What a machine client may call: the order-entry check and its override. */
	public static final List<String> MACHINE_PATHS = List.of("GET /api/gate", "GET /api/gate/ping",
			"POST /api/gate/overrides");

	/** Longest key name. */
	public static final int MAX_NAME = 60;

	/** Most active keys per institution. */
	public static final int MAX_ACTIVE = 20;

	private final ApiKeys keys;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final ApiKeyAuthentication authentication;

	private final Clock clock;

	ApiKeyManagement(ApiKeys keys, AccessPolicy access, ApplicationEventPublisher events,
			ApiKeyAuthentication authentication, Clock clock) {
		this.keys = keys;
		this.access = access;
		this.events = events;
		this.authentication = authentication;
		this.clock = clock;
	}

	/**
	 * @return the keys of the administrator's institution, active first, newest first
	 * @throws AccessDenied unless the current user is a hospital administrator
	 */
	@Transactional(readOnly = true)
	public List<ApiKeyView> list() {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		return this.keys.findByInstitution(institution(user)).stream().map(ApiKeys.Row::view).toList();
	}

	/**
	 * Creates a key for the administrator's institution.
	 * @param name what the key is for, e.g. "HIS 手术申请", 1 to {@value #MAX_NAME}
	 * characters
	 * @return the key with its secret (shown this once)
	 * @throws AccessDenied unless the current user is a hospital administrator
	 */
	@Transactional
	public IssuedApiKey create(String name) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		String checked = checkedName(name);
		UUID institution = institution(user);
		if (this.keys.countActive(institution) >= MAX_ACTIVE) {
			throw Problems.apiKeyLimit(MAX_ACTIVE);
		}
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		UUID id = UUID.randomUUID();
		this.keys.insert(id, institution, checked, issued.prefix(), issued.hash(), now(), user.id(),
				user.displayName());
		ApiKeyView view = this.keys.find(id).orElseThrow().view();
		this.events.publishEvent(new ApiKeyChanged("API_KEY_CREATED", id, user.id(), user.displayName(), null, view));
		return new IssuedApiKey(view, issued.key());
	}

	/**
	 * Replaces a key's secret: the old key stops working at once on this node (within
	 * {@code rtms.api-keys.cache-ttl} on others).
	 * @param id the key
	 * @return the key with its new secret (shown this once)
	 */
	@Transactional
	public IssuedApiKey rotate(UUID id) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		ApiKeys.Row before = own(user, id);
		ApiKeySecret.Issued issued = ApiKeySecret.generate();
		if (!this.keys.rotate(id, issued.prefix(), issued.hash(), now())) {
			throw Problems.apiKeyRevoked(before.name());
		}
		forgetAfterCommit(before.prefix());
		ApiKeyView after = this.keys.find(id).orElseThrow().view();
		this.events.publishEvent(
				new ApiKeyChanged("API_KEY_ROTATED", id, user.id(), user.displayName(), before.view(), after));
		return new IssuedApiKey(after, issued.key());
	}

	/**
	 * Revokes a key for good.
	 * @param id the key
	 * @return the revoked key
	 */
	@Transactional
	public ApiKeyView revoke(UUID id) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_ADMIN);
		ApiKeys.Row before = own(user, id);
		if (!this.keys.revoke(id, user.displayName(), now())) {
			throw Problems.apiKeyRevoked(before.name());
		}
		forgetAfterCommit(before.prefix());
		ApiKeyView after = this.keys.find(id).orElseThrow().view();
		this.events.publishEvent(
				new ApiKeyChanged("API_KEY_REVOKED", id, user.id(), user.displayName(), before.view(), after));
		return after;
	}

	/**
	 * @return the machine client of the current request
	 * @throws NotAuthenticated when the request was not authenticated by an API key
	 */
	public ApiClient currentClient() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ApiClient client) {
			return client;
		}
		throw Problems.apiKeyRequired();
	}

	private ApiKeys.Row own(CurrentUser user, UUID id) {
		ApiKeys.Row row = this.keys.find(id).orElseThrow(() -> Problems.apiKeyNotFound(id));
		if (!row.institutionId().equals(user.institutionId())) {
			throw new AccessDenied("无权管理其他医疗机构的 API 密钥");
		}
		return row;
	}

	private static UUID institution(CurrentUser user) {
		return Objects.requireNonNull(user.institutionId(), "hospital admin without institution");
	}

	private static String checkedName(String name) {
		String stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw Problems.invalidApiKey("名称不能为空");
		}
		if (stripped.length() > MAX_NAME) {
			throw Problems.invalidApiKey("名称不能超过 " + MAX_NAME + " 个字");
		}
		if (stripped.codePoints().anyMatch(Character::isISOControl)) {
			throw Problems.invalidApiKey("名称不能包含控制字符");
		}
		return stripped;
	}

	private void forgetAfterCommit(String prefix) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ApiKeyManagement.this.authentication.forget(prefix);
				}
			});
		}
		this.authentication.forget(prefix);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
