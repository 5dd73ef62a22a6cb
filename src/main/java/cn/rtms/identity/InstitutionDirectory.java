package cn.rtms.identity;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What identity needs to know about institutions and regions without depending on the
 * institutions module (which implements it): an institution's name and region, for the
 * data scope of its users, and region names for display.
 */
public interface InstitutionDirectory {

	/**
	 * @param institutionId an institution id
	 * @return its name and region, empty when there is no such institution
	 */
	Optional<InstitutionRef> institution(UUID institutionId);

	/**
	 * @param regionCode a region code
	 * @return its Chinese name, null when unknown
	 */
	@Nullable String regionName(String regionCode);

	/**
	 * An institution as identity sees it.
	 *
	 * @param id institution id
	 * @param name its name
	 * @param regionCode its region
	 */
	record InstitutionRef(UUID id, String name, String regionCode) {
	}

}
