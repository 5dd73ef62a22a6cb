package cn.rtms.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-delivers module events whose listener failed without waiting for a restart: every
 * {@code rtms.events.redelivery-interval} (10 minutes), on one node at a time
 * ({@link ClusterJobs#exclusively}), the publications still incomplete
 * {@code rtms.events.redelivery-after} (10 minutes) after they were published are handed
 * to their listeners again. Listeners must therefore be idempotent. At start,
 * {@code spring.modulith.events.republish-outstanding-events-on-restart} re-delivers all
 * of them. See docs/adr/0011-sessions-locks-and-events-in-the-database.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EventRedelivery {

	static final String JOB = "platform.event-redelivery";

	private final IncompleteEventPublications publications;

	private final ClusterJobs jobs;

	private final Duration age;

	EventRedelivery(IncompleteEventPublications publications, ClusterJobs jobs,
			@Value("${rtms.events.redelivery-after:PT10M}") Duration age) {
		this.publications = publications;
		this.jobs = jobs;
		this.age = age;
	}

	/**
	 * Re-delivers now what is due, unless another node is doing it.
	 * @return whether this node did it
	 */
	@Scheduled(fixedDelayString = "${rtms.events.redelivery-interval:PT10M}",
			initialDelayString = "${rtms.events.redelivery-interval:PT10M}")
	public boolean redeliver() {
		return this.jobs.exclusively(JOB, () -> {
			this.publications.resubmitIncompletePublicationsOlderThan(this.age);
			return Boolean.TRUE;
		}).isPresent();
	}

}
