package cn.rtms.filing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Something the current user must act on.
 *
 * @param filing the filing
 * @param action what to do, e.g. {@code RECEIVE}
 * @param actionLabel in Chinese
 * @param dueOn the due date
 * @param overdue past due
 */
public record InboxItem(FilingSummary filing, String action, String actionLabel, @Nullable LocalDate dueOn,
		boolean overdue) {
}
