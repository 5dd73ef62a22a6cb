package cn.rtms.filing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one table of who may do what next in a filing: for each {@link FilingAction} the
 * states it starts from, the {@link Party} who may take it, the {@link FilingCondition}
 * beyond the state, and the states it leads to. The aggregate checks state and condition
 * from it, the application service checks the party from it before calling the aggregate,
 * a filing's {@code allowedActions} and the inbox are computed from it, and the front end
 * shows the actions the server lists. docs/filing.md renders it (checked by a test).
 */
public final class FilingTransitions {

	private static final Set<FilingState> PREPARING = EnumSet.of(FilingState.DRAFT, FilingState.SELF_ASSESSED,
			FilingState.RETURNED_FOR_SUPPLEMENT);

	private static final Set<FilingState> READY = EnumSet.of(FilingState.SELF_ASSESSED,
			FilingState.RETURNED_FOR_SUPPLEMENT);

	private static final Set<FilingState> IN_FORCE = EnumSet.of(FilingState.ACTIVE, FilingState.SUSPENDED);

	private static final Set<FilingState> AT_AUTHORITY = EnumSet.of(FilingState.RECEIVED, FilingState.ESCALATED);

	private static final Set<FilingState> PASSING_DOWN = EnumSet.of(FilingState.APPROVED, FilingState.RESULT_NOTIFIED);

	// @formatter:off
	private static final Map<FilingAction, Transition> TABLE = table(
			row(FilingAction.SELF_ASSESS, PREPARING, Party.HOSPITAL, FilingCondition.NONE, List.of(FilingState.SELF_ASSESSED), ""),
			row(FilingAction.RECORD_COMMITTEE_OPINION, PREPARING, Party.HOSPITAL, FilingCondition.NONE, List.of(), "opinion not blank, meeting not in the future, minutes file"),
			row(FilingAction.ADD_DOCUMENT, PREPARING, Party.HOSPITAL, FilingCondition.NONE, List.of(), "an accepted file"),
			row(FilingAction.ATTEST, READY, Party.HOSPITAL, FilingCondition.CLAUSES_TO_ATTEST, List.of(), "a `NEEDS_ATTESTATION` clause of the assessment, evidence not blank"),
			row(FilingAction.SUBMIT, READY, Party.HOSPITAL, FilingCondition.NONE, List.of(FilingState.SUBMITTED), "self-assessed, every `NEEDS_ATTESTATION` clause confirmed, both committee opinions (else 409 `FILING_INCOMPLETE`); first case not in the future; a resubmission keeps the first case date of the first submission (else 409 `FIRST_CASE_DATE_FROZEN`)"),
			row(FilingAction.WITHDRAW, EnumSet.of(FilingState.SUBMITTED), Party.HOSPITAL, FilingCondition.NONE, List.of(FilingState.SELF_ASSESSED, FilingState.RETURNED_FOR_SUPPLEMENT), "back to the state it was submitted from; a reason is optional"),
			row(FilingAction.DELETE_DRAFT, EnumSet.of(FilingState.DRAFT, FilingState.SELF_ASSESSED), Party.HOSPITAL, FilingCondition.NEVER_SUBMITTED, List.of(), "the filing and its files are deleted (the audit entry keeps its last state)"),
			row(FilingAction.REQUEST_CANCELLATION, EnumSet.of(FilingState.ACTIVE), Party.HOSPITAL, FilingCondition.NO_CANCELLATION_REQUESTED, List.of(), "a reason"),
			row(FilingAction.RECEIVE, EnumSet.of(FilingState.SUBMITTED), Party.HOLDER, FilingCondition.NONE, List.of(FilingState.RECEIVED), ""),
			row(FilingAction.ESCALATE, AT_AUTHORITY, Party.HOLDER, FilingCondition.BELOW_REVIEW_LEVEL, List.of(FilingState.ESCALATED), ""),
			row(FilingAction.START_EXPERT_REVIEW, AT_AUTHORITY, Party.HOLDER, FilingCondition.AT_REVIEW_LEVEL, List.of(FilingState.UNDER_EXPERT_REVIEW), "at least one expert account, none twice"),
			row(FilingAction.REPLACE_EXPERT, EnumSet.of(FilingState.UNDER_EXPERT_REVIEW), Party.HOLDER, FilingCondition.EXPERT_OPINION_MISSING, List.of(), "an assigned expert without an opinion, an assignable expert not assigned yet (recusal as at the start), a reason; the opinion deadline starts again"),
			row(FilingAction.RECORD_EXPERT_OPINION, EnumSet.of(FilingState.UNDER_EXPERT_REVIEW), Party.ASSIGNED_EXPERT, FilingCondition.NONE, List.of(), "a verdict and an opinion (replaces the expert's earlier one)"),
			row(FilingAction.DECIDE, EnumSet.of(FilingState.UNDER_EXPERT_REVIEW), Party.HOLDER, FilingCondition.NONE, List.of(FilingState.APPROVED, FilingState.RETURNED_FOR_SUPPLEMENT, FilingState.REJECTED), "every assigned expert has given an opinion (else 409 `FILING_INCOMPLETE`); reasons unless approving"),
			row(FilingAction.NOTIFY_RESULT, PASSING_DOWN, Party.HOLDER, FilingCondition.ABOVE_RECEIVING_LEVEL, List.of(FilingState.RESULT_NOTIFIED), ""),
			row(FilingAction.ACTIVATE, PASSING_DOWN, Party.HOLDER, FilingCondition.AT_RECEIVING_LEVEL, List.of(FilingState.ACTIVE), "the note written on the licence"),
			row(FilingAction.SUSPEND, EnumSet.of(FilingState.ACTIVE), Party.COMPETENT_AUTHORITY, FilingCondition.NONE, List.of(FilingState.SUSPENDED), "a reason and details"),
			row(FilingAction.RESUME, EnumSet.of(FilingState.SUSPENDED), Party.SUSPENDING_AUTHORITY, FilingCondition.NONE, List.of(FilingState.ACTIVE), ""),
			row(FilingAction.REVOKE, IN_FORCE, Party.COMPETENT_AUTHORITY, FilingCondition.NONE, List.of(FilingState.REVOKED), "a reason and details; `VOLUNTARY_CANCELLATION` only after the hospital's cancellation request"),
			row(FilingAction.DISMISS_REVOCATION_PROPOSAL, IN_FORCE, Party.COMPETENT_AUTHORITY, FilingCondition.REVOCATION_PROPOSAL_OPEN, List.of(), "a reason"),
			row(FilingAction.PROPOSE_REVOCATION, EnumSet.of(FilingState.ACTIVE), Party.SYSTEM, FilingCondition.NO_REVOCATION_PROPOSAL_OPEN, List.of(), "the revocation check found a reason"));
	// @formatter:on

