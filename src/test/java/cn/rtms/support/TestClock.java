package cn.rtms.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.rtms.platform.PinnedMoment;

/**
 * The day the test suite runs on: the server's pinned clock ({@code rtms.clock.pinned},
 * set from the environment variable {@code RTMS_TEST_CLOCK}, default
 * 2026-11-22T10:00+08:00, see src/test/resources/config/application.properties). Tests
 * derive every date from it so the suite passes on any day.
 */
public final class TestClock {

	/** The default pinned moment of the suite. */
	public static final String DEFAULT = "2026-11-22T10:00:00+08:00";

	private TestClock() {
	}

	/**
	 * @return the pinned moment (the clock ticks on from it while the suite runs)
	 */
	public static OffsetDateTime pinned() {
		String value = System.getenv().getOrDefault("RTMS_TEST_CLOCK", "").trim();
		if (value.isEmpty()) {
			value = DEFAULT;
		}
		return PinnedMoment.parse(value).atZone(PinnedMoment.ZONE).toOffsetDateTime();
	}

	/**
	 * @return the date the suite runs on, in Asia/Shanghai
	 */
	public static LocalDate today() {
		return pinned().toLocalDate();
	}

}
