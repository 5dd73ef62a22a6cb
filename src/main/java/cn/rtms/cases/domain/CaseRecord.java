package cn.rtms.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.CaseFlag;
import cn.rtms.cases.Complication;
import org.jspecify.annotations.Nullable;

/**
 * A case report as stored (schema {@code cases}): patient name, ID number and phone only
 * encrypted. State changes go through {@link CaseStatus} checks in the application
 * service; records are immutable and replaced as a whole.
 *
 * @param id id
 * @param version optimistic-lock version
 * @param institutionId institution
 * @param regionCode the institution's region (for authorities' scope)
 * @param technology technology
 * @param formKey case form used
 * @param status state
 * @param medicalRecordNo 病案号
 * @param inpatientNo 住院号
 * @param patientNameEnc encrypted name
 * @param patientIdNoEnc encrypted ID number
 * @param patientPhoneEnc encrypted phone
 * @param patientIdNoHash keyed hash of the ID number
 * @param patientPseudonym pseudonym
 * @param patientSex M/F
 * @param patientBirthDate birth date
 * @param subTechnique sub-technique
 * @param route route
 * @param procedureCodes procedure codes with whether the spec lists them
 * @param admissionDate admission
 * @param operationDate operation
 * @param dischargeDate discharge
 * @param department department
 * @param operatorId operator
 * @param assistantIds assistants
 * @param informedConsent consent
 * @param complications complications
 * @param deathDate death
 * @param dischargeStatus 离院方式
 * @param formData technology-specific values
 * @param confirmedWarnings confirmed warning codes
 * @param flags flags set on submit
 * @param source FORM, IMPORT or DEMO
 * @param createdAt created
 * @param createdBy creator (user id)
 * @param updatedAt last change
 * @param submittedAt submitted
 * @param submittedBy submitter
 * @param devices device rows
 */
public record CaseRecord(UUID id, int version, UUID institutionId, String regionCode, String technology, String formKey,
		CaseStatus status, String medicalRecordNo, @Nullable String inpatientNo, byte @Nullable [] patientNameEnc,
		byte @Nullable [] patientIdNoEnc, byte @Nullable [] patientPhoneEnc, @Nullable String patientIdNoHash,
		String patientPseudonym, @Nullable String patientSex, @Nullable LocalDate patientBirthDate,
		@Nullable String subTechnique, @Nullable String route, List<CodeEntry> procedureCodes,
		@Nullable LocalDate admissionDate, @Nullable LocalDate operationDate, @Nullable LocalDate dischargeDate,
		@Nullable String department, @Nullable UUID operatorId, List<UUID> assistantIds,
		@Nullable Boolean informedConsent, List<Complication> complications, @Nullable LocalDate deathDate,
		@Nullable String dischargeStatus, Map<String, Object> formData, List<String> confirmedWarnings,
		List<CaseFlag> flags, String source, Instant createdAt, UUID createdBy, Instant updatedAt,
		@Nullable Instant submittedAt, @Nullable UUID submittedBy, List<DeviceRow> devices) {

	/**
	 * A procedure code of the case.
	 *
	 * @param code the code
	 * @param name its name in the spec's code list, if listed
	 * @param inSpecList whether the spec's code list contains it (true when the spec has
	 * no list)
	 */
	public record CodeEntry(String code, @Nullable String name, boolean inSpecList) {
	}

	/**
	 * A device row.
	 *
	 * @param position the device's row in the case, from 1 (skipped rows keep their
	 * number: it is the n of the DEVICE_EXPIRED flag's 第 n 个器械)
	 * @param scanned as scanned
	 * @param type GS1, MA or PLAIN
	 * @param gtin GTIN
	 * @param lot lot
	 * @param serial serial
	 * @param expiryDate expiry
	 * @param productionDate production
	 * @param registrationNo NMPA registration number
	 * @param name product name
	 * @param singleUse single-use
	 * @param quantity quantity
	 */
	public record DeviceRow(int position, String scanned, String type, @Nullable String gtin, @Nullable String lot,
			@Nullable String serial, @Nullable LocalDate expiryDate, @Nullable LocalDate productionDate,
			@Nullable String registrationNo, @Nullable String name, boolean singleUse, int quantity) {

		/**
		 * @param day a day
		 * @return whether the device had expired on that day
		 */
		public boolean expiredOn(@Nullable LocalDate day) {
			return this.expiryDate != null && day != null && this.expiryDate.isBefore(day);
		}

	}

}
