package cn.rtms.cases;

/**
 * One follow-up of a technology's schedule, counted from the operation date.
 *
 * @param period ISO-8601 period ({@link java.time.Period} text), e.g. {@code P6M},
 * {@code P1Y}
 * @param label Chinese label, e.g. 术后6个月
 */
public record FollowUpPoint(String period, String label) {
}
