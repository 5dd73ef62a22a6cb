package cn.rtms.filing.domain;

/**
 * A recorded workflow step ({@link Filing.Step#action()}), its code stored with the
 * filing and published in {@code FilingStateChanged}; the audit action of the command
 * that recorded it is {@code FILING_} followed by the code.
 */
public enum FilingStep {

	/** 创建备案. */
	CREATE("创建备案"),
	/**
	 * 存量备案登记: a filing approved on paper before the platform, registered as active by the
	 * authority (audit {@code FILING_PRIOR_REGISTERED}).
	 */
	PRIOR_REGISTERED("存量备案登记"),
	/** 自评. */
	SELF_ASSESS("自评"),
	/** 确认条款. */
	ATTEST("确认条款"),
	/** 登记委员会意见. */
	COMMITTEE_OPINION("登记委员会意见"),
	/** 上传材料. */
	ADD_DOCUMENT("上传材料"),
	/** 提交备案. */
	SUBMIT("提交备案"),
	/** 撤回提交 (before the authority received it). */
	WITHDRAW("撤回提交"),
	/**
	 * 删除草稿: the last step of a draft, recorded for the audit entry only (the filing is
	 * deleted).
	 */
	DELETE_DRAFT("删除草稿"),
	/** 受理. */
	RECEIVE("受理"),
	/** 逐级上报. */
	ESCALATE("逐级上报"),
	/** 组织专家审查. */
	START_EXPERT_REVIEW("组织专家审查"),
	/** 专家意见. */
	EXPERT_OPINION("专家意见"),
	/** 更换评审专家. */
	REPLACE_EXPERT("更换评审专家"),
	/** 审查通过. */
	DECIDE_APPROVED("审查通过"),
	/** 退回补充. */
	DECIDE_RETURNED_FOR_SUPPLEMENT("退回补充"),
	/** 不予备案. */
	DECIDE_REJECTED("不予备案"),
	/** 逐级通知审查结果. */
	NOTIFY_RESULT("逐级通知审查结果"),
	/** 许可证副本注明，备案有效. */
	ACTIVATE("许可证副本注明，备案有效"),
	/** 申请注销. */
	REQUEST_CANCELLATION("申请注销"),
	/** 中止. */
	SUSPEND("中止"),
	/** 恢复. */
	RESUME("恢复"),
	/** 撤销. */
	REVOKE("撤销"),
	/** 系统建议撤销. */
	PROPOSE_REVOCATION("系统建议撤销"),
	/** 驳回撤销建议. */
	DISMISS_REVOCATION_PROPOSAL("驳回撤销建议");

	private final String label;

	FilingStep(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese label shown in the filing's history
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return the audit trail's action code of the command that recorded this step
	 */
	public String auditAction() {
		return "FILING_" + name();
	}

	/**
	 * @param decision a review decision
	 * @return the step that records it
	 */
	public static FilingStep of(Filing.DecisionKind decision) {
		return switch (decision) {
			case APPROVED -> DECIDE_APPROVED;
			case RETURNED_FOR_SUPPLEMENT -> DECIDE_RETURNED_FOR_SUPPLEMENT;
			case REJECTED -> DECIDE_REJECTED;
		};
	}

}
