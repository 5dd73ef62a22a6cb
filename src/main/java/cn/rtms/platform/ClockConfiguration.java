package cn.rtms.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
 * one, written as {@link PinnedMoment} reads it. The pinned clock keeps ticking from
 * there, so instants stay ordered.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean
	Clock clock(Environment environment) {
		Clock system = Clock.system(PinnedMoment.ZONE);
		String pinned = environment.getProperty("rtms.clock.pinned", "").trim();
		if (pinned.isEmpty()) {
			return system;
		}
		Instant start = PinnedMoment.parse(pinned);
		log.warn("平台时钟已固定：从 {} 起计时（rtms.clock.pinned），仅用于测试与演示", start.atZone(PinnedMoment.ZONE));
		return Clock.offset(system, Duration.between(system.instant(), start));
	}

}
