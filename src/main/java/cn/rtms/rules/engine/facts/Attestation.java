package cn.rtms.rules.engine.facts;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reviewer's confirmation of a clause a machine cannot judge.
 *
 * @param clause the clause citation, e.g. "G08/2022 一(一)"
 * @param confirmedBy reviewer name
 * @param confirmedOn date of confirmation ({@code null}: undated, always counted)
 * @param evidence what the reviewer saw
 */
public record Attestation(String clause, @Nullable String confirmedBy, @Nullable LocalDate confirmedOn,
		@Nullable String evidence) {

	/**
	 * Checks the clause citation is given.
	 */
	public Attestation {
		Objects.requireNonNull(clause, "确认记录缺少 clause");
	}

}
