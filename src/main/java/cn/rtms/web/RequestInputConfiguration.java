package cn.rtms.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One place that bounds what a request may carry (docs/api.md, "Input bounds"):
 * <ul>
 * <li>JSON bodies are read with {@link RequestInputModule} (text and date rules, field
 * lengths) and are at most {@code rtms.web.max-body-size} bytes (1 MiB): 413
 * {@code CONTENT_TOO_LARGE}. Multipart uploads have their own limits.</li>
 * <li>Query, form and multipart text parameters and path variables under {@code /api}
 * follow {@link InputRules} (400 {@code VALIDATION_FAILED} naming the parameter).</li>
 * <li>Dates in parameters are {@code yyyy-MM-dd} between 1900-01-01 and 2100-12-31.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestInputConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	RequestInputConfiguration(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Spring MVC's JSON converter reads with {@link RequestInputModule}; the
	 * application's own {@link JsonMapper} (used for stored JSON) stays as it is. The
	 * converter is replaced in place, so the order of the converters does not change.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		JacksonJsonHttpMessageConverter bounded = new JacksonJsonHttpMessageConverter(
				this.json.rebuild().addModule(new RequestInputModule()).build());
		builder.configureMessageConvertersList((converters) -> converters.replaceAll(
				(converter) -> (converter.getClass() == JacksonJsonHttpMessageConverter.class) ? bounded : converter));
	}

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${rtms.web.max-body-size:1048576}") long maxBytes,
			@Value("${rtms.web.max-multipart-size:22020096}") long maxMultipartBytes) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(maxBytes, maxMultipartBytes));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ParameterInspector()).addPathPatterns("/api/**");
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new BoundedDateFormatter());
	}

	/**
	 * Refuses parameters and path variables that break {@link InputRules}, before the
	 * controller runs.
	 */
	static final class ParameterInspector implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				String name = parameter.getKey();
				if (InputRules.problem(name, 100) != null) {
					throw InputRules.invalid("(参数名)", "参数名" + InputRules.problem(name, 100));
				}
				for (String value : parameter.getValue()) {
					InputRules.require(value, name, InputRules.DEFAULT_MAX_LENGTH);
				}
			}
			if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
				for (Map.Entry<?, ?> variable : variables.entrySet()) {
					if (variable.getValue() instanceof String value) {
						InputRules.require(value, String.valueOf(variable.getKey()), 200);
					}
				}
			}
			return true;
		}

	}

	/**
	 * {@code yyyy-MM-dd} within 1900-01-01..2100-12-31 for every {@link LocalDate}
	 * parameter (it takes precedence over {@code @DateTimeFormat(iso = DATE)}, which
	 * means the same format).
	 */
	static final class BoundedDateFormatter implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			LocalDate date;
			try {
				date = LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw new DateOutOfRange("不是有效日期（yyyy-MM-dd）");
			}
			String problem = InputRules.problem(date);
			if (problem != null) {
				throw new DateOutOfRange(problem);
			}
			return date;
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}

	}

	/** A date parameter refused by {@link BoundedDateFormatter}, with the reason. */
	static final class DateOutOfRange extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		DateOutOfRange(String reason) {
			super(reason);
		}

	}

	/**
	 * Bounds every request body under {@code /api}: a declared length above the limit is
	 * answered 413 at once, before any filter or controller reads it (the anonymous
	 * registration too); an undeclared (chunked) JSON body fails with
	 * {@link BodyTooLarge} as soon as it passes the limit. Multipart uploads have their
	 * own, larger limit ({@code rtms.web.max-multipart-size}, 21 MB: a 20 MB file and its
	 * form), except the two imports of whole files ({@code /api/case-imports},
	 * {@code /api/bulk-load}), which only the servlet container's 110 MB bounds; a
	 * chunked multipart body is bounded by the container alone.
	 */
	static final class BodySizeLimit extends OncePerRequestFilter {

		private static final List<String> LARGE_UPLOADS = List.of("/api/case-imports", "/api/bulk-load/");

		private final long maxBytes;

		private final long maxMultipartBytes;

		BodySizeLimit(long maxBytes, long maxMultipartBytes) {
			this.maxBytes = maxBytes;
			this.maxMultipartBytes = maxMultipartBytes;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String contentType = request.getContentType();
			if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				boolean large = LARGE_UPLOADS.stream().anyMatch(path::startsWith);
				if (!large && request.getContentLengthLong() > this.maxMultipartBytes) {
					// sent now: the container then closes the connection instead of
					// waiting
					// for a body it would only discard
					response.setHeader("Connection", "close");
					ErrorPagesConfiguration.write(response, tooLarge(this.maxMultipartBytes));
					response.flushBuffer();
					return;
				}
				chain.doFilter(request, response);
				return;
			}
			if (request.getContentLengthLong() > this.maxBytes) {
				ErrorPagesConfiguration.write(response, tooLarge(this.maxBytes));
				return;
			}
			chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
		}

	}

	static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
		return StatusProblems.problem(413, "CONTENT_TOO_LARGE", "请求体过大",
				"请求体超过 " + (maxBytes / 1024) + " KB 的上限，未保存任何内容");
	}

	/** Thrown while reading a body that passes the limit. */
	static final class BodyTooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		private final long maxBytes;

		BodyTooLarge(long maxBytes) {
			super("request body exceeds " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		long maxBytes() {
			return this.maxBytes;
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		LimitedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new BodyTooLarge(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
