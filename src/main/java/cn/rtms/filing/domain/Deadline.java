package cn.rtms.filing.domain;

/**
 * What a due date is for: the step its holder must take next. The names are the keys of
 * {@code filing/deadlines.properties} (working days per step), all required at startup.
 */
public enum Deadline {

	/** The hospital submits after its first case. */
	FILING,
	/** The hospital resubmits after a return. */
	SUPPLEMENT,
	/** The receiving authority receives. */
	RECEIVE,
	/** An authority below the review level escalates. */
	ESCALATE,
	/** The review authority assigns experts. */
	ASSIGN_EXPERTS,
	/** The assigned experts give their opinions. */
	EXPERT_OPINION,
	/** The review authority decides. */
	DECIDE,
	/** An authority passes the approval down. */
	NOTIFY_RESULT,
	/** The receiving authority notes it on the licence. */
	ACTIVATE,
	/** The competent authority answers a revocation proposal. */
	REVOCATION_PROPOSAL,
	/** The competent authority handles a cancellation request. */
	CANCELLATION

}
