package cn.rtms.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to a user account: published for every login success and failure,
 * lockout, logout, password change and account change, so that audit can record it
 * without identity depending on audit. {@code before} and {@code after} are
 * JSON-serialisable snapshots (never password hashes).
 *
 * @param action e.g. {@code LOGIN_SUCCEEDED}, {@code LOGIN_FAILED},
 * {@code ACCOUNT_LOCKED}, {@code PASSWORD_CHANGED}, {@code USER_CREATED},
 * {@code USER_UPDATED}, {@code USER_UNLOCKED}, {@code USER_DISABLED}, {@code LOGOUT}
 * @param userId the account concerned; null for a login attempt with an unknown username
 * @param username the username concerned (as typed, for failed logins)
 * @param actorId who did it: the user themselves, an administrator, or null when nobody
 * is logged in
 * @param clientAddress the caller's IP address
 * @param before the state before, or null
 * @param after the state after, or null
 */
public record UserEvent(String action, @Nullable UUID userId, String username, @Nullable UUID actorId,
		String clientAddress, @Nullable Object before, @Nullable Object after) {
}
