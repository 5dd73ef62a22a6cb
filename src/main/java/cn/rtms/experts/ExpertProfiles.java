package cn.rtms.experts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pool profiles in {@code experts.expert}. */
@Repository
class ExpertProfiles {

	private static final TypeReference<List<String>> CODES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	ExpertProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored profile.
	 *
	 * @param accountId the expert's account
	 * @param specialties catalogue technology codes
	 * @param employerInstitutionId employer on the platform, or null
	 * @param employerName employer outside the platform (free text), or null
	 * @param active whether the expert is active in the pool
	 * @param version optimistic-lock version
	 */
	record Profile(UUID accountId, List<String> specialties, @Nullable UUID employerInstitutionId,
			@Nullable String employerName, boolean active, long version) {
	}

	Optional<Profile> find(UUID accountId) {
		return this.jdbc.sql(
				"select account_id, specialties::text as specialties, employer_institution_id, employer_name, active, version"
						+ " from experts.expert where account_id = ?")
			.param(accountId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Map<UUID, Profile> all() {
		return this.jdbc.sql(
				"select account_id, specialties::text as specialties, employer_institution_id, employer_name, active, version"
						+ " from experts.expert")
			.query((rs, n) -> map(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(Profile::accountId, Function.identity()));
	}

	void insert(Profile p, Instant now) {
		this.jdbc.sql("""
				insert into experts.expert (account_id, specialties, employer_institution_id, employer_name, active,
				    created_at, updated_at, version)
				values (?, cast(? as jsonb), ?, ?, ?, ?, ?, 0)
				""")
			.params(p.accountId(), this.json.writeValueAsString(p.specialties()), p.employerInstitutionId(),
					p.employerName(), p.active(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	boolean update(Profile p, Instant now) {
		return this.jdbc
			.sql("""
					update experts.expert set specialties = cast(? as jsonb), employer_institution_id = ?, employer_name = ?,
					    active = ?, updated_at = ?, version = version + 1
					 where account_id = ? and version = ?
					""")
			.params(this.json.writeValueAsString(p.specialties()), p.employerInstitutionId(), p.employerName(),
					p.active(), Timestamp.from(now), p.accountId(), p.version())
			.update() == 1;
	}

	private Profile map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Profile(rs.getObject("account_id", UUID.class),
				this.json.readValue(rs.getString("specialties"), CODES),
				rs.getObject("employer_institution_id", UUID.class), rs.getString("employer_name"),
				rs.getBoolean("active"), rs.getLong("version"));
	}

}
