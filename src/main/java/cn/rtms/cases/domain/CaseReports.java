package cn.rtms.cases.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.Amendment;
import org.jspecify.annotations.Nullable;

/** Storage of case reports, their devices and amendments (schema {@code cases}). */
public interface CaseReports {

	/**
	 * @param id id
	 * @return the case with its devices
	 */
	Optional<CaseRecord> find(UUID id);

	/**
	 * @param institutionId institution
	 * @param technology technology
	 * @param medicalRecordNo 病案号
	 * @param operationDate operation date
	 * @param excludeId a case to ignore (the one being edited), or null
	 * @return the id of another case with the same identity
	 */
	Optional<UUID> findDuplicate(UUID institutionId, String technology, String medicalRecordNo, LocalDate operationDate,
			@Nullable UUID excludeId);

	/**
	 * @param technology technology
	 * @param medicalRecordNo 病案号
	 * @param operationDate operation date
	 * @return the identity of a case as one string (duplicates within one import)
	 */
	static String identityKey(String technology, String medicalRecordNo, @Nullable LocalDate operationDate) {
		return technology + "|" + medicalRecordNo + "|" + operationDate;
	}

	/**
	 * A single-use device already recorded.
	 *
	 * @param gtin GTIN
	 * @param serial serial
	 * @param caseId the case it is recorded in
	 * @param institutionId that case's institution (a clerk of another one reads neither
	 * the case nor its 病案号)
	 * @param medicalRecordNo that case's 病案号
	 */
	record DeviceUse(String gtin, String serial, UUID caseId, UUID institutionId, String medicalRecordNo) {
	}

	/**
	 * @param gtinSerials {@code gtin|serial} pairs
	 * @param excludeCaseId a case to ignore, or null
	 * @return single-use devices of other cases among them
	 */
	List<DeviceUse> singleUseDevices(Collection<String> gtinSerials, @Nullable UUID excludeCaseId);

	/**
	 * Inserts cases with their devices (JDBC batches).
	 * @param records new cases
	 */
	void insert(List<CaseRecord> records);

	/**
	 * Inserts the cases whose identity (institution, technology, 病案号, operation date) is
	 * not registered yet, without their devices: the unique identity index decides
	 * ({@code ON CONFLICT … DO NOTHING}), so the look-up costs the same however many
	 * cases exist and whatever the planner's statistics say (a look-up query before the
	 * insert chose a scan of all the institution's cases while an import's own rows were
	 * not yet analysed, which made an import quadratic). New cases go as one COPY when
	 * none of them is registered (the rule in an import), else as the INSERT.
	 * @param records new cases
	 * @return the ids of the cases inserted (the others are already registered)
	 */
	Set<UUID> insertNew(List<CaseRecord> records);

	/**
	 * Inserts the devices of cases inserted by {@link #insertNew}.
	 * @param records the cases
	 */
	void insertDevices(List<CaseRecord> records);

	/**
	 * Replaces a case and its devices when its stored version is {@code record.version()
	 * - 1}.
	 * @param record the new state, with the incremented version
	 * @return false when the version did not match (changed meanwhile)
	 */
	boolean update(CaseRecord record);

	/**
	 * @param id a case
	 * @param version its version
	 * @return false when the version did not match
	 */
	boolean delete(UUID id, int version);

	/**
	 * A search within a scope.
	 *
	 * @param institutionIds allowed institutions, or null for all
	 * @param operatorId restrict to an operator, or null
	 * @param institutionId restrict to an institution, or null
	 * @param technology technology, or null
	 * @param status status, or null
	 * @param flag flag code, or null
	 * @param from operation date from, or null
	 * @param to operation date to, or null
	 * @param offset rows to skip
	 * @param limit rows to return
	 * @param assistedAt with {@code operatorId}: also the cases of this institution in
	 * which that person assisted (a physician's own list), or null for operated only
	 * @param recordNo 病案号 or 住院号 beginning with this text, or null
	 * @param patientIdHash the keyed hash of the patient's ID number, or null
	 */
	record Search(@Nullable Set<UUID> institutionIds, @Nullable UUID operatorId, @Nullable UUID institutionId,
			@Nullable String technology, @Nullable CaseStatus status, @Nullable String flag, @Nullable LocalDate from,
			@Nullable LocalDate to, int offset, int limit, @Nullable UUID assistedAt, @Nullable String recordNo,
			@Nullable String patientIdHash) {

		/** A search without assisted cases or search text. */
		public Search(@Nullable Set<UUID> institutionIds, @Nullable UUID operatorId, @Nullable UUID institutionId,
				@Nullable String technology, @Nullable CaseStatus status, @Nullable String flag,
				@Nullable LocalDate from, @Nullable LocalDate to, int offset, int limit, @Nullable UUID assistedAt) {
			this(institutionIds, operatorId, institutionId, technology, status, flag, from, to, offset, limit,
					assistedAt, null, null);
		}

		/**
		 * @param technology another technology (null: any)
		 * @param flag another flag (null: any)
		 * @return this search with them, from the first row, unlimited
		 */
		public Search with(@Nullable String technology, @Nullable String flag) {
			return new Search(this.institutionIds, this.operatorId, this.institutionId, technology, this.status, flag,
					this.from, this.to, 0, 0, this.assistedAt, this.recordNo, this.patientIdHash);
		}

		/** A search without assisted cases. */
		public Search(@Nullable Set<UUID> institutionIds, @Nullable UUID operatorId, @Nullable UUID institutionId,
				@Nullable String technology, @Nullable CaseStatus status, @Nullable String flag,
				@Nullable LocalDate from, @Nullable LocalDate to, int offset, int limit) {
			this(institutionIds, operatorId, institutionId, technology, status, flag, from, to, offset, limit, null,
					null, null);
		}

	}

	/**
	 * @param search the search
	 * @return matching cases (without devices), newest operation first
	 */
	List<CaseRecord> search(Search search);

	/**
	 * @param search the search (offset and limit ignored)
	 * @return how many match
	 */
	long count(Search search);

	/**
	 * @param search the search (its flag, offset and limit ignored)
	 * @return per blocking flag code, how many matching cases carry it (codes without
	 * cases are absent)
	 */
	Map<String, Long> countBlockingFlags(Search search);

	/**
	 * @param search the search (its flag, offset and limit ignored)
	 * @return how many matching cases carry at least one blocking flag
	 */
	long countFlagged(Search search);

	/**
	 * @param search the search (its technology, offset and limit ignored)
	 * @return per technology code, how many cases match (technologies without cases are
	 * absent)
	 */
	Map<String, Long> countByTechnology(Search search);

	/**
	 * @param amendment an amendment to store
	 */
	void insertAmendment(Amendment amendment);

	/**
	 * @param caseId a case
	 * @return its amendments, oldest first
	 */
	List<Amendment> amendments(UUID caseId);

	/**
	 * @param caseId a case
	 * @return how many amendments it has
	 */
	int amendmentCount(UUID caseId);

}
