package cn.rtms.assessment;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to assess: a hospital (an institution and a technology) or a physician (an
 * operator at that hospital), over a period of at most two years.
 *
 * @param institutionId the hospital
 * @param physicianId the physician, null to assess the hospital
 * @param technology technology code, e.g. {@code G08}
 * @param from first day of the period
 * @param to last day of the period (inclusive), not after today
 */
public record AssessmentRequest(UUID institutionId, @Nullable UUID physicianId, String technology, LocalDate from,
		LocalDate to) {

	/** Longest period: two years. */
	public static final int MAX_YEARS = 2;

	/**
	 * @return whether this is a physician's assessment
	 */
	public boolean ofPhysician() {
		return this.physicianId != null;
	}

}
