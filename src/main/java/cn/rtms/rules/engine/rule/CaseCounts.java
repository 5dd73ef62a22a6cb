package cn.rtms.rules.engine.rule;

import java.util.LinkedHashSet;
import java.util.List;
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
	 * Cases in {@code year}; {@code subTechnique == null} for the technology total.
	 * Returns -1 when no row exists.
	 */
	static int year(List<CaseVolume> volumes, String technology, @Nullable String subTechnique, int year) {
		int total = -1;
		int subSum = -1;
		for (CaseVolume volume : volumes) {
			if (volume.year() != year || !technology.equals(volume.technology())) {
				continue;
			}
			String sub = volume.subTechnique();
			if (subTechnique != null) {
				if (subTechnique.equals(sub)) {
					total = Math.max(total, 0) + volume.cases();
				}
			}
			else if (sub == null) {
				total = Math.max(total, 0) + volume.cases();
			}
			else {
				subSum = Math.max(subSum, 0) + volume.cases();
			}
		}
		return (total >= 0) ? total : subSum;
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
			sum += count;
		}
		return sum;
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
