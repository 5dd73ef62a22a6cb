package cn.rtms.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code equipment} schema. */
@Repository
class EquipmentStore {

	private final JdbcClient jdbc;

	EquipmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record UnitRow(UUID id, UUID institutionId, String kind, @Nullable String registrationNumber, String manufacturer,
			String model, String serialNumber, LocalDate installedOn, EquipmentStatus status, @Nullable String location,
			@Nullable String note, long version) {
	}

	/**
	 * A schedule with the result and day of its latest record ({@code null} before the
	 * first).
	 */
	record ScheduleRow(UUID id, UUID unitId, ScheduleKind kind, String item, int intervalMonths, LocalDate nextDue,
			@Nullable RecordResult lastResult, @Nullable LocalDate lastPerformedOn) {

		ScheduleRow(UUID id, UUID unitId, ScheduleKind kind, String item, int intervalMonths, LocalDate nextDue) {
			this(id, unitId, kind, item, intervalMonths, nextDue, null, null);
		}

	}

	/** The schedule's columns with its latest record's result and day. */
	private static final String SCHEDULE_SELECT = """
			select s.id, s.unit_id, s.kind, s.item, s.interval_months, s.next_due, r.result, r.performed_on
			from equipment.schedule s
			left join lateral (select result, performed_on from equipment.service_record sr where sr.schedule_id = s.id
			  order by sr.performed_on desc, sr.created_at desc limit 1) r on true
			""";

	record RecordRow(UUID id, UUID scheduleId, LocalDate performedOn, String performedBy, RecordResult result,
			@Nullable String note, LocalDate nextDue, String recordedBy) {
	}

	record AttachmentRow(UUID unitId, EquipmentView.AttachmentView view) {
	}

	private static final String UNIT_COLUMNS = "id, institution_id, kind, registration_number, manufacturer, model, "
			+ "serial_number, installed_on, status, location, note, version";

