package cn.rtms.cases.discharge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.discharge.BatchSummary.CodeCount;
import cn.rtms.cases.discharge.DischargeFileReader.Result;
import cn.rtms.cases.discharge.ProcedureCatalogue.CodeNote;
import cn.rtms.cases.discharge.ProcedureCatalogue.Mapping;
import cn.rtms.cases.discharge.ProcedureCatalogue.Procedure;
import cn.rtms.cases.codes.ProcedureCodeNormaliser.NormalisedCode;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.SpecificationManagement;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports discharge abstracts (出院病案首页) of a hospital for the discharge scan: one batch
 * per upload, all rows or none, the same file or the same rows never twice. The
 * institution is always the uploader's own (session), never a field of the request. Every
 * import is audited ({@code DISCHARGE_BATCH_IMPORTED}). Format, columns and rules:
 * docs/discharge-scan.md.
 */
@Service
public class DischargeRecords {

	private static final int TOP_UNMATCHED = 20;

	/** Rows stored per JDBC batch. */
	private static final int FLUSH_SIZE = 500;

	private final DischargeStore store;

	private final AccessPolicy access;

	private final PersonnelManagement personnel;

	private final InstitutionManagement institutions;

	private final AuditTrail audit;

	private final Clock clock;

	private final ProcedureCatalogue catalogue;

	private final long maxBytes;

	private final int maxRows;

	DischargeRecords(DischargeStore store, AccessPolicy access, PersonnelManagement personnel,
			InstitutionManagement institutions, SpecificationManagement specs, AuditTrail audit, Clock clock,
			@Value("${rtms.discharge.max-upload-size:20971520}") long maxBytes,
			@Value("${rtms.discharge.max-rows:200000}") int maxRows) {
		this.store = store;
		this.access = access;
		this.personnel = personnel;
		this.institutions = institutions;
		this.audit = audit;
		this.clock = clock;
		this.catalogue = ProcedureCatalogue.of(specs.procedureCodes());
		this.maxBytes = maxBytes;
		this.maxRows = maxRows;
	}

