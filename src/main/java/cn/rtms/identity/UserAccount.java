package cn.rtms.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored account, hash included; never leaves the module. {@code demoAccount} marks the
 * demo module's preset accounts (they may keep the published demo password and their
 * password does not expire).
 */
record UserAccount(UUID id, String username, String displayName, Role role, @Nullable UUID institutionId,
		@Nullable UUID personId, @Nullable String regionCode, String passwordHash, boolean mustChangePassword,
		boolean enabled, int failedAttempts, @Nullable Instant lockedUntil, @Nullable Instant passwordChangedAt,
		@Nullable Instant lastLoginAt, Instant createdAt, boolean demoAccount) {

	/**
	 * @return when the current password was set: its last change, else the account's
	 * creation
	 */
	Instant passwordSetAt() {
		return this.passwordChangedAt != null ? this.passwordChangedAt : this.createdAt;
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	UserSummary summary(Instant now) {
		return new UserSummary(this.id, this.username, this.displayName, this.role, this.role.label(),
				this.institutionId, this.personId, this.regionCode, this.enabled, this.mustChangePassword,
				lockedAt(now) ? this.lockedUntil : null, this.failedAttempts, this.lastLoginAt, this.createdAt);
	}

}
