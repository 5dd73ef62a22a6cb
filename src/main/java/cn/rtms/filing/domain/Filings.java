package cn.rtms.filing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Stored filings. Saving checks the version (optimistic lock). */
public interface Filings {

	/**
	 * @param id filing id
	 * @return the filing
	 */
	Optional<Filing> find(UUID id);

	/**
	 * Inserts a new filing (version 0) or updates a loaded one when its stored version is
	 * still the loaded one.
	 * @param filing the filing
	 * @return the filing as stored, with its new version
	 * @throws cn.rtms.filing.FilingConcurrentlyModified when someone else saved it first
	 */
	Filing save(Filing filing);

	/**
	 * @param institutionId an institution
	 * @param technology a technology code
	 * @return whether the institution has a filing of it that is neither rejected nor
	 * revoked
	 */
	boolean existsOpen(UUID institutionId, String technology);

	/**
	 * @param states states to include, all when empty
	 * @param technology technology code or null
	 * @return matching filings, newest first
	 */
	List<FilingData> search(List<FilingState> states, @Nullable String technology);

	/**
	 * @param institutionId institution
	 * @return its filings
	 */
	List<FilingData> ofInstitution(UUID institutionId);

	/**
	 * @param regionCode authority region
	 * @return filings held by that authority or whose receiving authority it is
	 */
	List<FilingData> heldByOrReceivedBy(String regionCode);

	/**
	 * @param expertId user id
	 * @return filings the expert is assigned to
	 */
	List<FilingData> assignedTo(UUID expertId);

	/**
	 * @return ids of active filings
	 */
	List<UUID> activeIds();

	/**
	 * @param institutionIds institutions
	 * @return the ids of their active filings, oldest first
	 */
	List<UUID> activeIdsOf(Collection<UUID> institutionIds);

	/**
	 * Deletes a filing and its files when its stored version is still the given one.
	 * @param id the filing
	 * @param version the version it was loaded with
	 * @throws cn.rtms.filing.FilingConcurrentlyModified when someone changed it meanwhile
	 */
	void delete(UUID id, long version);

}