	/**
	 * Imports one file for the current user's institution.
	 * @param fileName the file's name as uploaded
	 * @param content its bytes (CSV UTF-8/GBK or XLSX, decided by content)
	 * @return the batch; for a file imported before (same sha256), the earlier batch with
	 * {@code alreadyImported}
	 * @throws InvalidDischargeFile when the file or any row is bad (nothing stored)
	 * @throws DischargeFileTooLarge above the size or row limit
	 * @throws cn.rtms.identity.AccessDenied unless a hospital clerk or hospital admin
	 */
	@Transactional
	public BatchSummary upload(String fileName, byte[] content) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		UUID institutionId = user.institutionId();
		if (institutionId == null) {
			throw new cn.rtms.identity.AccessDenied("当前账号未关联医疗机构，不能导入出院病案首页");
		}
		String sha256 = Digests.sha256(content);
		BatchSummary earlier = this.store.batchBySha(institutionId, sha256).orElse(null);
		if (earlier != null) {
			this.audit.recordEvent("DISCHARGE_FILE_REPEATED", "DischargeBatch", earlier.id().toString(),
					Map.of("fileName", cn.rtms.web.InputRules.sanitiseFileName(fileName), "sha256", sha256));
			return earlier.asAlreadyImported();
		}
		UUID batchId = UUID.randomUUID();
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		String name = cn.rtms.web.InputRules.sanitiseFileName(fileName);
		try {
			this.store.insertBatch(batchId, institutionId, name, sha256, "CSV", null, now, user.id());
		}
		catch (DuplicateKeyException ex) {
			throw new ProblemException(HttpStatus.CONFLICT, "DISCHARGE_UPLOAD_CONFLICT", "文件正在导入",
					"同一文件“" + name + "”正在由另一请求导入，请稍后刷新查看结果", List.of());
		}
		OperatorDirectory operators = OperatorDirectory.of(this.personnel, institutionId);
		Tally tally = new Tally();
		Result result = DischargeFileReader.read(fileName, content, today, this.maxBytes, this.maxRows,
				row -> store(batchId, institutionId, row, operators, tally));
		if (result.errors().isEmpty()) {
			flush(tally);
		}
		if (!result.errors().isEmpty()) {
			throw new InvalidDischargeFile("文件“" + result.fileName() + "”有 " + result.errors().size()
					+ (result.errors().size() >= DischargeFileReader.MAX_ERRORS ? " 处以上" : " 处") + "错误，全部未导入；请改正后重新上传",
					result.errors());
		}
		if (result.rows() == 0) {
			throw new InvalidDischargeFile("文件“" + result.fileName() + "”只有表头，没有数据行；本次导入未生效", List.of());
		}
		BatchSummary summary = new BatchSummary(batchId, institutionId, this.institutions.nameOf(institutionId),
				result.fileName(), result.format(), result.charset(), result.rows(), tally.inserted,
				result.rows() - tally.inserted, tally.restricted, new TreeMap<>(tally.byTechnology),
				tally.operatorsUnresolved, tally.firstDischarge, tally.lastDischarge, false, now,
				result.ignoredColumns(), counts(tally.invalid), counts(tally.suspect), top(tally.unmatched),
				result.warnings());
		this.store.completeBatch(summary);
		this.store.setFormat(batchId, result.format(), result.charset());
		this.audit.record("DISCHARGE_BATCH_IMPORTED", "DischargeBatch", batchId.toString(), null,
				Map.of("fileName", summary.fileName(), "sha256", sha256, "rows", summary.rows(), "inserted",
						summary.inserted(), "duplicates", summary.duplicates(), "restricted", summary.restricted()));
		return summary;
	}

	/**
	 * @param institutionId the institution; null for the current hospital user's own
	 * @return its most recent batches (at most 50)
	 * @throws cn.rtms.identity.AccessDenied when the institution is outside the current
	 * user's scope
	 */
	@Transactional(readOnly = true)
	public List<BatchSummary> batches(@Nullable UUID institutionId) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
				Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN);
		UUID id = institutionId != null ? institutionId : user.institutionId();
		if (id == null) {
			return List.of();
		}
		this.access.checkInstitution(id, regionOf(id));
		return this.store.batches(id, 50);
	}

	private String regionOf(UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		return region == null ? "" : region;
	}

	private void store(UUID batchId, UUID institutionId, DischargeRow row, OperatorDirectory operators, Tally tally) {
		Mapping mapping = this.catalogue.map(row.principalCode(), row.otherCodes());
		List<Procedure> procedures = onePerTechnology(mapping.procedures());
		OperatorDirectory.Resolution operator = operators.resolve(row.operator());
		List<Map<String, Object>> codes = new ArrayList<>();
		if (row.principalCode() != null) {
			codes.add(code(row.principalCode(), true));
		}
		row.otherCodes().forEach(c -> codes.add(code(c, false)));
		if (tally.firstDischarge == null || row.dischargeDate().isBefore(tally.firstDischarge)) {
			tally.firstDischarge = row.dischargeDate();
		}
		if (tally.lastDischarge == null || row.dischargeDate().isAfter(tally.lastDischarge)) {
			tally.lastDischarge = row.dischargeDate();
		}
		tally.pending.add(new DischargeStore.NewRecord(UUID.randomUUID(), batchId, institutionId, row, row.contentKey(),
				operator, codes, mapping, procedures));
		if (tally.pending.size() >= FLUSH_SIZE) {
			flush(tally);
		}
	}

	/**
	 * Stores the pending rows with one JDBC batch (rows whose content was stored before
	 * are skipped by the database) and counts what was stored.
	 */
	private void flush(Tally tally) {
		if (tally.pending.isEmpty()) {
			return;
		}
		boolean[] stored = this.store.insertRecords(tally.pending);
		List<DischargeStore.NewProcedure> procedures = new ArrayList<>();
		for (int i = 0; i < stored.length; i++) {
			if (stored[i]) {
				count(tally.pending.get(i), tally, procedures);
			}
		}
		this.store.insertProcedures(procedures);
		tally.pending.clear();
	}

	private void count(DischargeStore.NewRecord record, Tally tally, List<DischargeStore.NewProcedure> procedures) {
		tally.inserted++;
		LocalDate day = record.row().operationDate();
		if (day != null) {
			for (Procedure p : record.procedures()) {
				procedures.add(new DischargeStore.NewProcedure(record.id(), record.institutionId(), p, day));
				tally.restricted++;
				tally.byTechnology.merge(p.technology(), 1, Integer::sum);
			}
		}
		if (!record.procedures().isEmpty() && record.operator().status() != OperatorDirectory.Status.RESOLVED) {
			tally.operatorsUnresolved++;
		}
		Mapping mapping = record.mapping();
		for (CodeNote note : mapping.notes()) {
			Map<String, Tally.Count> target = switch (note.note()) {
				case INVALID_CODE -> tally.invalid;
				case SUSPECT_CODE -> tally.suspect;
				case ROBOTIC_WITHOUT_MAIN -> null;
			};
			if (target == null) {
				continue;
			}
			String key = note.code() != null ? note.code() : note.raw().strip();
			target.computeIfAbsent(key, k -> new Tally.Count(note.message())).n++;
		}
		Set<String> mapped = new HashSet<>();
		record.procedures().forEach(p -> mapped.add(p.code()));
		mapping.notes().forEach(n -> {
			if (n.code() != null) {
				mapped.add(n.code());
			}
		});
		record.codes().forEach(c -> {
			Object code = c.get("code");
			if (code instanceof String s && !mapped.contains(s) && this.catalogue.find(s) == null) {
				tally.unmatched.computeIfAbsent(s, k -> new Tally.Count(null)).n++;
			}
		});
	}

	static List<Procedure> onePerTechnology(List<Procedure> procedures) {
		Map<String, Procedure> first = new LinkedHashMap<>();
		procedures.stream()
			.sorted(Comparator.comparing(p -> !p.principal()))
			.forEach(p -> first.putIfAbsent(p.technology(), p));
		return List.copyOf(first.values());
	}

	private static Map<String, Object> code(NormalisedCode code, boolean principal) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("raw", code.raw());
		map.put("code", code.code());
		map.put("principal", principal);
		return map;
	}

	private static List<CodeCount> counts(Map<String, Tally.Count> counts) {
		return counts.entrySet()
			.stream()
			.map(e -> new CodeCount(e.getKey(), e.getValue().n, e.getValue().message))
			.sorted(Comparator.comparing(CodeCount::count).reversed().thenComparing(CodeCount::code))
			.limit(100)
			.toList();
	}

	private static List<CodeCount> top(Map<String, Tally.Count> counts) {
		return counts(counts).stream().limit(TOP_UNMATCHED).toList();
	}

	private static final class Tally {

		int inserted;

		int restricted;

		int operatorsUnresolved;

		@Nullable LocalDate firstDischarge;

		@Nullable LocalDate lastDischarge;

		final Map<String, Integer> byTechnology = new HashMap<>();

		final Map<String, Count> invalid = new HashMap<>();

		final Map<String, Count> suspect = new HashMap<>();

		final Map<String, Count> unmatched = new HashMap<>();

		final List<DischargeStore.NewRecord> pending = new ArrayList<>();

		static final class Count {

			final @Nullable String message;

			int n;

			Count(@Nullable String message) {
				this.message = message;
			}

		}

	}

}
