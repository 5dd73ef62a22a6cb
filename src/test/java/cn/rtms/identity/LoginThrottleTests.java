package cn.rtms.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Login concurrency per client address and in all: what is over the bounds is refused at
 * once (no wait configured here), with 429 and Retry-After.
 */
class LoginThrottleTests {

	@Test
	void refusesASecondConcurrentLoginOfOneAddressButNotOfAnother() {
		LoginThrottle throttle = new LoginThrottle(1, 4, Duration.ZERO, Duration.ZERO, d -> {
		});
		LoginThrottle.Permit first = throttle.acquire("10.0.0.1");
		ProblemException refused = assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> throttle.acquire("10.0.0.1"))
			.actual();
		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("LOGIN_THROTTLED");
		assertThat(refused.getBody().getDetail()).contains("登录请求过多", "秒后再试");
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");

		try (LoginThrottle.Permit other = throttle.acquire("10.0.0.2")) {
			assertThat(other).isNotNull();
		}
		first.close();
		try (LoginThrottle.Permit again = throttle.acquire("10.0.0.1")) {
			assertThat(again).isNotNull();
		}
	}

	@Test
	void capsTheLoginsOfAllAddresses() {
		LoginThrottle throttle = new LoginThrottle(1, 3, Duration.ZERO, Duration.ZERO, d -> {
		});
		List<LoginThrottle.Permit> held = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			held.add(throttle.acquire("10.0.1." + i));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> throttle.acquire("10.0.1.4"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("LOGIN_THROTTLED"));
		held.remove(0).close();
		held.add(throttle.acquire("10.0.1.4"));
		held.forEach(LoginThrottle.Permit::close);
	}

	/**
	 * A client hammering the login over one connection gets its refusals no faster than
	 * the refusal delay, so it cannot make the server produce them as fast as it can.
	 */
	@Test
	void holdsARefusalBeyondTheWaitingCapForTheRefusalDelay() throws Exception {
		List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
		LoginThrottle throttle = new LoginThrottle(1, 4, Duration.ofSeconds(30), Duration.ofMillis(700), slept::add);
		LoginThrottle.Permit holder = throttle.acquire("10.0.3.1");
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(
				LoginThrottle.MAX_WAITING_PER_ADDRESS);
		for (int i = 0; i < LoginThrottle.MAX_WAITING_PER_ADDRESS; i++) {
			Thread.ofVirtual().start(() -> {
				try (LoginThrottle.Permit waited = throttle.acquire("10.0.3.1")) {
					assertThat(waited).isNotNull();
				}
				finally {
					done.countDown();
				}
			});
		}
		while (throttle.waiting("10.0.3.1") < 1 + LoginThrottle.MAX_WAITING_PER_ADDRESS) {
			Thread.onSpinWait();
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> throttle.acquire("10.0.3.1"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("LOGIN_THROTTLED"));
		assertThat(slept).containsExactly(Duration.ofMillis(700));
		holder.close();
		done.await();
		assertThat(throttle.addressesInFlight()).isZero();
	}

	@Test
	void forgetsAnAddressOnceItsLoginsAreDone() {
		LoginThrottle throttle = new LoginThrottle(2, 4, Duration.ZERO, Duration.ZERO, d -> {
		});
		LoginThrottle.Permit one = throttle.acquire("10.0.2.1");
		LoginThrottle.Permit two = throttle.acquire("10.0.2.1");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> throttle.acquire("10.0.2.1"));
		assertThat(throttle.addressesInFlight()).isEqualTo(1);
		one.close();
		two.close();
		assertThat(throttle.addressesInFlight()).isZero();
	}

}
