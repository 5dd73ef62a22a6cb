package cn.rtms.identity;

import java.time.Instant;

/**
 * An account with a freshly issued one-time activation: the token is shown once (here)
 * and stored only as its hash. The account has no usable password until the token is used
 * on the activation page ({@code /activate?token=…}).
 *
 * @param account the account
 * @param token the activation token (URL-safe, 43 characters)
 * @param activationPath the path of the activation page with the token
 * @param expiresAt when the token expires
 */
public record IssuedActivation(UserSummary account, String token, String activationPath, Instant expiresAt) {
}
