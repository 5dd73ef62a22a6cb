package cn.rtms.identity;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The CSRF token lives in the HTTP session (so a token is only valid for the session it
 * was issued to) and is mirrored into the readable cookie {@value #COOKIE} for the SPA,
 * which sends it back as {@value #HEADER}. The cookie is never trusted: only the
 * session's token is compared with the header. A token is only stored when a session
 * exists; an anonymous visitor gets no session and no token (login needs none). The
 * cookie is {@code Secure} when the request came over TLS.
 */
final class SessionCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE = "XSRF-TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	SessionCsrfTokenRepository() {
		this.sessions.setHeaderName(HEADER);
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.sessions.saveToken(null, request, response);
			writeCookie(null, request, response);
			return;
		}
		if (request.getSession(false) == null) {
			return;
		}
		this.sessions.saveToken(token, request, response);
		writeCookie(token.getToken(), request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) == null ? null : this.sessions.loadToken(request);
	}

	/**
	 * Sets the mirror cookie when the request did not bring the session's token (a new
	 * token, or a cookie the browser lost).
	 */
	void mirror(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (!token.getToken().equals(cookieValue(request))) {
			writeCookie(token.getToken(), request, response);
		}
	}

	private static @Nullable String cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static void writeCookie(@Nullable String value, HttpServletRequest request, HttpServletResponse response) {
		String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value == null ? "" : value)
			.path(path)
			.sameSite("Lax")
			.secure(request.isSecure())
			.httpOnly(false)
			.maxAge(value == null ? Duration.ZERO : Duration.ofSeconds(-1))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
