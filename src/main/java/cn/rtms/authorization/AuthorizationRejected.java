package cn.rtms.authorization;

import java.util.UUID;

/**
 * A hospital refused an application or prepared record.
 *
 * @param authorizationId the record
 * @param personId the physician
 * @param technology technology code
 * @param reason why
 */
public record AuthorizationRejected(UUID authorizationId, UUID personId, String technology, String reason) {
}
