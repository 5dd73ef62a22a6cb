package cn.rtms.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded state change.
 *
 * @param id sequence number in the chain
 * @param occurredAt when
 * @param actorId user id, null for the system
 * @param actorName who
 * @param actorRole their role
 * @param address client address
 * @param action what was done, e.g. {@code FILING_SUBMITTED}
 * @param entityType kind of thing changed, e.g. {@code Filing}
 * @param entityId its id
 * @param before state before, as JSON
 * @param after state after, as JSON
 * @param previousHash hash of the previous entry
 * @param hash this entry's hash
 */
public record AuditEntry(long id, Instant occurredAt, @Nullable String actorId, String actorName,
		@Nullable String actorRole, String address, String action, String entityType, String entityId,
		@Nullable String before, @Nullable String after, String previousHash, String hash) {
}
