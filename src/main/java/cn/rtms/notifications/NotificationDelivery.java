package cn.rtms.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.rtms.notifications.Notifications.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a message: stores it in the recipient's in-app list (always) and, once that
 * transaction committed, hands it to every {@link NotificationChannel} switched on by
 * {@code rtms.notifications.channels.<name>.enabled=true} (off by default). A message
 * already stored for the same event and recipient (a re-delivered event, a reminder run
 * twice) is neither stored nor sent again.
 */
@Component
class NotificationDelivery {

	private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

	private final Notifications notifications;

	private final List<NotificationChannel> enabled;

	NotificationDelivery(Notifications notifications, List<NotificationChannel> channels, Environment environment) {
		this.notifications = notifications;
		this.enabled = channels.stream()
			.filter(c -> environment.getProperty("rtms.notifications.channels." + c.name() + ".enabled", Boolean.class,
					false))
			.toList();
		this.enabled.forEach(c -> log.info("站内消息另经渠道 {} 发送", c.name()));
	}

	/**
	 * @param recipient the user
	 * @param message the message
	 * @param eventKey what created it, unique per recipient
	 * @param at when
	 * @return whether it was new (stored, and sent on the enabled channels)
	 */
	boolean send(UUID recipient, Message message, String eventKey, Instant at) {
		if (!this.notifications.insert(recipient, message, eventKey, at)) {
			return false;
		}
		if (this.enabled.isEmpty()) {
			return true;
		}
		NotificationChannel.Delivery delivery = new NotificationChannel.Delivery(recipient, message.kind(),
				message.title(), message.body(), message.link());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(delivery);
				}
			});
		}
		else {
			deliver(delivery);
		}
		return true;
	}

	private void deliver(NotificationChannel.Delivery delivery) {
		for (NotificationChannel channel : this.enabled) {
			try {
				channel.deliver(delivery);
			}
			catch (RuntimeException ex) {
				log.warn("站内消息经渠道 {} 发送给 {} 失败（站内消息已保存）：{}", channel.name(), delivery.recipientId(), ex.toString());
			}
		}
	}

}
