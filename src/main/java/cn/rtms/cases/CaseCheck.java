package cn.rtms.cases;

import java.util.List;

/**
 * The result of checking a case without saving it.
 *
 * @param errors what must be corrected before it can be submitted
 * @param warnings plausibility warnings not yet confirmed (confirm by passing their
 * codes)
 * @param findings what {@link PracticeRights} found about institution and operator on the
 * operation date (become flags on submit)
 */
public record CaseCheck(List<CaseProblem> errors, List<CaseProblem> warnings, List<PracticeFinding> findings) {

	/**
	 * @return whether the case can be submitted as it is (no errors, no unconfirmed
	 * warnings)
	 */
	public boolean submittable() {
		return this.errors.isEmpty() && this.warnings.isEmpty();
	}

}
