package cn.rtms.authorization;

import java.util.UUID;

/**
 * A hospital withdrew a grant.
 *
 * @param authorizationId the record
 * @param personId the physician
 * @param institutionId the institution
 * @param technology technology code
 * @param reason why
 */
public record AuthorizationRevoked(UUID authorizationId, UUID personId, UUID institutionId, String technology,
		String reason) {
}
