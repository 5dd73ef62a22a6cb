package cn.rtms.cases.followup;

/**
 * How many follow-up points are due and overdue in the current user's scope.
 *
 * @param due points due within 30 days or today
 * @param overdue points past their due date
 */
public record FollowUpCounts(long due, long overdue) {
}
