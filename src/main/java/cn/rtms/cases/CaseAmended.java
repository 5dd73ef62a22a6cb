package cn.rtms.cases;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A submitted case was amended; the values are those after the amendment.
 *
 * @param caseId the case
 * @param institutionId its institution
 * @param technology technology code
 * @param operatorId operator
 * @param operationDate operation date
 */
public record CaseAmended(UUID caseId, UUID institutionId, String technology, @Nullable UUID operatorId,
		LocalDate operationDate) {
}
