package cn.rtms.identity;

import java.util.UUID;

/**
 * A machine client authenticated by an API key (a hospital's HIS or surgical-scheduling
 * system): the principal of a request that sent {@code Authorization: ApiKey <key>} or
 * {@code X-Api-Key}. It acts for exactly one institution and may reach only the
 * order-entry check ({@link ApiKeyManagement#MACHINE_PATHS}); it has no session.
 *
 * @param keyId the API key's id
 * @param name the key's name, as the hospital administrator gave it
 * @param institutionId the institution the key belongs to
 */
public record ApiClient(UUID keyId, String name, UUID institutionId) {
}
