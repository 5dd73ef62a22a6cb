package cn.rtms.rules.engine.facts;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A confirmation of a clause a machine cannot judge. Only a {@link Kind#REVIEW} makes
 * such a clause MET: every attestation of the specs is for a reviewer to confirm
 * (docs/spec-format.md), so a hospital's own declaration leaves it NEEDS_ATTESTATION, and
 * the explanation says which kind of confirmation the clause has.
 *
 * @param clause the clause citation, e.g. "G08/2022 一(一)"
 * @param confirmedBy who confirmed, as the platform recorded it (name and role)
 * @param confirmedOn date of confirmation ({@code null}: undated, always counted)
 * @param evidence what the confirmer saw or declares
 * @param kind review or hospital declaration; absent in a facts document means
 * {@link Kind#REVIEW} (a what-if or golden case states a reviewer's confirmation)
 */
public record Attestation(String clause, @Nullable String confirmedBy, @Nullable LocalDate confirmedOn,
		@Nullable String evidence, Kind kind) {

	/**
	 * Checks the clause citation is given; an absent kind is a review.
	 */
	public Attestation {
		Objects.requireNonNull(clause, "确认记录缺少 clause");
		kind = (kind != null) ? kind : Kind.REVIEW;
	}

	/**
	 * A reviewer's confirmation.
	 * @param clause citation
	 * @param confirmedBy reviewer
	 * @param confirmedOn date
	 * @param evidence evidence
	 */
	public Attestation(String clause, @Nullable String confirmedBy, @Nullable LocalDate confirmedOn,
			@Nullable String evidence) {
		this(clause, confirmedBy, confirmedOn, evidence, Kind.REVIEW);
	}

	/** Who confirmed, and so what the confirmation is worth. */
	public enum Kind {

		/** 医院自评承诺: the institution's own declaration with evidence. */
		SELF_DECLARATION("医院自评承诺"),

		/** 审核确认: by the supervising health authority (or an assigned expert). */
		REVIEW("审核确认");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

}
