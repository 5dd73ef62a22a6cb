package cn.rtms.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in {@code identity.api_key}. */
@Repository
class ApiKeys {

	private static final String COLUMNS = "id, version, institution_id, name, prefix, secret_hash, created_at, "
			+ "created_by_name, rotated_at, revoked_at, revoked_by_name, last_used_at";

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One stored key.
	 */
	record Row(UUID id, int version, UUID institutionId, String name, String prefix, String secretHash,
			Instant createdAt, String createdByName, @Nullable Instant rotatedAt, @Nullable Instant revokedAt,
			@Nullable String revokedByName, @Nullable Instant lastUsedAt) {

		boolean active() {
			return this.revokedAt == null;
		}

		ApiKeyView view() {
			return new ApiKeyView(this.id, this.name, this.prefix, this.institutionId,
					active() ? ApiKeyView.ACTIVE : ApiKeyView.REVOKED, this.createdAt, this.createdByName,
					this.rotatedAt, this.revokedAt, this.revokedByName, this.lastUsedAt);
		}

	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.api_key where id = ?")
			.param(id)
			.query(ApiKeys::map)
			.optional();
	}

	Optional<Row> findByPrefix(String prefix) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.api_key where prefix = ?")
			.param(prefix)
			.query(ApiKeys::map)
			.optional();
	}

	List<Row> findByInstitution(UUID institutionId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from identity.api_key where institution_id = ? "
					+ "order by revoked_at is not null, created_at desc")
			.param(institutionId)
			.query(ApiKeys::map)
			.list();
	}

	long countActive(UUID institutionId) {
		return this.jdbc.sql("select count(*) from identity.api_key where institution_id = ? and revoked_at is null")
			.param(institutionId)
			.query(Long.class)
			.single();
	}

	void insert(UUID id, UUID institutionId, String name, String prefix, String hash, Instant at, UUID createdBy,
			String createdByName) {
		this.jdbc.sql("""
				insert into identity.api_key (id, institution_id, name, prefix, secret_hash, created_at, created_by,
				    created_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(id, institutionId, name, prefix, hash, ts(at), createdBy, createdByName).update();
	}

	/**
	 * Replaces the prefix and secret of an active key.
	 * @return whether the key was active (and is now rotated)
	 */
	boolean rotate(UUID id, String prefix, String hash, Instant at) {
		return this.jdbc.sql("""
				update identity.api_key set prefix = ?, secret_hash = ?, rotated_at = ?, version = version + 1
				 where id = ? and revoked_at is null
				""").params(prefix, hash, ts(at), id).update() == 1;
	}

	/**
	 * @return whether the key was active (and is now revoked)
	 */
	boolean revoke(UUID id, String by, Instant at) {
		return this.jdbc.sql("""
				update identity.api_key set revoked_at = ?, revoked_by_name = ?, version = version + 1
				 where id = ? and revoked_at is null
				""").params(ts(at), by, id).update() == 1;
	}

	void touch(UUID id, Instant at) {
		this.jdbc.sql("update identity.api_key set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?")
			.params(ts(at), ts(at), id)
			.update();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getObject("institution_id", UUID.class),
				rs.getString("name"), rs.getString("prefix"), rs.getString("secret_hash"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"), instant(rs, "rotated_at"),
				instant(rs, "revoked_at"), rs.getString("revoked_by_name"), instant(rs, "last_used_at"));
	}

}
