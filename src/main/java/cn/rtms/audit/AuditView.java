package cn.rtms.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One audit entry as the audit page shows it: who (name and role label), what (action
 * label), which object (kind label, name, and the page that shows it, if any), and the
 * readable field-by-field change. The codes stay available for integrators.
 *
 * @param id sequence number in the chain
 * @param occurredAt when
 * @param actorName who
 * @param actorRoleLabel their role in Chinese, null for the system or an anonymous caller
 * @param action action code
 * @param actionLabel action in Chinese
 * @param entityType kind of object code
 * @param entityTypeLabel kind of object in Chinese
 * @param entityId the object's id as recorded
 * @param subjectName the object's name, null when it has none that can be shown
 * @param subjectLink the front-end path of the object's page, null when there is none
 * @param address client address
 * @param changes what changed, field by field
 */
public record AuditView(long id, Instant occurredAt, String actorName, @Nullable String actorRoleLabel, String action,
		String actionLabel, String entityType, String entityTypeLabel, String entityId, @Nullable String subjectName,
		@Nullable String subjectLink, String address, List<Change> changes) {

	/**
	 * One changed field.
	 *
	 * @param field the field in Chinese
	 * @param before readable value before, null when absent
	 * @param after readable value after, null when absent
	 */
	public record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
