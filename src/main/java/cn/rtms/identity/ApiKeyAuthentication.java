package cn.rtms.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Authenticates a presented API key: finds the key by its prefix, checks that it is
 * active and compares the secret's SHA-256 in constant time. Keys read from the database
 * are kept for {@code rtms.api-keys.cache-ttl} (5 s): a key revoked or rotated on this
 * node is dropped at once (after the change commits), on another node within that time.
 * Concurrent requests with the same key after expiry read the database once. The last use
 * is written at most once a minute per key, on a virtual thread of its own: no request
 * waits for that write (docs/gate.md, "Performance").
 */
@Component
class ApiKeyAuthentication {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthentication.class);

	static final int MAX_CACHED = 10_000;

	static final long TOUCH_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final ApiKeys keys;

	private final Clock clock;

	private final long ttlNanos;

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<UUID, Long> touched = new ConcurrentHashMap<>();

	private final Executor touches;

	private final LongSupplier nanoTime;

	@Autowired
	ApiKeyAuthentication(ApiKeys keys, Clock clock, @Value("${rtms.api-keys.cache-ttl:PT5S}") Duration ttl) {
		this(keys, clock, ttl, task -> Thread.ofVirtual().name("api-key-last-used").start(task), System::nanoTime);
	}

	/**
	 * @param touches runs the last-use writes, off the request
	 * @param nanoTime the monotonic time source for the cache and the touch interval
	 */
	ApiKeyAuthentication(ApiKeys keys, Clock clock, Duration ttl, Executor touches, LongSupplier nanoTime) {
		this.keys = keys;
		this.clock = clock;
		this.ttlNanos = ttl.toNanos();
		this.touches = touches;
		this.nanoTime = nanoTime;
	}

	private record Cached(ApiKeys.@Nullable Row row, long loadedAt) {
	}

	/**
	 * @param presented the key as sent
	 * @return the machine client, empty when the key is malformed, unknown, revoked or
	 * its secret is wrong
	 */
	Optional<ApiClient> authenticate(String presented) {
		Optional<ApiKeySecret.Presented> parsed = ApiKeySecret.parse(presented);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		String prefix = parsed.get().prefix();
		ApiKeys.Row row = lookup(prefix);
		if (row == null || !row.active() || !ApiKeySecret.matches(parsed.get().secret(), row.secretHash())) {
			return Optional.empty();
		}
		touch(row.id());
		return Optional.of(new ApiClient(row.id(), row.name(), row.institutionId()));
	}

	private ApiKeys.@Nullable Row lookup(String prefix) {
		long now = this.nanoTime.getAsLong();
		Cached cached = this.cache.get(prefix);
		if (cached == null || now - cached.loadedAt() > this.ttlNanos) {
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			cached = this.cache.compute(prefix,
					(key, old) -> (old != null && this.nanoTime.getAsLong() - old.loadedAt() <= this.ttlNanos) ? old
							: new Cached(this.keys.findByPrefix(key).orElse(null), this.nanoTime.getAsLong()));
		}
		return cached.row();
	}

	/**
	 * Records the key's use, at most once per {@link #TOUCH_INTERVAL_NANOS} per key (the
	 * request that wins the compare-and-set schedules the write; the others return at
	 * once), asynchronously: the request never waits for the database.
	 */
	private void touch(UUID keyId) {
		long now = this.nanoTime.getAsLong();
		Long last = this.touched.get(keyId);
		if (last != null && now - last < TOUCH_INTERVAL_NANOS) {
			return;
		}
		boolean mine = (last == null) ? this.touched.putIfAbsent(keyId, now) == null
				: this.touched.replace(keyId, last, now);
		if (!mine) {
			return;
		}
		Instant at = this.clock.instant();
		try {
			this.touches.execute(() -> {
				try {
					this.keys.touch(keyId, at);
				}
				catch (RuntimeException ex) {
					log.warn("无法记录 API 密钥 {} 的最近使用时间：{}", keyId, ex.getMessage());
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("无法记录 API 密钥 {} 的最近使用时间：{}", keyId, ex.getMessage());
		}
	}

	/**
	 * Drops what is cached for a key (after it was rotated or revoked on this node).
	 * @param prefix the key's prefix
	 */
	void forget(String prefix) {
		this.cache.remove(prefix);
	}

}
