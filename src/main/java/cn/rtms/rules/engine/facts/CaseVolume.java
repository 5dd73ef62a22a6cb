package cn.rtms.rules.engine.facts;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Cases of a technology performed in one calendar year, or in one month of it, by an
 * institution (optionally per sub-technique) or independently by a person. Monthly rows
 * let rolling windows (e.g. 申报前一年内) be counted exactly; for calendar years a year's row
 * takes precedence over its monthly rows.
 *
 * @param technology technology code, e.g. G08
 * @param subTechnique sub-technique code, {@code null} for the technology total
 * @param year calendar year
 * @param month month 1–12 when the row counts one month, {@code null} for the whole year
 * @param cases number of cases
 */
public record CaseVolume(String technology, @Nullable String subTechnique, int year, @Nullable Integer month,
		int cases) {

	/**
	 * Checks the technology is given and the month, when given, is 1–12.
	 */
	public CaseVolume {
		Objects.requireNonNull(technology, "例数记录缺少 technology");
		if (month != null && (month < 1 || month > 12)) {
			throw new IllegalArgumentException("例数记录的 month 必须为 1–12，实际为 " + month);
		}
	}

	/**
	 * A whole-year row.
	 * @param technology technology code
	 * @param subTechnique sub-technique code or {@code null}
	 * @param year calendar year
	 * @param cases number of cases
	 * @return the row
	 */
	public static CaseVolume ofYear(String technology, @Nullable String subTechnique, int year, int cases) {
		return new CaseVolume(technology, subTechnique, year, null, cases);
	}

}
