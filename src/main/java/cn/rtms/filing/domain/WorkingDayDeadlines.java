package cn.rtms.filing.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@link Deadlines} counted on a {@link WorkingDayCalendar}, with the number of days per
 * step given as data.
 */
public final class WorkingDayDeadlines implements Deadlines {

	private final WorkingDayCalendar calendar;

	private final Map<String, Integer> days;

	/**
	 * @param calendar the working-day calendar
	 * @param days working days per step, keyed by {@link Deadline} name; every step must
	 * be there
	 */
	public WorkingDayDeadlines(WorkingDayCalendar calendar, Map<String, Integer> days) {
		if (!days.containsKey(Deadline.FILING.name())) {
			throw new IllegalStateException("办理时限配置缺少 FILING（首例后提交备案的工作日数）");
		}
		for (Deadline step : Deadline.values()) {
			if (!days.containsKey(step.name())) {
				throw new IllegalStateException("办理时限配置缺少步骤 " + step.name());
			}
		}
		this.calendar = calendar;
		this.days = Map.copyOf(days);
	}

	@Override
	public LocalDate due(Deadline step, LocalDate from) {
		Integer n = this.days.get(step.name());
		if (n == null) {
			throw new IllegalStateException("办理时限配置缺少步骤 " + step);
		}
		return this.calendar.addWorkingDays(from, n);
	}

	@Override
	public LocalDate filingDeadline(LocalDate firstCase) {
		return due(Deadline.FILING, firstCase);
	}

	/**
	 * @return the calendar
	 */
	public WorkingDayCalendar calendar() {
		return this.calendar;
	}

	/**
	 * @return working days per step
	 */
	public Map<String, Integer> days() {
		return this.days;
	}

}
