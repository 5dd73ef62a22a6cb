package cn.rtms.filing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Chinese working days: Monday to Friday except public holidays, plus the weekend days
 * declared working days (调休上班). The holidays and adjusted days are data
 * ({@code filing/calendar-cn.txt}), one line per date: {@code 2026-02-14 WORKDAY 春节调休上班};
 * a {@code YEARS 2022 2027} line states the years covered.
 */
public final class WorkingDayCalendar {

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> workdays;

	private final int firstYear;

	private final int lastYear;

	private final Set<Integer> provisionalYears;

	private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays, int firstYear, int lastYear,
			Set<Integer> provisionalYears) {
		this.holidays = Set.copyOf(holidays);
		this.workdays = Set.copyOf(workdays);
		this.firstYear = firstYear;
		this.lastYear = lastYear;
		this.provisionalYears = Set.copyOf(provisionalYears);
	}

	/**
	 * @param source the calendar text
	 * @param name the file's name, for messages
	 * @return the calendar
	 * @throws IllegalStateException naming the file and line of a malformed entry
	 */
	public static WorkingDayCalendar parse(Reader source, String name) {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		int first = 0;
		int last = -1;
		Set<Integer> provisional = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(source)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] parts = trimmed.split("\\s+", 3);
				try {
					if (parts[0].equals("PROVISIONAL") && parts.length >= 2) {
						for (String year : trimmed.substring("PROVISIONAL".length()).strip().split("\\s+")) {
							provisional.add(Integer.parseInt(year));
						}
						continue;
					}
					if (parts[0].equals("YEARS") && parts.length >= 3) {
						first = Integer.parseInt(parts[1]);
						last = Integer.parseInt(parts[2].strip());
						continue;
					}
					LocalDate date = LocalDate.parse(parts[0]);
					String kind = parts.length > 1 ? parts[1] : "";
					switch (kind) {
						case "HOLIDAY" -> holidays.add(date);
						case "WORKDAY" -> {
							if (!isWeekend(date)) {
								throw new IllegalStateException(
										name + " 第 " + number + " 行：" + date + " 不是周末，不能是调休上班日");
							}
							workdays.add(date);
						}
						default -> throw new IllegalStateException(
								name + " 第 " + number + " 行：类型必须是 HOLIDAY 或 WORKDAY，实际为 “" + kind + "”");
					}
				}
				catch (DateTimeParseException | NumberFormatException ex) {
					throw new IllegalStateException(name + " 第 " + number + " 行格式错误：" + trimmed, ex);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法读取工作日历 " + name, ex);
		}
		return new WorkingDayCalendar(holidays, workdays, first, last, provisional);
	}

	/**
	 * @param date a date
	 * @return whether it is a working day
	 */
	public boolean isWorkingDay(LocalDate date) {
		if (this.workdays.contains(date)) {
			return true;
		}
		return !isWeekend(date) && !this.holidays.contains(date);
	}

	/**
	 * @param date a date
	 * @return whether the calendar has holiday data for its year
	 */
	public boolean covers(LocalDate date) {
		return date.getYear() >= this.firstYear && date.getYear() <= this.lastYear;
	}

	/**
	 * @return the first year with holiday data
	 */
	public int firstYear() {
		return this.firstYear;
	}

	/**
	 * @param year a year
	 * @return whether its holidays were entered before the official notice
	 */
	public boolean provisional(int year) {
		return this.provisionalYears.contains(year);
	}

	/**
	 * @return the last year with holiday data
	 */
	public int lastYear() {
		return this.lastYear;
	}

	/**
	 * A visible note for a period counted partly outside the covered years (there the
	 * calendar knows only weekends, so a deadline may fall on a public holiday or miss an
	 * adjusted working day) or in a year whose holidays are provisional (entered before
	 * the State Council's notice, {@code PROVISIONAL} line of the data).
	 * @param from first day of the period
	 * @param to last day of the period
	 * @return the note in Chinese, {@code null} when every year of the period is covered
	 */
	public @Nullable String coverageNote(LocalDate from, LocalDate to) {
		LocalDate start = from.isAfter(to) ? to : from;
		LocalDate end = from.isAfter(to) ? from : to;
		List<String> missing = new ArrayList<>();
		List<String> provisional = new ArrayList<>();
		for (int year = start.getYear(); year <= end.getYear(); year++) {
			if (year < this.firstYear || year > this.lastYear) {
				missing.add(String.valueOf(year));
			}
			else if (this.provisionalYears.contains(year)) {
				provisional.add(String.valueOf(year));
			}
		}
		List<String> notes = new ArrayList<>();
		if (!missing.isEmpty()) {
			notes.add("节假日历未覆盖 " + String.join("、", missing) + " 年：期限按周一至周五计算，未计入法定节假日与调休上班日，仅供参考");
		}
		if (!provisional.isEmpty()) {
			notes.add(String.join("、", provisional) + " 年节假日为暂定安排（国务院办公厅通知发布前按法定节日录入，不含调休上班日），期限仅供参考");
		}
		return notes.isEmpty() ? null : String.join("；", notes);
	}

	/**
	 * @param from the starting day (not counted)
	 * @param days how many working days
	 * @return the {@code days}-th working day after {@code from}; {@code from} itself
	 * when days is 0
	 */
	public LocalDate addWorkingDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("工作日数不能为负数：" + days);
		}
		LocalDate date = from;
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * @param from first day (exclusive)
	 * @param to last day (inclusive)
	 * @return working days in (from, to], negative when to is before from
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
