package cn.rtms.notifications.web;

import java.util.Map;
import java.util.UUID;

import cn.rtms.notifications.Notification;
import cn.rtms.notifications.NotificationManagement;
import cn.rtms.notifications.NotificationPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current user's messages (站内消息) over HTTP; docs/notifications.md. */
@RestController
@Tag(name = "站内消息", description = "当前用户的消息：列表、未读数、标记已读")
class NotificationController {

	private final NotificationManagement notifications;

	NotificationController(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	@Operation(summary = "当前用户的消息（最新在前，分页）")
	NotificationPage list(@RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.notifications.list(unreadOnly, page, size);
	}

	@GetMapping("/api/notifications/unread-count")
	@Operation(summary = "当前用户的未读消息数")
	Map<String, Long> unreadCount() {
		return Map.of("unread", this.notifications.unreadCount());
	}

	@PostMapping("/api/notifications/{id}/read")
	@Operation(summary = "标记一条消息为已读", description = "只能标记本人的消息；他人的消息按不存在处理（404）")
	Notification read(@PathVariable UUID id) {
		return this.notifications.markRead(id);
	}

	@PostMapping("/api/notifications/read-all")
	@Operation(summary = "全部标记为已读")
	Map<String, Integer> readAll() {
		return Map.of("marked", this.notifications.markAllRead());
	}

}
