package cn.rtms.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.notifications.Notifications.Message;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pluggable delivery channels: a registered channel receives a stored message only
 * when its property switches it on, never a message that was already stored for the same
 * event, and a failing channel does not undo the in-app message.
 */
class NotificationDeliveryTests {

	static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

	static final Message MESSAGE = new Message("FILING_APPROVED", "备案审查通过：长春市中心医院「肿瘤消融治疗技术」", "审查通过。", "/filings/1",
			"Filing", UUID.randomUUID());

	@Test
	void anEnabledChannelReceivesTheStoredMessage() {
		Recording email = new Recording("email");
		Stored stored = new Stored(true);
		NotificationDelivery delivery = new NotificationDelivery(stored, List.of(email),
				new MockEnvironment().withProperty("rtms.notifications.channels.email.enabled", "true"));
		UUID recipient = UUID.randomUUID();

		assertThat(delivery.send(recipient, MESSAGE, "Filing:1:DECIDE_APPROVED:1", AT)).isTrue();

		assertThat(stored.inserted).isEqualTo(1);
		assertThat(email.received).singleElement().satisfies(d -> {
			assertThat(d.recipientId()).isEqualTo(recipient);
			assertThat(d.title()).isEqualTo(MESSAGE.title());
			assertThat(d.link()).isEqualTo("/filings/1");
		});
	}

	@Test
	void aChannelIsOffByDefaultAndWhenDisabled() {
		Recording sms = new Recording("sms");
		Stored stored = new Stored(true);
		new NotificationDelivery(stored, List.of(sms), new MockEnvironment()).send(UUID.randomUUID(), MESSAGE, "k", AT);
		new NotificationDelivery(stored, List.of(sms),
				new MockEnvironment().withProperty("rtms.notifications.channels.sms.enabled", "false"))
			.send(UUID.randomUUID(), MESSAGE, "k2", AT);

		assertThat(stored.inserted).as("the in-app message is always stored").isEqualTo(2);
		assertThat(sms.received).isEmpty();
	}

	@Test
	void aMessageAlreadyStoredIsNotSentAgain() {
		Recording email = new Recording("email");
		NotificationDelivery delivery = new NotificationDelivery(new Stored(false), List.of(email),
				new MockEnvironment().withProperty("rtms.notifications.channels.email.enabled", "true"));

		assertThat(delivery.send(UUID.randomUUID(), MESSAGE, "k", AT)).isFalse();
		assertThat(email.received).isEmpty();
	}

	@Test
	void aFailingChannelKeepsTheInAppMessageAndTheOtherChannels() {
		NotificationChannel failing = new NotificationChannel() {
			@Override
			public String name() {
				return "email";
			}

			@Override
			public void deliver(Delivery message) {
				throw new IllegalStateException("SMTP 不可用");
			}
		};
		Recording sms = new Recording("sms");
		Stored stored = new Stored(true);
		NotificationDelivery delivery = new NotificationDelivery(stored, List.of(failing, sms),
				new MockEnvironment().withProperty("rtms.notifications.channels.email.enabled", "true")
					.withProperty("rtms.notifications.channels.sms.enabled", "true"));

		assertThat(delivery.send(UUID.randomUUID(), MESSAGE, "k", AT)).isTrue();
		assertThat(stored.inserted).isEqualTo(1);
		assertThat(sms.received).hasSize(1);
	}

	static final class Recording implements NotificationChannel {

		final String name;

		final List<Delivery> received = new ArrayList<>();

		Recording(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void deliver(Delivery message) {
			this.received.add(message);
		}

	}

	/** The message store, without a database: answers whether the row was new. */
	static final class Stored extends Notifications {

		final boolean isNew;

		int inserted;

		Stored(boolean isNew) {
			super(JdbcClient.create(new SimpleDriverDataSource()));
			this.isNew = isNew;
		}

		@Override
		boolean insert(UUID recipient, Message message, String eventKey, Instant at) {
			if (this.isNew) {
				this.inserted++;
			}
			return this.isNew;
		}

	}

}
