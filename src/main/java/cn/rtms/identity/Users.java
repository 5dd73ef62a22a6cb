package cn.rtms.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User accounts in {@code identity.user_account}. */
@Repository
class Users {

	private static final String COLUMNS = "id, username, display_name, role, institution_id, person_id, region_code, "
			+ "password_hash, must_change_password, enabled, failed_attempts, locked_until, password_changed_at, "
			+ "last_login_at, created_at, demo_account";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.user_account where id = ?")
			.param(id)
			.query(Users::map)
			.optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.user_account where lower(username) = lower(?)")
			.param(username)
			.query(Users::map)
			.optional();
	}

	/**
	 * Whether any account is not a demo account (someone uses this database for real).
	 */
	boolean anyRealAccount() {
		return this.jdbc.sql("select exists (select 1 from identity.user_account where not demo_account)")
			.query(Boolean.class)
			.single();
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from identity.user_account order by username")
			.query(Users::map)
			.list();
	}

	/**
	 * Enabled accounts with one of the roles, at the institution or with the region code
	 * when given.
	 */
	List<UUID> findEnabledIds(List<Role> roles, @Nullable UUID institutionId, @Nullable String regionCode) {
		return this.jdbc.sql("""
				select id from identity.user_account
				 where enabled and role in (:roles)
				   and (cast(:institution as uuid) is null or institution_id = cast(:institution as uuid))
				   and (cast(:region as varchar) is null or region_code = cast(:region as varchar))
				 order by username
				""")
			.param("roles", roles.stream().map(Role::name).toList())
			.param("institution", institutionId)
			.param("region", regionCode)
			.query(UUID.class)
			.list();
	}

	List<UUID> findEnabledIdsOfPerson(UUID personId) {
		return this.jdbc.sql("select id from identity.user_account where enabled and person_id = ? order by username")
			.param(personId)
			.query(UUID.class)
			.list();
	}

	List<UserAccount> findByInstitution(UUID institutionId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from identity.user_account where institution_id = ? order by username")
			.param(institutionId)
			.query(Users::map)
			.list();
	}

	List<UserAccount> findByPerson(UUID personId) {
		return this.jdbc.sql("select " + COLUMNS + " from identity.user_account where person_id = ? order by username")
			.param(personId)
			.query(Users::map)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from identity.user_account").query(Long.class).single();
	}

	void insert(UserAccount u) {
		this.jdbc.sql("""
				insert into identity.user_account (id, username, display_name, role, institution_id, person_id,
				    region_code, password_hash, must_change_password, enabled, created_at, updated_at, demo_account)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(u.id(), u.username(), u.displayName(), u.role().name(), u.institutionId(), u.personId(),
					u.regionCode(), u.passwordHash(), u.mustChangePassword(), u.enabled(), ts(u.createdAt()),
					ts(u.createdAt()), u.demoAccount())
			.update();
	}

	/**
	 * Claims one of the account's {@code max} password checks before the password is
	 * checked, in one atomic statement, so that concurrent logins cannot check more than
	 * {@code max} passwords: the counter counts attempts in flight and failed ones, and
	 * is only reset by a success or an unlock. An expired lock starts a new count.
	 * @return the attempt's number (1 to {@code max}); empty when the account is locked
	 * or all checks are taken
	 */
	OptionalInt claimAttempt(UUID id, int max, Instant now) {
		return this.jdbc.sql("""
				update identity.user_account
				   set failed_attempts = case when locked_until is not null then 1 else failed_attempts + 1 end,
				       locked_until = null, updated_at = :now
				 where id = :id
				   and (locked_until is null or locked_until <= :now)
				   and (locked_until is not null or failed_attempts < :max)
				returning failed_attempts
				""")
			.param("id", id)
			.param("now", ts(now))
			.param("max", max)
			.query(Integer.class)
			.optional()
			.map(OptionalInt::of)
			.orElse(OptionalInt.empty());
	}

	/**
	 * After a wrong password: locks the account until {@code until} when {@code max}
	 * attempts are used up and no success has reset the count meanwhile.
	 * @return whether this call locked the account
	 */
	boolean lockWhenExhausted(UUID id, int max, Instant until, Instant now) {
		return this.jdbc.sql("""
				update identity.user_account set locked_until = :until, updated_at = :now
				 where id = :id and failed_attempts >= :max and locked_until is null
				""").param("id", id).param("until", ts(until)).param("now", ts(now)).param("max", max).update() == 1;
	}

	void recordLogin(UUID id, Instant now) {
		this.jdbc.sql("""
				update identity.user_account set failed_attempts = 0, locked_until = null, last_login_at = ?,
				    updated_at = ? where id = ?
				""").params(ts(now), ts(now), id).update();
	}

	void changePassword(UUID id, String hash, boolean mustChange, Instant now) {
		this.jdbc.sql("""
				update identity.user_account set password_hash = ?, must_change_password = ?, password_changed_at = ?,
				    updated_at = ? where id = ?
				""").params(hash, mustChange, ts(now), ts(now), id).update();
	}

	void unlock(UUID id, Instant now) {
		this.jdbc.sql(
				"update identity.user_account set failed_attempts = 0, locked_until = null, updated_at = ? where id = ?")
			.params(ts(now), id)
			.update();
	}

	void setEnabled(UUID id, boolean enabled, Instant now) {
		this.jdbc.sql("update identity.user_account set enabled = ?, updated_at = ? where id = ?")
			.params(enabled, ts(now), id)
			.update();
	}

	void setRegion(UUID id, String regionCode, Instant now) {
		this.jdbc.sql("update identity.user_account set region_code = ?, updated_at = ? where id = ?")
			.params(regionCode, ts(now), id)
			.update();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		Instant created = instant(rs, "created_at");
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getObject("institution_id", UUID.class),
				rs.getObject("person_id", UUID.class), rs.getString("region_code"), rs.getString("password_hash"),
				rs.getBoolean("must_change_password"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), instant(rs, "password_changed_at"), instant(rs, "last_login_at"),
				created == null ? Instant.EPOCH : created, rs.getBoolean("demo_account"));
	}

}
