package cn.rtms.cases.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.web.InputRules;
import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the submitted cases of one hospital operated on in a period (at most one year):
 * the provincial record as JSON or Excel, or a FHIR R4 Bundle. The hospital's own clerk
 * and administrator export their institution; authorities institutions in their region;
 * the system administrator any. Every export is audited ({@code CASES_EXPORTED}: who,
 * which institution, format, period, how many cases, whether it completed).
 */
@Service
public class CaseExports {

	/** Longest period one export may cover. */
	public static final int MAX_MONTHS = 12;

	private final InstitutionManagement institutions;

	private final AccessPolicy access;

	private final CaseExportReader reader;

	private final AuditTrail audit;

	private final Clock clock;

	CaseExports(InstitutionManagement institutions, AccessPolicy access, CaseExportReader reader, AuditTrail audit,
			Clock clock) {
		this.institutions = institutions;
		this.access = access;
		this.reader = reader;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an export writes. */
	public enum Format {

		/** The provincial record as an Excel workbook. */
		XLSX,

		/** The provincial record as JSON. */
		JSON,

		/** A FHIR R4 collection Bundle. */
		FHIR

	}

	/**
	 * A checked export request, ready to be written.
	 *
	 * @param institution the hospital
	 * @param from first operation date
	 * @param to last operation date
	 * @param format what to write
	 * @param generatedAt when the export was asked for
	 */
	public record Export(ExportedInstitution institution, LocalDate from, LocalDate to, Format format,
			Instant generatedAt) {

		/**
		 * @return a file name for the download, e.g.
		 * {@code 病例上报_长春市中心医院_2026-01-01_2026-06-30.xlsx}
		 */
		public String fileName() {
			String stem = (this.format == Format.FHIR ? "病例FHIR_" : "病例上报_") + this.institution.name() + "_" + this.from
					+ "_" + this.to;
			return stem + (this.format == Format.XLSX ? ".xlsx" : ".json");
		}

	}

	/**
	 * Checks the parameters and the current user's right to export the institution's
	 * cases.
	 * @param institutionId the institution's id; may be omitted by hospital users (their
	 * own)
	 * @param from first operation date, {@code yyyy-MM-dd}
	 * @param to last operation date, {@code yyyy-MM-dd}, not before {@code from} and less
	 * than {@value #MAX_MONTHS} months after it
	 * @param format {@code xlsx} or {@code json}
	 * @return the export to write
	 * @throws InvalidCaseExport naming each bad parameter (400)
	 * @throws cn.rtms.identity.AccessDenied when the user may not export this
	 * institution's cases (403)
	 * @throws cn.rtms.institutions.InstitutionNotFound when there is no such institution
	 * (404)
	 */
	public Export prepareProvincial(@Nullable String institutionId, @Nullable String from, @Nullable String to,
			@Nullable String format) {
		return prepare(institutionId, from, to, format, false);
	}

	/**
	 * As {@link #prepareProvincial} for the FHIR bundle.
	 * @param institutionId the institution's id; may be omitted by hospital users
	 * @param from first operation date
	 * @param to last operation date
	 * @return the export to write
	 */
	public Export prepareFhir(@Nullable String institutionId, @Nullable String from, @Nullable String to) {
		return prepare(institutionId, from, to, "fhir", true);
	}

	private Export prepare(@Nullable String institutionId, @Nullable String from, @Nullable String to,
			@Nullable String format, boolean fhir) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
				Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN);
		List<FieldProblem> errors = new ArrayList<>();
		UUID institution = null;
		if (institutionId == null || institutionId.isBlank()) {
			if (user.role().isInstitutional() && user.institutionId() != null) {
				institution = user.institutionId();
			}
			else {
				errors.add(new FieldProblem("institutionId", "请选择要导出的医疗机构"));
			}
		}
		else {
			try {
				institution = UUID.fromString(institutionId.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem("institutionId", "医疗机构 ID“" + institutionId + "”格式不正确"));
			}
		}
		LocalDate start = date("from", "开始日期", from, errors);
		LocalDate end = date("to", "结束日期", to, errors);
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				errors.add(new FieldProblem("to", "结束日期 " + end + " 早于开始日期 " + start));
			}
			else if (!end.isBefore(start.plusMonths(MAX_MONTHS))) {
				errors.add(new FieldProblem("to",
						"导出期间最长 1 年：结束日期应早于 " + start.plusMonths(MAX_MONTHS) + "（当前为 " + end + "），请分段导出"));
			}
		}
		Format chosen = null;
		if (format == null || format.isBlank()) {
			errors.add(new FieldProblem("format", "请选择导出格式（xlsx 或 json）"));
		}
		else {
			try {
				chosen = Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
				if ((chosen == Format.FHIR) != fhir) {
					throw new IllegalArgumentException(format);
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem("format", "不支持的导出格式“" + format + "”，可选 xlsx、json"));
			}
		}
		if (!errors.isEmpty() || institution == null || start == null || end == null || chosen == null) {
			throw new InvalidCaseExport(errors);
		}
		InstitutionDetails details = this.institutions.get(institution);
		return new Export(new ExportedInstitution(institution, details.name(),
				details.licence() == null ? null : details.licence().number(), details.regionCode(),
				details.regionName()), start, end, chosen, this.clock.instant());
	}

	/**
	 * Writes the export to the stream (left open) and audits it, also when writing fails
	 * half-way (then with {@code completed: false}). Reads in one repeatable-read
	 * transaction, so the file is one consistent snapshot.
	 * @param export a prepared export
	 * @param out where to write
	 * @return how many cases were written
	 * @throws IOException when the stream fails
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public int write(Export export, OutputStream out) throws IOException {
		CaseExportWriter writer = switch (export.format()) {
			case XLSX ->
				new ProvincialExcelWriter(out, export.institution(), export.from(), export.to(), export.generatedAt());
			case JSON ->
				new ProvincialJsonWriter(out, export.institution(), export.from(), export.to(), export.generatedAt());
			case FHIR ->
				new FhirBundleWriter(out, export.institution(), export.from(), export.to(), export.generatedAt());
		};
		int[] written = { 0 };
		boolean completed = false;
		try {
			this.reader.read(export.institution().id(), export.from(), export.to(), exported -> {
				try {
					writer.add(exported);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				written[0]++;
			});
			writer.finish();
			completed = true;
			return written[0];
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
		finally {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("institution", export.institution().name());
			details.put("format", export.format().name());
			details.put("from", export.from().toString());
			details.put("to", export.to().toString());
			details.put("cases", written[0]);
			details.put("completed", completed);
			this.audit.recordEvent("CASES_EXPORTED", "Institution", export.institution().id().toString(), details);
		}
	}

	private static @Nullable LocalDate date(String field, String label, @Nullable String value,
			List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldProblem(field, "请填写" + label + "（格式 yyyy-MM-dd）"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldProblem(field, label + "“" + value + "”不是有效日期（格式 yyyy-MM-dd，例如 2026-01-31）"));
			return null;
		}
		String problem = InputRules.problem(date);
		if (problem != null) {
			errors.add(new FieldProblem(field, label + "：" + problem));
			return null;
		}
		return date;
	}

}
