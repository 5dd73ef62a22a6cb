package cn.rtms.filing;

import java.time.Instant;
import java.util.UUID;

/**
 * The automatic check proposed revoking an active filing; the competent authority
 * decides.
 *
 * @param filingId the filing
 * @param institutionId its institution
 * @param technology technology code
 * @param reason an ending reason code, e.g. {@code NOT_PERFORMED_2_YEARS}
 * @param detail Chinese explanation
 * @param at when
 */
public record RevocationProposed(UUID filingId, UUID institutionId, String technology, String reason, String detail,
		Instant at) {
}
