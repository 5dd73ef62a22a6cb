package cn.rtms.filing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What waits in someone's inbox: a to-do tied to the {@link FilingAction} that does it.
 * An item appears when that action is permitted to the caller by
 * {@link FilingTransitions} and, more narrowly, the caller is of the task's
 * {@link #audience()}, the filing is in one of its {@link #states()} and its
 * {@link #condition()} holds (the table refuses a task wider than its action).
 */
public enum InboxTask {

	/** 完善并提交备案 (the hospital, DRAFT or SELF_ASSESSED). */
	COMPLETE_DRAFT("COMPLETE_DRAFT", "完善并提交备案", FilingAction.SELF_ASSESS, Party.HOSPITAL,
			EnumSet.of(FilingState.DRAFT, FilingState.SELF_ASSESSED), FilingCondition.NONE),

	/** 按审查意见补充材料后重新提交 (the hospital, RETURNED_FOR_SUPPLEMENT). */
	SUPPLEMENT("SUPPLEMENT", "按审查意见补充材料后重新提交", FilingAction.SUBMIT, Party.HOSPITAL,
			EnumSet.of(FilingState.RETURNED_FOR_SUPPLEMENT), FilingCondition.NONE),

	/** 受理备案. */
	RECEIVE("RECEIVE", "受理备案", FilingAction.RECEIVE, Party.HOLDER, EnumSet.of(FilingState.SUBMITTED),
			FilingCondition.NONE),

	/** 逐级上报 (code {@code ESCALATE_OR_REVIEW}). */
	ESCALATE("ESCALATE_OR_REVIEW", "逐级上报", FilingAction.ESCALATE, Party.HOLDER,
			EnumSet.of(FilingState.RECEIVED, FilingState.ESCALATED), FilingCondition.NONE),

	/** 组织专家审查 (code {@code ESCALATE_OR_REVIEW}). */
	START_EXPERT_REVIEW("ESCALATE_OR_REVIEW", "组织专家审查", FilingAction.START_EXPERT_REVIEW, Party.HOLDER,
			EnumSet.of(FilingState.RECEIVED, FilingState.ESCALATED), FilingCondition.NONE),

	/** 汇总专家意见并作出审查决定. */
	DECIDE("DECIDE", "汇总专家意见并作出审查决定", FilingAction.DECIDE, Party.HOLDER, EnumSet.of(FilingState.UNDER_EXPERT_REVIEW),
			FilingCondition.NONE),

	/** 逐级通知审查结果. */
	NOTIFY_RESULT("NOTIFY_RESULT", "逐级通知审查结果", FilingAction.NOTIFY_RESULT, Party.HOLDER,
			EnumSet.of(FilingState.APPROVED, FilingState.RESULT_NOTIFIED), FilingCondition.NONE),

	/** 在许可证副本备注栏注明并确认备案有效. */
	ACTIVATE("ACTIVATE", "在许可证副本备注栏注明并确认备案有效", FilingAction.ACTIVATE, Party.HOLDER,
			EnumSet.of(FilingState.APPROVED, FilingState.RESULT_NOTIFIED), FilingCondition.NONE),

	/** 提交专家审查意见 (only while the expert's own opinion is missing). */
	EXPERT_OPINION("EXPERT_OPINION", "提交专家审查意见", FilingAction.RECORD_EXPERT_OPINION, Party.EXPERT_AWAITED,
			EnumSet.of(FilingState.UNDER_EXPERT_REVIEW), FilingCondition.NONE),

	/** 处理撤销建议 (the receiving authority itself). */
	REVOCATION_PROPOSAL("REVOCATION_PROPOSAL", "处理撤销建议", FilingAction.DISMISS_REVOCATION_PROPOSAL,
			Party.RECEIVING_AUTHORITY, EnumSet.of(FilingState.ACTIVE, FilingState.SUSPENDED), FilingCondition.NONE),

	/** 处理医疗机构注销申请 (the receiving authority itself, by revoking). */
	CANCELLATION_REQUEST("CANCELLATION_REQUEST", "处理医疗机构注销申请", FilingAction.REVOKE, Party.RECEIVING_AUTHORITY,
			EnumSet.of(FilingState.ACTIVE, FilingState.SUSPENDED), FilingCondition.CANCELLATION_REQUESTED);

	private final String code;

	private final String label;

	private final FilingAction action;

	private final Party audience;

	private final EnumSet<FilingState> states;

	private final FilingCondition condition;

	InboxTask(String code, String label, FilingAction action, Party audience, EnumSet<FilingState> states,
			FilingCondition condition) {
		this.code = code;
		this.label = label;
		this.action = action;
		this.audience = audience;
		this.states = states;
		this.condition = condition;
	}

	/**
	 * @return the inbox item's {@code action} code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return the action that does the task
	 */
	public FilingAction action() {
		return this.action;
	}

	/**
	 * @return whose inbox it goes to (the action's party or a narrower one)
	 */
	public Party audience() {
		return this.audience;
	}

	/**
	 * @return the states it appears in
	 */
	public Set<FilingState> states() {
		return EnumSet.copyOf(this.states);
	}

	/**
	 * @return what must hold besides the action's own condition
	 */
	public FilingCondition condition() {
		return this.condition;
	}

}
