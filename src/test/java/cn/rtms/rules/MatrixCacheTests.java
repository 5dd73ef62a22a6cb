package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixCacheTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 22);

	static final UUID INSTITUTION = UUID.fromString("11111111-1111-1111-1111-111111111111");

	final AtomicInteger computations = new AtomicInteger();

	EligibilityMatrix compute() {
		this.computations.incrementAndGet();
		return new EligibilityMatrix(INSTITUTION.toString(), "某医院", DAY, List.of());
	}

	@Test
	void computesOncePerKeyAndAgainWhenAnyPartOfTheKeyChanges() {
		MatrixCache cache = new MatrixCache(10);
		MatrixCache.Key key = new MatrixCache.Key(INSTITUTION, 3, "abc", 0, 0, 0, DAY, null);
		EligibilityMatrix first = cache.get(key, this::compute);
		assertThat(cache.get(key, this::compute)).isSameAs(first);
		assertThat(this.computations).hasValue(1);

		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abc", 0, 0, 0, DAY, null), this::compute);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 0, 0, 0, DAY, null), this::compute);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 0, 0, 0, DAY.plusDays(1), null), this::compute);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 0, 0, 0, DAY.plusDays(1), INSTITUTION), this::compute);
		assertThat(this.computations).hasValue(5);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 1, 0, 0, DAY.plusDays(1), INSTITUTION), this::compute);
		assertThat(this.computations).as("a case submitted at the institution changes the key").hasValue(6);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 1, 1, 0, DAY.plusDays(1), INSTITUTION), this::compute);
		assertThat(this.computations).as("a change to the equipment register changes the key").hasValue(7);
		cache.get(new MatrixCache.Key(INSTITUTION, 4, "abd", 1, 1, 1, DAY.plusDays(1), INSTITUTION), this::compute);
		assertThat(this.computations).as("a change of the training file changes the key").hasValue(8);
	}

	@Test
	void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
		MatrixCache cache = new MatrixCache(2);
		MatrixCache.Key a = new MatrixCache.Key(INSTITUTION, 1, "", 0, 0, 0, DAY, null);
		MatrixCache.Key b = new MatrixCache.Key(INSTITUTION, 2, "", 0, 0, 0, DAY, null);
		MatrixCache.Key c = new MatrixCache.Key(INSTITUTION, 3, "", 0, 0, 0, DAY, null);
		cache.get(a, this::compute);
		cache.get(b, this::compute);
		cache.get(a, this::compute);
		cache.get(c, this::compute);
		assertThat(cache.size()).isEqualTo(2);
		int before = this.computations.get();
		cache.get(a, this::compute);
		assertThat(this.computations).as("a was used last, b was dropped").hasValue(before);
		cache.get(b, this::compute);
		assertThat(this.computations).hasValue(before + 1);
	}

}
