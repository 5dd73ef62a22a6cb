package cn.rtms.web;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the Vue single-page application: files of the build as they are, and
 * {@code index.html} for client-side routes (paths outside {@code /api} whose last
 * segment has no file extension). Missing files stay 404.
 * <p>
 * Caching (docs/caching.md): Vite's content-hashed files under {@code /assets/} never
 * change, so they are {@code public, max-age=31536000, immutable}; everything else
 * ({@code index.html}, the SPA routes, the favicon) is {@code no-cache} (stored, but
 * revalidated with {@code If-Modified-Since} on every use), so a new release is seen at
 * the next page load. API responses keep Spring Security's {@code no-store}. The build
 * writes a gzip copy ({@code .gz}) next to each compressible file;
 * {@link EncodedResourceResolver} sends it when the client accepts gzip (with
 * {@code Content-Encoding} and {@code Vary: Accept-Encoding}).
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebMvcConfigurer {

	static final String STATIC = "classpath:/static/";

	/**
	 * Hashed build output: cached by browsers and proxies for a year, never revalidated.
	 */
	static final CacheControl ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** The entry page and other unhashed files: revalidated on every use. */
	static final CacheControl ENTRY = CacheControl.noCache();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(STATIC + "assets/")
			.setCacheControl(ASSETS)
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver())
			.addResolver(new PathResourceResolver());
		registry.addResourceHandler("/**")
			.addResourceLocations(STATIC)
			.setCacheControl(ENTRY)
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver())
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
					return super.getResource("index.html", location);
				}
			});
	}

}
