package cn.rtms.cases.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.Amendment;
import cn.rtms.cases.CaseFlag;
import cn.rtms.cases.Complication;
import cn.rtms.cases.domain.CaseRecord;
import cn.rtms.cases.domain.CaseRecord.CodeEntry;
import cn.rtms.cases.domain.CaseRecord.DeviceRow;
import cn.rtms.cases.domain.CaseReports;
import cn.rtms.cases.domain.CaseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link CaseReports} on PostgreSQL with JdbcClient; inserts of many cases go in JDBC
 * batches, updates check and bump {@code version}.
 */
@Repository
class JdbcCaseReports implements CaseReports {

	private static final String COLUMNS = """
			id, version, institution_id, institution_region_code, technology, form_key, status, medical_record_no,
			inpatient_no, patient_name_enc, patient_id_no_enc, patient_phone_enc, patient_id_no_hash, patient_pseudonym,
			patient_sex, patient_birth_date, sub_technique, route, procedure_codes, admission_date, operation_date,
			discharge_date, department, operator_id, assistant_ids, informed_consent, complications, death_date,
			discharge_status, form_data, confirmed_warnings, flags, source, created_at, created_by, updated_at,
			submitted_at, submitted_by""";

	private static final String INSERT = "insert into cases.case_report (" + COLUMNS + ") values ";

	private static final String INSERT_VALUES = """
			(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, cast(? as jsonb), ?,
			cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?)""";

	private static final String UPDATE = """
			update cases.case_report set version = ?, institution_id = ?, institution_region_code = ?, technology = ?,
			  form_key = ?, status = ?, medical_record_no = ?, inpatient_no = ?, patient_name_enc = ?,
			  patient_id_no_enc = ?, patient_phone_enc = ?, patient_id_no_hash = ?, patient_pseudonym = ?,
			  patient_sex = ?, patient_birth_date = ?, sub_technique = ?, route = ?, procedure_codes = cast(? as jsonb),
			  admission_date = ?, operation_date = ?, discharge_date = ?, department = ?, operator_id = ?,
			  assistant_ids = cast(? as jsonb), informed_consent = ?, complications = cast(? as jsonb), death_date = ?,
			  discharge_status = ?, form_data = cast(? as jsonb), confirmed_warnings = cast(? as jsonb),
			  flags = cast(? as jsonb), source = ?, created_at = ?, created_by = ?, updated_at = ?, submitted_at = ?,
			  submitted_by = ?
			where id = ? and version = ?""";

	private static final String INSERT_DEVICE = """
			insert into cases.case_device (id, case_id, position, scanned, barcode_type, gtin, lot, serial, expiry_date,
			  production_date, registration_no, name, single_use, quantity)
			values\s""";

	private static final String INSERT_DEVICE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/**
	 * Cases per INSERT statement: one statement of many rows, not a JDBC batch of one-row
	 * statements, since the statement-level trigger on {@code case_report} (registry
	 * revision) runs once per statement, and one row of {@code cases.registry_revision}
	 * updated once per case in a long import transaction makes each update walk all
	 * earlier versions of that row (quadratic). 250 × 38 parameters stay below the
	 * protocol's limit of 32,767.
	 */
	static final int ROWS_PER_STATEMENT = 250;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	JdbcCaseReports(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.named = new NamedParameterJdbcTemplate(template);
		this.json = json;
	}

	@Override
	public Optional<CaseRecord> find(UUID id) {
		Optional<CaseRecord> found = this.jdbc.sql("select * from cases.case_report where id = ?")
			.param(id)
			.query((rs, n) -> map(rs, List.of()))
			.optional();
		return found.map(r -> withDevices(r, devices(id)));
	}

	private List<DeviceRow> devices(UUID caseId) {
		return this.jdbc.sql("select * from cases.case_device where case_id = ? order by position")
			.param(caseId)
			.query((rs, n) -> new DeviceRow(rs.getInt("position"), rs.getString("scanned"),
					rs.getString("barcode_type"), rs.getString("gtin"), rs.getString("lot"), rs.getString("serial"),
					date(rs, "expiry_date"), date(rs, "production_date"), rs.getString("registration_no"),
					rs.getString("name"), rs.getBoolean("single_use"), rs.getInt("quantity")))
			.list();
	}

