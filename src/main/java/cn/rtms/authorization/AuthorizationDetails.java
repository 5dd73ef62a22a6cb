package cn.rtms.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An authorization record as shown to the current user (docs/authorization.md).
 *
 * @param id record id
 * @param personId physician
 * @param personName physician's name
 * @param institutionId granting institution
 * @param institutionName its name
 * @param technology technology code
 * @param technologyName technology name
 * @param subTechniques authorized sub-techniques; empty for the whole technology
 * @param validFrom first day
 * @param validUntil last day
 * @param note free text
 * @param status PENDING, GRANTED, REJECTED or REVOKED
 * @param statusLabel the state in Chinese
 * @param effective GRANTED and the validity covers today
 * @param validityLabel for GRANTED: 生效中, 未到生效日期 or 已过期
 * @param createdBy creator's username
 * @param createdByName creator's name
 * @param createdAt creation time
 * @param decidedBy who granted or rejected
 * @param decidedByName their name
 * @param decidedAt when
 * @param rejectionReason why rejected
 * @param eligibilitySpecKey spec edition of the eligibility verdict at grant
 * @param eligibilityStatus that verdict
 * @param revokedBy who revoked
 * @param revokedByName their name
 * @param revokedAt when
 * @param revocationReason why
 * @param version optimistic-lock version to send back
 * @param actions what the current user may do now: EDIT, GRANT, REJECT, REVOKE
 */
public record AuthorizationDetails(UUID id, UUID personId, String personName, UUID institutionId,
		String institutionName, String technology, String technologyName, List<SubTechnique> subTechniques,
		LocalDate validFrom, LocalDate validUntil, @Nullable String note, String status, String statusLabel,
		boolean effective, @Nullable String validityLabel, String createdBy, String createdByName, Instant createdAt,
		@Nullable String decidedBy, @Nullable String decidedByName, @Nullable Instant decidedAt,
		@Nullable String rejectionReason, @Nullable String eligibilitySpecKey, @Nullable String eligibilityStatus,
		@Nullable String revokedBy, @Nullable String revokedByName, @Nullable Instant revokedAt,
		@Nullable String revocationReason, int version, List<String> actions) {

	/**
	 * A sub-technique.
	 *
	 * @param code code from the spec
	 * @param name Chinese name
	 */
	public record SubTechnique(String code, String name) {
	}

}
