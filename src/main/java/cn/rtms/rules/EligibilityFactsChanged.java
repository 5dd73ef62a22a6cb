package cn.rtms.rules;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published by a module that feeds the engine through an interface of this module (the
 * equipment register, the training file) when what it feeds changed, so that the verdicts
 * of the institution's filings are re-checked like after an {@code InstitutionChanged} or
 * {@code PersonChanged}. Publish it inside the transaction that made the change;
 * listeners run after the commit.
 *
 * @param institutionId the institution whose verdicts may change
 * @param personId the person concerned, {@code null} for institution-level facts
 * @param what a short English description for logs, e.g. {@code equipment status}
 */
public record EligibilityFactsChanged(UUID institutionId, @Nullable UUID personId, String what) {

	/**
	 * Checks the required parts.
	 */
	public EligibilityFactsChanged {
		Objects.requireNonNull(institutionId, "institutionId");
		Objects.requireNonNull(what, "what");
	}

}
