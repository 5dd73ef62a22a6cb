package cn.rtms.cases.discharge;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.cases.discharge.ProcedureCatalogue.Mapping;
import cn.rtms.cases.discharge.ProcedureCatalogue.Procedure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the discharge tables ({@code cases.discharge_*}). */
@Repository
class DischargeStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	DischargeStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	Optional<BatchSummary> batchBySha(UUID institutionId, String sha256) {
		return this.jdbc.sql("select summary from cases.discharge_batch where institution_id = ? and sha256 = ?")
			.param(institutionId)
			.param(sha256)
			.query(String.class)
			.optional()
			.map(s -> this.json.readValue(s, BatchSummary.class));
	}

	void insertBatch(UUID id, UUID institutionId, String fileName, String sha256, String format,
			@Nullable String charset, Instant at, UUID by) {
		this.jdbc.sql("""
				insert into cases.discharge_batch (id, institution_id, file_name, sha256, format, charset, row_count,
				  inserted_count, duplicate_count, restricted_count, uploaded_at, uploaded_by)
				values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)
				""").params(id, institutionId, fileName, sha256, format, charset, Timestamp.from(at), by).update();
	}

	void setFormat(UUID id, String format, @Nullable String charset) {
		this.jdbc.sql("update cases.discharge_batch set format = ?, charset = ? where id = ?")
			.params(format, charset, id)
			.update();
	}

	void completeBatch(BatchSummary summary) {
		this.jdbc.sql("""
				update cases.discharge_batch set row_count = ?, inserted_count = ?, duplicate_count = ?,
				  restricted_count = ?, first_discharge = ?, last_discharge = ?, summary = cast(? as jsonb)
				where id = ?
				""")
			.params(summary.rows(), summary.inserted(), summary.duplicates(), summary.restricted(),
					summary.firstDischarge(), summary.lastDischarge(), this.json.writeValueAsString(summary),
					summary.id())
			.update();
	}

	/**
	 * Inserts records with one JDBC batch; a record whose content key the institution
	 * already has is skipped.
	 * @return per record, whether it was stored
	 */
	boolean[] insertRecords(List<NewRecord> records) {
		List<Object[]> args = new ArrayList<>(records.size());
		for (NewRecord r : records) {
			DischargeRow row = r.row();
			args.add(new Object[] { r.id(), r.batchId(), r.institutionId(), row.row(), r.contentKey(),
					row.medicalRecordNo(), row.inpatientNo(), row.admissionDate(), row.dischargeDate(),
					row.department(), row.operationDate(), row.operator(), r.operator().personId(),
					r.operator().status().name(), row.dischargeMethod(), this.json.writeValueAsString(r.codes()),
					this.json.writeValueAsString(r.mapping().notes()) });
		}
		int[] counts = this.batch.batchUpdate(
				"""
						insert into cases.discharge_record (id, batch_id, institution_id, row_no, content_key, medical_record_no,
						  inpatient_no, admission_date, discharge_date, department, operation_date, operator_text, operator_id,
						  operator_status, discharge_method, codes, notes)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
						on conflict (institution_id, content_key) do nothing
						""",
				args);
		boolean[] stored = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			stored[i] = counts[i] == 1;
		}
		return stored;
	}

	void insertProcedures(List<NewProcedure> procedures) {
		if (procedures.isEmpty()) {
			return;
		}
		List<Object[]> args = new ArrayList<>(procedures.size());
		for (NewProcedure n : procedures) {
			Procedure p = n.procedure();
			args.add(new Object[] { UUID.randomUUID(), n.recordId(), n.institutionId(), p.technology(),
					p.subTechnique(), p.code(), p.name(), p.mainProcedure(), p.specKey(), n.day() });
		}
		this.batch.batchUpdate("""
				insert into cases.discharge_procedure (id, record_id, institution_id, technology, sub_technique, code,
				  name, main_procedure, spec_key, procedure_date)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", args);
	}

	/** A record to insert. */
	record NewRecord(UUID id, UUID batchId, UUID institutionId, DischargeRow row, String contentKey,
			OperatorDirectory.Resolution operator, List<Map<String, Object>> codes, Mapping mapping,
			List<Procedure> procedures) {
	}

	/** A restricted procedure of a stored record. */
	record NewProcedure(UUID recordId, UUID institutionId, Procedure procedure, LocalDate day) {
	}

	List<BatchSummary> batches(UUID institutionId, int limit) {
		return this.jdbc
			.sql("select summary from cases.discharge_batch where institution_id = ? and summary <> '{}'"
					+ " order by uploaded_at desc limit ?")
			.param(institutionId)
			.param(limit)
			.query(String.class)
			.list()
			.stream()
			.map(s -> this.json.readValue(s, BatchSummary.class))
			.toList();
	}

	List<UUID> institutionsWithRecords() {
		return this.jdbc.sql("select distinct institution_id from cases.discharge_batch").query(UUID.class).list();
	}

	/**
	 * @return the restricted procedures of an institution in a period, each with its
	 * record and the matching submitted case report (rule in docs/discharge-scan.md); of
	 * a stay only the records of its newest upload
	 * ({@code cases.discharge_current_record})
	 */
	List<ProcedureRow> procedures(UUID institutionId, LocalDate from, LocalDate to, int windowDays) {
		return this.jdbc.sql("""
				select p.id, p.record_id, p.technology, p.sub_technique, p.code, p.name, p.main_procedure,
				  p.procedure_date, r.medical_record_no, r.department, r.discharge_date, r.operator_text,
				  r.row_no, b.file_name,
				  (select c.id from cases.case_report c
				    where c.institution_id = p.institution_id and c.technology = p.technology
				      and ltrim(c.medical_record_no, '0') = ltrim(r.medical_record_no, '0') and c.status = 'SUBMITTED'
				      and c.operation_date between p.procedure_date - ? and p.procedure_date + ?
				    order by abs(c.operation_date - p.procedure_date), c.id limit 1) as case_id
				from cases.discharge_procedure p
				join cases.discharge_current_record r on r.id = p.record_id
				join cases.discharge_batch b on b.id = r.batch_id
				where p.institution_id = ? and p.procedure_date between ? and ?
				order by p.procedure_date, r.medical_record_no, p.technology
				""")
			.params(windowDays, windowDays, institutionId, from, to)
			.query((rs, n) -> new ProcedureRow(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
					rs.getString("technology"), rs.getString("sub_technique"), rs.getString("code"),
					rs.getString("name"), rs.getString("main_procedure"),
					rs.getObject("procedure_date", LocalDate.class), rs.getString("medical_record_no"),
					rs.getString("department"), rs.getObject("discharge_date", LocalDate.class),
					rs.getString("operator_text"), rs.getInt("row_no"), rs.getString("file_name"),
					rs.getObject("case_id", UUID.class)))
			.list();
	}

	/**
	 * @return records of an institution in a period (by 手术日期, else 出院日期) with notes about
	 * codes; of a stay only the records of its newest upload
	 */
	List<NoteRow> notes(UUID institutionId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select r.id, r.medical_record_no, r.department, coalesce(r.operation_date, r.discharge_date) as day,
				  r.discharge_date, r.operator_text, r.row_no, b.file_name, r.notes::text as notes
				from cases.discharge_current_record r
				join cases.discharge_batch b on b.id = r.batch_id
				where r.institution_id = ? and r.notes <> '[]'
				  and coalesce(r.operation_date, r.discharge_date) between ? and ?
				order by day, r.medical_record_no
				""")
			.params(institutionId, from, to)
			.query((rs, n) -> new NoteRow(rs.getObject("id", UUID.class), rs.getString("medical_record_no"),
					rs.getString("department"), rs.getObject("day", LocalDate.class),
					rs.getObject("discharge_date", LocalDate.class), rs.getString("operator_text"), rs.getInt("row_no"),
					rs.getString("file_name"), rs.getString("notes")))
			.list();
	}

	record ProcedureRow(UUID id, UUID recordId, String technology, @Nullable String subTechnique, String code,
			String name, @Nullable String mainProcedure, LocalDate day, String medicalRecordNo,
			@Nullable String department, LocalDate dischargeDate, @Nullable String operatorText, int rowNo,
			String fileName, @Nullable UUID caseId) {
	}

	record NoteRow(UUID recordId, String medicalRecordNo, @Nullable String department, LocalDate day,
			LocalDate dischargeDate, @Nullable String operatorText, int rowNo, String fileName, String notesJson) {
	}

}
