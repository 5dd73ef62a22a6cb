package cn.rtms.notifications;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * No message with that id for the current user (another user's message is not found
 * either). 404 {@code NOTIFICATION_NOT_FOUND}.
 */
public class NotificationNotFound extends ProblemException {

	/**
	 * @param detail Chinese explanation
	 */
	public NotificationNotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "NOTIFICATION_NOT_FOUND", "消息不存在", detail, List.of());
	}

}
