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
	 * @param cancelReason a point's cancellation reason
	 * @return whether the death recorded on the case itself cancelled it (not a death a
	 * follow-up recorded)
	 */
	static boolean cancelledByCaseDeath(@Nullable String cancelReason) {
		return cancelReason != null && cancelReason.startsWith("患者已于 ") && cancelReason.endsWith("死亡（病例记录）");
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
