package cn.rtms.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case report as entered (form, import, HIS): the common fields and the technology's
 * form fields. Nulls and empty lists are accepted here; {@link CaseManagement#check} says
 * what a submitted case lacks.
 *
 * @param institutionId the institution; ignored for hospital users (always their own)
 * @param technology technology code, e.g. G08
 * @param subTechnique sub-technique code of the spec in force, or null
 * @param route route code of the spec in force, or null
 * @param procedureCodes ICD-9-CM-3 (国家临床版) procedure codes
 * @param medicalRecordNo 病案号
 * @param inpatientNo 住院号
 * @param patient the patient
 * @param admissionDate 入院日期
 * @param operationDate 手术/治疗日期
 * @param dischargeDate 出院日期
 * @param department 科室
 * @param operatorId 术者 (a person of the institution)
 * @param assistantIds 助手 (people of the institution)
 * @param informedConsent whether informed consent is recorded
 * @param complications complications with onset date and Clavien-Dindo grade
 * @param deathDate date of death, if the patient died
 * @param dischargeStatus 离院方式 code, see {@link CaseForms#DISCHARGE_STATUSES}
 * @param fields technology-specific values by field key (see {@link CaseForm#fields()})
 * @param devices devices and consumables used
 */
public record CaseInput(@Nullable UUID institutionId, String technology, @Nullable String subTechnique,
		@Nullable String route, List<String> procedureCodes, String medicalRecordNo, @Nullable String inpatientNo,
		PatientInput patient, @Nullable LocalDate admissionDate, @Nullable LocalDate operationDate,
		@Nullable LocalDate dischargeDate, @Nullable String department, @Nullable UUID operatorId,
		List<UUID> assistantIds, @Nullable Boolean informedConsent, List<Complication> complications,
		@Nullable LocalDate deathDate, @Nullable String dischargeStatus, Map<String, Object> fields,
		List<DeviceInput> devices) {

	/**
	 * Replaces missing lists and maps (JSON without them) by empty ones.
	 */
	public CaseInput {
		technology = (technology == null) ? "" : technology;
		medicalRecordNo = (medicalRecordNo == null) ? "" : medicalRecordNo;
		patient = (patient == null) ? new PatientInput(null, null, null, null, null) : patient;
		procedureCodes = (procedureCodes == null) ? List.of() : procedureCodes;
		assistantIds = (assistantIds == null) ? List.of() : assistantIds;
		complications = (complications == null) ? List.of() : complications;
		fields = (fields == null) ? Map.of() : fields;
		devices = (devices == null) ? List.of() : devices;
	}

}
