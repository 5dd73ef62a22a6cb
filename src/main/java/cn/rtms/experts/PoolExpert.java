package cn.rtms.experts;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An expert of a pool as its managing authority sees it.
 *
 * @param id the expert's account
 * @param username login name
 * @param displayName name shown
 * @param regionCode pool region, null for an expert account not yet placed in a pool
 * @param regionName its Chinese name
 * @param enabled whether the account may log in
 * @param inPool whether the expert has a pool profile (specialties, employer)
 * @param specialties the specialties (catalogue technologies)
 * @param employerInstitutionId employer on the platform, or null
 * @param employerName the employer's name (platform institution or free text), or null
 * @param active whether the expert is active in the pool (only active experts are offered
 * and assigned)
 * @param version the profile's version, for updates
 */
public record PoolExpert(UUID id, String username, String displayName, @Nullable String regionCode,
		@Nullable String regionName, boolean enabled, boolean inPool, List<Specialty> specialties,
		@Nullable UUID employerInstitutionId, @Nullable String employerName, boolean active, long version) {

	/**
	 * A specialty: a catalogue technology.
	 *
	 * @param code technology code, e.g. {@code G08}
	 * @param name its Chinese name
	 */
	public record Specialty(String code, String name) {
	}

}
