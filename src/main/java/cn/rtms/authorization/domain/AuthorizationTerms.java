package cn.rtms.authorization.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is authorized: a technology, optionally only some of its sub-techniques (empty:
 * the whole technology), for a validity period (both days included).
 *
 * @param technology technology code
 * @param subTechniques sub-technique codes, empty for the whole technology
 * @param validFrom first day
 * @param validUntil last day, after {@code validFrom}
 * @param note free text
 */
@org.springframework.modulith.NamedInterface("terms")
public record AuthorizationTerms(String technology, List<String> subTechniques, LocalDate validFrom,
		LocalDate validUntil, @Nullable String note) {

	/**
	 * Copies the list and checks the period.
	 */
	public AuthorizationTerms {
		subTechniques = List.copyOf(subTechniques);
		if (!validUntil.isAfter(validFrom)) {
			throw new IllegalArgumentException("有效期截止日 " + validUntil + " 必须晚于起始日 " + validFrom);
		}
	}

	/**
	 * @param day a day
	 * @return whether the period includes it
	 */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.validFrom) && !day.isAfter(this.validUntil);
	}

	/**
	 * @param other other terms
	 * @return whether the two validity periods share at least one day
	 */
	public boolean overlaps(AuthorizationTerms other) {
		return !this.validFrom.isAfter(other.validUntil) && !other.validFrom.isAfter(this.validUntil);
	}

}
