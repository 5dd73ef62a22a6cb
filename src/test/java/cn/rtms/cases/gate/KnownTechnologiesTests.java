package cn.rtms.cases.gate;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-entry check's copy of the catalogue codes: no database read per request, not
 * even for unknown codes, and a new technology known within a second.
 */
class KnownTechnologiesTests {

	final Set<String> catalogue = new HashSet<>(Set.of("G07", "G08"));

	final AtomicInteger reads = new AtomicInteger();

	final AtomicLong nanos = new AtomicLong(5_000_000_000L);

	final KnownTechnologies known = new KnownTechnologies(() -> {
		this.reads.incrementAndGet();
		return Set.copyOf(this.catalogue);
	}, this.nanos::get);

	@Test
	void readsTheCatalogueOnceForKnownCodes() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.known.contains("G08")).isTrue();
		}
		assertThat(this.reads).hasValue(1);
		this.nanos.addAndGet(KnownTechnologies.TTL_NANOS + 1);
		assertThat(this.known.contains("G08")).isTrue();
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void unknownCodesReadTheCatalogueAtMostOnceASecond() {
		assertThat(this.known.contains("G08")).isTrue();
		for (int i = 0; i < 1000; i++) {
			assertThat(this.known.contains("X99")).isFalse();
		}
		assertThat(this.reads).as("a flood of unknown codes is answered from memory").hasValue(1);
		this.nanos.addAndGet(KnownTechnologies.MISS_NANOS + 1);
		assertThat(this.known.contains("X99")).isFalse();
		assertThat(this.known.contains("X99")).isFalse();
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aTechnologyAddedToTheCatalogueIsKnownWithinASecond() {
		assertThat(this.known.contains("G10")).isFalse();
		this.catalogue.add("G10");
		this.nanos.addAndGet(KnownTechnologies.MISS_NANOS + 1);
		assertThat(this.known.contains("G10")).isTrue();
	}

}
