package cn.rtms.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API key was created, rotated or revoked: published in the change's transaction so
 * that audit records it (identity does not depend on audit). Snapshots never hold the
 * secret or its hash.
 *
 * @param action {@code API_KEY_CREATED}, {@code API_KEY_ROTATED} or
 * {@code API_KEY_REVOKED}
 * @param keyId the key
 * @param actorId the hospital administrator who did it
 * @param actorName their display name
 * @param before the key before, or null
 * @param after the key after
 */
public record ApiKeyChanged(String action, UUID keyId, UUID actorId, String actorName, @Nullable ApiKeyView before,
		ApiKeyView after) {
}
