package cn.rtms.rules.engine.facts;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Cases of a technology performed in one calendar year, by an institution (optionally per
 * sub-technique) or independently by a person.
 *
 * @param technology technology code, e.g. G08
 * @param subTechnique sub-technique code, {@code null} for the technology total
 * @param year calendar year
 * @param cases number of cases
 */
public record CaseVolume(String technology, @Nullable String subTechnique, int year, int cases) {

	/**
	 * Checks the technology is given.
	 */
	public CaseVolume {
		Objects.requireNonNull(technology, "例数记录缺少 technology");
	}

}
