package cn.rtms.cases.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One submitted case as the provincial export carries it: the same fields in the JSON
 * file, the Excel workbook and (mapped) the FHIR bundle. The patient appears only as a
 * pseudonym with sex, birth year and age; never by name, ID number, phone, 病案号 or 住院号.
 * See {@code docs/case-export.md} for every field and code list.
 *
 * @param caseId the case's id in RTMS
 * @param technology restricted technology code, e.g. {@code G08}
 * @param technologyName its Chinese name, null when the catalogue does not know the code
 * @param formKey case-form definition the case was entered with, e.g. {@code G08-2023}
 * @param subTechnique sub-technique code from the spec, or null
 * @param route route (入路) code from the spec, or null
 * @param procedureCodes procedure codes (ICD-9-CM-3 国家临床版), the principal one first
 * @param admissionDate admission date
 * @param operationDate operation date (the export period is by this date)
 * @param dischargeDate discharge date
 * @param department department that performed the procedure
 * @param operator the operator (术者), null when not recorded
 * @param assistants the assistants, in the recorded order
 * @param patient the pseudonymised patient
 * @param informedConsent whether informed consent was recorded
 * @param complications complications with onset date and Clavien-Dindo grade
 * @param deathDate date of death, null when the patient did not die
 * @param dischargeStatus discharge status code (离院方式), see
 * {@link CaseExportCodes#DISCHARGE_STATUS}
 * @param devices devices and consumables used, as scanned and read
 * @param fields technology-specific fields by key, as the case form defines them
 * @param flags flags set on submit (未备案开展, 未授权, …)
 * @param amendmentCount how many audited amendments the case has had
 * @param submittedAt when the case was submitted
 * @param source how the case came in: FORM, IMPORT or DEMO
 */
public record ExportedCase(UUID caseId, String technology, @Nullable String technologyName, String formKey,
		@Nullable String subTechnique, @Nullable String route, List<ProcedureCode> procedureCodes,
		@Nullable LocalDate admissionDate, LocalDate operationDate, @Nullable LocalDate dischargeDate,
		@Nullable String department, @Nullable Performer operator, List<Performer> assistants, Patient patient,
		@Nullable Boolean informedConsent, List<Complication> complications, @Nullable LocalDate deathDate,
		@Nullable String dischargeStatus, List<Device> devices, ObjectNode fields, List<Flag> flags, int amendmentCount,
		@Nullable Instant submittedAt, String source) {

	/**
	 * A procedure code.
	 *
	 * @param code the code as recorded, e.g. {@code 50.2300x001}
	 * @param name its name, when known
	 * @param inSpecList whether the technology's spec lists the code (null: the spec has
	 * no list or it was not checked)
	 */
	public record ProcedureCode(String code, @Nullable String name, @Nullable Boolean inSpecList) {
	}

	/**
	 * An operator or assistant.
	 *
	 * @param personId the person's id in RTMS
	 * @param licenceNumber 医师执业证书编码 (15 digits), null when the person has none recorded
	 * @param name the person's name
	 */
	public record Performer(UUID personId, @Nullable String licenceNumber, String name) {
	}

	/**
	 * The pseudonymised patient.
	 *
	 * @param pseudonym stable pseudonym ("P" + 12 hex digits), the same for every case of
	 * the patient at the institution
	 * @param sex {@code M} or {@code F}, null when not recorded
	 * @param birthYear year of birth, null when not recorded
	 * @param ageAtOperation completed years on the operation date, null without a birth
	 * date
	 */
	public record Patient(String pseudonym, @Nullable String sex, @Nullable Integer birthYear,
			@Nullable Integer ageAtOperation) {
	}

	/**
	 * A complication.
	 *
	 * @param name what happened
	 * @param onsetDate when it began
	 * @param grade Clavien-Dindo grade I–V (IIIa/IIIb/IVa/IVb accepted as recorded)
	 * @param type code of the case form's complication types (e.g.
	 * {@code MAJOR_BLEEDING}), null when not classified
	 * @param typeName Chinese name of the type in the case form, null when not classified
	 * @param serious whether a 严重并发症 (G08-2023 一（七）注3), null when not stated
	 */
	public record Complication(String name, @Nullable LocalDate onsetDate, @Nullable String grade,
			@Nullable String type, @Nullable String typeName, @Nullable Boolean serious) {
	}

	/**
	 * A device or consumable used.
	 *
	 * @param position its row in the case, from 1
	 * @param scanned the barcode as scanned (GS separators kept as U+001D)
	 * @param barcodeType GS1, MA or PLAIN
	 * @param gtin GS1 AI (01): the UDI device identifier (UDI-DI)
	 * @param lot AI (10)
	 * @param serial AI (21)
	 * @param expiryDate AI (17)
	 * @param productionDate AI (11)
	 * @param registrationNo NMPA 注册证编号/备案编号
	 * @param name product name
	 * @param singleUse whether it is single-use
	 * @param quantity units used
	 */
	public record Device(int position, String scanned, String barcodeType, @Nullable String gtin, @Nullable String lot,
			@Nullable String serial, @Nullable LocalDate expiryDate, @Nullable LocalDate productionDate,
			@Nullable String registrationNo, @Nullable String name, boolean singleUse, int quantity) {
	}

	/**
	 * A flag set on submit.
	 *
	 * @param code stable code, see {@link CaseExportCodes#FLAGS}
	 * @param message Chinese message
	 */
	public record Flag(String code, String message) {
	}

}
