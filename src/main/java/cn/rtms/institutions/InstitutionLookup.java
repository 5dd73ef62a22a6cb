package cn.rtms.institutions;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds an existing institution by what makes it unique — its practice-licence number
 * (case-insensitive) or its name — without a scope check, so that a self-registration
 * (onboarding) can be refused naming the institution that already holds the licence. It
 * returns the name and id only.
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
	 * An institution already on the platform.
	 *
	 * @param id its id
	 * @param name its name
	 */
	public record Registered(UUID id, String name) {
	}

}
