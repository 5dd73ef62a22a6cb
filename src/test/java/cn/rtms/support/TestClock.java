package cn.rtms.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The day the test suite runs on: the server's pinned clock ({@code rtms.clock.pinned},
 * set from the environment variable {@code RTMS_TEST_CLOCK}, default
 * 2026-11-22T10:00+08:00, see src/test/resources/config/application.properties). Tests
 * derive every date from it so the suite passes on any day.
 */
public final class TestClock {

	/** The default pinned moment of the suite. */
	public static final String DEFAULT = "2026-11-22T10:00:00+08:00";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
		try {
			return OffsetDateTime.parse(value).atZoneSameInstant(ZONE).toOffsetDateTime();
		}
		catch (DateTimeParseException notADateTime) {
			return LocalDate.parse(value).atTime(LocalTime.of(10, 0)).atZone(ZONE).toOffsetDateTime();
		}
	}

	/**
	 * @return the date the suite runs on, in Asia/Shanghai
	 */
	public static LocalDate today() {
		return pinned().toLocalDate();
	}

}
