package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.rtms.rules.engine.facts.CaseVolume;
import org.jspecify.annotations.Nullable;

/**
 * Yearly case counts from case-volume facts. A year of the technology is the row without
 * sub-technique when there is one, otherwise the sum of its sub-technique rows; a year
 * not in a recorded list counts as zero.
 */
final class CaseCounts {

	private CaseCounts() {
	}

	/**
	 * Cases in {@code year}; {@code subTechnique == null} for the technology total (the
	 * row without sub-technique, else the sum of the sub-technique figures). A year's row
	 * takes precedence over monthly rows of the same year. Returns -1 when no row exists.
	 */
	static int year(List<CaseVolume> volumes, String technology, @Nullable String subTechnique, int year) {
		if (subTechnique != null) {
			return level(volumes, technology, subTechnique, year);
		}
		int total = level(volumes, technology, null, year);
		if (total >= 0) {
			return total;
		}
		int subSum = -1;
		for (String sub : subTechniques(volumes, technology)) {
			int count = level(volumes, technology, sub, year);
			if (count >= 0) {
				subSum = plus(Math.max(subSum, 0), count);
			}
		}
		return subSum;
	}

	/**
	 * Rows of exactly {@code sub} (null: rows without sub-technique) in the year: the
	 * whole-year rows if any, else the monthly rows; -1 when none.
	 */
	private static int level(List<CaseVolume> volumes, String technology, @Nullable String sub, int year) {
		int whole = -1;
		int months = -1;
		for (CaseVolume volume : volumes) {
			if (volume.year() != year || !technology.equals(volume.technology())
					|| !Objects.equals(sub, volume.subTechnique())) {
				continue;
			}
			if (volume.month() == null) {
				whole = plus(Math.max(whole, 0), volume.cases());
			}
			else {
				months = plus(Math.max(months, 0), volume.cases());
			}
		}
		return (whole >= 0) ? whole : months;
	}

