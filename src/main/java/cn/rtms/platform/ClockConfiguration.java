package cn.rtms.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The platform's one clock, in China Standard Time. Every production class that needs
 * "now" or "today" injects this {@link Clock}; {@code ArchitectureTests} fails on any
 * other source of the current time.
 * <p>
 * {@code rtms.clock.pinned} (environment {@code RTMS_CLOCK_PINNED}; the test suite sets
 * it from {@code RTMS_TEST_CLOCK}) starts the clock at a given moment instead of the real
 * one: an ISO offset date-time ({@code 2027-12-31T10:00:00+08:00}) or a date
 * ({@code 2028-02-29}, meaning 10:00 that day in Asia/Shanghai). The pinned clock keeps
 * ticking from there, so instants stay ordered.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** The platform's time zone. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean
	Clock clock(Environment environment) {
		Clock system = Clock.system(ZONE);
		String pinned = environment.getProperty("rtms.clock.pinned", "").trim();
		if (pinned.isEmpty()) {
			return system;
		}
		Instant start = parse(pinned);
		log.warn("平台时钟已固定：从 {} 起计时（rtms.clock.pinned），仅用于测试与演示", start.atZone(ZONE));
		return Clock.offset(system, Duration.between(system.instant(), start));
	}

	static Instant parse(String pinned) {
		try {
			return OffsetDateTime.parse(pinned).toInstant();
		}
		catch (DateTimeParseException notADateTime) {
			try {
				return LocalDate.parse(pinned).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new IllegalStateException(
						"配置项 rtms.clock.pinned 的值“" + pinned + "”无法识别：应为 2027-12-31T10:00:00+08:00 或 2027-12-31 形式",
						ex);
			}
		}
	}

}
