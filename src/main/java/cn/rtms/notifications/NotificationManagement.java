package cn.rtms.notifications;

import java.time.Clock;
import java.util.UUID;

import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current user's messages: a page of them, the unread count, marking one or all read.
 * Every method works on the logged-in user's own messages only; another user's message id
 * is answered as not found ({@link NotificationNotFound}), never as forbidden, so that
 * ids reveal nothing. Marking read is the user's own reading state, not a change of
 * business data, and is not audited.
 */
@Service
public class NotificationManagement {

	/** Largest page size. */
	public static final int MAX_PAGE_SIZE = 100;

	private final Notifications notifications;

	private final IdentityManagement identity;

	private final Clock clock;

	NotificationManagement(Notifications notifications, IdentityManagement identity, Clock clock) {
		this.notifications = notifications;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * @param unreadOnly only unread messages
	 * @param page page number from 0 (negative counts as 0)
	 * @param size page size, 1 to {@value #MAX_PAGE_SIZE} (clamped)
	 * @return the page, newest first
	 */
	@Transactional(readOnly = true)
	public NotificationPage list(boolean unreadOnly, int page, int size) {
		UUID me = this.identity.currentUser().id();
		int p = Math.max(0, page);
		int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		return new NotificationPage(this.notifications.page(me, unreadOnly, p, s),
				this.notifications.count(me, unreadOnly), this.notifications.count(me, true), p, s);
	}

	/**
	 * @return how many of the current user's messages are unread
	 */
	@Transactional(readOnly = true)
	public long unreadCount() {
		return this.notifications.count(this.identity.currentUser().id(), true);
	}

	/**
	 * @param id a message of the current user
	 * @return the message, marked read
	 * @throws NotificationNotFound when the current user has no such message
	 */
	@Transactional
	public Notification markRead(UUID id) {
		CurrentUser me = this.identity.currentUser();
		Notification read = this.notifications.markRead(me.id(), id, this.clock.instant());
		if (read == null) {
			throw new NotificationNotFound("消息 " + id + " 不存在");
		}
		return read;
	}

	/**
	 * @return how many messages were unread and are now read
	 */
	@Transactional
	public int markAllRead() {
		return this.notifications.markAllRead(this.identity.currentUser().id(), this.clock.instant());
	}

}
