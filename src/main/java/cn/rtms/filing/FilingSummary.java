package cn.rtms.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a filing list.
 *
 * @param id id
 * @param version version
 * @param institutionId institution
 * @param institutionName its name
 * @param institutionRegionCode its region
 * @param technology technology code
 * @param technologyName its name
 * @param technologyLevel NATIONAL or PROVINCIAL
 * @param state state code
 * @param stateLabel state in Chinese
 * @param holderRegionCode authority holding it
 * @param holderRegionName its name
 * @param firstCaseDate first case
 * @param filingDeadline 15 working days after the first case
 * @param lateFiling submitted late
 * @param actionDueOn holder's due date
 * @param overdue holder is late
 * @param submittedOn submission date
 * @param updatedAt last change
 * @param calendarNote set when a deadline is counted in a year the holiday calendar does
 * not cover (weekends only)
 */
public record FilingSummary(UUID id, long version, UUID institutionId, String institutionName,
		String institutionRegionCode, String technology, String technologyName, String technologyLevel, String state,
		String stateLabel, @Nullable String holderRegionCode, @Nullable String holderRegionName,
		@Nullable LocalDate firstCaseDate, @Nullable LocalDate filingDeadline, boolean lateFiling,
		@Nullable LocalDate actionDueOn, boolean overdue, @Nullable LocalDate submittedOn, Instant updatedAt,
		@Nullable String calendarNote) {
}
