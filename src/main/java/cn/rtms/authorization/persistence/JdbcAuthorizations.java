package cn.rtms.authorization.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.authorization.domain.Actor;
import cn.rtms.authorization.domain.Authorization;
import cn.rtms.authorization.domain.Authorization.Snapshot;
import cn.rtms.authorization.domain.AuthorizationStatus;
import cn.rtms.authorization.domain.AuthorizationTerms;
import cn.rtms.authorization.domain.Authorizations;
import cn.rtms.authorization.domain.GrantOverlap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Authorizations} on PostgreSQL; updates check and bump {@code version}. */
@Repository
class JdbcAuthorizations implements Authorizations {

	private static final String TABLE = "authorizations.physician_authorization";

	private static final String EXCLUSION_VIOLATION = "23P01";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcAuthorizations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public Optional<Authorization> find(UUID id) {
		return this.jdbc.sql("select * from " + TABLE + " where id = ?").param(id).query(this::map).optional();
	}

	@Override
	public List<Authorization> granted(UUID personId, String technology) {
		return this.jdbc
			.sql("select * from " + TABLE + " where person_id = ? and technology = ? and status = 'GRANTED'")
			.param(personId)
			.param(technology)
			.query(this::map)
			.list();
	}

	@Override
	public boolean save(Authorization authorization) {
		Snapshot s = authorization.snapshot();
		try {
			int exists = this.jdbc.sql("select count(*) from " + TABLE + " where id = ?")
				.param(s.id())
				.query(Integer.class)
				.single();
			if (exists == 0) {
				this.jdbc.sql("""
						insert into %s (id, person_id, institution_id, technology, sub_techniques, valid_from,
						  valid_until, note, status, created_by, created_by_name, created_at, version)
						values (:id, :person, :institution, :technology, cast(:subs as jsonb), :from, :until, :note,
						  :status, :createdBy, :createdByName, :createdAt, 0)
						""".formatted(TABLE))
					.param("id", s.id())
					.param("person", s.personId())
					.param("institution", s.institutionId())
					.param("technology", s.terms().technology())
					.param("subs", this.json.writeValueAsString(s.terms().subTechniques()))
					.param("from", s.terms().validFrom())
					.param("until", s.terms().validUntil())
					.param("note", s.terms().note())
					.param("status", s.status().name())
					.param("createdBy", s.createdBy().username())
					.param("createdByName", s.createdBy().displayName())
					.param("createdAt", Timestamp.from(s.createdAt()))
					.update();
				return true;
			}
			return this.jdbc.sql("""
					update %s set technology = :technology, sub_techniques = cast(:subs as jsonb), valid_from = :from,
					  valid_until = :until, note = :note, status = :status, decided_by = :decidedBy,
					  decided_by_name = :decidedByName, decided_at = :decidedAt, rejection_reason = :rejection,
					  eligibility_spec_key = :specKey, eligibility_status = :verdict, revoked_by = :revokedBy,
					  revoked_by_name = :revokedByName, revoked_at = :revokedAt, revocation_reason = :revocation,
					  version = version + 1
					where id = :id and version = :version
					""".formatted(TABLE))
				.param("id", s.id())
				.param("version", s.version())
				.param("technology", s.terms().technology())
				.param("subs", this.json.writeValueAsString(s.terms().subTechniques()))
				.param("from", s.terms().validFrom())
				.param("until", s.terms().validUntil())
				.param("note", s.terms().note())
				.param("status", s.status().name())
				.param("decidedBy", s.decidedBy() == null ? null : s.decidedBy().username())
				.param("decidedByName", s.decidedBy() == null ? null : s.decidedBy().displayName())
				.param("decidedAt", timestamp(s.decidedAt()))
				.param("rejection", s.rejectionReason())
				.param("specKey", s.eligibilitySpecKey())
				.param("verdict", s.eligibilityStatus())
				.param("revokedBy", s.revokedBy() == null ? null : s.revokedBy().username())
				.param("revokedByName", s.revokedBy() == null ? null : s.revokedBy().displayName())
				.param("revokedAt", timestamp(s.revokedAt()))
				.param("revocation", s.revocationReason())
				.update() == 1;
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql
					&& EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
				throw new GrantOverlap(ex);
			}
			throw ex;
		}
	}

	@Override
	public List<Authorization> search(@Nullable Collection<UUID> institutionIds, @Nullable UUID personId,
			@Nullable String technology, @Nullable AuthorizationStatus status) {
		if (institutionIds != null && institutionIds.isEmpty()) {
			return List.of();
		}
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (institutionIds != null) {
			where.add("institution_id in (:institutions)");
			params.put("institutions", List.copyOf(institutionIds));
		}
		if (personId != null) {
			where.add("person_id = :person");
			params.put("person", personId);
		}
		if (technology != null) {
			where.add("technology = :technology");
			params.put("technology", technology);
		}
		if (status != null) {
			where.add("status = :status");
			params.put("status", status.name());
		}
		String sql = "select * from " + TABLE + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by created_at desc, id";
		return this.jdbc.sql(sql).params(params).query(this::map).list();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private Authorization map(ResultSet rs, int row) throws SQLException {
		List<String> subs = this.json.readValue(rs.getString("sub_techniques"), new TypeReference<List<String>>() {
		});
		AuthorizationTerms terms = new AuthorizationTerms(rs.getString("technology"), subs,
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getString("note"));
		return Authorization.restore(new Snapshot(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("institution_id", UUID.class), terms, AuthorizationStatus.valueOf(rs.getString("status")),
				new Actor(rs.getString("created_by"), rs.getString("created_by_name")),
				rs.getTimestamp("created_at").toInstant(), actor(rs, "decided_by"), instant(rs, "decided_at"),
				rs.getString("rejection_reason"), rs.getString("eligibility_spec_key"),
				rs.getString("eligibility_status"), actor(rs, "revoked_by"), instant(rs, "revoked_at"),
				rs.getString("revocation_reason"), rs.getInt("version")));
	}

	private static @Nullable Actor actor(ResultSet rs, String column) throws SQLException {
		String username = rs.getString(column);
		if (username == null) {
			return null;
		}
		String name = rs.getString(column + "_name");
		return new Actor(username, name == null ? username : name);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
