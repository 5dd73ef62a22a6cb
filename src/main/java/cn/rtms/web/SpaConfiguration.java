package cn.rtms.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the Vue single-page application: files of the build as they are, and
 * {@code index.html} for client-side routes (paths outside {@code /api} whose last
 * segment has no file extension). Missing files stay 404.
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.resourceChain(true)
			.addResolver(new PathResourceResolver() {
				@Override
				protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
					Resource resource = super.getResource(resourcePath, location);
					if (resource != null) {
						return resource;
					}
					String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
					if (resourcePath.startsWith("api/") || resourcePath.equals("api") || lastSegment.contains(".")) {
						return null;
					}
					Resource index = new ClassPathResource("static/index.html");
					return index.exists() ? index : null;
				}
			});
	}

}
