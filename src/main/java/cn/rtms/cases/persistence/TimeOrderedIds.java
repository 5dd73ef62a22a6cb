package cn.rtms.cases.persistence;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7 of RFC 9562) for the rows the registry writes in bulk: an
 * import's cases and their follow-up points. The first 48 bits are the milliseconds since
 * the epoch, the rest random (74 bits), so ids written together sort together and a
 * B-tree over them (the primary keys, the follow-ups' {@code (case_id, period)}) grows at
 * its right edge instead of touching a random leaf per row: at a million cases the
 * follow-ups' indexes are several times larger than PostgreSQL's default buffer cache
 * (docs/benchmark.md). The id tells when the row was written to the millisecond, which
 * the row's own {@code created_at} says anyway; it grants nothing (every access is
 * checked by role and scope, never by knowing an id).
 */
public final class TimeOrderedIds {

	private TimeOrderedIds() {
	}

	/**
	 * @param clock the platform's clock (the milliseconds of the id)
	 * @return a new version-7 UUID
	 */
	public static UUID next(Clock clock) {
		return of(clock.millis(), ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
	}

	/**
	 * @param millis milliseconds since the epoch (the low 48 bits are used)
	 * @param randomA the source of the 12 bits after the version
	 * @param randomB the source of the 62 bits after the variant
	 * @return the version-7 UUID of these parts
	 */
	static UUID of(long millis, long randomA, long randomB) {
		long most = ((millis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | (randomA & 0x0FFFL);
		long least = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(most, least);
	}

}
