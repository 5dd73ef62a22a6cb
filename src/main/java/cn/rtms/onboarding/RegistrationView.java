package cn.rtms.onboarding;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A registration application as its applicant (through the status link) and the verifying
 * authority see it.
 *
 * @param id application id
 * @param status PENDING (待审核), RETURNED (已退回) or APPROVED (已通过)
 * @param statusLabel the status in Chinese
 * @param name institution name
 * @param creditCode 统一社会信用代码
 * @param licenceNumber 执业许可证登记号
 * @param issuerName issuing authority
 * @param issuerRegionCode its region
 * @param issuerRegionName that region's name
 * @param regionCode the institution's region
 * @param regionName its name
 * @param level level code
 * @param levelLabel level in Chinese
 * @param type type code
 * @param typeLabel type in Chinese
 * @param contactName contact person
 * @param contactMobile contact's mobile number
 * @param adminUsername the hospital administrator's login name
 * @param scanName the licence scan's file name
 * @param returnReasons why it was returned (when RETURNED)
 * @param submittedAt last (re)submission
 * @param decidedAt last decision
 * @param institutionId the created institution (when APPROVED)
 * @param activationPath the hospital administrator's one-time activation link while it is
 * not used yet (when APPROVED)
 * @param activated whether the hospital administrator has activated the account
 */
public record RegistrationView(UUID id, String status, String statusLabel, String name, String creditCode,
		String licenceNumber, String issuerName, String issuerRegionCode, @Nullable String issuerRegionName,
		String regionCode, @Nullable String regionName, String level, String levelLabel, String type, String typeLabel,
		String contactName, String contactMobile, String adminUsername, String scanName, @Nullable String returnReasons,
		Instant submittedAt, @Nullable Instant decidedAt, @Nullable UUID institutionId, @Nullable String activationPath,
		boolean activated) {
}
