package cn.rtms.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cn.rtms.identity.RequestRefused;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records refused requests as {@code REQUEST_REFUSED} (method, path, status, problem
 * code; who and from which address): those the security layer answers itself (401 without
 * session, 403 for a missing or wrong CSRF token, published by identity as
 * {@link RequestRefused}) and the 401/403 that application services raise (out of scope,
 * wrong role), seen after the handler completed. A failure to record is logged, never
 * turned into an error for the caller. Not recorded: the 401 of {@code GET /api/auth/me}
 * without a session, the question "who is logged in?" the front end asks on every page
 * load before the login (it reads nothing; recording it put one entry per visit of the
 * login page into the log and buried the refusals that matter).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityEventsAuditor implements WebMvcConfigurer {

	static final String ACTION = "REQUEST_REFUSED";

	/** The front end's session check on every page load. */
	static final String WHO_AM_I = "/api/auth/me";

	private static final Logger log = LoggerFactory.getLogger(SecurityEventsAuditor.class);

	private final AuditTrail audit;

	SecurityEventsAuditor(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(RequestRefused event) {
		record(event.status(), event.code(), event.method(), event.path());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable Exception ex) {
				int status = response.getStatus();
				if (status == 401 || status == 403) {
					Object handled = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
					String code = handled instanceof ProblemException problem ? problem.code()
							: ex instanceof ProblemException problem ? problem.code() : "HTTP_" + status;
					record(status, code, request.getMethod(), request.getRequestURI());
				}
			}
		}).addPathPatterns("/api/**");
	}

	private void record(int status, String code, String method, String path) {
		if (status == 401 && "GET".equals(method) && WHO_AM_I.equals(path)) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status);
		details.put("code", code);
		details.put("method", method);
		details.put("path", path.length() > 500 ? path.substring(0, 500) : path);
		try {
			this.audit.recordEvent(ACTION, "Request", path, details);
		}
		catch (RuntimeException failure) {
			log.error("无法记录被拒绝的请求 {} {}（{}）", method, path, status, failure);
		}
	}

}
