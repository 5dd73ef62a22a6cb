package cn.rtms.cases.gate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emergency overrides in {@code cases.gate_override}. */
@Repository
class GateOverrides {

	private static final String COLUMNS = "id, institution_id, physician, physician_id, procedure_code, technology, "
			+ "decision, reasons, reason, api_key_name, requested_at, confirmed_at, confirmed_by_name, confirmation_note";

	private static final TypeReference<List<GateAnswer.Reason>> REASONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GateOverrides(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, UUID institutionId, String physician, @Nullable UUID physicianId, GateAnswer answer,
			String reason, UUID apiKeyId, String apiKeyName, Instant at) {
		this.jdbc
			.sql("""
					insert into cases.gate_override (id, institution_id, physician, physician_id, procedure_code, technology,
					    decision, reasons, reason, api_key_id, api_key_name, requested_at)
					values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
					""")
			.params(id, institutionId, physician, physicianId, answer.procedureCode(), answer.technology(),
					answer.decision(), this.json.writeValueAsString(answer.reasons()), reason, apiKeyId, apiKeyName,
					Timestamp.from(at))
			.update();
	}

	Optional<GateOverride> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from cases.gate_override where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	List<GateOverride> findByInstitution(UUID institutionId, boolean unconfirmedOnly, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from cases.gate_override where institution_id = ?"
					+ (unconfirmedOnly ? " and confirmed_at is null" : "") + " order by requested_at desc limit ?")
			.params(institutionId, limit)
			.query(this::map)
			.list();
	}

	/**
	 * @return whether the override was unconfirmed (and is now confirmed)
	 */
	boolean confirm(UUID id, UUID by, String byName, @Nullable String note, Instant at) {
		return this.jdbc.sql("""
				update cases.gate_override set confirmed_at = ?, confirmed_by = ?, confirmed_by_name = ?,
				    confirmation_note = ?
				 where id = ? and confirmed_at is null
				""").params(Timestamp.from(at), by, byName, note, id).update() == 1;
	}

	private GateOverride map(ResultSet rs, int row) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new GateOverride(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
				rs.getString("physician"), rs.getObject("physician_id", UUID.class), null,
				rs.getString("procedure_code"), rs.getString("technology"), rs.getString("decision"),
				this.json.readValue(rs.getString("reasons"), REASONS), rs.getString("reason"),
				rs.getString("api_key_name"), rs.getTimestamp("requested_at").toInstant(),
				confirmed == null ? GateOverride.UNCONFIRMED : GateOverride.CONFIRMED,
				confirmed == null ? null : confirmed.toInstant(), rs.getString("confirmed_by_name"),
				rs.getString("confirmation_note"));
	}

}
