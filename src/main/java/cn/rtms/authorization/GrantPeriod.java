package cn.rtms.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The days on which one granted authorization was effective: from its first day to its
 * last, or to the day before it was revoked.
 *
 * @param authorizationId the record
 * @param personId the physician
 * @param institutionId the granting institution
 * @param technology technology code
 * @param subTechniques sub-technique codes, empty for the whole technology
 * @param validFrom first day
 * @param validUntil last day as granted
 * @param revokedOn day it was revoked, or null
 */
public record GrantPeriod(UUID authorizationId, UUID personId, UUID institutionId, String technology,
		List<String> subTechniques, LocalDate validFrom, LocalDate validUntil, @Nullable LocalDate revokedOn) {

	/**
	 * @param day a day
	 * @return whether the grant was effective that day
	 */
	public boolean effectiveOn(LocalDate day) {
		LocalDate revoked = this.revokedOn;
		return !day.isBefore(this.validFrom) && !day.isAfter(this.validUntil)
				&& (revoked == null || day.isBefore(revoked));
	}

	/**
	 * @param subTechnique a sub-technique code, or null for the technology as a whole
	 * @return whether the grant covers it (a grant without sub-techniques covers them
	 * all)
	 */
	public boolean covers(@Nullable String subTechnique) {
		return subTechnique == null || this.subTechniques.isEmpty() || this.subTechniques.contains(subTechnique);
	}

}
