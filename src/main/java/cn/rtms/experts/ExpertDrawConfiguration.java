package cn.rtms.experts;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the seeds of expert draws come from: {@link SecureRandom} in production, a seeded
 * generator when {@code rtms.experts.draw-seed} is set (tests), so that a run's draws
 * repeat. The draw itself ({@link ExpertDraw}) is a pure function of candidates and seed.
 */
@Configuration(proxyBeanMethods = false)
class ExpertDrawConfiguration {

	static final String RANDOM = "expertDrawRandom";

	@Bean(RANDOM)
	RandomGenerator expertDrawRandom(@Value("${rtms.experts.draw-seed:}") String seed) {
		if (seed.isBlank()) {
			return new SecureRandom();
		}
		return RandomGeneratorFactory.of("L64X128MixRandom").create(Long.parseLong(seed.strip()));
	}

}
