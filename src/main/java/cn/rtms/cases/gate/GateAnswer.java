package cn.rtms.cases.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The order-entry check's answer (docs/gate.md).
 *
 * @param decision {@link #ALLOW}, {@link #DENY} or {@link #NOT_RESTRICTED}
 * @param technology the restricted technology the procedure belongs to, null when none
 * @param subTechnique the sub-technique the procedure code implies, or null
 * @param procedureCode the normalised procedure code, null when the technology was asked
 * directly
 * @param procedureName the code's name in the spec, or null
 * @param physicianId the physician, when on the staff list of the key's hospital (null
 * for anyone else, so nothing is told about other hospitals' staff)
 * @param date the day the procedure is planned for
 * @param reasons why: every blocking finding (DENY) and notes (FILING_PENDING,
 * NOT_RESTRICTED)
 * @param checkedAt when the answer was given
 * @param asOf when the in-memory view it was read from was loaded from the database
 */
public record GateAnswer(String decision, @Nullable String technology, @Nullable String subTechnique,
		@Nullable String procedureCode, @Nullable String procedureName, @Nullable String physicianId, LocalDate date,
		List<Reason> reasons, Instant checkedAt, Instant asOf) {

	/** The procedure may be ordered. */
	public static final String ALLOW = "ALLOW";

	/** The procedure must not be ordered: see the blocking reasons. */
	public static final String DENY = "DENY";

	/** The procedure is not a restricted technology: the platform has nothing to say. */
	public static final String NOT_RESTRICTED = "NOT_RESTRICTED";

	/**
	 * One reason.
	 *
	 * @param code stable machine code: UNFILED, FILING_PENDING, UNAUTHORIZED,
	 * OUT_OF_SCOPE, NOT_ELIGIBLE, UNKNOWN_PHYSICIAN, NOT_RESTRICTED
	 * @param blocking whether it denies the order
	 * @param message what was found, in Chinese
	 */
	public record Reason(String code, boolean blocking, String message) {
	}

}
