package cn.rtms.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Radioactive decay: the activity of a seed on any day from its activity at the
 * calibration date and the isotope's half-life, A = A0 · 2^(−Δt / T½).
 */
public final class Decay {

	private Decay() {
	}

	/**
	 * @param initial activity at the calibration moment (any unit)
	 * @param halfLifeDays the isotope's half-life in days
	 * @param elapsedDays days since the calibration moment (negative before it)
	 * @return the activity after the elapsed days, in the unit of {@code initial}
	 */
	public static double activity(double initial, double halfLifeDays, double elapsedDays) {
		if (!(halfLifeDays > 0)) {
			throw new IllegalArgumentException("半衰期必须大于 0");
		}
		return initial * Math.pow(2, -elapsedDays / halfLifeDays);
	}

	/**
	 * @param initialMci activity per seed at the calibration date, mCi
	 * @param halfLifeDays the isotope's half-life in days
	 * @param calibrationDate the calibration date
	 * @param day the day asked about
	 * @return the activity per seed on that day in mCi, rounded to 4 decimals
	 */
	public static BigDecimal activityOn(BigDecimal initialMci, BigDecimal halfLifeDays, LocalDate calibrationDate,
			LocalDate day) {
		double value = activity(initialMci.doubleValue(), halfLifeDays.doubleValue(),
				ChronoUnit.DAYS.between(calibrationDate, day));
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
	}

}
