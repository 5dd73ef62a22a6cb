package cn.rtms.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time activation tokens in {@code identity.activation_token}: only the SHA-256 of a
 * token is stored.
 */
@Repository
class ActivationTokens {

	private final JdbcClient jdbc;

	ActivationTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Revokes the account's open tokens, then stores a new one. */
	void issue(String hash, UUID userId, @Nullable UUID createdBy, Instant now, Instant expiresAt) {
		revoke(userId, now);
		this.jdbc.sql("""
				insert into identity.activation_token (token_hash, user_id, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?)
				""").params(hash, userId, createdBy, Timestamp.from(now), Timestamp.from(expiresAt)).update();
	}

	/**
	 * Revokes the account's open tokens (a password set otherwise makes them moot).
	 * @return how many were revoked
	 */
	int revoke(UUID userId, Instant now) {
		return this.jdbc.sql("""
				update identity.activation_token set revoked_at = ?
				 where user_id = ? and used_at is null and revoked_at is null
				""").params(Timestamp.from(now), userId).update();
	}

	/**
	 * @return the token's state, locked for the transaction (so that two activations with
	 * one token cannot both pass)
	 */
	Optional<Token> lock(String hash) {
		return this.jdbc.sql(SELECT + " for update").param(hash).query(ActivationTokens::map).optional();
	}

	Optional<Token> find(String hash) {
		return this.jdbc.sql(SELECT).param(hash).query(ActivationTokens::map).optional();
	}

	private static final String SELECT = "select user_id, expires_at, used_at, revoked_at"
			+ " from identity.activation_token where token_hash = ?";

	private static Token map(ResultSet rs, int row) throws SQLException {
		Timestamp used = rs.getTimestamp("used_at");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Token(rs.getObject("user_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
				used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant());
	}

	void markUsed(String hash, Instant now) {
		this.jdbc.sql("update identity.activation_token set used_at = ? where token_hash = ?")
			.params(Timestamp.from(now), hash)
			.update();
	}

	/**
	 * @return whether the account has a usable (unused, unrevoked, unexpired) token
	 */
	boolean pending(UUID userId, Instant now) {
		return this.jdbc.sql("""
				select count(*) from identity.activation_token
				 where user_id = ? and used_at is null and revoked_at is null and expires_at > ?
				""").params(userId, Timestamp.from(now)).query(Long.class).single() > 0;
	}

	/**
	 * A stored token.
	 *
	 * @param userId the account it activates
	 * @param expiresAt when it expires
	 * @param usedAt when it was used
	 * @param revokedAt when a newer token replaced it
	 */
	record Token(UUID userId, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt) {
	}

}
