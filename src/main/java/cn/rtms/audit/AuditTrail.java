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
import java.util.List;
import java.util.Optional;

import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends state changes to the hash-chained audit log and verifies the chain.
 * {@link #record} joins the caller's transaction: a change and its audit entry commit or
 * roll back together. Appends are serialised by a transaction-scoped advisory lock so the
 * chain stays linear.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final long CHAIN_LOCK = 0x52544D5341554449L;

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, IdentityManagement identity, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.json = json;
		this.clock = clock;
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

	private AuditEntry append(@Nullable String actorId, String actorName, @Nullable String actorRole, String address,
			String action, String entityType, String entityId, @Nullable String before, @Nullable String after) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 0).list();
		String previous = this.jdbc.sql("select hash from audit.entry order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		String hash = hash(previous, now, actorId, actorName, actorRole, address, action, entityType, entityId, before,
				after);
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
	 * Recomputes every hash from the start of the chain.
	 * @return whether the chain is intact, and the first broken entry if not
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		String[] previous = { GENESIS };
		long[] count = { 0 };
		Long[] broken = { null };
		this.jdbc.sql("select * from audit.entry order by id").query(rs -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry e = map(rs);
			count[0]++;
			String expected = hash(previous[0], e.occurredAt(), e.actorId(), e.actorName(), e.actorRole(), e.address(),
					e.action(), e.entityType(), e.entityId(), e.before(), e.after());
			if (!e.previousHash().equals(previous[0]) || !e.hash().equals(expected)) {
				broken[0] = e.id();
				return;
			}
			previous[0] = e.hash();
		});
		if (broken[0] != null) {
			return new ChainVerification(false, count[0], broken[0],
					"审计链在第 " + broken[0] + " 条记录处断裂：该记录或其之前的记录被篡改、删除或插入");
		}
		return new ChainVerification(true, count[0], null, "审计链完整，共校验 " + count[0] + " 条记录");
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

	static String hash(String previous, Instant at, @Nullable String actorId, String actorName,
			@Nullable String actorRole, String address, String action, String entityType, String entityId,
			@Nullable String before, @Nullable String after) {
		StringBuilder text = new StringBuilder(previous);
		for (String field : new String[] { at.toString(), actorId, actorName, actorRole, address, action, entityType,
				entityId, before, after }) {
			text.append('\u001f').append(field == null ? "\u0000" : field.length() + ":" + field);
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : value instanceof String s ? s : this.json.writeValueAsString(value);
	}

}
