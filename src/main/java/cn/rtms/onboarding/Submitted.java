package cn.rtms.onboarding;

import java.util.UUID;

/**
 * A (re)submitted application: the applicant keeps the status link, the only way to see
 * the application, its result and the activation link (no SMS or e-mail gateway).
 *
 * @param id application id
 * @param statusToken the secret of the status link (stored only as SHA-256)
 * @param statusPath the status page's path with the token
 */
public record Submitted(UUID id, String statusToken, String statusPath) {
}
