package cn.rtms.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case in a list.
 *
 * @param id id
 * @param status DRAFT or SUBMITTED
 * @param technology technology code
 * @param medicalRecordNo 病案号
 * @param patient the masked name for the hospital's own users, the pseudonym for others
 * @param operationDate operation date
 * @param operatorName operator's name
 * @param institutionName institution's name
 * @param flags flag codes
 */
public record CaseSummary(UUID id, String status, String technology, String medicalRecordNo, String patient,
		@Nullable LocalDate operationDate, @Nullable String operatorName, @Nullable String institutionName,
		List<String> flags) {
}
