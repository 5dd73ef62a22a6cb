package cn.rtms.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API key as its hospital administrator sees it: never the secret.
 *
 * @param id the key's id
 * @param name its name
 * @param prefix the public part of the key ({@code rtms_<prefix>.…}), to tell keys apart
 * @param institutionId the institution it belongs to
 * @param status {@code ACTIVE} or {@code REVOKED}
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param rotatedAt when its secret was last replaced, or null
 * @param revokedAt when it was revoked, or null
 * @param revokedBy who revoked it, or null
 * @param lastUsedAt when it last authenticated a request (recorded at most once a
 * minute), or null
 */
public record ApiKeyView(UUID id, String name, String prefix, UUID institutionId, String status, Instant createdAt,
		String createdBy, @Nullable Instant rotatedAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
		@Nullable Instant lastUsedAt) {

	/** The key authenticates requests. */
	public static final String ACTIVE = "ACTIVE";

	/** The key was revoked and authenticates nothing. */
	public static final String REVOKED = "REVOKED";

}
