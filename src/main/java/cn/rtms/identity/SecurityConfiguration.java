package cn.rtms.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import cn.rtms.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session-based security for the JSON API: everything under {@code /api} needs a session
 * except login, the OpenAPI document and UI, and {@code GET /api/public/**}; the SPA's
 * files and routes are public. Every non-GET request except login needs the session's
 * CSRF token in {@code X-XSRF-TOKEN} (the token is kept in the session, mirrored to the
 * readable cookie {@code XSRF-TOKEN} and renewed at login, see
 * {@link SessionCsrfTokenRepository}); a refused token without a logged-in session
 * answers 401, so the SPA goes to the login page. 401 and 403 are RFC 9457 problems in
 * Chinese. Accounts are re-read on every request (disabled accounts lose their session, a
 * user who must change the password gets 403 {@code PASSWORD_CHANGE_REQUIRED} outside
 * {@code /api/auth/**}). Every response carries the security headers of
 * {@link #CONTENT_SECURITY_POLICY}, nosniff, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy}; requests over TLS also get HSTS
 * ({@code rtms.security.hsts-max-age}, 0 turns it off).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String LOGIN = "/api/auth/login";

	/**
	 * The OpenAPI document and Swagger UI: open to anyone (integrators read them before
	 * they have an account) unless {@code rtms.security.public-api-docs=false}, which
	 * asks for a logged-in session, as security assessments commonly expect of a
	 * production system (an open interface document is a routine finding).
	 */
	static final String[] API_DOCS = { "/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**",
			"/api/swagger-ui/**", "/swagger-ui/**", "/swagger-ui.html" };

	/**
	 * Unauthenticated POSTs: self-registration (onboarding, throttled and behind a
	 * captcha) and the one-time activation (the token is the credential). No session is
	 * involved, so no CSRF token either.
	 */
	static final String[] PUBLIC_POSTS = { "/api/public/onboarding/**", "/api/public/activation",
			"/api/public/activation/**" };

	/**
	 * Scripts only from the platform itself; inline styles are allowed because Element
	 * Plus and ECharts set element styles at run time; nothing may frame the platform.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The work factor of password hashes unless configured (BCrypt's default). */
	static final int DEFAULT_PASSWORD_HASH_STRENGTH = 10;

	/**
	 * BCrypt with the work factor {@code rtms.security.password-hash-strength} (default
	 * {@value #DEFAULT_PASSWORD_HASH_STRENGTH}, 2^10 rounds, about 70 ms per hash on the
	 * reference machine). Only a throw-away test database may go below it: the
	 * integration suite sets 4 so that its thousands of logins and demo accounts do not
	 * spend minutes hashing. Stored hashes carry their own factor, so a change applies to
	 * passwords set afterwards and every stored one still verifies.
	 * @param strength the work factor (log2 of the rounds), 4 to 31
	 * @return the encoder
	 */
	@Bean
	PasswordEncoder passwordEncoder(
			@Value("${rtms.security.password-hash-strength:" + DEFAULT_PASSWORD_HASH_STRENGTH + "}") int strength) {
		return new BCryptPasswordEncoder(passwordHashStrength(strength));
	}

	static int passwordHashStrength(int strength) {
		if (strength < 4 || strength > 31) {
			throw new IllegalArgumentException(
					"rtms.security.password-hash-strength 应在 4 到 31 之间（BCrypt 轮数的以 2 为底的对数），现为 " + strength);
		}
		if (strength < DEFAULT_PASSWORD_HASH_STRENGTH) {
			log.warn("密码散列强度 rtms.security.password-hash-strength={} 低于默认的 {}：只可用于可丢弃的测试数据库", strength,
					DEFAULT_PASSWORD_HASH_STRENGTH);
		}
		return strength;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SessionCsrfTokenRepository csrfTokenRepository() {
		return new SessionCsrfTokenRepository();
	}

	/** The filter chain, only in a servlet web application (not in command mode). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class WebSecurity {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contexts,
				SessionCsrfTokenRepository csrfTokens, UserManagement users, JsonMapper json,
				ApplicationEventPublisher events, @Value("${rtms.security.hsts-max-age:365d}") Duration hstsMaxAge,
				@Value("${rtms.security.public-api-docs:true}") boolean publicApiDocs) throws Exception {
			ProblemWriter problems = new ProblemWriter(json);
			CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
			http.securityContext(context -> context.securityContextRepository(contexts))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
					.csrfTokenRequestHandler(plainToken)
					.ignoringRequestMatchers(LOGIN)
					.ignoringRequestMatchers(PUBLIC_POSTS))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
					.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
					.contentTypeOptions(Customizer.withDefaults())
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
					.httpStrictTransportSecurity(hsts -> {
						if (hstsMaxAge.isZero() || hstsMaxAge.isNegative()) {
							hsts.disable();
						}
						else {
							hsts.maxAgeInSeconds(hstsMaxAge.toSeconds()).includeSubDomains(true);
						}
					}))
				.authorizeHttpRequests(requests -> {
					requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
						.permitAll()
						.requestMatchers(LOGIN, "/api/auth/logout")
						.permitAll();
					if (publicApiDocs) {
						requests.requestMatchers(API_DOCS).permitAll();
					}
					else {
						requests.requestMatchers(API_DOCS).authenticated();
					}
					requests.requestMatchers(HttpMethod.GET, "/api/public/**")
						.permitAll()
						.requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
						.permitAll()
						.requestMatchers("/api", "/api/**")
						.authenticated()
						.requestMatchers(HttpMethod.GET, "/**")
						.permitAll()
						.requestMatchers(HttpMethod.HEAD, "/**")
						.permitAll()
						.anyRequest()
						.authenticated();
				})
				.exceptionHandling(exceptions -> exceptions
					.authenticationEntryPoint((request, response, ex) -> problems.write(response,
							refused(events, request, new NotAuthenticated())))
					.accessDeniedHandler(
							(request, response, ex) -> problems.write(response, refused(events, request, refusal(ex)))))
				.requestCache(cache -> cache.requestCache(new NullRequestCache()))
				.formLogin(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.addFilterAfter(new CsrfCookieFilter(csrfTokens), CsrfFilter.class)
				.addFilterBefore(new AccountFilter(users, contexts, problems, events), AuthorizationFilter.class);
			return http.build();
		}

	}

	/**
	 * A refused CSRF token without a logged-in user is a missing session (it expired, or
	 * there never was one): 401, so the SPA logs in again; with a user it is 403
	 * {@code CSRF_TOKEN_INVALID}.
	 */
	static ProblemException refusal(Exception ex) {
		if (!(ex instanceof CsrfException)) {
			return new AccessDenied("无权访问该资源");
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser) ? Problems.csrfRefused()
				: new NotAuthenticated();
	}

	/**
	 * Keeps the {@code XSRF-TOKEN} cookie equal to the session's token on every request
	 * of a session, so the SPA always has it.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		private final SessionCsrfTokenRepository tokens;

		CsrfCookieFilter(SessionCsrfTokenRepository tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getSession(false) != null
					&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				this.tokens.mirror(token, request, response);
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Re-reads the session's account: a deleted or disabled account is logged out; a
	 * changed account (role, scope, forced password change) replaces the session's copy;
	 * a user who must change the password may only use {@code /api/auth/**}.
	 */
	static final class AccountFilter extends OncePerRequestFilter {

		private final UserManagement users;

		private final SecurityContextRepository contexts;

		private final ProblemWriter problems;

		private final ApplicationEventPublisher events;

		AccountFilter(UserManagement users, SecurityContextRepository contexts, ProblemWriter problems,
				ApplicationEventPublisher events) {
			this.events = events;
			this.users = users;
			this.contexts = contexts;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser session) {
				CurrentUser current = this.users.reload(session.id()).orElse(null);
				if (current == null) {
					SecurityContextHolder.clearContext();
					HttpSession httpSession = request.getSession(false);
					if (httpSession != null) {
						httpSession.invalidate();
					}
				}
				else {
					if (!current.equals(session)) {
						SecurityContext context = SecurityContextHolder.createEmptyContext();
						context.setAuthentication(authenticated(current));
						SecurityContextHolder.setContext(context);
						this.contexts.saveContext(context, request, response);
					}
					String path = request.getRequestURI().substring(request.getContextPath().length());
					if (current.mustChangePassword() && path.startsWith("/api/") && !path.startsWith("/api/auth/")
							&& !path.startsWith("/api/public/") && !path.startsWith("/api/openapi")
							&& !path.startsWith("/api/docs") && !path.startsWith("/api/swagger-ui/")) {
						this.problems.write(response, refused(this.events, request, Problems.passwordChangeRequired()));
						return;
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

	/** Publishes the refusal (audited) and returns the problem to answer. */
	static ProblemException refused(ApplicationEventPublisher events, HttpServletRequest request,
			ProblemException problem) {
		events.publishEvent(new RequestRefused(problem.getStatusCode().value(), problem.code(), request.getMethod(),
				request.getRequestURI()));
		return problem;
	}

	static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_" + user.role().name()));
	}

	/** Writes a {@link ProblemException} as {@code application/problem+json}. */
	static final class ProblemWriter {

		private final JsonMapper json;

		ProblemWriter(JsonMapper json) {
			this.json = json;
		}

		void write(HttpServletResponse response, ProblemException problem) throws IOException {
			ProblemDetail body = problem.getBody();
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("type", String.valueOf(body.getType()));
			out.put("title", body.getTitle());
			out.put("status", body.getStatus());
			out.put("detail", body.getDetail());
			if (body.getProperties() != null) {
				out.putAll(body.getProperties());
			}
			response.setStatus(body.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.json.writeValueAsString(out));
		}

	}

}
