package cn.rtms.authorization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Stored authorization records. */
public interface Authorizations {

	/**
	 * @param id record id
	 * @return the record
	 */
	Optional<Authorization> find(UUID id);

	/**
	 * @param personId physician
	 * @param technology technology code
	 * @return the physician's GRANTED records for the technology
	 */
	List<Authorization> granted(UUID personId, String technology);

	/**
	 * Inserts a new record or updates a stored one when its stored version is still the
	 * loaded one.
	 * @param authorization the record
	 * @return false when someone else changed the record since it was loaded
	 * @throws GrantOverlap when the store already holds an overlapping grant
	 */
	boolean save(Authorization authorization);

	/**
	 * @param institutionIds restrict to these institutions, or null for all
	 * @param personId restrict to a physician, or null
	 * @param technology restrict to a technology, or null
	 * @param status restrict to a state, or null
	 * @return matching records, newest first, at most 1000
	 */
	List<Authorization> search(@Nullable Collection<UUID> institutionIds, @Nullable UUID personId,
			@Nullable String technology, @Nullable AuthorizationStatus status);

}