	private FilingTransitions() {
	}

	/**
	 * One row of the table.
	 *
	 * @param action the step
	 * @param from the states it starts from
	 * @param party who may take it
	 * @param condition what must hold beyond the state
	 * @param to the states it leads to; empty when it keeps the state
	 * @param requirements what the step needs of its input, checked when taken (English,
	 * for the docs)
	 */
	public record Transition(FilingAction action, Set<FilingState> from, Party party, FilingCondition condition,
			List<FilingState> to, String requirements) {

		/**
		 * @param filing a filing
		 * @return whether the step is possible now, whoever asks
		 */
		public boolean possible(Filing filing) {
			return this.from.contains(filing.state()) && this.condition.holds(filing);
		}

		/**
		 * @param caller who asks
		 * @param filing a filing
		 * @return whether the caller may take the step now
		 */
		public boolean permits(Caller caller, Filing filing) {
			return possible(filing) && this.party.includes(caller, filing);
		}

	}

	/**
	 * @return every row, in the order of {@link FilingAction}
	 */
	public static List<Transition> all() {
		return List.copyOf(TABLE.values());
	}

	/**
	 * @param action an action
	 * @return its row
	 */
	public static Transition of(FilingAction action) {
		return TABLE.get(action);
	}

	/**
	 * @param caller who asks
	 * @param filing a filing
	 * @return what the caller may do now, in the order of {@link FilingAction}
	 */
	public static List<FilingAction> allowed(Caller caller, Filing filing) {
		List<FilingAction> allowed = new ArrayList<>();
		for (Transition transition : TABLE.values()) {
			if (transition.permits(caller, filing)) {
				allowed.add(transition.action());
			}
		}
		return allowed;
	}

	/**
	 * @param caller who asks
	 * @param filing a filing
	 * @return what waits for the caller in the inbox, in the order of {@link InboxTask}
	 */
	public static List<InboxTask> tasks(Caller caller, Filing filing) {
		List<InboxTask> tasks = new ArrayList<>();
		for (InboxTask task : InboxTask.values()) {
			if (task.states().contains(filing.state()) && task.condition().holds(filing)
					&& task.audience().includes(caller, filing) && of(task.action()).permits(caller, filing)) {
				tasks.add(task);
			}
		}
		return tasks;
	}

	private static Map<FilingAction, Transition> table(Transition... rows) {
		Map<FilingAction, Transition> table = new EnumMap<>(FilingAction.class);
		for (Transition row : rows) {
			if (table.put(row.action(), row) != null) {
				throw new IllegalStateException("备案流转表中 " + row.action() + " 出现两次");
			}
			for (FilingState target : row.to()) {
				if (target == null) {
					throw new IllegalStateException("备案流转表中 " + row.action() + " 的目标状态为空");
				}
			}
			if (row.from().stream().anyMatch(FilingState::isFinal)) {
				throw new IllegalStateException("备案流转表中 " + row.action() + " 从终态出发");
			}
		}
		if (table.size() != FilingAction.values().length) {
			EnumSet<FilingAction> missing = EnumSet.allOf(FilingAction.class);
			missing.removeAll(table.keySet());
			throw new IllegalStateException("备案流转表缺少 " + missing);
		}
		for (InboxTask task : InboxTask.values()) {
			Transition row = table.get(task.action());
			if (!row.from().containsAll(task.states()) || !task.audience().isWithin(row.party())) {
				throw new IllegalStateException("待办 " + task + " 超出了 " + task.action() + " 的状态或办理人："
						+ Arrays.asList(task.states(), task.audience()));
			}
		}
		return table;
	}

	private static Transition row(FilingAction action, Set<FilingState> from, Party party, FilingCondition condition,
			List<FilingState> to, @Nullable String requirements) {
		return new Transition(action, Set.copyOf(from), party, condition, List.copyOf(to),
				requirements == null ? "" : requirements);
	}

}
