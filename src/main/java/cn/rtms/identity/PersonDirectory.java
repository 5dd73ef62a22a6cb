package cn.rtms.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * What identity needs to know about people without depending on the personnel module
 * (which implements it): the institution whose staff a person is on, so that a physician
 * account is tied only to a person of its own institution.
 */
public interface PersonDirectory {

	/**
	 * @param personId a person id
	 * @return the person's institution; empty when there is no such person or the person
	 * is on no institution's staff
	 */
	Optional<UUID> institutionOf(UUID personId);

}
