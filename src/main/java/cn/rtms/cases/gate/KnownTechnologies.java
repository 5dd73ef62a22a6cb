package cn.rtms.cases.gate;

import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The technology codes of the catalogue, as the order-entry check needs them on every
 * {@code technology=} question: read at most once a minute ({@link #TTL_NANOS}); a code
 * not in the copy reads the catalogue again, but at most once a second
 * ({@link #MISS_NANOS}), so a technology added to the catalogue is known within a second
 * while a client sending unknown codes costs no database query per request. Concurrent
 * readers share one read.
 */
final class KnownTechnologies {

	static final long TTL_NANOS = 60_000_000_000L;

	static final long MISS_NANOS = 1_000_000_000L;

	private record Copy(Set<String> codes, long readAt) {
	}

	private final Supplier<Set<String>> catalogue;

	private final LongSupplier nanoTime;

	private volatile @Nullable Copy copy;

	/**
	 * @param catalogue reads the catalogue's codes
	 * @param nanoTime monotonic time
	 */
	KnownTechnologies(Supplier<Set<String>> catalogue, LongSupplier nanoTime) {
		this.catalogue = catalogue;
		this.nanoTime = nanoTime;
	}

	/**
	 * @param technology a technology code (upper case)
	 * @return whether the catalogue has it
	 */
	boolean contains(String technology) {
		Copy known = this.copy;
		if (known != null && !stale(known, technology)) {
			return known.codes().contains(technology);
		}
		synchronized (this) {
			known = this.copy;
			if (known == null || stale(known, technology)) {
				known = new Copy(Set.copyOf(this.catalogue.get()), this.nanoTime.getAsLong());
				this.copy = known;
			}
		}
		return known.codes().contains(technology);
	}

	private boolean stale(Copy known, String technology) {
		long age = this.nanoTime.getAsLong() - known.readAt();
		return age > TTL_NANOS || (age > MISS_NANOS && !known.codes().contains(technology));
	}

}