	@Override
	public Optional<UUID> findDuplicate(UUID institutionId, String technology, String medicalRecordNo,
			LocalDate operationDate, @Nullable UUID excludeId) {
		return this.jdbc.sql("""
				select id from cases.case_report
				where institution_id = ? and technology = ? and medical_record_no = ? and operation_date = ?
				  and (cast(? as uuid) is null or id <> cast(? as uuid))
				limit 1""")
			.params(institutionId, technology, medicalRecordNo, operationDate, excludeId, excludeId)
			.query(UUID.class)
			.optional();
	}

	@Override
	public List<DeviceUse> singleUseDevices(Collection<String> gtinSerials, @Nullable UUID excludeCaseId) {
		if (gtinSerials.isEmpty()) {
			return List.of();
		}
		return this.template.query("""
				select d.gtin, d.serial, d.case_id, r.institution_id, r.medical_record_no
				from cases.case_device d join cases.case_report r on r.id = d.case_id
				join unnest(cast(? as varchar[]), cast(? as varchar[])) as k(gtin, serial)
				  on d.gtin = k.gtin and d.serial = k.serial
				where d.single_use
				  and (cast(? as uuid) is null or d.case_id <> cast(? as uuid))
				order by r.created_at""",
				(rs, n) -> new DeviceUse(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
						rs.getObject(4, UUID.class), rs.getString(5)),
				gtinSerials.stream().map(k -> k.substring(0, k.indexOf('|'))).toArray(String[]::new),
				gtinSerials.stream().map(k -> k.substring(k.indexOf('|') + 1)).toArray(String[]::new), excludeCaseId,
				excludeCaseId);
	}

