package cn.rtms.cases.gate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values derived from the database, each tagged with the practice view's revision it was
 * computed under: a lookup under another revision computes the value again, so nothing
 * derived from an older state is served once the view moved on (the computation reads the
 * database, so it is at least as new as the revision it is tagged with). Concurrent
 * misses of one key compute it once; the size is bounded (the cache is emptied when
 * full).
 */
final class RevisionCache<K, V> {

	private record Tagged<V>(long revision, V value) {
	}

	private final int capacity;

	private final ConcurrentHashMap<K, Tagged<V>> entries = new ConcurrentHashMap<>();

	RevisionCache(int capacity) {
		this.capacity = capacity;
	}

	V get(long revision, K key, Function<K, V> compute) {
		Tagged<V> cached = this.entries.get(key);
		if (cached != null && cached.revision() == revision) {
			return cached.value();
		}
		if (this.entries.size() >= this.capacity) {
			this.entries.clear();
		}
		return this.entries.compute(key, (k, old) -> (old != null && old.revision() == revision) ? old
				: new Tagged<>(revision, compute.apply(k)))
			.value();
	}

	int size() {
		return this.entries.size();
	}

}
