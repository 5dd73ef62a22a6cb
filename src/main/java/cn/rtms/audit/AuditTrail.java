package cn.rtms.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends state changes to the keyed hash chain of the audit log and verifies the chain.
 * Each entry's hash is HMAC-SHA256 under {@link AuditKey} (kept outside the database) of
 * the previous entry's hash and every field, so an edit cannot be re-chained without the
 * key; the head is anchored outside the database by {@link AuditAnchors}, so a cut tail
 * is found too (docs/adr/0009-keyed-audit-chain-and-anchors.md). {@link #record} joins
 * the caller's transaction: a change and its audit entry commit or roll back together.
 * Appends are serialised by a transaction-scoped advisory lock so the chain stays linear.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	static final long CHAIN_LOCK = 0x52544D5341554449L;

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditKey key;

	private final AuditAnchors anchors;

	AuditTrail(JdbcClient jdbc, IdentityManagement identity, JsonMapper json, Clock clock, AuditKey key,
			AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.json = json;
		this.clock = clock;
		this.key = key;
		this.anchors = anchors;
	}

	/**
	 * Records a state change by the current user (or the system outside a request).
	 * @param action what was done, upper snake case, e.g. {@code INSTITUTION_UPDATED}
	 * @param entityType the kind of thing changed, e.g. {@code Institution}
	 * @param entityId its id
	 * @param before its state before (serialised to JSON), null on creation
	 * @param after its state after, null on deletion
	 * @return the appended entry
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(String action, String entityType, String entityId, @Nullable Object before,
			@Nullable Object after) {
		Optional<CurrentUser> user = this.identity.findCurrentUser();
		return append(user.map(u -> u.id().toString()).orElse(null), user.map(CurrentUser::displayName).orElse("系统"),
				user.map(u -> u.role().name()).orElse(null), this.identity.clientAddress(), action, entityType,
				entityId, toJson(before), toJson(after));
	}

	/**
	 * Records a state change by the current user given both states as JSON objects (a
	 * set-based write that read them from the database), keeping only the top-level
	 * fields whose values differ, and {@code version} always.
	 * @param action what was done
	 * @param entityType the kind of thing changed
	 * @param entityId its id
	 * @param beforeJson the state before, a JSON object
	 * @param afterJson the state after, a JSON object with the same fields
	 * @return the appended entry
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry recordChanges(String action, String entityType, String entityId, String beforeJson,
			String afterJson) {
		JsonNode before = this.json.readTree(beforeJson);
		JsonNode after = this.json.readTree(afterJson);
		Map<String, @Nullable Object> was = new LinkedHashMap<>();
		Map<String, @Nullable Object> now = new LinkedHashMap<>();
		for (String name : after.propertyNames()) {
			if (name.equals("version") || !after.get(name).equals(before.path(name))) {
				was.put(name, before.get(name));
				now.put(name, after.get(name));
			}
		}
		return record(action, entityType, entityId, was, now);
	}

	/**
	 * Records a state change of a long transaction (a case import of many chunks) when it
	 * commits: the entry is made of what is known now (user, address, states) and
	 * appended to the chain just before the commit, in the same transaction, so the
	 * chain's lock is held for the commit only, not from this call to the end of the
	 * transaction (which would stall every other audited write, logins included, for the
	 * rest of an import). Only for writes that a later failure rolls back with the whole
	 * transaction: a savepoint rolled back after this call does not take the entry back.
	 * @param action what was done
	 * @param entityType the kind of thing changed
	 * @param entityId its id
	 * @param before its state before, null on creation
	 * @param after its state after
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordBeforeCommit(String action, String entityType, String entityId, @Nullable Object before,
			@Nullable Object after) {
		Optional<CurrentUser> user = this.identity.findCurrentUser();
		String actorId = user.map(u -> u.id().toString()).orElse(null);
		String actorName = user.map(CurrentUser::displayName).orElse("系统");
		String actorRole = user.map(u -> u.role().name()).orElse(null);
		String address = this.identity.clientAddress();
		String beforeJson = toJson(before);
		String afterJson = toJson(after);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				append(actorId, actorName, actorRole, address, action, entityType, entityId, beforeJson, afterJson);
			}

		});
	}

	/**
	 * Records a state change by a named actor (e.g. a failed login, where nobody is
	 * logged in yet).
	 * @param actorId the actor's id, or null
	 * @param actorName the actor's name
	 * @param action what was done
	 * @param entityType kind of thing
	 * @param entityId its id
	 * @param before state before
	 * @param after state after
	 * @return the appended entry
	 */
	@Transactional
	public AuditEntry recordAs(@Nullable String actorId, String actorName, String action, String entityType,
			String entityId, @Nullable Object before, @Nullable Object after) {
		return append(actorId, actorName, null, this.identity.clientAddress(), action, entityType, entityId,
				toJson(before), toJson(after));
	}

	/**
	 * Records something that changes no state but must be traceable: an export, a
	 * download, a print, a refused request. Runs in its own transaction, so it is kept
	 * whatever happens to the caller's (which may be read-only).
	 * @param action what happened, e.g. {@code FILING_EXPORTED}
	 * @param entityType kind of thing, e.g. {@code Filing}
	 * @param entityId its id (or the request path)
	 * @param details what exactly, serialised to JSON as the entry's after state
	 * @return the appended entry
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditEntry recordEvent(String action, String entityType, String entityId, @Nullable Object details) {
		Optional<CurrentUser> user = this.identity.findCurrentUser();
		String address = this.identity.clientAddress();
		String anonymous = "system".equals(address) ? "系统" : "匿名";
		return append(user.map(u -> u.id().toString()).orElse(null),
				user.map(CurrentUser::displayName).orElse(anonymous), user.map(u -> u.role().name()).orElse(null),
				address, action, entityType, entityId, null, toJson(details));
	}

	private AuditEntry append(@Nullable String actorId, String actorName, @Nullable String actorRole, String address,
			String action, String entityType, String entityId, @Nullable String before, @Nullable String after) {
		actorName = fit(actorName, 100);
		address = fit(address, 64);
		entityId = fit(entityId, 64);
		before = before == null ? null : fit(before, Integer.MAX_VALUE);
		after = after == null ? null : fit(after, Integer.MAX_VALUE);
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 0).list();
		String previous = this.jdbc.sql("select hash from audit.entry order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		String hash = this.key.hash(previous, now, actorId, actorName, actorRole, address, action, entityType, entityId,
				before, after);
		Long id = this.jdbc.sql("""
				insert into audit.entry (occurred_at, actor_id, actor_name, actor_role, address, action, entity_type,
				  entity_id, before_state, after_state, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actorId, actorName, actorRole, address, action,
					entityType, entityId, before, after, previous, hash)
			.query(Long.class)
			.single();
		return new AuditEntry(id, now, actorId, actorName, actorRole, address, action, entityType, entityId, before,
				after, previous, hash);
	}

	/**
	 * Recomputes every keyed hash from the start of the chain and compares the entries
	 * named by the anchors outside the database with the hashes anchored for them.
	 * @return whether the chain is intact, and the first broken entry if not
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		java.util.NavigableMap<Long, String> anchored = this.anchors.read();
		String[] previous = { GENESIS };
		long[] count = { 0 };
		long[] last = { 0 };
		Long[] broken = { null };
		String[] reason = { "" };
		this.jdbc.sql("select * from audit.entry order by id").query(rs -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry e = map(rs);
			count[0]++;
			String expected = this.key.hash(previous[0], e.occurredAt(), e.actorId(), e.actorName(), e.actorRole(),
					e.address(), e.action(), e.entityType(), e.entityId(), e.before(), e.after());
			String anchor = anchored.get(e.id());
			Long skipped = anchored.subMap(last[0], false, e.id(), false).isEmpty() ? null
					: anchored.subMap(last[0], false, e.id(), false).firstKey();
			if (skipped != null) {
				broken[0] = skipped;
				reason[0] = "锚点记录的第 " + skipped + " 条记录已不在数据库中（被删除）";
			}
			else if (!e.previousHash().equals(previous[0]) || !e.hash().equals(expected)) {
				broken[0] = e.id();
				reason[0] = "该记录或其之前的记录被篡改、删除或插入";
			}
			else if (anchor != null && !anchor.equals(e.hash())) {
				broken[0] = e.id();
				reason[0] = "与库外锚点不符（整条链被重新计算过）";
			}
			previous[0] = e.hash();
			last[0] = e.id();
		});
		if (broken[0] == null && !anchored.isEmpty() && anchored.lastKey() > last[0]) {
			broken[0] = anchored.higherKey(last[0]);
			reason[0] = "库外锚点记录到第 " + anchored.lastKey() + " 条，数据库只到第 " + last[0] + " 条（末尾被截断）";
		}
		if (broken[0] != null) {
			return new ChainVerification(false, count[0], broken[0], "审计链在第 " + broken[0] + " 条记录处断裂：" + reason[0]);
		}
		return new ChainVerification(true, count[0], null,
				"审计链完整，共校验 " + count[0] + " 条记录，核对库外锚点 " + anchored.size() + " 个");
	}

	/**
	 * @param entityType kind of thing, or null for all
	 * @param entityId its id, or null for all
	 * @param limit at most this many, newest first
	 * @return matching entries
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> entries(@Nullable String entityType, @Nullable String entityId, int limit) {
		return this.jdbc.sql("""
				select * from audit.entry
				where (cast(:type as text) is null or entity_type = cast(:type as text))
				  and (cast(:id as text) is null or entity_id = cast(:id as text))
				order by id desc limit :limit
				""")
			.param("type", entityType)
			.param("id", entityId)
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
				rs.getString("address"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("previous_hash"),
				rs.getString("hash"));
	}

	/**
	 * The text an entry's hash covers: the previous hash, then every field
	 * length-prefixed (null marked apart from empty).
	 */
	static String canonical(String previous, Instant at, @Nullable String actorId, String actorName,
			@Nullable String actorRole, String address, String action, String entityType, String entityId,
			@Nullable String before, @Nullable String after) {
		StringBuilder text = new StringBuilder(previous);
		for (String field : new String[] { at.toString(), actorId, actorName, actorRole, address, action, entityType,
				entityId, before, after }) {
			text.append('\u001f').append(field == null ? "\u0000" : field.length() + ":" + field);
		}
		return text.toString();
	}

	/**
	 * The unkeyed SHA-256 of the entries written before the chain was keyed; used only to
	 * check such a chain once before {@link AuditChainUpgrade} re-keys it.
	 */
	static String legacyHash(String previous, Instant at, @Nullable String actorId, String actorName,
			@Nullable String actorRole, String address, String action, String entityType, String entityId,
			@Nullable String before, @Nullable String after) {
		String text = canonical(previous, at, actorId, actorName, actorRole, address, action, entityType, entityId,
				before, after);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes a value storable: PostgreSQL refuses NUL in text, and the columns have
	 * lengths; what is stored is exactly what is hashed.
	 */
	private static String fit(String value, int maxLength) {
		String clean = value.replace('\u0000', '\uFFFD');
		return clean.length() > maxLength ? clean.substring(0, maxLength - 1) + "…" : clean;
	}

	static AuditEntry mapRow(ResultSet rs) throws SQLException {
		return map(rs);
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : value instanceof String s ? s : this.json.writeValueAsString(value);
	}

}
