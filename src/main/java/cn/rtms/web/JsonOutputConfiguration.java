package cn.rtms.web;

import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the platform writes JSON numbers: a {@link java.math.BigDecimal} always in plain
 * notation ({@code 1000}, never {@code 1E+3}). Decimals with trailing zeros stripped
 * (indicator numerators and denominators, dose values) otherwise come out in scientific
 * notation, which spreadsheets, the provincial platform's importers and many JSON clients
 * read as text or reject.
 */
@Configuration(proxyBeanMethods = false)
class JsonOutputConfiguration {

	@Bean
	JsonMapperBuilderCustomizer plainDecimals() {
		return (builder) -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

}
