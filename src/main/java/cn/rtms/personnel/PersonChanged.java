package cn.rtms.personnel;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published when a person's record was created or changed (titles, trainings, volumes,
 * adverse events, moving to another institution), so that the eligibility of the
 * institutions concerned can be re-evaluated.
 *
 * @param personId the person
 * @param institutionId the institution the person is registered at now, or null
 * @param previousInstitutionId the institution before the change when it moved, else null
 */
public record PersonChanged(UUID personId, @Nullable UUID institutionId, @Nullable UUID previousInstitutionId) {
}