	private static UnitRow unit(ResultSet rs, int n) throws SQLException {
		return new UnitRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
				EquipmentStatus.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getLong(12));
	}

	private static ScheduleRow schedule(ResultSet rs, int n) throws SQLException {
		String result = rs.getString(7);
		return new ScheduleRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				ScheduleKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class),
				(result == null) ? null : RecordResult.valueOf(result), rs.getObject(8, LocalDate.class));
	}

	Optional<UnitRow> unit(UUID id) {
		return this.jdbc.sql("select " + UNIT_COLUMNS + " from equipment.unit where id = ?")
			.param(id)
			.query(EquipmentStore::unit)
			.optional();
	}

	List<UnitRow> units(UUID institutionId) {
		return this.jdbc
			.sql("select " + UNIT_COLUMNS
					+ " from equipment.unit where institution_id = ? order by kind, serial_number")
			.param(institutionId)
			.query(EquipmentStore::unit)
			.list();
	}

	List<UnitRow> units(Collection<UUID> institutionIds) {
		if (institutionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + UNIT_COLUMNS
					+ " from equipment.unit where institution_id = any(?::uuid[]) order by kind, serial_number")
			.param(institutionIds.toArray(UUID[]::new))
			.query(EquipmentStore::unit)
			.list();
	}

	List<UnitRow> allUnits() {
		return this.jdbc.sql("select " + UNIT_COLUMNS + " from equipment.unit order by kind, serial_number")
			.query(EquipmentStore::unit)
			.list();
	}

	List<ScheduleRow> schedules(Collection<UUID> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SCHEDULE_SELECT + " where s.unit_id = any(?::uuid[]) order by s.kind, s.item")
			.param(unitIds.toArray(UUID[]::new))
			.query(EquipmentStore::schedule)
			.list();
	}

	List<ScheduleRow> allSchedules() {
		return this.jdbc.sql(SCHEDULE_SELECT).query(EquipmentStore::schedule).list();
	}

	Optional<ScheduleRow> schedule(UUID id) {
		return this.jdbc.sql(SCHEDULE_SELECT + " where s.id = ?").param(id).query(EquipmentStore::schedule).optional();
	}

	List<RecordRow> records(Collection<UUID> scheduleIds) {
		if (scheduleIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, schedule_id, performed_on, performed_by, result, note, next_due, recorded_by "
					+ "from equipment.service_record where schedule_id = any(?::uuid[]) "
					+ "order by performed_on desc, created_at desc")
			.param(scheduleIds.toArray(UUID[]::new))
			.query((rs, n) -> new RecordRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), RecordResult.valueOf(rs.getString(5)),
					rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8)))
			.list();
	}

	/** The unit a record belongs to, or empty. */
	Optional<UUID> unitOfRecord(UUID recordId) {
		return this.jdbc
			.sql("select s.unit_id from equipment.service_record r join equipment.schedule s on s.id = r.schedule_id "
					+ "where r.id = ?")
			.param(recordId)
			.query(UUID.class)
			.optional();
	}

	List<AttachmentRow> attachments(Collection<UUID> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"select unit_id, id, purpose, record_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
						+ "from equipment.attachment where unit_id = any(?::uuid[]) order by uploaded_at")
			.param(unitIds.toArray(UUID[]::new))
			.query((rs, n) -> {
				AttachmentPurpose purpose = AttachmentPurpose.valueOf(rs.getString(3));
				return new AttachmentRow(rs.getObject(1, UUID.class),
						new EquipmentView.AttachmentView(rs.getObject(2, UUID.class), purpose, purpose.label(),
								rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getLong(7),
								rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()));
			})
			.list();
	}

	Optional<StoredAttachment> attachment(UUID unitId, UUID attachmentId) {
		return this.jdbc.sql(
				"select file_name, content_type, sha256, content from equipment.attachment where id = ? and unit_id = ?")
			.params(attachmentId, unitId)
			.query((rs, n) -> new StoredAttachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
			.optional();
	}

	void insertUnit(UnitRow u, Instant now) {
		this.jdbc
			.sql("insert into equipment.unit (" + UNIT_COLUMNS
					+ ", created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(u.id(), u.institutionId(), u.kind(), u.registrationNumber(), u.manufacturer(), u.model(),
					u.serialNumber(), u.installedOn(), u.status().name(), u.location(), u.note(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/**
	 * @return whether the row had the expected version (and was updated)
	 */
	boolean updateUnit(UnitRow u, long expectedVersion, Instant now) {
		return this.jdbc
			.sql("update equipment.unit set kind = ?, registration_number = ?, manufacturer = ?, model = ?, "
					+ "serial_number = ?, installed_on = ?, status = ?, location = ?, note = ?, version = version + 1, "
					+ "updated_at = ? where id = ? and version = ?")
			.params(u.kind(), u.registrationNumber(), u.manufacturer(), u.model(), u.serialNumber(), u.installedOn(),
					u.status().name(), u.location(), u.note(), Timestamp.from(now), u.id(), expectedVersion)
			.update() == 1;
	}

	void insertSchedule(ScheduleRow s, Instant now) {
		this.jdbc
			.sql("insert into equipment.schedule (id, unit_id, kind, item, interval_months, next_due, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(s.id(), s.unitId(), s.kind().name(), s.item(), s.intervalMonths(), s.nextDue(), Timestamp.from(now))
			.update();
	}

	/**
	 * Inserts a record; the schedule is then next due when its latest record says.
	 * @param r the record
	 * @param now the time
	 */
	void insertRecord(RecordRow r, Instant now) {
		this.jdbc
			.sql("insert into equipment.service_record (id, schedule_id, performed_on, performed_by, result, note, "
					+ "next_due, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.id(), r.scheduleId(), r.performedOn(), r.performedBy(), r.result().name(), r.note(), r.nextDue(),
					r.recordedBy(), Timestamp.from(now))
			.update();
		this.jdbc
			.sql("update equipment.schedule set next_due = (select next_due from equipment.service_record "
					+ "where schedule_id = ? order by performed_on desc, created_at desc limit 1) where id = ?")
			.params(r.scheduleId(), r.scheduleId())
			.update();
	}

	void insertAttachment(UUID id, UUID unitId, @Nullable UUID recordId, AttachmentPurpose purpose, String fileName,
			String contentType, String sha256, byte[] content, String uploadedBy, Instant now) {
		this.jdbc
			.sql("insert into equipment.attachment (id, unit_id, record_id, purpose, file_name, content_type, sha256, "
					+ "size, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, unitId, recordId, purpose.name(), fileName, contentType, sha256, content.length, content,
					uploadedBy, Timestamp.from(now))
			.update();
	}

	boolean serialTaken(UUID institutionId, String kind, String serialNumber, @Nullable UUID except) {
		return this.jdbc
			.sql("select count(*) from equipment.unit where institution_id = ? and kind = ? and serial_number = ? "
					+ "and id is distinct from cast(? as uuid)")
			.params(institutionId, kind, serialNumber, except)
			.query(Integer.class)
			.single() > 0;
	}

	boolean scheduleItemTaken(UUID unitId, ScheduleKind kind, String item) {
		return this.jdbc.sql("select count(*) from equipment.schedule where unit_id = ? and kind = ? and item = ?")
			.params(unitId, kind.name(), item)
			.query(Integer.class)
			.single() > 0;
	}

	/** Increments the institution's register revision (in the caller's transaction). */
	void bumpRevision(UUID institutionId) {
		this.jdbc
			.sql("insert into equipment.register_revision (institution_id, revision) values (?, 1) "
					+ "on conflict (institution_id) do update set revision = equipment.register_revision.revision + 1")
			.param(institutionId)
			.update();
	}

	long revision(UUID institutionId) {
		return this.jdbc.sql("select revision from equipment.register_revision where institution_id = ?")
			.param(institutionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
