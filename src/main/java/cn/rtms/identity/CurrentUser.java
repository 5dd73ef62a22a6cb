package cn.rtms.identity;

import java.io.Serializable;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The logged-in user and their data scope. Hospital roles and
 * {@link Role#TRAINING_BASE_ADMIN} carry {@code
 * institutionId} and the institution's {@code regionCode}; {@link Role#PHYSICIAN} also
 * carries {@code personId}; authorities carry the {@code regionCode} of their
 * jurisdiction; {@link Role#EXPERT} and {@link Role#SYSTEM_ADMIN} carry neither.
 * Serializable: it is the principal of the security context that Spring Session keeps in
 * PostgreSQL.
 *
 * @param id account id
 * @param username login name
 * @param displayName name shown in the UI
 * @param role the account's role
 * @param institutionId the user's institution, when institutional
 * @param personId the physician's person record, for {@link Role#PHYSICIAN}
 * @param regionCode jurisdiction (authorities) or the institution's region (institutional
 * roles)
 * @param mustChangePassword whether the password must be changed before anything else
 */
public record CurrentUser(UUID id, String username, String displayName, Role role, @Nullable UUID institutionId,
		@Nullable UUID personId, @Nullable String regionCode, boolean mustChangePassword) implements Serializable {

	/**
	 * @return whether the user has one of the given roles
	 */
	public boolean hasRole(Role... roles) {
		for (Role candidate : roles) {
			if (candidate == this.role) {
				return true;
			}
		}
		return false;
	}

}
