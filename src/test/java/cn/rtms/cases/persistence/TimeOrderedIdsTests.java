package cn.rtms.cases.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void layoutIsRfc9562VersionSevenWithTheMillisecondsFirst() {
		// the example of RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC = 0x017F22E279B0
		UUID id = TimeOrderedIds.of(0x017F22E279B0L, 0xCC3L, 0x18C4DC0C0C07398FL);
		assertThat(id).hasToString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgreSqlComparesThem() {
		Instant start = Instant.parse("2026-11-22T02:00:00Z");
		UUID earlier = TimeOrderedIds.next(Clock.fixed(start, ZoneOffset.UTC));
		UUID later = TimeOrderedIds.next(Clock.fixed(start.plusMillis(1), ZoneOffset.UTC));
		// PostgreSQL orders uuid by its bytes, unsigned: the text form's order
		assertThat(earlier.toString()).isLessThan(later.toString());
		assertThat(earlier.toString()).startsWith("%012x".formatted(start.toEpochMilli()).substring(0, 8));
	}

	@Test
	void idsOfOneMillisecondDifferInTheirRandomBits() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			UUID id = TimeOrderedIds.next(clock);
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}
