package cn.rtms.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller are RFC 9457 problems too: URLs Spring Security's
 * firewall refuses ({@code //}, {@code ;}, encoded {@code %2e} or {@code %25}: 400
 * {@code REQUEST_REJECTED}), error dispatches to {@code /error} (instead of Spring Boot's
 * default JSON or white-label page), and requests Tomcat refuses itself before any
 * servlet (its HTML error page is replaced by {@link ProblemErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ErrorPagesConfiguration {

	static final String REQUEST_REJECTED = "REQUEST_REJECTED";

	@Bean
	RequestRejectedHandler problemRequestRejectedHandler() {
		return (request, response, ex) -> write(response, rejected());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers(context -> {
					Container host = context.getParent();
					if (host instanceof StandardHost standardHost) {
						standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
						// Spring Boot adds a plain ErrorReportValve to the host; replace
						// it when
						// the host starts, after every customizer has run.
						standardHost.addLifecycleListener(event -> {
							if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
								replaceErrorReportValves(standardHost.getPipeline());
							}
						});
					}
				});
			}

		};
	}

	private static void replaceErrorReportValves(Pipeline pipeline) {
		boolean present = false;
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ProblemErrorReportValve) {
				present = true;
			}
			else if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		if (!present) {
			pipeline.addValve(new ProblemErrorReportValve());
		}
	}

	static ProblemDetail rejected() {
		return StatusProblems.problem(400, REQUEST_REJECTED, "请求地址被拒绝",
				"请求地址含有不允许的字符或片段（如 “//”、“;”、编码的 “.”、“%” 或控制字符），已拒绝");
	}

	static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(StatusProblems.json(problem));
		response.flushBuffer();
	}

	/**
	 * The {@code /error} dispatch: the problem for the status of the failed request, a
	 * firewall refusal named as such; never the exception's message.
	 */
	@RestController
	static class ProblemErrorController implements ErrorController {

		@RequestMapping("${server.error.path:${error.path:/error}}")
		ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
			Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			ProblemDetail problem;
			if (exception instanceof RequestRejectedException) {
				problem = rejected();
			}
			else {
				Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
				int status = (code instanceof Integer number && number >= 400) ? number : 500;
				problem = StatusProblems.problem(status);
			}
			return ResponseEntity.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}

	}

}
