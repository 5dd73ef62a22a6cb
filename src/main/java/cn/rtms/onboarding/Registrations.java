package cn.rtms.onboarding;

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

/** Applications in {@code onboarding.registration} (the scan is read separately). */
@Repository
class Registrations {

	private static final String COLUMNS = "id, status, name, credit_code, licence_number, issuer_name, "
			+ "issuer_region_code, region_code, level, type, contact_name, contact_mobile, admin_username, scan_name, "
			+ "return_reasons, institution_id, admin_user_id, activation_token, submitted_at, decided_at, decided_by";

	private final JdbcClient jdbc;

	Registrations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Registration> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from onboarding.registration where id = ?")
			.param(id)
			.query(Registrations::map)
			.optional();
	}

	Optional<Registration> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from onboarding.registration where id = ? for update")
			.param(id)
			.query(Registrations::map)
			.optional();
	}

	Optional<Registration> findByStatusToken(String hash) {
		return this.jdbc.sql("select " + COLUMNS + " from onboarding.registration where status_token_hash = ?")
			.param(hash)
			.query(Registrations::map)
			.optional();
	}

	Optional<Registration> findByCreditCode(String creditCode) {
		return this.jdbc.sql("select " + COLUMNS + " from onboarding.registration where credit_code = ?")
			.param(creditCode)
			.query(Registrations::map)
			.optional();
	}

	Optional<Registration> findByLicence(String licenceNumber) {
		return this.jdbc
			.sql("select " + COLUMNS + " from onboarding.registration where lower(licence_number) = lower(?)")
			.param(licenceNumber)
			.query(Registrations::map)
			.optional();
	}

	/**
	 * @param username an administrator username
	 * @return an application still open (pending or returned) that asks for it
	 */
	Optional<Registration> findOpenByAdminUsername(String username) {
		return this.jdbc
			.sql("select " + COLUMNS + " from onboarding.registration"
					+ " where lower(admin_username) = lower(?) and status in ('PENDING', 'RETURNED') limit 1")
			.param(username)
			.query(Registrations::map)
			.optional();
	}

	List<Registration> findByStatus(List<String> statuses) {
		return this.jdbc
			.sql("select " + COLUMNS + " from onboarding.registration where status in (:s) order by submitted_at, id")
			.param("s", statuses)
			.query(Registrations::map)
			.list();
	}

	LicenceScan scan(UUID id) {
		return this.jdbc.sql("select scan_name, scan_type, scan from onboarding.registration where id = ?")
			.param(id)
			.query((rs, row) -> new LicenceScan(rs.getString("scan_name"), rs.getString("scan_type"),
					rs.getBytes("scan")))
			.single();
	}

	void insert(UUID id, Fields f, String scanName, String scanType, byte[] scan, String statusTokenHash, Instant now) {
		this.jdbc.sql("""
				insert into onboarding.registration (id, status, name, credit_code, licence_number, issuer_name,
				    issuer_region_code, region_code, level, type, contact_name, contact_mobile, admin_username,
				    scan_name, scan_type, scan, status_token_hash, submitted_at)
				values (?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, f.name(), f.creditCode(), f.licenceNumber(), f.issuerName(), f.issuerRegionCode(),
					f.regionCode(), f.level(), f.type(), f.contactName(), f.contactMobile(), f.adminUsername(),
					scanName, scanType, scan, statusTokenHash, Timestamp.from(now))
			.update();
	}

	void resubmit(UUID id, Fields f, @Nullable String scanName, @Nullable String scanType, byte @Nullable [] scan,
			Instant now) {
		this.jdbc.sql("""
				update onboarding.registration set status = 'PENDING', name = ?, credit_code = ?, licence_number = ?,
				    issuer_name = ?, issuer_region_code = ?, region_code = ?, level = ?, type = ?, contact_name = ?,
				    contact_mobile = ?, admin_username = ?, scan_name = coalesce(?, scan_name),
				    scan_type = coalesce(?, scan_type), scan = coalesce(?, scan), submitted_at = ?,
				    version = version + 1
				 where id = ?
				""")
			.params(f.name(), f.creditCode(), f.licenceNumber(), f.issuerName(), f.issuerRegionCode(), f.regionCode(),
					f.level(), f.type(), f.contactName(), f.contactMobile(), f.adminUsername(), scanName, scanType,
					scan, Timestamp.from(now), id)
			.update();
	}

	void returnWithReasons(UUID id, String reasons, UUID by, Instant now) {
		this.jdbc.sql("""
				update onboarding.registration set status = 'RETURNED', return_reasons = ?, decided_at = ?,
				    decided_by = ?, version = version + 1 where id = ?
				""").params(reasons, Timestamp.from(now), by, id).update();
	}

	void approve(UUID id, UUID institutionId, UUID adminUserId, String activationToken, UUID by, Instant now) {
		this.jdbc.sql("""
				update onboarding.registration set status = 'APPROVED', institution_id = ?, admin_user_id = ?,
				    activation_token = ?, decided_at = ?, decided_by = ?, version = version + 1 where id = ?
				""").params(institutionId, adminUserId, activationToken, Timestamp.from(now), by, id).update();
	}

	/**
	 * Forgets the activation token kept (in the clear, to show the link on the status
	 * page) for the administrator account an approval created.
	 * @param adminUserId the account
	 */
	void forgetActivationTokenOf(UUID adminUserId) {
		this.jdbc
			.sql("update onboarding.registration set activation_token = null"
					+ " where admin_user_id = ? and activation_token is not null")
			.param(adminUserId)
			.update();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Registration map(ResultSet rs, int row) throws SQLException {
		Fields fields = new Fields(rs.getString("name"), rs.getString("credit_code"), rs.getString("licence_number"),
				rs.getString("issuer_name"), rs.getString("issuer_region_code"), rs.getString("region_code"),
				rs.getString("level"), rs.getString("type"), rs.getString("contact_name"),
				rs.getString("contact_mobile"), rs.getString("admin_username"));
		Instant submitted = instant(rs, "submitted_at");
		return new Registration(rs.getObject("id", UUID.class), rs.getString("status"), fields,
				rs.getString("scan_name"), rs.getString("return_reasons"), rs.getObject("institution_id", UUID.class),
				rs.getObject("admin_user_id", UUID.class), rs.getString("activation_token"),
				submitted == null ? Instant.EPOCH : submitted, instant(rs, "decided_at"),
				rs.getObject("decided_by", UUID.class));
	}

	/** The checked fields of an application. */
	record Fields(String name, String creditCode, String licenceNumber, String issuerName, String issuerRegionCode,
			String regionCode, String level, String type, String contactName, String contactMobile,
			String adminUsername) {
	}

	/** A stored application. */
	record Registration(UUID id, String status, Fields fields, String scanName, @Nullable String returnReasons,
			@Nullable UUID institutionId, @Nullable UUID adminUserId, @Nullable String activationToken,
			Instant submittedAt, @Nullable Instant decidedAt, @Nullable UUID decidedBy) {
	}

}
