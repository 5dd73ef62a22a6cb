package cn.rtms.notifications;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A further way to deliver a message besides the in-app list (站内消息, always on): e-mail,
 * SMS… An implementation is a Spring bean; it receives a message only when the property
 * {@code rtms.notifications.channels.<name>.enabled=true} is set (off by default), and
 * only after the message was stored and its transaction committed. A channel that throws
 * is logged; the in-app message stays. The recipient is a user id: the channel looks up
 * the address it needs (a user's e-mail or mobile number) itself. See
 * docs/notifications.md, "Delivery channels".
 */
public interface NotificationChannel {

	/**
	 * @return the channel's name in the property
	 * {@code rtms.notifications.channels.<name>.enabled} (lower case letters, digits and
	 * hyphens, e.g. {@code email}, {@code sms})
	 */
	String name();

	/**
	 * Sends one stored message to one recipient.
	 * @param message the message
	 */
	void deliver(Delivery message);

	/**
	 * A stored message for one recipient.
	 *
	 * @param recipientId the user
	 * @param kind kind code, e.g. {@code FILING_APPROVED}
	 * @param title Chinese title
	 * @param body Chinese text
	 * @param link front-end path of the object, if any
	 */
	record Delivery(UUID recipientId, String kind, String title, String body, @Nullable String link) {
	}

}
