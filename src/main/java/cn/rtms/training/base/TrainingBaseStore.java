package cn.rtms.training.base;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.rules.EligibilityReport;
import cn.rtms.training.TrainingBaseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * JDBC access to {@code training.training_base} and its instructor, expert and step
 * tables. No access checks: {@link TrainingBaseManagement} checks first.
 */
@Component
class TrainingBaseStore {

	private static final String COLUMNS = "id, institution_id, institution_name, region_code, technology, status,"
			+ " designated, submitted_on, filed_on, decided_on, decision_reason, revoked_on, revocation_reason,"
			+ " verdict_status, verdict, unmet_clauses, proposal_on, proposal_reason, version";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	TrainingBaseStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	Instant now() {
		return this.clock.instant();
	}

	/** One row of training.training_base. */
	record Row(UUID id, UUID institutionId, String institutionName, String regionCode, String technology,
			TrainingBaseStatus status, boolean designated, @Nullable LocalDate submittedOn, @Nullable LocalDate filedOn,
			@Nullable LocalDate decidedOn, @Nullable String decisionReason, @Nullable LocalDate revokedOn,
			@Nullable String revocationReason, @Nullable String verdictStatus, @Nullable EligibilityReport verdict,
			List<TrainingBaseView.UnmetClause> unmetClauses, @Nullable LocalDate proposalOn,
			@Nullable String proposalReason, long version) {
	}

	/** An instructor row. */
	record InstructorRow(UUID personId, LocalDate since, @Nullable LocalDate until) {
	}

