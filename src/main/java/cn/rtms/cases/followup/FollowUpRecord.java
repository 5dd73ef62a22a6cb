package cn.rtms.cases.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A follow-up as recorded (the body of {@code PUT /api/follow-ups/{id}}).
 *
 * @param version the version read
 * @param performedOn when the patient was followed up (not after today, not before the
 * operation)
 * @param method OUTPATIENT 门诊, INPATIENT 住院, PHONE 电话, LETTER 信函, ONLINE 网络/微信, OTHER 其他
 * @param vitalStatus ALIVE 存活, DEAD 死亡, LOST 失访
 * @param deathDate death date, required for DEAD only (not after the follow-up, not
 * before the operation)
 * @param diseaseStatus disease status code, see
 * {@link FollowUpManagement#DISEASE_STATUSES}
 * @param note at most 500 characters
 */
public record FollowUpRecord(@Nullable Integer version, @Nullable LocalDate performedOn, @Nullable String method,
		@Nullable String vitalStatus, @Nullable LocalDate deathDate, @Nullable String diseaseStatus,
		@Nullable String note) {
}
