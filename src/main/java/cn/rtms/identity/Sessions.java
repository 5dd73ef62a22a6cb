package cn.rtms.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * HTTP sessions of logged-in users, for identity's own controllers: a login gets a fresh
 * session id (no session fixation) and a new CSRF token; a logout ends the session and
 * drops the CSRF cookie. Sessions live in PostgreSQL (Spring Session JDBC), indexed by
 * the account id so that {@link AccountSessions} can end an account's other sessions on
 * any node.
 */
@Component
public class Sessions {

	private final SecurityContextRepository contexts;

	private final SessionCsrfTokenRepository csrfTokens;

	Sessions(SecurityContextRepository contexts, SessionCsrfTokenRepository csrfTokens) {
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
	}

	/**
	 * Stores the user in the session, changing the session id if a session existed, and
	 * issues a new CSRF token (the previous one, if any, is no longer accepted).
	 * @param user the authenticated user
	 * @param request the login request
	 * @param response its response
	 */
	public void signIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		store(user, request, response);
		this.csrfTokens.saveToken(this.csrfTokens.generateToken(request), request, response);
	}

	/**
	 * Replaces the session's copy of the user (after a password change).
	 * @param user the user as now stored
	 * @param request the request
	 * @param response its response
	 */
	public void refresh(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		store(user, request, response);
	}

	/**
	 * Ends the session.
	 * @param request the logout request
	 * @param response its response
	 */
	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.csrfTokens.saveToken(null, request, response);
	}

	private void store(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityConfiguration.authenticated(user));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		request.getSession()
			.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
					AccountSessions.principalName(user.id()));
	}

}
