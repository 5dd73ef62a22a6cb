package cn.rtms.filing.domain;

import org.jspecify.annotations.Nullable;

/**
 * What someone may do to an existing filing: one row each of {@link FilingTransitions}.
 * {@link #apiName()} is the name in a filing's {@code allowedActions} and the last path
 * segment of its command endpoint ({@code POST /api/filings/{id}/<apiName>}); the front
 * end shows exactly the actions the server lists.
 */
public enum FilingAction {

	/** 自评. */
	SELF_ASSESS("self-assessment", "自评"),
	/** 登记委员会意见. */
	RECORD_COMMITTEE_OPINION("committee-opinions", "登记委员会意见"),
	/** 上传材料. */
	ADD_DOCUMENT("documents", "上传材料"),
	/** 确认条款. */
	ATTEST("attestations", "确认条款"),
	/** 提交备案 (also a resubmission). */
	SUBMIT("submit", "提交备案"),
	/** 撤回提交: the hospital takes back a submission the authority has not received yet. */
	WITHDRAW("withdraw", "撤回提交"),
	/**
	 * 删除草稿: a filing never submitted is deleted ({@code DELETE /api/filings/{id}}, the
	 * one action whose endpoint is not a {@code POST}).
	 */
	DELETE_DRAFT("delete", "删除草稿"),
	/** 申请注销. */
	REQUEST_CANCELLATION("cancellation-request", "申请注销"),
	/** 受理. */
	RECEIVE("receive", "受理"),
	/** 逐级上报. */
	ESCALATE("escalate", "逐级上报"),
	/** 组织专家审查. */
	START_EXPERT_REVIEW("expert-review", "组织专家审查"),
	/** 提交专家意见. */
	RECORD_EXPERT_OPINION("expert-opinions", "提交专家意见"),
	/**
	 * 更换评审专家 (one who has not given an opinion: ill, unreachable, a conflict found late).
	 */
	REPLACE_EXPERT("expert-replacement", "更换评审专家"),
	/** 作出审查决定 (approve, return for supplement, reject). */
	DECIDE("decision", "作出审查决定"),
	/** 逐级通知审查结果. */
	NOTIFY_RESULT("notify-result", "逐级通知审查结果"),
	/** 确认备案有效. */
	ACTIVATE("activate", "确认备案有效"),
	/** 中止. */
	SUSPEND("suspend", "中止"),
	/** 恢复. */
	RESUME("resume", "恢复"),
	/** 撤销. */
	REVOKE("revoke", "撤销"),
	/** 驳回撤销建议. */
	DISMISS_REVOCATION_PROPOSAL("revocation-proposal/dismiss", "驳回撤销建议"),
	/** 系统建议撤销: the revocation check only, no endpoint. */
	PROPOSE_REVOCATION(null, "提出撤销建议");

	private final @Nullable String apiName;

	private final String label;

	FilingAction(@Nullable String apiName, String label) {
		this.apiName = apiName;
		this.label = label;
	}

	/**
	 * @return the name in {@code allowedActions} and the endpoint's last path segment;
	 * null for the system's own action
	 */
	public @Nullable String apiName() {
		return this.apiName;
	}

	/**
	 * @return the Chinese name used in refusals ("不能…")
	 */
	public String label() {
		return this.label;
	}

}
