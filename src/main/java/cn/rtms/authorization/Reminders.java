package cn.rtms.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What expires soon in the caller's scope, bucketed by days left (docs/authorization.md).
 *
 * @param asOf today
 * @param days the horizon asked for
 * @param total number of items
 * @param buckets 30, 60, 90 (and the horizon, when beyond 90), each with its items
 * ordered by days left
 */
public record Reminders(LocalDate asOf, int days, int total, List<Bucket> buckets) {

	/**
	 * Items whose days left fall into one bucket.
	 *
	 * @param bucket upper bound in days
	 * @param label e.g. 31–60 天内到期
	 * @param items the items
	 */
	public record Bucket(int bucket, String label, List<Item> items) {
	}

	/**
	 * One thing that expires.
	 *
	 * @param kind AUTHORIZATION, PRACTICE_LICENCE, OTHER_LICENCE, or the kind of a
	 * {@link DueDateSource} item (RADIATION_SAFETY)
	 * @param kindLabel e.g. 手术授权, 医疗机构执业许可证, 辐射安全许可证
	 * @param subjectType PERSON or INSTITUTION
	 * @param subjectId the person or institution
	 * @param subjectName their name
	 * @param institutionId the institution concerned
	 * @param institutionName its name
	 * @param what what expires, in Chinese
	 * @param expiresOn last valid day
	 * @param daysLeft days from today to that day
	 * @param bucket 30, 60, 90 or the horizon
	 * @param bucketLabel the bucket in Chinese
	 * @param referenceId the authorization id, for AUTHORIZATION items; the record, for a
	 * {@link DueDateSource} item
	 */
	public record Item(String kind, String kindLabel, String subjectType, UUID subjectId, String subjectName,
			UUID institutionId, String institutionName, String what, LocalDate expiresOn, long daysLeft, int bucket,
			String bucketLabel, @Nullable UUID referenceId) {
	}

}
