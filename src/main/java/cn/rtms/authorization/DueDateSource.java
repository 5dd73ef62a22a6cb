package cn.rtms.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Due dates other modules own, listed on the reminders page next to the authorizations
 * and licences (service provider interface, docs/authorization.md "Reminders"): this
 * module declares it, a module that keeps due dates implements it (the seed ledger's
 * radiation-protection trainings, health examinations and environmental inspections of
 * G07 三(七)), so that this module never depends on it. {@link ReminderManagement} puts the
 * items into the same 30/60/90-day buckets and drops those outside the horizon; the daily
 * reminder job sends them like the rest.
 */
public interface DueDateSource {

	/**
	 * @param institutionIds the institutions in the caller's scope, {@code null} for
	 * every institution (system administrator, or a physician restricted by
	 * {@code personId})
	 * @param personId only the items about this person (a physician's own), or
	 * {@code null}
	 * @param today today
	 * @return the current due dates (the latest record of each kind and person), any day;
	 * items without a due day are left out
	 */
	List<DueDate> dueDates(@Nullable Set<UUID> institutionIds, @Nullable UUID personId, LocalDate today);

	/**
	 * One thing due by a day.
	 *
	 * @param kind a stable code, e.g. {@code RADIATION_SAFETY}
	 * @param kindLabel in Chinese, e.g. 放射防护培训
	 * @param subjectType PERSON or INSTITUTION
	 * @param subjectId the person or institution
	 * @param subjectName their name
	 * @param institutionId the institution concerned
	 * @param institutionName its name
	 * @param what what is due, in Chinese
	 * @param dueOn the last day
	 * @param referenceId the record, when there is one
	 */
	record DueDate(String kind, String kindLabel, String subjectType, UUID subjectId, String subjectName,
			UUID institutionId, String institutionName, String what, LocalDate dueOn, @Nullable UUID referenceId) {

		/**
		 * Checks the required parts.
		 */
		public DueDate {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(dueOn, "dueOn");
			Objects.requireNonNull(institutionId, "institutionId");
		}

	}

}
