package cn.rtms.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the public requests of one client address per action in fixed one-hour windows
 * in {@code onboarding.request_count} (in the database, so every node sees the same
 * counts), and refuses the request that passes the limit with 429
 * {@code REGISTRATION_THROTTLED} and {@code Retry-After}. A count is committed at once,
 * even when the request then fails (a wrong captcha still costs a try).
 */
@Component
class RequestThrottle {

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one request and refuses it when it passes the limit.
	 * @param address the client address
	 * @param action what is counted, e.g. {@code SUBMIT}
	 * @param limit most requests per window
	 * @param what the request in Chinese, for the refusal
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
	public void count(String address, String action, int limit, String what) {
		Instant now = this.clock.instant();
		long windowSeconds = WINDOW.toSeconds();
		Instant start = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
		int count = this.jdbc.sql("""
				insert into onboarding.request_count (address, action, window_start, count) values (?, ?, ?, 1)
				on conflict (address, action, window_start) do update set count = onboarding.request_count.count + 1
				returning count
				""").params(address, action, Timestamp.from(start)).query(Integer.class).single();
		this.jdbc.sql("delete from onboarding.request_count where window_start < ?")
			.param(Timestamp.from(start.minus(WINDOW)))
			.update();
		if (count > limit) {
			throw OnboardingProblems.throttled(what, Duration.between(now, start.plus(WINDOW)).toSeconds());
		}
	}

}
