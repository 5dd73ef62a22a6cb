package cn.rtms.cases.export;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.UnknownCaseForm;
import cn.rtms.cases.export.ExportedCase.Complication;
import cn.rtms.cases.export.ExportedCase.Device;
import cn.rtms.cases.export.ExportedCase.Flag;
import cn.rtms.cases.export.ExportedCase.Patient;
import cn.rtms.cases.export.ExportedCase.Performer;
import cn.rtms.cases.export.ExportedCase.ProcedureCode;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the submitted cases of one institution whose operation date lies in a period,
 * page by page (keyset on operation date and id, {@value #PAGE} cases a page), with their
 * devices and amendment counts, and resolves operators and assistants to their 执业证书编码 and
 * name. The patient's encrypted name, ID number and phone are never selected.
 */
@Component
class CaseExportReader {

	static final int PAGE = 500;

	private static final String CASES = """
			select r.id, r.technology, r.form_key, r.sub_technique, r.route, r.procedure_codes::text as procedure_codes,
			       r.admission_date, r.operation_date, r.discharge_date, r.department, r.operator_id,
			       r.assistant_ids::text as assistant_ids, r.patient_pseudonym, r.patient_sex, r.patient_birth_date,
			       r.informed_consent, r.complications::text as complications, r.death_date, r.discharge_status,
			       r.form_data::text as form_data, r.flags::text as flags, r.submitted_at, r.source,
			       (select count(*) from cases.case_amendment a where a.case_id = r.id) as amendments
			  from cases.case_report r
			 where r.institution_id = :institution and r.status = 'SUBMITTED'
			   and r.operation_date between :from and :to
			   and (r.operation_date, r.id) > (:afterDate, :afterId)
			 order by r.operation_date, r.id
			 limit :limit
			""";

	private static final String DEVICES = """
			select case_id, position, scanned, barcode_type, gtin, lot, serial, expiry_date, production_date,
			       registration_no, name, single_use, quantity
			  from cases.case_device
			 where case_id in (:ids)
			 order by case_id, position
			""";

	private static final UUID NO_ID = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PersonnelManagement personnel;

	private final CatalogManagement catalog;

	private final CaseForms forms;

	CaseExportReader(JdbcClient jdbc, JsonMapper json, PersonnelManagement personnel, CatalogManagement catalog,
			CaseForms forms) {
		this.forms = forms;
		this.jdbc = jdbc;
		this.json = json;
		this.personnel = personnel;
		this.catalog = catalog;
	}

	/**
	 * Feeds every submitted case of the institution operated on from {@code from} to
	 * {@code to} (both included) to the consumer, in operation-date order.
	 * @param institutionId the institution
	 * @param from first operation date
	 * @param to last operation date
	 * @param consumer receives each case
	 * @return how many cases were read
	 */
	int read(UUID institutionId, LocalDate from, LocalDate to, Consumer<ExportedCase> consumer) {
		People people = new People(institutionId);
		Map<String, @Nullable String> technologyNames = new HashMap<>();
		LocalDate afterDate = from.minusDays(1);
		UUID afterId = NO_ID;
		int count = 0;
		while (true) {
			List<Row> rows = this.jdbc.sql(CASES)
				.param("institution", institutionId)
				.param("from", from)
				.param("to", to)
				.param("afterDate", afterDate)
				.param("afterId", afterId)
				.param("limit", PAGE)
				.query(this::row)
				.list();
			if (rows.isEmpty()) {
				return count;
			}
			Map<UUID, List<Device>> devices = devices(rows.stream().map(Row::id).toList());
			for (Row row : rows) {
				String technologyName = technologyNames.computeIfAbsent(row.technology(),
						code -> this.catalog.find(code).map(RestrictedTechnology::name).orElse(null));
				consumer.accept(toCase(row, technologyName, devices.getOrDefault(row.id(), List.of()), people));
				count++;
			}
			Row last = rows.get(rows.size() - 1);
			if (rows.size() < PAGE) {
				return count;
			}
			afterDate = last.operationDate();
			afterId = last.id();
		}
	}

	private ExportedCase toCase(Row row, @Nullable String technologyName, List<Device> devices, People people) {
		JsonNode procedureCodes = this.json.readTree(row.procedureCodes());
		List<ProcedureCode> codes = new ArrayList<>();
		for (JsonNode code : procedureCodes) {
			if (code.isString()) {
				codes.add(new ProcedureCode(code.asString(), null, null));
			}
			else if (code.hasNonNull("code")) {
				codes.add(new ProcedureCode(code.get("code").asString(), text(code, "name"),
						code.hasNonNull("inSpecList") ? code.get("inSpecList").asBoolean() : null));
			}
		}
		List<Performer> assistants = new ArrayList<>();
		for (JsonNode id : this.json.readTree(row.assistantIds())) {
			String value = id.isString() ? id.asString() : text(id, "id");
			if (value != null) {
				assistants.add(people.performer(UUID.fromString(value)));
			}
		}
		List<Complication> complications = new ArrayList<>();
		for (JsonNode c : this.json.readTree(row.complications())) {
			String name = text(c, "name");
			if (name != null) {
				String onset = text(c, "onsetDate");
				String type = text(c, "type");
				JsonNode serious = c.get("serious");
				complications.add(new Complication(name, onset == null ? null : LocalDate.parse(onset),
						text(c, "grade"), type, (type == null) ? null : typeName(row.formKey(), type),
						(serious == null || serious.isNull()) ? null : serious.asBoolean()));
			}
		}
		List<Flag> flags = new ArrayList<>();
		for (JsonNode f : this.json.readTree(row.flags())) {
			String code = f.isString() ? f.asString() : text(f, "code");
			if (code != null) {
				String message = text(f, "message");
				flags.add(new Flag(code, message != null ? message : CaseExportCodes.FLAGS.getOrDefault(code, code)));
			}
		}
		JsonNode formData = this.json.readTree(row.formData());
		ObjectNode fields = formData instanceof ObjectNode object ? object : this.json.createObjectNode();
		LocalDate birth = row.birthDate();
		Patient patient = new Patient(row.pseudonym(), row.sex(), birth == null ? null : birth.getYear(),
				birth == null ? null : Period.between(birth, row.operationDate()).getYears());
		return new ExportedCase(row.id(), row.technology(), technologyName, row.formKey(), row.subTechnique(),
				row.route(), List.copyOf(codes), row.admissionDate(), row.operationDate(), row.dischargeDate(),
				row.department(), row.operatorId() == null ? null : people.performer(row.operatorId()),
				List.copyOf(assistants), patient, row.informedConsent(), List.copyOf(complications), row.deathDate(),
				row.dischargeStatus(), devices, fields, List.copyOf(flags), row.amendments(), row.submittedAt(),
				row.source());
	}

	private Map<UUID, List<Device>> devices(List<UUID> caseIds) {
		Map<UUID, List<Device>> devices = new HashMap<>();
		this.jdbc.sql(DEVICES).param("ids", caseIds).query((rs, n) -> {
			UUID caseId = rs.getObject("case_id", UUID.class);
			devices.computeIfAbsent(caseId, id -> new ArrayList<>())
				.add(new Device(rs.getInt("position"), rs.getString("scanned"), rs.getString("barcode_type"),
						rs.getString("gtin"), rs.getString("lot"), rs.getString("serial"), date(rs, "expiry_date"),
						date(rs, "production_date"), rs.getString("registration_no"), rs.getString("name"),
						rs.getBoolean("single_use"), rs.getInt("quantity")));
			return caseId;
		}).list();
		return devices;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Object informed = rs.getObject("informed_consent");
		LocalDate operationDate = date(rs, "operation_date");
		if (operationDate == null) {
			throw new IllegalStateException("已提交病例缺少手术日期：" + rs.getString("id"));
		}
		return new Row(rs.getObject("id", UUID.class), rs.getString("technology"), rs.getString("form_key"),
				rs.getString("sub_technique"), rs.getString("route"), rs.getString("procedure_codes"),
				date(rs, "admission_date"), operationDate, date(rs, "discharge_date"), rs.getString("department"),
				rs.getObject("operator_id", UUID.class), rs.getString("assistant_ids"),
				rs.getString("patient_pseudonym"), rs.getString("patient_sex"), date(rs, "patient_birth_date"),
				informed == null ? null : (Boolean) informed, rs.getString("complications"), date(rs, "death_date"),
				rs.getString("discharge_status"), rs.getString("form_data"), rs.getString("flags"),
				submitted == null ? null : submitted.toInstant(), rs.getString("source"), rs.getInt("amendments"));
	}

	private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private @Nullable String typeName(String formKey, String type) {
		try {
			return this.forms.get(formKey).complicationType(type).map(CaseField.Option::name).orElse(null);
		}
		catch (UnknownCaseForm ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private record Row(UUID id, String technology, String formKey, @Nullable String subTechnique,
			@Nullable String route, String procedureCodes, @Nullable LocalDate admissionDate, LocalDate operationDate,
			@Nullable LocalDate dischargeDate, @Nullable String department, @Nullable UUID operatorId,
			String assistantIds, String pseudonym, @Nullable String sex, @Nullable LocalDate birthDate,
			@Nullable Boolean informedConsent, String complications, @Nullable LocalDate deathDate,
			@Nullable String dischargeStatus, String formData, String flags, java.time.@Nullable Instant submittedAt,
			String source, int amendments) {
	}

	/**
	 * Operators and assistants by id: the institution's staff first, everybody else
	 * (多点执业) looked up once when needed.
	 */
	private final class People {

		private final Map<UUID, Performer> known = new LinkedHashMap<>();

		private boolean everybodyLoaded;

		People(UUID institutionId) {
			CaseExportReader.this.personnel.atInstitution(institutionId).forEach(this::add);
		}

		Performer performer(UUID id) {
			Performer performer = this.known.get(id);
			if (performer == null && !this.everybodyLoaded) {
				this.everybodyLoaded = true;
				CaseExportReader.this.personnel.all().forEach(this::add);
				performer = this.known.get(id);
			}
			return performer != null ? performer : new Performer(id, null, "（人员记录不存在）");
		}

		private void add(PersonDetails person) {
			UUID id = person.id();
			if (id != null) {
				this.known.put(id,
						new Performer(id, person.licence() == null ? null : person.licence().number(), person.name()));
			}
		}

	}

}
