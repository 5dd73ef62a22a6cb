package cn.rtms.filing;

import java.util.Map;

/** Chinese names of workflow steps. */
final class StepLabels {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("CREATE", "创建备案"),
			Map.entry("SELF_ASSESS", "自评"), Map.entry("ATTEST", "确认条款"), Map.entry("COMMITTEE_OPINION", "登记委员会意见"),
			Map.entry("ADD_DOCUMENT", "上传材料"), Map.entry("SUBMIT", "提交备案"), Map.entry("RECEIVE", "受理"),
			Map.entry("ESCALATE", "逐级上报"), Map.entry("START_EXPERT_REVIEW", "组织专家审查"),
			Map.entry("EXPERT_OPINION", "专家意见"), Map.entry("DECIDE_APPROVED", "审查通过"),
			Map.entry("DECIDE_RETURNED_FOR_SUPPLEMENT", "退回补充"), Map.entry("DECIDE_REJECTED", "不予备案"),
			Map.entry("NOTIFY_RESULT", "逐级通知审查结果"), Map.entry("ACTIVATE", "许可证副本注明，备案有效"),
			Map.entry("REQUEST_CANCELLATION", "申请注销"), Map.entry("SUSPEND", "中止"), Map.entry("RESUME", "恢复"),
			Map.entry("REVOKE", "撤销"), Map.entry("PROPOSE_REVOCATION", "系统建议撤销"),
			Map.entry("DISMISS_REVOCATION_PROPOSAL", "驳回撤销建议"));

	private StepLabels() {
	}

	static String label(String action) {
		return LABELS.getOrDefault(action, action);
	}

}
