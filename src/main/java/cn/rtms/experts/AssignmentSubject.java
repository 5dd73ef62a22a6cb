package cn.rtms.experts;

import java.util.UUID;

/**
 * What experts are assigned to: a filing or a training base, with its technology and the
 * institution under review (whose employees are recused).
 *
 * @param entityType the audit entity type of the subject, e.g. {@code Filing} or
 * {@code TrainingBase}
 * @param id the subject's id
 * @param technologyCode the technology reviewed (matched against specialties)
 * @param institutionId the institution under review
 * @param institutionName its name, for messages
 */
public record AssignmentSubject(String entityType, UUID id, String technologyCode, UUID institutionId,
		String institutionName) {
}
