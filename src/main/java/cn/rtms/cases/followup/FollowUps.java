package cn.rtms.cases.followup;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.cases.persistence.CopyText;
import cn.rtms.cases.persistence.TimeOrderedIds;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of follow-up points in {@code cases.follow_up}. */
@Repository
class FollowUps {

	/** What scheduling needs of a case. */
	record CaseDates(UUID id, UUID institutionId, String formKey, LocalDate operationDate,
			@Nullable LocalDate deathDate) {
	}

	/** A stored point with the case columns a list shows. */
	record Row(UUID id, int version, UUID caseId, UUID institutionId, String regionCode, String technology,
			String medicalRecordNo, String pseudonym, LocalDate operationDate, @Nullable UUID operatorId, String label,
			String period, LocalDate dueDate, @Nullable LocalDate performedOn, @Nullable String method,
			@Nullable String vitalStatus, @Nullable LocalDate deathDate, @Nullable String diseaseStatus,
			@Nullable String note, @Nullable LocalDate cancelledOn, @Nullable String cancelReason) {
	}

	/**
	 * Which rows a list reads.
	 *
	 * @param institutionId one institution, or null
	 * @param regionCodes the institutions' region codes, or null for any
	 * @param operatorId the cases' operator, or null for any
	 * @param search the search within the scope (the beginning of the case's 病案号 or 住院号,
	 * taken literally; a due-date range)
	 */
	record Scope(@Nullable UUID institutionId, @Nullable List<String> regionCodes, @Nullable UUID operatorId,
			FollowUpSearch search) {

		Scope(@Nullable UUID institutionId, @Nullable List<String> regionCodes, @Nullable UUID operatorId) {
			this(institutionId, regionCodes, operatorId, FollowUpSearch.NONE);
		}

		Scope with(FollowUpSearch search) {
			return new Scope(this.institutionId, this.regionCodes, this.operatorId, search);
		}

	}

