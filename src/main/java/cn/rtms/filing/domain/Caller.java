package cn.rtms.filing.domain;

import java.util.UUID;
import java.util.function.Predicate;

import cn.rtms.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who asks to act on a filing, as far as {@link FilingTransitions} needs to know.
 *
 * @param userId the user's id
 * @param role the user's role
 * @param institutionId the hospital of a hospital user, else null
 * @param regionCode the region of an authority, else null
 * @param jurisdiction whether a region code lies within the user's jurisdiction (the
 * authority's region or below, following direct administration)
 */
public record Caller(UUID userId, Role role, @Nullable UUID institutionId, @Nullable String regionCode,
		Predicate<String> jurisdiction) {

	/**
	 * @return whether the caller is a health authority with a region
	 */
	public boolean isAuthority() {
		return this.role.isAuthority() && this.regionCode != null;
	}

}
