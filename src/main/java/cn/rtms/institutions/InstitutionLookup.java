package cn.rtms.institutions;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds an existing institution by what makes it unique — its practice-licence number
 * (case-insensitive), its 统一社会信用代码 or its name — without a scope check, so that a
 * self-registration (onboarding) can be refused naming the institution that already holds
 * the licence. It returns the name and id only.
 */
@Service
public class InstitutionLookup {

	private final JdbcClient jdbc;

	InstitutionLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param licenceNumber a practice-licence number
	 * @return the institution holding it
	 */
	public Optional<Registered> byLicenceNumber(String licenceNumber) {
		return this.jdbc
			.sql("select id, name from institutions.institution where lower(licence_number) = lower(?) limit 1")
			.param(licenceNumber.strip())
			.query((rs, row) -> new Registered(rs.getObject("id", UUID.class), rs.getString("name")))
			.optional();
	}

	/**
	 * @param name an institution name
	 * @return the institution with that name
	 */
	public Optional<Registered> byName(String name) {
		return this.jdbc.sql("select id, name from institutions.institution where name = ? limit 1")
			.param(name.strip())
			.query((rs, row) -> new Registered(rs.getObject("id", UUID.class), rs.getString("name")))
			.optional();
	}

	/**
	 * @param creditCode a 统一社会信用代码
	 * @return the institution holding it (recorded by the bulk load or a
	 * self-registration)
	 */
	public Optional<Registered> byCreditCode(String creditCode) {
		return this.jdbc.sql("select id, name from institutions.institution where credit_code = ? limit 1")
			.param(creditCode.strip().toUpperCase(java.util.Locale.ROOT))
			.query((rs, row) -> new Registered(rs.getObject("id", UUID.class), rs.getString("name")))
			.optional();
	}

	/**
	 * Records the credit code of an institution that has none yet (a self-registration
	 * approved: the code was checked when the application was submitted). The caller's
	 * transaction and audit entry cover it.
	 * @param institutionId the institution
	 * @param creditCode its 统一社会信用代码
	 * @throws IllegalStateException if the institution already has another code
	 */
	public void recordCreditCode(UUID institutionId, String creditCode) {
		int updated = this.jdbc.sql(
				"update institutions.institution set credit_code = ? where id = ? and (credit_code is null or credit_code = ?)")
			.params(creditCode, institutionId, creditCode)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("institution " + institutionId + " already has another credit code");
		}
	}

	/**
	 * An institution already on the platform.
	 *
	 * @param id its id
	 * @param name its name
	 */
	public record Registered(UUID id, String name) {
	}

}
