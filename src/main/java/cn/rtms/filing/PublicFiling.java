package cn.rtms.filing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An active or revoked filing as published (no login).
 *
 * @param institutionName institution
 * @param institutionRegionCode its region
 * @param institutionRegionName region name with its parents below the province (长春市朝阳区)
 * @param technology technology code
 * @param technologyName its name
 * @param state ACTIVE, SUSPENDED or REVOKED
 * @param stateLabel in Chinese
 * @param activatedOn activation date
 * @param revokedOn revocation date
 * @param revocationReasonLabel why revoked
 * @param licenceNote note on the licence
 */
public record PublicFiling(String institutionName, String institutionRegionCode, @Nullable String institutionRegionName,
		String technology, String technologyName, String state, String stateLabel, @Nullable LocalDate activatedOn,
		@Nullable LocalDate revokedOn, @Nullable String revocationReasonLabel, @Nullable String licenceNote) {
}