	/** An expert row. */
	record ExpertRow(UUID expertId, String name, @Nullable String recommendation, @Nullable String opinion,
			@Nullable Instant opinionAt) {
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from training.training_base where id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	List<Row> all() {
		return this.jdbc
			.sql("select " + COLUMNS + " from training.training_base order by region_code, institution_name,"
					+ " technology, created_at")
			.query(this::row)
			.list();
	}

	List<Row> filed() {
		return this.jdbc
			.sql("select " + COLUMNS + " from training.training_base where status = 'FILED' order by technology,"
					+ " region_code, institution_name")
			.query(this::row)
			.list();
	}

	List<Row> assignedTo(UUID expertId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from training.training_base b where exists (select 1 from"
					+ " training.training_base_expert e where e.base_id = b.id and e.expert_id = ?) order by"
					+ " submitted_on desc nulls last")
			.param(expertId)
			.query(this::row)
			.list();
	}

	boolean liveExists(UUID institutionId, String technology) {
		return this.jdbc
			.sql("select count(*) from training.training_base where institution_id = ? and technology = ?"
					+ " and status not in ('REJECTED', 'REVOKED', 'WITHDRAWN')")
			.params(institutionId, technology)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(Row row, UUID createdBy) {
		Instant now = now();
		this.jdbc
			.sql("insert into training.training_base (id, institution_id, institution_name, region_code, technology,"
					+ " status, designated, filed_on, decided_on, verdict_status, verdict, unmet_clauses, version,"
					+ " created_at, updated_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),"
					+ " cast(? as jsonb), 0, ?, ?, ?)")
			.params(row.id(), row.institutionId(), row.institutionName(), row.regionCode(), row.technology(),
					row.status().name(), row.designated(), row.filedOn(), row.decidedOn(), row.verdictStatus(),
					(row.verdict() == null) ? null : this.json.writeValueAsString(row.verdict()),
					this.json.writeValueAsString(row.unmetClauses()), Timestamp.from(now), Timestamp.from(now),
					createdBy)
			.update();
	}

	/**
	 * Saves the row if its version is still the loaded one.
	 * @return whether saved
	 */
	boolean update(Row row) {
		return this.jdbc
			.sql("update training.training_base set status = ?, submitted_on = ?, filed_on = ?, decided_on = ?,"
					+ " decision_reason = ?, revoked_on = ?, revocation_reason = ?, verdict_status = ?,"
					+ " verdict = cast(? as jsonb), unmet_clauses = cast(? as jsonb), proposal_on = ?,"
					+ " proposal_reason = ?, version = version + 1, updated_at = ? where id = ? and version = ?")
			.params(row.status().name(), row.submittedOn(), row.filedOn(), row.decidedOn(), row.decisionReason(),
					row.revokedOn(), row.revocationReason(), row.verdictStatus(),
					(row.verdict() == null) ? null : this.json.writeValueAsString(row.verdict()),
					this.json.writeValueAsString(row.unmetClauses()), row.proposalOn(), row.proposalReason(),
					Timestamp.from(now()), row.id(), row.version())
			.update() == 1;
	}

	List<InstructorRow> instructors(UUID baseId) {
		return this.jdbc
			.sql("select person_id, since, until from training.training_base_instructor where base_id = ?"
					+ " order by since, person_id")
			.param(baseId)
			.query((rs, n) -> new InstructorRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	int currentInstructorCount(UUID baseId, LocalDate day) {
		return this.jdbc
			.sql("select count(distinct person_id) from training.training_base_instructor where base_id = ?"
					+ " and since <= ? and (until is null or until >= ?)")
			.params(baseId, day, day)
			.query(Integer.class)
			.single();
	}

	void addInstructor(UUID baseId, UUID personId, LocalDate since) {
		this.jdbc.sql("insert into training.training_base_instructor (base_id, person_id, since) values (?, ?, ?)")
			.params(baseId, personId, since)
			.update();
	}

	int deleteInstructor(UUID baseId, UUID personId) {
		return this.jdbc.sql("delete from training.training_base_instructor where base_id = ? and person_id = ?")
			.params(baseId, personId)
			.update();
	}

	int endInstructor(UUID baseId, UUID personId, LocalDate until) {
		return this.jdbc
			.sql("update training.training_base_instructor set until = ? where base_id = ? and person_id = ?"
					+ " and until is null and since <= ?")
			.params(until, baseId, personId, until)
			.update();
	}

	List<ExpertRow> experts(UUID baseId) {
		return this.jdbc
			.sql("select expert_id, expert_name, recommendation, opinion, opinion_at from"
					+ " training.training_base_expert where base_id = ? order by assigned_at, expert_name")
			.param(baseId)
			.query((rs, n) -> new ExpertRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), instant(rs.getTimestamp(5))))
			.list();
	}

	void clearExperts(UUID baseId) {
		this.jdbc.sql("delete from training.training_base_expert where base_id = ?").param(baseId).update();
	}

	void assignExpert(UUID baseId, UUID expertId, String name) {
		this.jdbc
			.sql("insert into training.training_base_expert (base_id, expert_id, expert_name, assigned_at)"
					+ " values (?, ?, ?, ?)")
			.params(baseId, expertId, name, Timestamp.from(now()))
			.update();
	}

	void recordOpinion(UUID baseId, UUID expertId, String recommendation, String opinion) {
		this.jdbc
			.sql("update training.training_base_expert set recommendation = ?, opinion = ?, opinion_at = ?"
					+ " where base_id = ? and expert_id = ?")
			.params(recommendation, opinion, Timestamp.from(now()), baseId, expertId)
			.update();
	}

	void step(UUID baseId, BaseAction action, @Nullable TrainingBaseStatus from, TrainingBaseStatus to,
			@Nullable UUID actorId, String actorName, @Nullable String actorRole, @Nullable String note) {
		this.jdbc
			.sql("insert into training.training_base_step (base_id, action, from_status, to_status, actor_id,"
					+ " actor_name, actor_role, note, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(baseId, action.name(), (from == null) ? null : from.name(), to.name(), actorId, actorName,
					actorRole, note, Timestamp.from(now()))
			.update();
	}

	List<TrainingBaseView.Step> steps(UUID baseId) {
		return this.jdbc
			.sql("select action, from_status, to_status, actor_name, actor_role, note, at from"
					+ " training.training_base_step where base_id = ? order by id")
			.param(baseId)
			.query((rs, n) -> {
				BaseAction action = BaseAction.valueOf(rs.getString(1));
				return new TrainingBaseView.Step(action.name(), action.label(), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6),
						java.util.Objects.requireNonNull(instant(rs.getTimestamp(7))));
			})
			.list();
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		String verdict = rs.getString("verdict");
		String unmet = rs.getString("unmet_clauses");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
				rs.getString("institution_name"), rs.getString("region_code"), rs.getString("technology"),
				TrainingBaseStatus.valueOf(rs.getString("status")), rs.getBoolean("designated"),
				rs.getObject("submitted_on", LocalDate.class), rs.getObject("filed_on", LocalDate.class),
				rs.getObject("decided_on", LocalDate.class), rs.getString("decision_reason"),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revocation_reason"),
				rs.getString("verdict_status"),
				(verdict == null) ? null : this.json.readValue(verdict, EligibilityReport.class),
				(unmet == null) ? List.of()
						: this.json.readValue(unmet, new TypeReference<List<TrainingBaseView.UnmetClause>>() {
						}),
				rs.getObject("proposal_on", LocalDate.class), rs.getString("proposal_reason"), rs.getLong("version"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}
