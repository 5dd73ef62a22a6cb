package cn.rtms.cases.gate;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionCacheTests {

	@Test
	void computesOncePerKeyAndRevision() {
		RevisionCache<String, Integer> cache = new RevisionCache<>(10);
		AtomicInteger computed = new AtomicInteger();
		assertThat(cache.get(1, "a", k -> computed.incrementAndGet())).isEqualTo(1);
		assertThat(cache.get(1, "a", k -> computed.incrementAndGet())).isEqualTo(1);
		assertThat(computed).hasValue(1);
	}

	@Test
	void recomputesUnderANewRevision() {
		RevisionCache<String, Integer> cache = new RevisionCache<>(10);
		AtomicInteger computed = new AtomicInteger();
		cache.get(1, "a", k -> computed.incrementAndGet());
		assertThat(cache.get(2, "a", k -> computed.incrementAndGet())).isEqualTo(2);
		assertThat(cache.get(2, "a", k -> computed.incrementAndGet())).isEqualTo(2);
	}

	@Test
	void staysWithinItsCapacity() {
		RevisionCache<Integer, Integer> cache = new RevisionCache<>(5);
		for (int i = 0; i < 100; i++) {
			cache.get(1, i, k -> k);
		}
		assertThat(cache.size()).isLessThanOrEqualTo(5);
	}

}
