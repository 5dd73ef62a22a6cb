package cn.rtms.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.cases.PatientData;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of {@code cases.case_import} and {@code cases.case_import_problem}. Every
 * write runs in its own transaction ({@code REQUIRES_NEW}), so progress and problems are
 * visible to the polling UI while the import's own transaction is still open, and stay
 * when it rolls back.
 */
@Repository
class ImportJobs {

	/** Problems returned with a job (the annotated copy holds them all). */
	static final int PROBLEMS_SHOWN = 1_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate own;

	/** The largest part of a kept upload. */
	static final int UPLOAD_PART = 1 << 20;

	private final PatientData crypto;

	private final JsonMapper json = JsonMapper.builder().build();

	ImportJobs(JdbcTemplate jdbc, PlatformTransactionManager transactions, PatientData crypto) {
		this.jdbc = jdbc;
		this.crypto = crypto;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What is stored about an upload before it runs. */
	record NewImport(UUID id, UUID institutionId, String technology, String formKey, String fileName, String format,
			String charset, long size, String sha256, boolean validOnly, boolean confirmWarnings, UUID createdBy,
			Instant createdAt) {
	}

	/** What the worker needs to read the file again. */
	record Stored(UUID id, UUID institutionId, String technology, String formKey, String fileName, String format,
			String charset, boolean validOnly, boolean confirmWarnings, String status, int problemCount,
			@Nullable Integer errorColumn, List<Integer> dateColumns) {
	}

	void create(NewImport i) {
		this.own.executeWithoutResult(tx -> this.jdbc
			.update("""
					insert into cases.case_import (id, institution_id, technology, form_key, file_name, file_format,
					  file_charset, file_size, file_sha256, valid_only, confirm_warnings, status, created_by, created_at, node)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, current_setting('application_name'))""",
					i.id(), i.institutionId(), i.technology(), i.formKey(), i.fileName(), i.format(), i.charset(),
					i.size(), i.sha256(), i.validOnly(), i.confirmWarnings(), i.createdBy(),
					Timestamp.from(i.createdAt())));
	}

	void started(UUID id, Instant at, int errorColumn, List<Integer> dateColumns) {
		this.own.executeWithoutResult(tx -> this.jdbc.update(
				"update cases.case_import set status = 'RUNNING', started_at = ?, error_column = ?, date_columns = ?::jsonb where id = ?",
				Timestamp.from(at), errorColumn, this.json.writeValueAsString(dateColumns), id));
	}

	void progress(UUID id, @Nullable Integer total, int processed) {
		this.own.executeWithoutResult(tx -> this.jdbc.update(
				"update cases.case_import set total_rows = coalesce(?, total_rows), processed_rows = ? where id = ?",
				total, processed, id));
	}

	void problems(UUID id, int firstSeq, List<CellProblem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(problems.size());
		for (int i = 0; i < problems.size(); i++) {
			CellProblem p = problems.get(i);
			rows.add(new Object[] { id, firstSeq + i, p.row(), p.column(), cut(p.header(), 200),
					cut(p.message(), 1000) });
		}
		this.own.executeWithoutResult(tx -> this.jdbc.batchUpdate(
				"insert into cases.case_import_problem (import_id, seq, row_no, column_letter, header, message) values (?, ?, ?, ?, ?, ?)",
				rows));
	}

	/** How an import ended. */
	record Outcome(String status, int total, int processed, int inserted, int duplicates, int invalidRows,
			int problemCount, Map<String, Integer> findings, String outcome, Instant finishedAt) {
	}

	void finished(UUID id, Outcome o) {
		this.own.executeWithoutResult(tx -> this.jdbc.update(
				"""
						update cases.case_import set status = ?, total_rows = ?, processed_rows = ?, inserted = ?, duplicates = ?,
						  invalid_rows = ?, problem_count = ?, findings = ?::jsonb, outcome = ?, finished_at = ?
						where id = ?""",
				o.status(), o.total(), o.processed(), o.inserted(), o.duplicates(), o.invalidRows(), o.problemCount(),
				this.json.writeValueAsString(o.findings()), cut(o.outcome(), 1000), Timestamp.from(o.finishedAt()),
				id));
	}

	Optional<Stored> stored(UUID id) {
		return this.jdbc.query("""
				select id, institution_id, technology, form_key, file_name, file_format, file_charset, valid_only,
				  confirm_warnings, status, problem_count, error_column, date_columns
				from cases.case_import where id = ?""",
				(rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
						rs.getBoolean(9), rs.getString(10), rs.getInt(11), (Integer) rs.getObject(12),
						this.json.readValue(rs.getString(13), new TypeReference<List<Integer>>() {
						})),
				id)
			.stream()
			.findFirst();
	}

	Optional<ImportJob> find(UUID id, boolean copyAvailable) {
		return this.jdbc.query("""
				select id, technology, form_key, file_name, status, valid_only, total_rows, processed_rows, inserted,
				  duplicates, invalid_rows, problem_count, findings, outcome, created_at, finished_at
				from cases.case_import where id = ?""", (rs, n) -> {
			Timestamp finished = rs.getTimestamp(16);
			int problemCount = rs.getInt(12);
			return new ImportJob(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), (Integer) rs.getObject(7), rs.getInt(8), rs.getInt(9),
					rs.getInt(10), rs.getInt(11), problemCount,
					new TreeMap<>(this.json.readValue(rs.getString(13), new TypeReference<Map<String, Integer>>() {
					})), rs.getString(14), rs.getTimestamp(15).toInstant(),
					finished == null ? null : finished.toInstant(),
					problemCount == 0 ? List.of() : page(id, 0, PROBLEMS_SHOWN), copyAvailable && problemCount > 0);
		}, id).stream().findFirst();
	}

