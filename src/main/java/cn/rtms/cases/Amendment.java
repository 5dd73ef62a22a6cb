package cn.rtms.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An amendment of a submitted case.
 *
 * @param id id
 * @param caseId the case
 * @param amendedAt when
 * @param amendedBy who (user id)
 * @param amendedByName who (name)
 * @param reason why
 * @param before the fields changed, as they were
 * @param after the fields changed, as they are now
 */
public record Amendment(UUID id, UUID caseId, Instant amendedAt, UUID amendedBy, @Nullable String amendedByName,
		String reason, Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
}
