package cn.rtms.rules.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds a worked example per subject kind to the what-if endpoint's request body in the
 * OpenAPI document. The examples are the files under {@code openapi/examples/};
 * {@code EligibilityApiIT} posts each one and expects a report, so they cannot rot.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationExamples {

	static final Map<String, String> FILES = Map.of("institution", "医疗机构（拟调整床位/设备）", "physician", "医师（拟引进人员）", "staff",
			"其他专业技术人员（G07 物理师）", "trainee", "学员（免于培训）", "training-base", "培训基地（拟申报）");

	@Bean
	OpenApiCustomizer evaluationExamplesCustomizer(JsonMapper json) {
		Map<String, Example> examples = new LinkedHashMap<>();
		FILES.forEach((file, summary) -> {
			try {
				String text = new ClassPathResource("openapi/examples/" + file + ".json")
					.getContentAsString(StandardCharsets.UTF_8);
				examples.put(file, new Example().summary(summary).value(json.readValue(text, Object.class)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return openApi -> {
			PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/eligibility/evaluate");
			Operation post = path == null ? null : path.getPost();
			if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
				return;
			}
			MediaType media = post.getRequestBody().getContent().get("application/json");
			if (media != null) {
				media.setExamples(examples);
			}
		};
	}

}
