package cn.rtms.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message (站内消息) as its recipient sees it.
 *
 * @param id id
 * @param kind what happened, e.g. {@code FILING_SUBMITTED}, {@code FILING_APPROVED},
 * {@code EXPERT_ASSIGNED}
 * @param title Chinese title
 * @param body Chinese text naming the institution, the technology and the state
 * @param link front-end path of the object, e.g. {@code /filings/{id}}
 * @param createdAt when the event happened
 * @param read whether the recipient marked it read
 * @param readAt when it was marked read
 */
public record Notification(UUID id, String kind, String title, String body, @Nullable String link, Instant createdAt,
		boolean read, @Nullable Instant readAt) {
}
