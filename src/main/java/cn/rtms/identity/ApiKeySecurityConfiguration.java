package cn.rtms.identity;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cn.rtms.identity.SecurityConfiguration.ProblemWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Machine clients (docs/gate.md): a request that carries an API key
 * ({@code Authorization: ApiKey <key>} or {@code X-Api-Key: <key>}), and any request to
 * the machine-only paths {@code GET /api/gate} and {@code GET /api/gate/ping}, goes
 * through this filter chain, ahead of the session chain of {@link SecurityConfiguration}:
 * no session is read or created, no CSRF token is needed, and the only paths it reaches
 * are {@link ApiKeyManagement#MACHINE_PATHS}; everything else answers 403
 * {@code API_KEY_SCOPE}, so a key can never stand in for a user. A missing key answers
 * 401 {@code API_KEY_REQUIRED}, an unknown, rotated or revoked one 401
 * {@code API_KEY_INVALID}; both are published as {@link RequestRefused} (audited).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiKeySecurityConfiguration {

	static final String HEADER = "X-Api-Key";

	static final String SCHEME = "apikey ";

	static final String ROLE = "API_CLIENT";

	static final RequestMatcher MACHINE_REQUESTS = request -> presentedKey(request) != null
			|| (HttpMethod.GET.matches(request.getMethod())
					&& ("/api/gate".equals(path(request)) || "/api/gate/ping".equals(path(request))));

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, ApiKeyAuthentication keys, JsonMapper json,
			ApplicationEventPublisher events) throws Exception {
		ProblemWriter problems = new ProblemWriter(json);
		http.securityMatcher(MACHINE_REQUESTS)
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/gate", "/api/gate/ping")
				.hasRole(ROLE)
				.requestMatchers(HttpMethod.POST, "/api/gate/overrides")
				.hasRole(ROLE)
				.anyRequest()
				.denyAll())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response,
						SecurityConfiguration.refused(events, request, Problems.apiKeyRequired())))
				.accessDeniedHandler((request, response, ex) -> problems.write(response,
						SecurityConfiguration.refused(events, request, Problems.apiKeyScope()))))
			.addFilterBefore(new ApiKeyFilter(keys, problems, events), AuthorizationFilter.class);
		return http.build();
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * @return the key the request presents, null when it presents none
	 */
	static @Nullable String presentedKey(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.length() > SCHEME.length()
				&& authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
			return authorization.substring(SCHEME.length()).strip();
		}
		String header = request.getHeader(HEADER);
		return header != null && !header.isBlank() ? header.strip() : null;
	}

	/**
	 * Authenticates the presented key for this request only (nothing is stored in a
	 * session); a key that does not authenticate ends the request with 401
	 * {@code API_KEY_INVALID}.
	 */
	static final class ApiKeyFilter extends OncePerRequestFilter {

		private final ApiKeyAuthentication keys;

		private final ProblemWriter problems;

		private final ApplicationEventPublisher events;

		ApiKeyFilter(ApiKeyAuthentication keys, ProblemWriter problems, ApplicationEventPublisher events) {
			this.keys = keys;
			this.problems = problems;
			this.events = events;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String presented = presentedKey(request);
			if (presented != null) {
				Optional<ApiClient> client = this.keys.authenticate(presented);
				if (client.isEmpty()) {
					this.problems.write(response,
							SecurityConfiguration.refused(this.events, request, Problems.apiKeyInvalid()));
					return;
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
						AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}

	}

}
