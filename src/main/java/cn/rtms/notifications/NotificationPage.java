package cn.rtms.notifications;

import java.util.List;

/**
 * One page of the current user's messages, newest first.
 *
 * @param items the messages of the page
 * @param total how many messages match the filter
 * @param unread how many of the user's messages are unread (whatever the filter)
 * @param page page number, from 0
 * @param size page size
 */
public record NotificationPage(List<Notification> items, long total, long unread, int page, int size) {
}
