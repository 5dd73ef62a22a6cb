package cn.rtms.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A complication of a case.
 *
 * @param name what happened (at most 100 characters)
 * @param onsetDate when it began (not before the operation, not after today)
 * @param grade Clavien-Dindo grade {@code I}–{@code V}
 * @param type a code of the case form's {@link CaseForm#complicationTypes()} (e.g.
 * {@code MAJOR_BLEEDING} for ablations), or null when not classified
 * @param serious whether a 严重并发症 as G08-2023 一（七）注3 defines it: 导致患者护理级别提升或住院时间延长、
 * 需要进一步住院治疗或者临床处理、致残或者死亡; null when not stated (cases entered before the field existed)
 */
public record Complication(String name, @Nullable LocalDate onsetDate, @Nullable String grade, @Nullable String type,
		@Nullable Boolean serious) {

	/**
	 * Treats a missing name as empty (reported as missing by the checks).
	 */
	public Complication {
		name = (name == null) ? "" : name;
	}

	/**
	 * A complication without type and seriousness (as entered before they existed).
	 * @param name what happened
	 * @param onsetDate when it began
	 * @param grade Clavien-Dindo grade
	 */
	public Complication(String name, @Nullable LocalDate onsetDate, @Nullable String grade) {
		this(name, onsetDate, grade, null, null);
	}

}
