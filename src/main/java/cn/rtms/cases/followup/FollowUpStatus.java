package cn.rtms.cases.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where a follow-up point stands on a day: DONE once recorded, CANCELLED after the
 * patient's death, OVERDUE from the day after its due date, DUE from
 * {@value #DUE_WITHIN_DAYS} days before its due date up to and including that date,
 * UPCOMING before.
 */
public enum FollowUpStatus {

	/** More than {@value #DUE_WITHIN_DAYS} days ahead. */
	UPCOMING("未到期"),

	/** Due within {@value #DUE_WITHIN_DAYS} days, or today. */
	DUE("待随访"),

	/** Due date passed without a record. */
	OVERDUE("已逾期"),

	/** Recorded. */
	DONE("已随访"),

	/** Due after the patient's death. */
	CANCELLED("已取消");

	/** How many days before its due date a point is listed as due. */
	public static final int DUE_WITHIN_DAYS = 30;

	private final String label;

	FollowUpStatus(String label) {
		this.label = label;
	}

	/**
	 * @return the status in Chinese
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @param dueDate the due date
	 * @param performedOn the day it was performed, if recorded
	 * @param cancelledOn the day it was cancelled, if cancelled
	 * @param today today
	 * @return the status
	 */
	public static FollowUpStatus of(LocalDate dueDate, @Nullable LocalDate performedOn, @Nullable LocalDate cancelledOn,
			LocalDate today) {
		if (performedOn != null) {
			return DONE;
		}
		if (cancelledOn != null) {
			return CANCELLED;
		}
		if (dueDate.isBefore(today)) {
			return OVERDUE;
		}
		return dueDate.isAfter(today.plusDays(DUE_WITHIN_DAYS)) ? UPCOMING : DUE;
	}

}
