package cn.rtms.identity;

/**
 * A request was refused by the security layer before it reached the application: no
 * session (401), a missing or wrong CSRF token or another access denial (403). Published
 * so that audit records it without identity depending on audit.
 *
 * @param status HTTP status answered
 * @param code the problem's stable code, e.g. {@code UNAUTHENTICATED},
 * {@code CSRF_TOKEN_INVALID}
 * @param method HTTP method
 * @param path request path
 */
public record RequestRefused(int status, String code, String method, String path) {
}
