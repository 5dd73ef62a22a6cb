package cn.rtms.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI document metadata; the document is served at /api/openapi and the UI at
 * /api/docs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI rtmsOpenApi() {
		return new OpenAPI().info(new Info().title("RTMS 限制类医疗技术临床应用管理平台 API")
			.version("0.1.0")
			.description("错误响应遵循 RFC 9457（application/problem+json），detail 为中文说明，code 为稳定的机器可读错误码。"));
	}

	/**
	 * One schema per class, required and nullable from the records (ADR 0025).
	 */
	@Bean
	OpenApiCustomizer preciseSchemas() {
		return new OpenApiSchemas();
	}

}
