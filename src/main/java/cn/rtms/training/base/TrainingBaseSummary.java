package cn.rtms.training.base;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of the training-base list.
 *
 * @param id the base
 * @param institutionId institution
 * @param institutionName its name
 * @param regionCode its region
 * @param regionName the region's name
 * @param technology technology code
 * @param technologyName its name
 * @param status where it stands
 * @param statusLabel in Chinese
 * @param designated designated by the province
 * @param submittedOn last submission
 * @param filedOn day filed
 * @param verdictStatus frozen verdict's overall status
 * @param unmetCount clauses not met when submitted
 * @param instructors current instructors
 * @param revocationProposed an open revocation proposal
 */
public record TrainingBaseSummary(UUID id, UUID institutionId, String institutionName, String regionCode,
		@Nullable String regionName, String technology, String technologyName, String status, String statusLabel,
		boolean designated, @Nullable LocalDate submittedOn, @Nullable LocalDate filedOn,
		@Nullable String verdictStatus, int unmetCount, int instructors, boolean revocationProposed) {
}
