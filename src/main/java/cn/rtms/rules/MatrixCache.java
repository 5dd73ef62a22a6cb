package cn.rtms.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Institution matrices already computed, keyed by what they are computed from: the
 * institution's revision, its staff digest, the case registry's revision of the
 * institution ({@link CaseHistory#revision}, -1 without a registry; a staff member's
 * cases at another institution are picked up on the next change here or the next day),
 * the equipment register's revision of the institution
 * ({@link EquipmentRegisterSource#revision}, -1 without a register), the evaluation date
 * and, for a physician, who views (he sees his colleagues without their verdicts). A
 * change to the institution or anyone working there changes the key, on every node alike
 * (the revisions live in PostgreSQL), so an entry is never served stale and nothing needs
 * to be invalidated; old entries age out of the bounded, least-recently-used map. Specs
 * and the catalogue are fixed for the life of the process.
 */
final class MatrixCache {

	/**
	 * @param viewer the physician viewing, who sees colleagues differently from everyone
	 * else; null for every other viewer
	 * @param trainings the training file's revision of the institution's people
	 * ({@link TrainingRecordSource#revision}, -1 without a training module)
	 */
	record Key(UUID institution, int revision, String staff, long cases, long equipment, long trainings, LocalDate date,
			@Nullable UUID viewer) {
	}

	private final int capacity;

	private final Map<Key, EligibilityMatrix> entries;

	MatrixCache(int capacity) {
		this.capacity = capacity;
		this.entries = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, EligibilityMatrix> eldest) {
				return size() > MatrixCache.this.capacity;
			}
		};
	}

	/**
	 * @param key what the matrix is computed from
	 * @param compute computes it on a miss (outside the lock: two concurrent misses may
	 * both compute, and get the same result)
	 * @return the cached or computed matrix
	 */
	EligibilityMatrix get(Key key, Supplier<EligibilityMatrix> compute) {
		synchronized (this.entries) {
			EligibilityMatrix cached = this.entries.get(key);
			if (cached != null) {
				return cached;
			}
		}
		EligibilityMatrix computed = compute.get();
		synchronized (this.entries) {
			this.entries.put(key, computed);
		}
		return computed;
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

}
