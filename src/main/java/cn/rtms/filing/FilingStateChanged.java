package cn.rtms.filing;

import java.time.Instant;
import java.util.UUID;

/**
 * A filing moved from one state to another (or, for actions that keep the state, recorded
 * a step).
 *
 * @param filingId the filing
 * @param institutionId its institution
 * @param technology technology code
 * @param action the step, e.g. {@code SUBMIT}, {@code ACTIVATE}, {@code REVOKE}
 * @param from state before
 * @param to state after
 * @param at when
 */
public record FilingStateChanged(UUID filingId, UUID institutionId, String technology, String action, String from,
		String to, Instant at) {
}
