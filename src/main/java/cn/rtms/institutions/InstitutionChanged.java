package cn.rtms.institutions;

import java.util.UUID;

/**
 * Published when an institution's record was created or changed (beds, equipment,
 * licences, volumes…), so that whatever depends on its eligibility can re-evaluate it.
 *
 * @param institutionId the institution
 */
public record InstitutionChanged(UUID institutionId) {
}
