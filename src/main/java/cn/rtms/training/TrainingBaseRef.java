package cn.rtms.training;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the rest of the training module needs to know about a base.
 *
 * @param id the base
 * @param institutionId the institution that runs it
 * @param technology the technology code it trains for
 * @param status where it stands
 * @param filedOn the day it was filed, {@code null} before
 * @param revokedOn the day its filing was revoked, {@code null} when not revoked
 */
public record TrainingBaseRef(UUID id, UUID institutionId, String technology, TrainingBaseStatus status,
		@Nullable LocalDate filedOn, @Nullable LocalDate revokedOn) {

	/**
	 * Whether the base was filed for its technology on the given day: filed on or before
	 * it and not revoked on or before it.
	 * @param day the day
	 * @return {@code true} when filed that day
	 */
	public boolean filedOn(LocalDate day) {
		return this.filedOn != null && !this.filedOn.isAfter(day)
				&& (this.revokedOn == null || this.revokedOn.isAfter(day));
	}

}
