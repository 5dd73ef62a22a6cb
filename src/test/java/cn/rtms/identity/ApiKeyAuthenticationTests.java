package cn.rtms.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps API-key authentication cheap per request without weakening it (docs/gate.md,
 * "Performance"): one database read per key and cache period, the key still refused once
 * revoked (at once after {@code forget}, otherwise within the period), the secret checked
 * on every request, and the last use written at most once a minute per key and never on
 * the request's thread.
 */
class ApiKeyAuthenticationTests {

	static final Duration TTL = Duration.ofSeconds(5);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

	final ApiKeySecret.Issued issued = ApiKeySecret.generate();

	final FakeKeys keys = new FakeKeys(this.issued);

	final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	final List<Runnable> pendingTouches = new ArrayList<>();

	final ApiKeyAuthentication authentication = new ApiKeyAuthentication(this.keys, CLOCK, TTL,
			this.pendingTouches::add, this.nanos::get);

	@Test
	void readsTheDatabaseOncePerKeyAndCachePeriod() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		}
		assertThat(this.keys.lookups).hasValue(1);
		advance(TTL.plusMillis(1));
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		assertThat(this.keys.lookups).hasValue(2);
	}

	@Test
	void checksTheSecretOnEveryRequestEvenWhenTheKeyIsCached() {
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		String wrongSecret = "rtms_" + this.issued.prefix() + "." + "A".repeat(43);
		assertThat(this.authentication.authenticate(wrongSecret)).isEmpty();
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
	}

	@Test
	void aRevokedKeyIsRefusedAtOnceWhenForgottenAndWithinTheCachePeriodOtherwise() {
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		this.keys.revoked = true;
		// revoked on another node: this node may still accept it until its copy expires
		advance(TTL.minusMillis(1));
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		advance(Duration.ofMillis(2));
		assertThat(this.authentication.authenticate(this.issued.key())).isEmpty();

		this.keys.revoked = false;
		advance(TTL.plusMillis(1));
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		this.keys.revoked = true;
		// revoked on this node: ApiKeyManagement forgets the prefix after the commit
		this.authentication.forget(this.issued.prefix());
		assertThat(this.authentication.authenticate(this.issued.key())).isEmpty();
	}

	@Test
	void writesTheLastUseOffTheRequestAndAtMostOnceAMinute() {
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		assertThat(this.keys.touches).as("the request does not write the last use itself").isEmpty();
		assertThat(this.pendingTouches).hasSize(1);

		for (int i = 0; i < 100; i++) {
			this.authentication.authenticate(this.issued.key());
		}
		advance(Duration.ofSeconds(59));
		this.authentication.authenticate(this.issued.key());
		assertThat(this.pendingTouches).as("at most one write a minute").hasSize(1);

		advance(Duration.ofSeconds(2));
		this.authentication.authenticate(this.issued.key());
		assertThat(this.pendingTouches).hasSize(2);
		this.pendingTouches.forEach(Runnable::run);
		assertThat(this.keys.touches).hasSize(2);
	}

	@Test
	void aFailingLastUseWriteDoesNotFailTheRequest() {
		this.keys.failTouch = true;
		assertThat(this.authentication.authenticate(this.issued.key())).isPresent();
		this.pendingTouches.forEach(Runnable::run);
		assertThat(this.keys.touches).isEmpty();
	}

	@Test
	void theDefaultWriterRunsOnAnotherThread() throws InterruptedException {
		ApiKeyAuthentication real = new ApiKeyAuthentication(this.keys, CLOCK, TTL);
		assertThat(real.authenticate(this.issued.key())).isPresent();
		Thread writer = this.keys.awaitTouchThread();
		assertThat(writer).isNotSameAs(Thread.currentThread());
		assertThat(writer.isVirtual()).isTrue();
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	/** identity.api_key with one key, counting reads and writes. */
	static final class FakeKeys extends ApiKeys {

		final ApiKeySecret.Issued issued;

		final UUID id = UUID.randomUUID();

		final AtomicInteger lookups = new AtomicInteger();

		final List<Instant> touches = new ArrayList<>();

		volatile boolean revoked;

		volatile boolean failTouch;

		private volatile @Nullable Thread touchThread;

		FakeKeys(ApiKeySecret.Issued issued) {
			super(null);
			this.issued = issued;
		}

		@Override
		Optional<Row> findByPrefix(String prefix) {
			this.lookups.incrementAndGet();
			if (!prefix.equals(this.issued.prefix())) {
				return Optional.empty();
			}
			Instant created = Instant.parse("2026-11-01T00:00:00Z");
			return Optional.of(new Row(this.id, 0, UUID.randomUUID(), "HIS", prefix, this.issued.hash(), created, "管理员",
					null, this.revoked ? created : null, this.revoked ? "管理员" : null, null));
		}

		@Override
		synchronized void touch(UUID id, Instant at) {
			this.touchThread = Thread.currentThread();
			if (this.failTouch) {
				notifyAll();
				throw new IllegalStateException("数据库不可用");
			}
			this.touches.add(at);
			notifyAll();
		}

		synchronized Thread awaitTouchThread() throws InterruptedException {
			for (int i = 0; i < 100 && this.touchThread == null; i++) {
				wait(100);
			}
			assertThat(this.touchThread).as("the last use was written").isNotNull();
			return this.touchThread;
		}

	}

}
