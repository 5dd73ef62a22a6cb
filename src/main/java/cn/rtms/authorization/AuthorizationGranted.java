package cn.rtms.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hospital granted a physician a technology.
 *
 * @param authorizationId the record
 * @param personId the physician
 * @param institutionId the granting institution
 * @param technology technology code
 * @param subTechniques sub-technique codes, empty for the whole technology
 * @param validFrom first day
 * @param validUntil last day
 */
public record AuthorizationGranted(UUID authorizationId, UUID personId, UUID institutionId, String technology,
		List<String> subTechniques, LocalDate validFrom, LocalDate validUntil) {
}
