package cn.rtms.cases;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case was submitted (by form or import): volumes and follow-ups are derived from it.
 *
 * @param caseId the case
 * @param institutionId its institution
 * @param technology technology code
 * @param operatorId operator
 * @param operationDate operation date
 */
public record CaseSubmitted(UUID caseId, UUID institutionId, String technology, @Nullable UUID operatorId,
		LocalDate operationDate) {
}