	/**
	 * The periods (a whole year or a month, with their cases) recorded for exactly
	 * {@code sub} in the year: the whole-year rows if any, else the monthly rows.
	 */
	private static List<Period> periodsAt(List<CaseVolume> volumes, String technology, @Nullable String sub, int year) {
		int whole = -1;
		List<Period> months = new ArrayList<>();
		for (CaseVolume volume : volumes) {
			if (volume.year() != year || !technology.equals(volume.technology())
					|| !Objects.equals(sub, volume.subTechnique())) {
				continue;
			}
			Integer month = volume.month();
			if (month == null) {
				whole = plus(Math.max(whole, 0), volume.cases());
			}
			else {
				YearMonth ym = YearMonth.of(year, month);
				months.add(new Period(ym.atDay(1), ym.atEndOfMonth(), volume.cases()));
			}
		}
		if (whole >= 0) {
			return List.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), whole));
		}
		return months;
	}

	private static List<Period> periods(List<CaseVolume> volumes, String technology, @Nullable String subTechnique,
			int year) {
		if (subTechnique != null) {
			return periodsAt(volumes, technology, subTechnique, year);
		}
		List<Period> total = periodsAt(volumes, technology, null, year);
		if (!total.isEmpty()) {
			return total;
		}
		List<Period> subs = new ArrayList<>();
		for (String sub : subTechniques(volumes, technology)) {
			subs.addAll(periodsAt(volumes, technology, sub, year));
		}
		return subs;
	}

	/** A recorded figure: the cases of one year or one month. */
	private record Period(LocalDate start, LocalDate end, int cases) {
	}

	/**
	 * Cases within the dates {@code from}–{@code to} (inclusive) as far as the recorded
	 * periods tell: {@code lower} counts the periods lying wholly inside, {@code upper}
	 * every period that overlaps the window (a whole-year figure of a year the window
	 * only partly covers can be in either). The true count lies between them.
	 */
	record Bounds(LocalDate from, LocalDate to, int lower, int upper) {

		/** MET when even the lower bound reaches min, NOT_MET when not even the upper. */
		Status against(int min) {
			if (this.lower >= min) {
				return Status.MET;
			}
			return (this.upper < min) ? Status.NOT_MET : Status.UNKNOWN;
		}

		/** "2025-11-22 至 2026-11-21 例数 1350 例" or, undecided, both bounds. */
		String describe(String what) {
			String window = this.from + " 至 " + this.to;
			if (this.lower == this.upper) {
				return window + what + " " + this.lower + " 例";
			}
			return window + what + "：完整落在该期间内的记录 " + this.lower + " 例，与该期间部分重叠的记录合计 " + this.upper
					+ " 例（年度例数无法拆分到该期间，需按月记录）";
		}

	}

	/**
	 * Counts the rolling window of {@code years} years ending the day before
	 * {@code reference}.
	 */
	static Bounds rolling(List<CaseVolume> volumes, String technology, @Nullable String subTechnique,
			LocalDate reference, int years) {
		LocalDate from = reference.minusYears(years);
		LocalDate to = reference.minusDays(1);
		int lower = 0;
		int upper = 0;
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			for (Period period : periods(volumes, technology, subTechnique, year)) {
				if (period.end().isBefore(from) || period.start().isAfter(to)) {
					continue;
				}
				upper = plus(upper, period.cases());
				if (!period.start().isBefore(from) && !period.end().isAfter(to)) {
					lower = plus(lower, period.cases());
				}
			}
		}
		return new Bounds(from, to, lower, upper);
	}

	/**
	 * Cases recorded up to the reference date since the first: every period of the years
	 * up to the reference year, less the months that begin after the reference date (the
	 * registry's months after an evaluation day in the past). A whole-year figure of the
	 * reference year counts whole: it is what the hospital reported for the year so far.
	 */
	static int totalUpTo(List<CaseVolume> volumes, String technology, @Nullable String subTechnique,
			LocalDate reference) {
		int total = 0;
		for (int year : years(volumes, technology, reference.getYear())) {
			for (Period period : periods(volumes, technology, subTechnique, year)) {
				if (!period.start().isAfter(reference)) {
					total = plus(total, Math.max(0, period.cases()));
				}
			}
		}
		return total;
	}

	/** Sub-technique codes that appear for the technology. */
	static Set<String> subTechniques(List<CaseVolume> volumes, String technology) {
		Set<String> codes = new LinkedHashSet<>();
		for (CaseVolume volume : volumes) {
			if (volume.subTechnique() != null && technology.equals(volume.technology())) {
				codes.add(volume.subTechnique());
			}
		}
		return codes;
	}

	/** Years in which the technology has rows, up to and including {@code lastYear}. */
	static Set<Integer> years(List<CaseVolume> volumes, String technology, int lastYear) {
		Set<Integer> years = new LinkedHashSet<>();
		for (CaseVolume volume : volumes) {
			if (volume.year() <= lastYear && technology.equals(volume.technology())) {
				years.add(volume.year());
			}
		}
		return years;
	}

	/**
	 * Evaluates a window of complete calendar years before the year of the reference
	 * date.
	 * @param volumes recorded volumes
	 * @param technology technology code
	 * @param subTechnique sub-technique or {@code null}
	 * @param lastYear the year before the reference year
	 * @param years window length
	 * @return counts, oldest first (zero for years without rows)
	 */
	static int[] window(List<CaseVolume> volumes, String technology, @Nullable String subTechnique, int lastYear,
			int years) {
		int[] counts = new int[years];
		for (int i = 0; i < years; i++) {
			counts[i] = Math.max(0, year(volumes, technology, subTechnique, lastYear - years + 1 + i));
		}
		return counts;
	}

	/** "近 5 年（2021–2025）" or "近 1 年（2025）". */
	static String windowLabel(int lastYear, int years) {
		return "近 " + years + " 年（" + ((years > 1) ? (lastYear - years + 1) + "–" : "") + lastYear + "）";
	}

	static int sum(int[] counts) {
		int sum = 0;
		for (int count : counts) {
			sum = plus(sum, count);
		}
		return sum;
	}

	/**
	 * Adds two counts in 64 bits and caps the result at {@link Integer#MAX_VALUE}: many
	 * rows of large figures (each bounded on input) can never wrap around to a negative
	 * total, and every threshold the specs set is far below the cap.
	 */
	static int plus(int a, int b) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) a + b));
	}

	static int min(int[] counts) {
		int min = Integer.MAX_VALUE;
		for (int count : counts) {
			min = Math.min(min, count);
		}
		return (counts.length == 0) ? 0 : min;
	}

	/** "2021 年 120 例、2022 年 98 例". */
	static String perYear(int[] counts, int lastYear) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				text.append('、');
			}
			text.append(lastYear - counts.length + 1 + i).append(" 年 ").append(counts[i]).append(" 例");
		}
		return text.toString();
	}

}
