package cn.rtms.cases.followup;

import java.util.List;

/**
 * One page of a follow-up list with the counts of every list in the same scope.
 *
 * @param items the rows of the page (due date order; most overdue first)
 * @param total rows of the requested list
 * @param due points due within 30 days or today
 * @param overdue points past their due date
 * @param done points recorded
 */
public record FollowUpPage(List<FollowUpView> items, long total, long due, long overdue, long done) {
}
