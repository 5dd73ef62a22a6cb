package cn.rtms.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages in {@code notifications.notification}. */
@Repository
class Notifications {

	private static final String COLUMNS = "id, kind, title, body, link, created_at, read_at";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a message unless the recipient already has one from the same event.
	 * @return whether a row was inserted
	 */
	boolean insert(UUID recipient, Message message, String eventKey, Instant at) {
		return this.jdbc.sql("""
				insert into notifications.notification (id, recipient_id, kind, title, body, link, subject_type,
				    subject_id, event_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (recipient_id, event_key) do nothing
				""")
			.params(UUID.randomUUID(), recipient, message.kind(), message.title(), message.body(), message.link(),
					message.subjectType(), message.subjectId(), eventKey, Timestamp.from(at))
			.update() == 1;
	}

	List<Notification> page(UUID recipient, boolean unreadOnly, int page, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notifications.notification where recipient_id = :recipient"
					+ (unreadOnly ? " and read_at is null" : "")
					+ " order by created_at desc, id limit :size offset :offset")
			.param("recipient", recipient)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Notifications::map)
			.list();
	}

	long count(UUID recipient, boolean unreadOnly) {
		return this.jdbc
			.sql("select count(*) from notifications.notification where recipient_id = ?"
					+ (unreadOnly ? " and read_at is null" : ""))
			.param(recipient)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the recipient's message read (keeps the first read time).
	 * @return the message, null when the recipient has no message with that id
	 */
	@Nullable Notification markRead(UUID recipient, UUID id, Instant at) {
		return this.jdbc.sql("""
				update notifications.notification set read_at = coalesce(read_at, ?)
				 where id = ? and recipient_id = ?
				returning\s""" + COLUMNS)
			.params(Timestamp.from(at), id, recipient)
			.query(Notifications::map)
			.optional()
			.orElse(null);
	}

	int markAllRead(UUID recipient, Instant at) {
		return this.jdbc
			.sql("update notifications.notification set read_at = ? where recipient_id = ? and read_at is null")
			.params(Timestamp.from(at), recipient)
			.update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
				rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(), readAt != null,
				readAt == null ? null : readAt.toInstant());
	}

	/**
	 * A message to store for one or more recipients.
	 *
	 * @param kind kind code
	 * @param title Chinese title
	 * @param body Chinese text
	 * @param link front-end path
	 * @param subjectType the object's type, e.g. {@code Filing}
	 * @param subjectId the object's id
	 */
	record Message(String kind, String title, String body, @Nullable String link, @Nullable String subjectType,
			@Nullable UUID subjectId) {

		/** Title and body within their columns (a long list of failing clauses, say). */
		Message {
			title = clip(title, 200);
			body = clip(body, 1000);
		}

		static String clip(String text, int max) {
			return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
		}

	}

}
