package cn.rtms.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * How a pinned clock moment is written ({@code rtms.clock.pinned},
 * {@code RTMS_TEST_CLOCK}): an ISO offset date-time ({@code 2027-12-31T10:00:00+08:00})
 * or a date ({@code 2028-02-29}, meaning 10:00 that day in China). One reading for the
 * platform's clock and for the test suite, so both always agree on "today".
 */
public final class PinnedMoment {

	/** The platform's time zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private PinnedMoment() {
	}

	/**
	 * @param text the pinned moment as configured
	 * @return the instant it stands for
	 * @throws IllegalStateException naming the value when it is neither form
	 */
	public static Instant parse(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notADateTime) {
			try {
				return LocalDate.parse(text).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalStateException(
						"配置项 rtms.clock.pinned 的值“" + text + "”无法识别：应为 2027-12-31T10:00:00+08:00 或 2027-12-31 形式", ex);
			}
		}
	}

}
