package cn.rtms.cases.followup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The follow-up points of one case (docs/follow-ups.md): each point of the technology's
 * case form is due on the operation date plus its period ({@link Period}, ISO-8601, e.g.
 * {@code P6M}, {@code P1Y}). Months and years are added first, then days; a day that does
 * not exist in the target month becomes that month's last day, so 31 August + P6M is 28
 * February (29 in a leap year) and 29 February + P1Y is 28 February of the next year. A
 * point due after the patient's death is cancelled. Pure: no clock, no database.
 */
final class FollowUpSchedule {

	private FollowUpSchedule() {
	}

	/**
	 * A point of the case form.
	 *
	 * @param period ISO-8601 period from the operation date
	 * @param label label in Chinese, e.g. 术后6个月
	 */
	record Point(String period, String label) {
	}

	/**
	 * A point scheduled for a case.
	 *
	 * @param period ISO-8601 period
	 * @param label label
	 * @param dueDate the operation date plus the period
	 * @param cancelled whether it falls after the patient's death
	 */
	record Planned(String period, String label, LocalDate dueDate, boolean cancelled) {
	}

	/**
	 * @param operationDate the operation date
	 * @param period ISO-8601 period, e.g. P6M
	 * @return the due date
	 * @throws IllegalArgumentException when the period is not an ISO-8601 period or not
	 * positive
	 */
	static LocalDate dueDate(LocalDate operationDate, String period) {
		Period parsed;
		try {
			parsed = Period.parse(period);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("随访时间点 " + period + " 不是 ISO-8601 期间（如 P6M、P1Y）", ex);
		}
		if (parsed.isNegative() || parsed.isZero()) {
			throw new IllegalArgumentException("随访时间点 " + period + " 必须在手术日之后");
		}
		return operationDate.plus(parsed);
	}

	/**
	 * @param deathDate the patient's death
	 * @param where where it was recorded, e.g. 病例 or 术后6个月随访
	 * @return why the points due after it are cancelled
	 */
	static String deathReason(@Nullable LocalDate deathDate, String where) {
		return "患者已于 " + deathDate + " 死亡（" + where + "记录）";
	}

	/**
	 * A death a case records: its own death date or a follow-up recorded as DEAD.
	 *
	 * @param date the day of the death
	 * @param reason why the points due after it are cancelled ({@link #deathReason})
	 */
	record Death(LocalDate date, String reason) {
	}

	/**
	 * @param cancelReason a point's cancellation reason
	 * @return whether a death cancelled it (the case's or a follow-up's,
	 * {@link #deathReason})
	 */
	static boolean cancelledByDeath(@Nullable String cancelReason) {
		return cancelReason != null && cancelReason.startsWith("患者已于 ") && cancelReason.contains(" 死亡（")
				&& cancelReason.endsWith("记录）");
	}

	/**
	 * The cancellation a point not recorded should carry, given the deaths its case
	 * records now. A cancellation for another reason than a death stays. A death's
	 * cancellation stays while that death is still recorded before the due date.
	 * Otherwise the earliest death before the due date cancels the point, and a point no
	 * death precedes is open (a death on the due date leaves it open).
	 * @param dueDate the point's due date
	 * @param cancelReason its cancellation reason, or null when it is open
	 * @param deaths the deaths the case records (any order)
	 * @return the reason it should be cancelled with, or null when it should be open
	 */
	static @Nullable String settledReason(LocalDate dueDate, @Nullable String cancelReason, List<Death> deaths) {
		if (cancelReason != null && !cancelledByDeath(cancelReason)) {
			return cancelReason;
		}
		Death earliest = null;
		for (Death death : deaths) {
			if (!death.date().isBefore(dueDate)) {
				continue;
			}
			if (death.reason().equals(cancelReason)) {
				return cancelReason;
			}
			if (earliest == null || death.date().isBefore(earliest.date())) {
				earliest = death;
			}
		}
		return (earliest != null) ? earliest.reason() : null;
	}

	/**
	 * @param operationDate the operation date
	 * @param points the case form's follow-up points
	 * @param deathDate the patient's death, if known
	 * @return the points in due-date order, those due after the death cancelled
	 */
	static List<Planned> plan(LocalDate operationDate, List<Point> points, @Nullable LocalDate deathDate) {
		List<Planned> planned = new ArrayList<>();
		for (Point point : points) {
			LocalDate due = dueDate(operationDate, point.period());
			planned.add(new Planned(point.period(), point.label(), due, deathDate != null && due.isAfter(deathDate)));
		}
		planned.sort((a, b) -> a.dueDate().compareTo(b.dueDate()));
		return planned;
	}

}