	/**
	 * @param caseIds cases just imported (in the caller's transaction)
	 * @return how many of them carry each flag code
	 */
	Map<String, Integer> flagCounts(List<UUID> caseIds) {
		Map<String, Integer> counts = new TreeMap<>();
		if (caseIds.isEmpty()) {
			return counts;
		}
		this.jdbc.query("""
				select f ->> 'code', count(*) from cases.case_report r, jsonb_array_elements(r.flags) f
				where r.id = any(?) group by 1""", rs -> {
			counts.put(rs.getString(1), rs.getInt(2));
		}, (Object) caseIds.toArray(new UUID[0]));
		return counts;
	}

	@Nullable UUID institutionOf(UUID id) {
		return this.jdbc
			.query("select institution_id from cases.case_import where id = ?", (rs, n) -> rs.getObject(1, UUID.class),
					id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	int running() {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from cases.case_import where status in ('QUEUED', 'RUNNING')", Integer.class);
		return n == null ? 0 : n;
	}

	/**
	 * Marks imports that a stopped node left queued or running as failed: those whose
	 * node (the {@code application_name} of the connection that stored them) has no
	 * connection to the database left. Imports another live node runs are left alone. A
	 * name shared by several nodes (configured by the operator) keeps their imports while
	 * any of them is connected.
	 */
	int abandon(Instant at) {
		return this.own.execute(tx -> this.jdbc
			.update("""
					update cases.case_import i set status = 'FAILED', outcome = ?, finished_at = ?
					where i.status in ('QUEUED', 'RUNNING')
					  and (i.node is null or not exists (select 1 from pg_stat_activity a
					                                     where a.application_name = i.node and a.datname = current_database()))""",
					"导入过程中平台停止，本次未导入任何病例，请重新上传", Timestamp.from(at)));
	}

	/**
	 * Keeps an uploaded file for the annotated copy: in parts of at most
	 * {@value #UPLOAD_PART} bytes, each encrypted with the patient-data key and bound to
	 * the import and the part's number, in one transaction of its own.
	 * @param id the import
	 * @param file the uploaded file
	 * @param until when the parts may be deleted
	 * @throws IOException when the file cannot be read
	 */
	void keepUpload(UUID id, Path file, Instant until) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			this.own.executeWithoutResult(tx -> {
				try {
					int part = 0;
					byte[] chunk;
					do {
						chunk = in.readNBytes(UPLOAD_PART);
						if (chunk.length > 0 || part == 0) {
							this.jdbc.update(
									"insert into cases.case_import_upload (import_id, part, content) values (?, ?, ?)",
									id, part, this.crypto.seal(chunk, context(id, part)));
						}
						part++;
					}
					while (chunk.length == UPLOAD_PART);
					this.jdbc.update("update cases.case_import set upload_kept_until = ? where id = ?",
							Timestamp.from(until), id);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * @param id an import
	 * @return whether its upload is kept
	 */
	boolean uploadKept(UUID id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from cases.case_import_upload where import_id = ?)", Boolean.class, id));
	}

	/**
	 * Writes a kept upload back, decrypted, part by part (one part in memory at a time).
	 * @param id an import
	 * @param out where the file goes (not closed)
	 * @return false when none is kept
	 * @throws IOException when writing fails
	 * @throws IllegalStateException when a part was altered or sealed with another key
	 */
	boolean restoreUpload(UUID id, OutputStream out) throws IOException {
		for (int part = 0;; part++) {
			List<byte[]> sealed = this.jdbc.query(
					"select content from cases.case_import_upload where import_id = ? and part = ?",
					(rs, n) -> rs.getBytes(1), id, part);
			if (sealed.isEmpty()) {
				return part > 0;
			}
			out.write(this.crypto.open(sealed.getFirst(), context(id, part)));
		}
	}

	/**
	 * Deletes the kept uploads whose time has passed.
	 * @param now the moment
	 * @return how many imports' uploads were deleted
	 */
	int purgeUploads(Instant now) {
		return this.own.execute(tx -> {
			List<UUID> expired = this.jdbc.queryForList(
					"select id from cases.case_import where upload_kept_until < ? for update skip locked", UUID.class,
					Timestamp.from(now));
			for (UUID id : expired) {
				this.jdbc.update("delete from cases.case_import_upload where import_id = ?", id);
				this.jdbc.update("update cases.case_import set upload_kept_until = null where id = ?", id);
			}
			return expired.size();
		});
	}

	private static byte[] context(UUID id, int part) {
		return (id + "#" + part).getBytes(StandardCharsets.UTF_8);
	}

	List<CellProblem> page(UUID id, int afterSeq, int limit) {
		return this.jdbc.query("""
				select row_no, column_letter, header, message, seq from cases.case_import_problem
				where import_id = ? and seq >= ? order by row_no, seq limit ?""",
				(rs, n) -> new CellProblem(ImportLayout.SHEET, rs.getInt(1), rs.getString(2), rs.getString(3),
						rs.getString(4)),
				id, afterSeq, limit);
	}

	/**
	 * @param id an import
	 * @return its problems by row, read page by page
	 */
	Iterator<CellProblem> byRow(UUID id) {
		return new Iterator<>() {

			private final List<CellProblem> buffer = new ArrayList<>();

			private int position;

			private int lastRow = -1;

			private int lastSeq = -1;

			private boolean exhausted;

			@Override
			public boolean hasNext() {
				if (this.position < this.buffer.size()) {
					return true;
				}
				if (this.exhausted) {
					return false;
				}
				this.buffer.clear();
				this.position = 0;
				List<int[]> keys = new ArrayList<>();
				ImportJobs.this.jdbc.query("""
						select row_no, column_letter, header, message, seq from cases.case_import_problem
						where import_id = ? and (row_no, seq) > (?, ?) order by row_no, seq limit 5000""", rs -> {
					this.buffer.add(new CellProblem(ImportLayout.SHEET, rs.getInt(1), rs.getString(2), rs.getString(3),
							rs.getString(4)));
					keys.add(new int[] { rs.getInt(1), rs.getInt(5) });
				}, id, this.lastRow, this.lastSeq);
				if (keys.isEmpty()) {
					this.exhausted = true;
					return false;
				}
				int[] last = keys.get(keys.size() - 1);
				this.lastRow = last[0];
				this.lastSeq = last[1];
				return true;
			}

			@Override
			public CellProblem next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.buffer.get(this.position++);
			}

		};
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