	private static final String SELECT = """
			select f.id, f.version, f.case_id, f.institution_id, c.institution_region_code, c.technology,
			       c.medical_record_no, c.patient_pseudonym, c.operation_date, c.operator_id, f.label, f.period,
			       f.due_date, f.performed_on, f.method, f.vital_status, f.death_date, f.disease_status, f.note,
			       f.cancelled_on, f.cancel_reason
			from cases.follow_up f join cases.case_report c on c.id = f.case_id
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	List<CaseDates> submittedCases(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, institution_id, form_key, operation_date, death_date from cases.case_report
				where id = any(?::uuid[]) and status = 'SUBMITTED'
				""")
			.param(ids(caseIds))
			.query((rs, n) -> new CaseDates(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/**
	 * The due date and cancellation of {@link FollowUpSchedule#plan} in SQL: the
	 * operation date plus the ISO-8601 period as a PostgreSQL interval (months before
	 * days, a day missing in the target month becomes its last: the same as
	 * {@link java.time.Period}; {@code FollowUpIT} compares the two), cancelled when the
	 * case records a death before the due date.
	 */
	private static final String SCHEDULE = """
			insert into cases.follow_up (id, case_id, institution_id, label, period, due_date, cancelled_on,
			  cancel_reason, version)
			select gen_random_uuid(), c.id, c.institution_id, p.label, p.period, d.due,
			       case when c.death_date < d.due then ?::date end,
			       case when c.death_date < d.due
			            then '患者已于 ' || to_char(c.death_date, 'YYYY-MM-DD') || ' 死亡（病例记录）' end,
			       0
			from cases.case_report c
			join unnest(?::text[], ?::text[], ?::text[]) as p(form_key, period, label) on p.form_key = c.form_key
			cross join lateral (select (c.operation_date + p.period::interval)::date as due) d
			where c.id = any(?::uuid[]) and c.status = 'SUBMITTED'
			on conflict (case_id, period) do nothing
			""";

	/**
	 * Creates the points of the submitted cases, skipping a period a case already has; a
	 * point due after a death recorded on the case is created cancelled on {@code today}.
	 * Points of cases that have none yet (an import, a submission) are planned by
	 * {@link FollowUpSchedule#plan} and loaded with one COPY ({@link CopyText#copyNew});
	 * when a case already has a point (a rescheduling after an amendment) the unique
	 * {@code (case_id, period)} index refuses the COPY and one statement computed by the
	 * database inserts what is missing.
	 * @param caseIds cases (those not submitted are ignored)
	 * @param forms the points of every case form concerned, by form key (periods checked
	 * by {@link FollowUpSchedule#dueDate})
	 * @param today the cancellation date
	 * @return how many were inserted
	 */
	int schedule(Collection<UUID> caseIds, Map<String, List<FollowUpSchedule.Point>> forms, LocalDate today) {
		if (caseIds.isEmpty() || forms.isEmpty()) {
			return 0;
		}
		StringBuilder rows = new StringBuilder(caseIds.size() * 7 * 120);
		int planned = 0;
		for (CaseDates c : submittedCases(caseIds)) {
			for (FollowUpSchedule.Planned p : FollowUpSchedule.plan(c.operationDate(),
					forms.getOrDefault(c.formKey(), List.of()), c.deathDate())) {
				CopyText.row(rows,
						new Object[] { TimeOrderedIds.next(this.clock), c.id(), c.institutionId(), p.label(),
								p.period(), p.dueDate(), p.cancelled() ? today : null,
								p.cancelled() ? FollowUpSchedule.deathReason(c.deathDate(), "病例") : null, 0 });
				planned++;
			}
		}
		if (planned == 0) {
			return 0;
		}
		if (CopyText.copyNew(this.template, """
				copy cases.follow_up (id, case_id, institution_id, label, period, due_date, cancelled_on, cancel_reason,
				  version) from stdin""", rows)) {
			return planned;
		}
		List<String> formKeys = new ArrayList<>();
		List<String> periods = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		forms.forEach((formKey, points) -> points.forEach(p -> {
			formKeys.add(formKey);
			periods.add(p.period());
			labels.add(p.label());
		}));
		return this.jdbc.sql(SCHEDULE)
			.param(Date.valueOf(today))
			.param(formKeys.toArray(String[]::new))
			.param(periods.toArray(String[]::new))
			.param(labels.toArray(String[]::new))
			.param(ids(caseIds))
			.update();
	}

	/** Deletes a point not recorded (its period is no longer in the case's form). */
	void delete(UUID id) {
		this.jdbc.sql("delete from cases.follow_up where id = ? and performed_on is null").param(id).update();
	}

	/**
	 * Moves a point not recorded to the due date (and label) the amended case plans for
	 * its period, keeping any cancellation.
	 */
	void reschedule(UUID id, LocalDate dueDate, String label) {
		this.jdbc.sql("""
				update cases.follow_up set due_date = ?, label = ?, version = version + 1
				where id = ? and performed_on is null""").param(dueDate).param(label).param(id).update();
	}

	/**
	 * The deaths a case records: its own death date first, then each follow-up recorded
	 * as DEAD in due-date order, each with the reason of the points it cancels.
	 */
	List<FollowUpSchedule.Death> deaths(UUID caseId) {
		return this.jdbc.sql("""
				select death_date, label from (
				  select death_date, null::varchar as label, null::date as due_date, null::varchar as period
				  from cases.case_report where id = ? and death_date is not null
				  union all
				  select death_date, label, due_date, period from cases.follow_up
				  where case_id = ? and performed_on is not null and vital_status = 'DEAD' and death_date is not null
				) d order by due_date nulls first, period""").param(caseId).param(caseId).query((rs, n) -> {
			LocalDate date = rs.getObject(1, LocalDate.class);
			String label = rs.getString(2);
			return new FollowUpSchedule.Death(date,
					FollowUpSchedule.deathReason(date, (label == null) ? "病例" : label + "随访"));
		}).list();
	}

	/** Cancels points not recorded with the reason (or gives them another). */
	void cancel(Collection<UUID> ids, LocalDate today, String reason) {
		this.jdbc.sql("""
				update cases.follow_up set cancelled_on = ?, cancel_reason = ?, version = version + 1
				where id = any(?::uuid[]) and performed_on is null""")
			.param(today)
			.param(reason)
			.param(ids(ids))
			.update();
	}

	/** Opens cancelled points not recorded again. */
	void reopen(Collection<UUID> ids) {
		this.jdbc.sql("""
				update cases.follow_up set cancelled_on = null, cancel_reason = null, version = version + 1
				where id = any(?::uuid[]) and performed_on is null and cancelled_on is not null""")
			.param(ids(ids))
			.update();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql(SELECT + " where f.id = ?").param(id).query(FollowUps::row).optional();
	}

	List<Row> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where f.id = any(?::uuid[])").param(ids(ids)).query(FollowUps::row).list();
	}

	/** A recording of many points: the point, the version read, what was found. */
	record Recording(UUID id, int version, FollowUpRecord record) {
	}

	/**
	 * Records many points in JDBC batches (each only at the version read).
	 * @return how many were updated
	 */
	int recordAll(List<Recording> recordings, UUID recordedBy, Instant at) {
		int[][] counts = this.template.batchUpdate("""
				update cases.follow_up set performed_on = ?, method = ?, vital_status = ?, death_date = ?,
				  disease_status = ?, note = ?, recorded_by = ?, recorded_at = ?, version = version + 1
				where id = ? and version = ?
				""", recordings, 1000, (ps, r) -> {
			ps.setObject(1, r.record().performedOn());
			ps.setString(2, r.record().method());
			ps.setString(3, r.record().vitalStatus());
			ps.setObject(4, r.record().deathDate());
			ps.setString(5, r.record().diseaseStatus());
			ps.setString(6, r.record().note());
			ps.setObject(7, recordedBy);
			ps.setTimestamp(8, Timestamp.from(at));
			ps.setObject(9, r.id());
			ps.setInt(10, r.version());
		});
		int updated = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				updated += Math.max(count, 0);
			}
		}
		return updated;
	}

	/** A case's encrypted patient name and phone. */
	record SealedContact(byte @Nullable [] name, byte @Nullable [] phone) {
	}

	/**
	 * @param caseIds cases
	 * @return their patients' encrypted names and phones, by case
	 */
	Map<UUID, SealedContact> contacts(Collection<UUID> caseIds) {
		Map<UUID, SealedContact> contacts = new HashMap<>();
		if (caseIds.isEmpty()) {
			return contacts;
		}
		this.jdbc.sql("select id, patient_name_enc, patient_phone_enc from cases.case_report where id = any(?::uuid[])")
			.param(ids(caseIds))
			.query(rs -> {
				contacts.put(rs.getObject(1, UUID.class), new SealedContact(rs.getBytes(2), rs.getBytes(3)));
			});
		return contacts;
	}

	List<Row> ofCases(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where f.case_id = any(?::uuid[]) order by f.due_date, f.case_id")
			.param(ids(caseIds))
			.query(FollowUps::row)
			.list();
	}

	List<Row> ofCase(UUID caseId) {
		return this.jdbc.sql(SELECT + " where f.case_id = ? order by f.due_date")
			.param(caseId)
			.query(FollowUps::row)
			.list();
	}

	boolean record(UUID id, int version, FollowUpRecord record, UUID recordedBy, Instant at) {
		return this.jdbc.sql("""
				update cases.follow_up set performed_on = ?, method = ?, vital_status = ?, death_date = ?,
				  disease_status = ?, note = ?, recorded_by = ?, recorded_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.param(record.performedOn())
			.param(record.method())
			.param(record.vitalStatus())
			.param(record.deathDate())
			.param(record.diseaseStatus())
			.param(record.note())
			.param(recordedBy)
			.param(Timestamp.from(at))
			.param(id)
			.param(version)
			.update() == 1;
	}

	/** Region codes that have cases (to turn an authority's jurisdiction into a list). */
	List<String> regionCodes() {
		return this.jdbc.sql("select distinct institution_region_code from cases.case_report")
			.query(String.class)
			.list();
	}

	private static final String OPEN = "f.performed_on is null and f.cancelled_on is null";

	/**
	 * @param status DUE, OVERDUE or DONE
	 * @param today today
	 * @return the SQL condition and its parameters
	 */
	private static Condition condition(FollowUpStatus status, LocalDate today, Scope scope) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(" where ");
		switch (status) {
			case DUE -> {
				sql.append(OPEN).append(" and f.due_date between ? and ?");
				params.add(Date.valueOf(today));
				params.add(Date.valueOf(today.plusDays(FollowUpStatus.DUE_WITHIN_DAYS)));
			}
			case OVERDUE -> {
				sql.append(OPEN).append(" and f.due_date < ?");
				params.add(Date.valueOf(today));
			}
			case DONE -> sql.append("f.performed_on is not null");
			case UPCOMING -> {
				sql.append(OPEN).append(" and f.due_date > ?");
				params.add(Date.valueOf(today.plusDays(FollowUpStatus.DUE_WITHIN_DAYS)));
			}
			case CANCELLED -> sql.append("f.performed_on is null and f.cancelled_on is not null");
		}
		if (scope.institutionId() != null) {
			sql.append(" and f.institution_id = ?");
			params.add(scope.institutionId());
		}
		if (scope.regionCodes() != null) {
			sql.append(" and c.institution_region_code = any(?::varchar[])");
			params.add(scope.regionCodes().toArray(String[]::new));
		}
		if (scope.operatorId() != null) {
			sql.append(" and c.operator_id = ?");
			params.add(scope.operatorId());
		}
		if (scope.search().dueFrom() != null) {
			sql.append(" and f.due_date >= ?");
			params.add(Date.valueOf(scope.search().dueFrom()));
		}
		if (scope.search().dueTo() != null) {
			sql.append(" and f.due_date <= ?");
			params.add(Date.valueOf(scope.search().dueTo()));
		}
		if (scope.search().q() != null) {
			String prefix = scope.search().q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (c.medical_record_no like ? escape '\\' or c.inpatient_no like ? escape '\\')");
			params.add(prefix);
			params.add(prefix);
		}
		return new Condition(sql.toString(), params);
	}

	private record Condition(String sql, List<Object> params) {
	}

	List<Row> list(FollowUpStatus status, LocalDate today, Scope scope, int page, int size) {
		Condition condition = condition(status, today, scope);
		String order = (status == FollowUpStatus.DONE) ? " order by f.performed_on desc, f.id"
				: " order by f.due_date, f.id";
		List<Object> params = new ArrayList<>(condition.params());
		params.add(size);
		params.add((long) page * size);
		return this.jdbc.sql(SELECT + condition.sql() + order + " limit ? offset ?")
			.params(params)
			.query(FollowUps::row)
			.list();
	}

	long count(FollowUpStatus status, LocalDate today, Scope scope) {
		Condition condition = condition(status, today, scope);
		return this.jdbc
			.sql("select count(*) from cases.follow_up f join cases.case_report c on c.id = f.case_id"
					+ condition.sql())
			.params(condition.params())
			.query(Long.class)
			.single();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getObject(9, LocalDate.class), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12),
				rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getString(15),
				rs.getString(16), rs.getObject(17, LocalDate.class), rs.getString(18), rs.getString(19),
				rs.getObject(20, LocalDate.class), rs.getString(21));
	}

	private static String[] ids(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

}
