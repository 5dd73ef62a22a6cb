package cn.rtms.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the submitted cases of an assessment's subject and period, and their follow-ups,
 * from the case registry's read-only views {@code cases.assessment_case} and
 * {@code cases.assessment_follow_up} (the cases module's SQL API for this module).
 */
@Component
class CaseFacts {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param request subject and period (operation date within it)
	 * @return the cases, oldest operation first
	 */
	List<CaseRow> cases(AssessmentRequest request) {
		return this.jdbc.sql("""
				select id, form_key, medical_record_no, patient_pseudonym, operation_date, discharge_date,
				       discharge_status, death_date, informed_consent, complications, form_data, flags, source,
				       amendment_count
				from cases.assessment_case
				where institution_id = :institution and technology = :technology
				  and operation_date between :from and :to
				  and (cast(:operator as uuid) is null or operator_id = cast(:operator as uuid))
				order by operation_date, medical_record_no""")
			.param("institution", request.institutionId())
			.param("technology", request.technology())
			.param("from", request.from())
			.param("to", request.to())
			.param("operator", request.physicianId() == null ? null : request.physicianId().toString())
			.query((rs, n) -> caseRow(rs))
			.list();
	}

	/**
	 * @param request subject and period
	 * @return the follow-ups of the cases operated in the period, by due date
	 */
	List<FollowUpRow> followUps(AssessmentRequest request) {
		return this.jdbc.sql("""
				select f.case_id, f.label, f.period, f.due_date, f.performed_on, f.vital_status, f.death_date,
				       f.cancelled_on
				from cases.assessment_follow_up f
				join cases.assessment_case c on c.id = f.case_id
				where c.institution_id = :institution and c.technology = :technology
				  and c.operation_date between :from and :to
				  and (cast(:operator as uuid) is null or c.operator_id = cast(:operator as uuid))
				order by f.due_date, f.case_id""")
			.param("institution", request.institutionId())
			.param("technology", request.technology())
			.param("from", request.from())
			.param("to", request.to())
			.param("operator", request.physicianId() == null ? null : request.physicianId().toString())
			.query((rs, n) -> new FollowUpRow(rs.getObject("case_id", UUID.class), rs.getString("label"),
					rs.getString("period"), rs.getObject("due_date", LocalDate.class),
					rs.getObject("performed_on", LocalDate.class), rs.getString("vital_status"),
					rs.getObject("death_date", LocalDate.class), rs.getObject("cancelled_on", LocalDate.class)))
			.list();
	}

	private CaseRow caseRow(ResultSet rs) throws SQLException {
		List<ComplicationRow> complications = new ArrayList<>();
		for (JsonNode c : this.json.readTree(rs.getString("complications"))) {
			JsonNode serious = c.get("serious");
			complications.add(new ComplicationRow(text(c, "name"), text(c, "grade"), text(c, "type"),
					(serious == null || serious.isNull()) ? null : serious.asBoolean()));
		}
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		JsonNode form = this.json.readTree(rs.getString("form_data"));
		for (Map.Entry<String, JsonNode> e : form.properties()) {
			fields.put(e.getKey(), e.getValue());
		}
		List<String> flags = new ArrayList<>();
		for (JsonNode f : this.json.readTree(rs.getString("flags"))) {
			String code = text(f, "code");
			if (code != null) {
				flags.add(code);
			}
		}
		Object consent = rs.getObject("informed_consent");
		return new CaseRow(rs.getObject("id", UUID.class), rs.getString("form_key"), rs.getString("medical_record_no"),
				rs.getString("patient_pseudonym"), rs.getObject("operation_date", LocalDate.class),
				rs.getObject("discharge_date", LocalDate.class), rs.getString("discharge_status"),
				rs.getObject("death_date", LocalDate.class), consent == null ? null : (Boolean) consent, complications,
				fields, flags, rs.getString("source"), rs.getInt("amendment_count"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * A submitted case as the assessment reads it.
	 *
	 * @param id case
	 * @param formKey case-form definition
	 * @param medicalRecordNo 病案号
	 * @param pseudonym patient pseudonym
	 * @param operationDate operation date
	 * @param dischargeDate discharge date
	 * @param dischargeStatus discharge status code
	 * @param deathDate death recorded on the case
	 * @param informedConsent consent recorded
	 * @param complications complications
	 * @param fields technology-specific fields by key
	 * @param flags flag codes set on submit
	 * @param source FORM, IMPORT or DEMO
	 * @param amendments number of amendments
	 */
	record CaseRow(UUID id, String formKey, String medicalRecordNo, String pseudonym, LocalDate operationDate,
			@Nullable LocalDate dischargeDate, @Nullable String dischargeStatus, @Nullable LocalDate deathDate,
			@Nullable Boolean informedConsent, List<ComplicationRow> complications, Map<String, JsonNode> fields,
			List<String> flags, String source, int amendments) {
	}

	/**
	 * A complication of a case.
	 *
	 * @param name what happened
	 * @param grade Clavien-Dindo grade
	 * @param type type code, when the form has types
	 * @param serious whether the clerk marked it serious (严重并发症), null when not recorded
	 */
	record ComplicationRow(@Nullable String name, @Nullable String grade, @Nullable String type,
			@Nullable Boolean serious) {
	}

	/**
	 * A follow-up of a case.
	 *
	 * @param caseId case
	 * @param label e.g. 术后6个月
	 * @param period ISO period, e.g. P6M
	 * @param dueDate due date
	 * @param performedOn when performed
	 * @param vitalStatus ALIVE, DEAD or LOST
	 * @param deathDate death date recorded at the follow-up
	 * @param cancelledOn when cancelled (after a death)
	 */
	record FollowUpRow(UUID caseId, String label, String period, LocalDate dueDate, @Nullable LocalDate performedOn,
			@Nullable String vitalStatus, @Nullable LocalDate deathDate, @Nullable LocalDate cancelledOn) {
	}

}
