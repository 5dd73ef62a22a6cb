package cn.rtms.training.base;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A filed training base as published (no login): per technology, with the institution and
 * its region.
 *
 * @param institutionName institution
 * @param regionCode its region
 * @param regionName region name
 * @param technology technology code
 * @param technologyName its name
 * @param filedOn day filed (or designated)
 * @param designated designated by the province
 * @param instructors current instructors
 */
public record PublicTrainingBase(String institutionName, String regionCode, @Nullable String regionName,
		String technology, String technologyName, LocalDate filedOn, boolean designated, int instructors) {
}
