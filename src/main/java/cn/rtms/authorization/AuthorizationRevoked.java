package cn.rtms.authorization;

import java.util.UUID;

/**
 * A grant was withdrawn: by the hospital, or by the system because the filing was revoked
 * or the physician left the institution.
 *
 * @param authorizationId the record
 * @param personId the physician
 * @param institutionId the institution
 * @param technology technology code
 * @param reason why
 * @param bySystem whether the system revoked it (filing revoked, physician left) rather
 * than the hospital
 */
public record AuthorizationRevoked(UUID authorizationId, UUID personId, UUID institutionId, String technology,
		String reason, boolean bySystem) {
}
