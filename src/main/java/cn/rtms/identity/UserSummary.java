package cn.rtms.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user account as administrators see it (never the password hash).
 *
 * @param id account id
 * @param username login name
 * @param displayName name shown in the UI
 * @param role role
 * @param roleLabel the role in Chinese
 * @param institutionId institution, for institutional roles
 * @param personId person record, for physicians
 * @param regionCode jurisdiction, for authorities (institutional roles: their
 * institution's region)
 * @param enabled whether the account may log in
 * @param mustChangePassword whether the password must be changed at the next login
 * @param lockedUntil end of the current lockout, null when not locked
 * @param failedAttempts consecutive failed logins
 * @param lastLoginAt last successful login
 * @param createdAt when the account was created
 */
public record UserSummary(UUID id, String username, String displayName, Role role, String roleLabel,
		@Nullable UUID institutionId, @Nullable UUID personId, @Nullable String regionCode, boolean enabled,
		boolean mustChangePassword, @Nullable Instant lockedUntil, int failedAttempts, @Nullable Instant lastLoginAt,
		Instant createdAt) {
}