	@Override
	public void insert(List<CaseRecord> records) {
		for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
			List<CaseRecord> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
			List<Object[]> rows = new ArrayList<>(chunk.size());
			List<Object[]> devices = new ArrayList<>();
			for (CaseRecord record : chunk) {
				rows.add(row(record));
				for (DeviceRow device : record.devices()) {
					devices.add(deviceRow(record.id(), device));
				}
			}
			insertRows(INSERT, INSERT_VALUES, rows);
			for (int d = 0; d < devices.size(); d += ROWS_PER_STATEMENT * 2) {
				insertRows(INSERT_DEVICE, INSERT_DEVICE_VALUES,
						devices.subList(d, Math.min(devices.size(), d + ROWS_PER_STATEMENT * 2)));
			}
		}
	}

	/**
	 * Inserts the cases not yet registered. The common case of an import — none of them
	 * is — goes as one {@code COPY} (PostgreSQL's bulk path, {@link CopyText#copyNew})
	 * inside a savepoint; when a case is already registered the unique identity index
	 * refuses the COPY, the savepoint is rolled back and the cases go again as
	 * {@code INSERT … ON CONFLICT DO NOTHING}, which skips the registered ones. Either
	 * way the decision is the unique index's own, never a look-up whose plan depends on
	 * statistics. Outside a transaction only the INSERT path is used.
	 */
	@Override
	public Set<UUID> insertNew(List<CaseRecord> records) {
		if (records.isEmpty()) {
			return Set.of();
		}
		StringBuilder rows = new StringBuilder(records.size() * 2048);
		for (CaseRecord record : records) {
			CopyText.row(rows, row(record));
		}
		if (CopyText.copyNew(this.template, "copy cases.case_report (" + COLUMNS + ") from stdin", rows)) {
			Set<UUID> inserted = new HashSet<>();
			records.forEach(r -> inserted.add(r.id()));
			return inserted;
		}
		return insertNewOrSkip(records);
	}

	private Set<UUID> insertNewOrSkip(List<CaseRecord> records) {
		Set<UUID> inserted = new HashSet<>();
		for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
			List<CaseRecord> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
			StringBuilder sql = new StringBuilder(INSERT);
			List<Object> params = new ArrayList<>(chunk.size() * 38);
			for (CaseRecord record : chunk) {
				sql.append(params.isEmpty() ? "" : ", ").append(INSERT_VALUES);
				Collections.addAll(params, row(record));
			}
			sql.append(
					" on conflict (institution_id, technology, medical_record_no, operation_date) do nothing returning id");
			this.template.query(sql.toString(), rs -> {
				inserted.add(rs.getObject(1, UUID.class));
			}, params.toArray());
		}
		return inserted;
	}

	@Override
	public void insertDevices(List<CaseRecord> records) {
		List<Object[]> devices = new ArrayList<>();
		for (CaseRecord record : records) {
			for (DeviceRow device : record.devices()) {
				devices.add(deviceRow(record.id(), device));
				if (devices.size() == ROWS_PER_STATEMENT * 2) {
					insertRows(INSERT_DEVICE, INSERT_DEVICE_VALUES, devices);
					devices.clear();
				}
			}
		}
		insertRows(INSERT_DEVICE, INSERT_DEVICE_VALUES, devices);
	}

	/** Inserts rows with one statement {@code head (…), (…), …}. */
	private void insertRows(String head, String values, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(head.length() + rows.size() * (values.length() + 2)).append(head);
		List<Object> params = new ArrayList<>(rows.size() * rows.get(0).length);
		for (int i = 0; i < rows.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append(values);
			Collections.addAll(params, rows.get(i));
		}
		this.template.update(sql.toString(), params.toArray());
	}

	@Override
	public boolean update(CaseRecord record) {
		Object[] row = row(record);
		Object[] params = new Object[row.length + 1];
		System.arraycopy(row, 1, params, 0, row.length - 1);
		params[row.length - 1] = record.id();
		params[row.length] = record.version() - 1;
		int updated = this.template.update(UPDATE, params);
		if (updated == 0) {
			return false;
		}
		this.template.update("delete from cases.case_device where case_id = ?", record.id());
		insertRows(INSERT_DEVICE, INSERT_DEVICE_VALUES,
				record.devices().stream().map(d -> deviceRow(record.id(), d)).toList());
		return true;
	}

	@Override
	public boolean delete(UUID id, int version) {
		return this.jdbc.sql("delete from cases.case_report where id = ? and version = ?")
			.params(id, version)
			.update() == 1;
	}

	@Override
	public List<CaseRecord> search(Search search) {
		MapSqlParameterSource params = params(search);
		params.addValue("offset", search.offset());
		params.addValue("limit", search.limit());
		return this.named.query(
				"select * from cases.case_report " + where(search)
						+ " order by operation_date desc nulls first, created_at desc limit :limit offset :offset",
				params, (rs, n) -> map(rs, List.of()));
	}

	@Override
	public long count(Search search) {
		Long count = this.named.queryForObject("select count(*) from cases.case_report " + where(search),
				params(search), Long.class);
		return (count == null) ? 0 : count;
	}

	@Override
	public Map<String, Long> countBlockingFlags(Search search) {
		Search any = withoutFlag(search);
		Map<String, Long> counts = new LinkedHashMap<>();
		this.named.query(
				"select f ->> 'code', count(distinct id) from cases.case_report, jsonb_array_elements(flags) f "
						+ where(any) + " and (f ->> 'blocking')::boolean group by 1 order by 1",
				params(any), (ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	@Override
	public long countFlagged(Search search) {
		Search blocking = search.with(search.technology(), CaseFlag.ANY_BLOCKING);
		Long count = this.named.queryForObject("select count(*) from cases.case_report " + where(blocking),
				params(blocking), Long.class);
		return (count == null) ? 0 : count;
	}

	@Override
	public Map<String, Long> countByTechnology(Search search) {
		Search any = search.with(null, search.flag());
		Map<String, Long> counts = new LinkedHashMap<>();
		this.named.query("select technology, count(*) from cases.case_report " + where(any)
				+ " group by technology order by 2 desc, 1", params(any), (ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	private static Search withoutFlag(Search s) {
		return s.with(s.technology(), null);
	}

	private static String where(Search search) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		if (search.institutionIds() != null) {
			conditions.add("institution_id = any (:institutions)");
		}
		if (search.operatorId() != null && search.assistedAt() != null) {
			// operated anywhere, or assisted at the institution (its index bounds the
			// JSON test)
			conditions.add("(operator_id = :operator or (institution_id = :assistedAt"
					+ " and assistant_ids @> cast(:assistant as jsonb)))");
		}
		else if (search.operatorId() != null) {
			conditions.add("operator_id = :operator");
		}
		if (search.institutionId() != null) {
			conditions.add("institution_id = :institution");
		}
		if (search.technology() != null) {
			conditions.add("technology = :technology");
		}
		if (search.status() != null) {
			conditions.add("status = :status");
		}
		if (CaseFlag.ANY_BLOCKING.equals(search.flag())) {
			conditions.add("jsonb_path_exists(flags, '$[*] ? (@.blocking == true)')");
		}
		else if (search.flag() != null) {
			conditions.add("flags @> cast(:flag as jsonb)");
		}
		if (search.from() != null) {
			conditions.add("operation_date >= :from");
		}
		if (search.to() != null) {
			conditions.add("operation_date <= :to");
		}
		if (search.recordNo() != null) {
			conditions.add("(medical_record_no like :recordNo escape '\\' or inpatient_no like :recordNo escape '\\')");
		}
		if (search.patientIdHash() != null) {
			conditions.add("patient_id_no_hash = :patientIdHash");
		}
		return "where " + String.join(" and ", conditions);
	}

	private MapSqlParameterSource params(Search search) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (search.institutionIds() != null) {
			params.addValue("institutions", search.institutionIds().toArray(UUID[]::new));
		}
		params.addValue("operator", search.operatorId());
		params.addValue("assistedAt", search.assistedAt());
		params.addValue("assistant", (search.operatorId() == null) ? null
				: this.json.writeValueAsString(List.of(search.operatorId().toString())));
		params.addValue("institution", search.institutionId());
		params.addValue("technology", search.technology());
		params.addValue("status", (search.status() == null) ? null : search.status().name());
		params.addValue("flag",
				(search.flag() == null) ? null : this.json.writeValueAsString(List.of(Map.of("code", search.flag()))));
		params.addValue("from", search.from());
		params.addValue("to", search.to());
		params.addValue("recordNo", (search.recordNo() == null) ? null
				: search.recordNo().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		params.addValue("patientIdHash", search.patientIdHash());
		return params;
	}

	@Override
	public void insertAmendment(Amendment amendment) {
		this.jdbc.sql("""
				insert into cases.case_amendment (id, case_id, amended_at, amended_by, amended_by_name, reason, before,
				  after)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(amendment.id(), amendment.caseId(), OffsetDateTime.ofInstant(amendment.amendedAt(), ZoneOffset.UTC),
					amendment.amendedBy(), amendment.amendedByName(), amendment.reason(),
					this.json.writeValueAsString(amendment.before()), this.json.writeValueAsString(amendment.after()))
			.update();
	}

	@Override
	public List<Amendment> amendments(UUID caseId) {
		return this.jdbc.sql("select * from cases.case_amendment where case_id = ? order by amended_at, id")
			.param(caseId)
			.query((rs, n) -> new Amendment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					instant(rs, "amended_at"), rs.getObject("amended_by", UUID.class), rs.getString("amended_by_name"),
					rs.getString("reason"), readMap(rs.getString("before")), readMap(rs.getString("after"))))
			.list();
	}

	@Override
	public int amendmentCount(UUID caseId) {
		return this.jdbc.sql("select count(*) from cases.case_amendment where case_id = ?")
			.param(caseId)
			.query(Integer.class)
			.single();
	}

	private Object[] row(CaseRecord r) {
		return new Object[] { r.id(), r.version(), r.institutionId(), r.regionCode(), r.technology(), r.formKey(),
				r.status().name(), r.medicalRecordNo(), r.inpatientNo(), r.patientNameEnc(), r.patientIdNoEnc(),
				r.patientPhoneEnc(), r.patientIdNoHash(), r.patientPseudonym(), r.patientSex(), r.patientBirthDate(),
				r.subTechnique(), r.route(), this.json.writeValueAsString(r.procedureCodes()), r.admissionDate(),
				r.operationDate(), r.dischargeDate(), r.department(), r.operatorId(),
				this.json.writeValueAsString(r.assistantIds()), r.informedConsent(),
				this.json.writeValueAsString(r.complications()), r.deathDate(), r.dischargeStatus(),
				this.json.writeValueAsString(r.formData()), this.json.writeValueAsString(r.confirmedWarnings()),
				this.json.writeValueAsString(r.flags()), r.source(), timestamp(r.createdAt()), r.createdBy(),
				timestamp(r.updatedAt()), (r.submittedAt() == null) ? null : timestamp(r.submittedAt()),
				r.submittedBy() };
	}

	private static Object[] deviceRow(UUID caseId, DeviceRow d) {
		return new Object[] { UUID.randomUUID(), caseId, d.position(), d.scanned(), d.type(), d.gtin(), d.lot(),
				d.serial(), d.expiryDate(), d.productionDate(), d.registrationNo(), d.name(), d.singleUse(),
				d.quantity() };
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private CaseRecord map(ResultSet rs, List<DeviceRow> devices) throws SQLException {
		Object consent = rs.getObject("informed_consent");
		return new CaseRecord(rs.getObject("id", UUID.class), rs.getInt("version"),
				rs.getObject("institution_id", UUID.class), rs.getString("institution_region_code"),
				rs.getString("technology"), rs.getString("form_key"), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("medical_record_no"), rs.getString("inpatient_no"), rs.getBytes("patient_name_enc"),
				rs.getBytes("patient_id_no_enc"), rs.getBytes("patient_phone_enc"), rs.getString("patient_id_no_hash"),
				rs.getString("patient_pseudonym"), rs.getString("patient_sex"), date(rs, "patient_birth_date"),
				rs.getString("sub_technique"), rs.getString("route"),
				this.json.readValue(rs.getString("procedure_codes"), new TypeReference<List<CodeEntry>>() {
				}), date(rs, "admission_date"), date(rs, "operation_date"), date(rs, "discharge_date"),
				rs.getString("department"), rs.getObject("operator_id", UUID.class),
				this.json.readValue(rs.getString("assistant_ids"), new TypeReference<List<UUID>>() {
				}), (consent == null) ? null : (Boolean) consent,
				this.json.readValue(rs.getString("complications"), new TypeReference<List<Complication>>() {
				}), date(rs, "death_date"), rs.getString("discharge_status"), readObjectMap(rs.getString("form_data")),
				this.json.readValue(rs.getString("confirmed_warnings"), new TypeReference<List<String>>() {
				}), this.json.readValue(rs.getString("flags"), new TypeReference<List<CaseFlag>>() {
				}), rs.getString("source"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class),
				instant(rs, "updated_at"), nullableInstant(rs, "submitted_at"),
				rs.getObject("submitted_by", UUID.class), devices);
	}

	private static CaseRecord withDevices(CaseRecord r, List<DeviceRow> devices) {
		return new CaseRecord(r.id(), r.version(), r.institutionId(), r.regionCode(), r.technology(), r.formKey(),
				r.status(), r.medicalRecordNo(), r.inpatientNo(), r.patientNameEnc(), r.patientIdNoEnc(),
				r.patientPhoneEnc(), r.patientIdNoHash(), r.patientPseudonym(), r.patientSex(), r.patientBirthDate(),
				r.subTechnique(), r.route(), r.procedureCodes(), r.admissionDate(), r.operationDate(),
				r.dischargeDate(), r.department(), r.operatorId(), r.assistantIds(), r.informedConsent(),
				r.complications(), r.deathDate(), r.dischargeStatus(), r.formData(), r.confirmedWarnings(), r.flags(),
				r.source(), r.createdAt(), r.createdBy(), r.updatedAt(), r.submittedAt(), r.submittedBy(), devices);
	}

	private Map<String, Object> readObjectMap(String text) {
		return this.json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	private Map<String, @Nullable Object> readMap(String text) {
		return this.json.readValue(text, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {
		});
	}

	private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date == null) ? null : date.toLocalDate();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp.toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}
