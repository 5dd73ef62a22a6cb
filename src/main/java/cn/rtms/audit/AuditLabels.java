package cn.rtms.audit;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Chinese labels for what the audit trail records: every action code any module passes to
 * {@link AuditTrail} (a unit test scans the sources and fails on a code without a label),
 * the kinds of object, and the field names of the recorded states shown in the audit
 * page's before/after. Codes stay in the chain; only the page shows labels.
 */
public final class AuditLabels {

	private static final Map<String, String> ACTIONS = Map.ofEntries(
			// identity
			Map.entry("LOGIN_SUCCEEDED", "登录成功"), Map.entry("LOGIN_FAILED", "登录失败"),
			Map.entry("LOGIN_REFUSED_LOCKED", "登录被拒（账号已锁定）"), Map.entry("ACCOUNT_LOCKED", "账号锁定"),
			Map.entry("LOGOUT", "退出登录"), Map.entry("PASSWORD_CHANGED", "修改密码"),
			Map.entry("PASSWORD_CHANGE_FAILED", "修改密码失败"), Map.entry("PASSWORD_RESET", "重置密码"),
			Map.entry("USER_CREATED", "新建用户"), Map.entry("USER_UNLOCKED", "解锁用户"), Map.entry("USER_ENABLED", "启用用户"),
			Map.entry("USER_DISABLED", "停用用户"), Map.entry("API_KEY_CREATED", "新建接口密钥"),
			Map.entry("API_KEY_ROTATED", "轮换接口密钥"), Map.entry("API_KEY_REVOKED", "吊销接口密钥"),
			Map.entry("REQUEST_REFUSED", "请求被拒绝"),
			// onboarding and hospitals' own accounts
			Map.entry("USER_ACTIVATED", "激活账号"), Map.entry("ACTIVATION_RESET", "重置账号（重新发放激活链接）"),
			Map.entry("REGISTRATION_SUBMITTED", "提交医疗机构注册申请"), Map.entry("REGISTRATION_RESUBMITTED", "重新提交注册申请"),
			Map.entry("REGISTRATION_APPROVED", "注册申请审核通过"), Map.entry("REGISTRATION_RETURNED", "退回注册申请"),
			Map.entry("PERSON_LEFT", "人员离职"),
			// audit and platform
			Map.entry("AUDIT_CHAIN_KEYED", "审计链启用密钥"), Map.entry("DATABASE_RESTORED", "数据库恢复"),
			// seed ledger (seeds)
			Map.entry("SEED_LOT_RECEIVED", "粒子入库"), Map.entry("SEED_MOVEMENT_RECORDED", "登记粒子变动"),
			Map.entry("SEED_MOVEMENT_CORRECTED", "冲正粒子台账"), Map.entry("SEED_INCIDENT_CANCELLED", "冲正关闭粒子应急事件"),
			Map.entry("SEED_COUNT_RECORDED", "粒子盘点"), Map.entry("SEED_INCIDENT_OPENED", "启动粒子应急事件"),
			Map.entry("SEED_INCIDENT_STEP_DONE", "完成应急预案步骤"), Map.entry("SEED_INCIDENT_CLOSED", "关闭粒子应急事件"),
			Map.entry("SEED_LEDGER_EXPORTED", "导出粒子台账"), Map.entry("RADIATION_SAFETY_RECORDED", "登记辐射安全记录"),
			// institutions and people
			Map.entry("INSTITUTION_CREATED", "新建医疗机构"), Map.entry("INSTITUTION_UPDATED", "修改医疗机构"),
			Map.entry("INSTITUTION_JURISDICTION_CHANGED", "变更管辖与资质"),
			Map.entry("INSTITUTION_BULK_UPDATED", "批量导入修改医疗机构"), Map.entry("PERSON_BULK_UPDATED", "批量导入修改人员"),
			Map.entry("INSTITUTION_LIST_EXPORTED", "导出医疗机构列表"), Map.entry("PERSON_CREATED", "新建人员"),
			Map.entry("PERSON_UPDATED", "修改人员"), Map.entry("PERSON_LIST_EXPORTED", "导出人员列表"),
			Map.entry("ATTESTATION_RECORDED", "确认条款"), Map.entry("ATTESTATION_WITHDRAWN", "撤回条款确认"),
			Map.entry("ATTESTATIONS_IMPORTED", "导入条款确认"),
			// bulk load
			Map.entry("BULK_IMPORT_COMMITTED", "批量导入机构或人员"), Map.entry("BULK_IMPORT_REJECTED", "批量导入被拒绝（未保存）"),
			// authorizations
			Map.entry("AUTHORIZATION_CREATED", "申请授权"), Map.entry("AUTHORIZATION_UPDATED", "修改授权申请"),
			Map.entry("AUTHORIZATION_GRANTED", "批准授权"), Map.entry("AUTHORIZATION_REJECTED", "驳回授权"),
			Map.entry("AUTHORIZATION_REVOKED", "撤销授权"), Map.entry("AUTHORIZATION_LIST_EXPORTED", "导出授权台账"),
			Map.entry("FOLLOW_UP_LIST_EXPORTED", "导出随访名单"),
			// filings (FILING_ + each FilingStep)
			Map.entry("FILING_CREATE", "创建备案"), Map.entry("FILING_PRIOR_REGISTERED", "存量备案登记"),
			Map.entry("FILING_SELF_ASSESS", "备案自评"), Map.entry("FILING_ATTEST", "备案确认条款"),
			Map.entry("FILING_COMMITTEE_OPINION", "登记委员会意见"), Map.entry("FILING_ADD_DOCUMENT", "上传备案材料"),
			Map.entry("FILING_SUBMIT", "提交备案"), Map.entry("FILING_RECEIVE", "受理备案"),
			Map.entry("FILING_ESCALATE", "逐级上报"), Map.entry("FILING_START_EXPERT_REVIEW", "组织专家审查"),
			Map.entry("FILING_EXPERT_OPINION", "专家意见"), Map.entry("FILING_REPLACE_EXPERT", "更换评审专家"),
			Map.entry("FILING_DECIDE_APPROVED", "备案审查通过"), Map.entry("FILING_DECIDE_RETURNED_FOR_SUPPLEMENT", "退回补充"),
			Map.entry("FILING_DECIDE_REJECTED", "不予备案"), Map.entry("FILING_NOTIFY_RESULT", "逐级通知审查结果"),
			Map.entry("FILING_ACTIVATE", "备案生效"), Map.entry("FILING_REQUEST_CANCELLATION", "申请注销备案"),
			Map.entry("FILING_SUSPEND", "中止备案"), Map.entry("FILING_RESUME", "恢复备案"), Map.entry("FILING_REVOKE", "撤销备案"),
			Map.entry("FILING_PROPOSE_REVOCATION", "系统建议撤销备案"),
			Map.entry("FILING_DISMISS_REVOCATION_PROPOSAL", "驳回撤销建议"), Map.entry("FILING_WITHDRAW", "撤回备案"),
			Map.entry("FILING_DELETE_DRAFT", "删除备案草稿"), Map.entry("FILING_SUBMITTED", "备案已提交"),
			Map.entry("FILING_DOCUMENT_DOWNLOADED", "下载备案材料"), Map.entry("FILING_PRINTED", "打印备案记录"),
			Map.entry("FILING_LIST_EXPORTED", "导出备案列表"),
			// cases
			Map.entry("CASE_CREATED", "新建病例"), Map.entry("CASE_UPDATED", "修改病例"), Map.entry("CASE_DELETED", "删除病例"),
			Map.entry("CASE_SUBMITTED", "提交病例"), Map.entry("CASE_AMENDED", "修订病例"),
			Map.entry("PATIENT_CONTACT_VIEWED", "查看患者联系电话"), Map.entry("CASES_SEARCHED_BY_PATIENT_ID", "按患者身份证号检索病例"),
			Map.entry("CASES_IMPORTED", "导入病例"), Map.entry("CASES_EXPORTED", "导出病例"),
			Map.entry("CASE_IMPORT_FAILED", "病例导入失败"), Map.entry("CASE_IMPORT_ANNOTATED_COPY", "下载病例导入批注文件"),
			Map.entry("FOLLOW_UP_RECORDED", "登记随访"), Map.entry("FOLLOW_UPS_RECORDED", "批量登记随访"),
			Map.entry("GATE_OVERRIDE_RECORDED", "登记拦截放行"), Map.entry("GATE_OVERRIDE_CONFIRMED", "确认拦截放行"),
			Map.entry("DISCHARGE_BATCH_IMPORTED", "导入出院记录"), Map.entry("DISCHARGE_FILE_REPEATED", "重复上传出院记录文件"),
			Map.entry("DISCHARGE_SCAN_ITEMS_VIEWED", "查看出院记录筛查结果"),
			// capability assessment
			Map.entry("ASSESSMENT_SAVED", "保存能力评估"), Map.entry("ASSESSMENT_PRINTED", "打印能力评估"),

			// supervision
			Map.entry("ALERT_ACKNOWLEDGED", "确认监管预警"), Map.entry("ALERTS_REFRESHED", "刷新监管预警"),
			// equipment register
			Map.entry("EQUIPMENT_CREATED", "登记设备"), Map.entry("EQUIPMENT_UPDATED", "修改设备"),
			Map.entry("EQUIPMENT_STATUS_CHANGED", "变更设备状态"), Map.entry("EQUIPMENT_SCHEDULE_ADDED", "新增设备维护检测计划"),
			Map.entry("EQUIPMENT_RECORD_ADDED", "登记设备维护检测"), Map.entry("EQUIPMENT_ATTACHMENT_ADDED", "上传设备附件"),
			Map.entry("EQUIPMENT_ATTACHMENT_DOWNLOADED", "下载设备附件"),
			// this module's own export
			Map.entry("AUDIT_LIST_EXPORTED", "导出审计记录"),
			// expert pools (experts; USER_REGION_SET is identity's)
			Map.entry("EXPERT_ENROLLED", "专家入库"), Map.entry("EXPERT_PROFILE_UPDATED", "修改专家库信息"),
			Map.entry("EXPERT_DRAWN", "随机抽取评审专家"), Map.entry("USER_REGION_SET", "专家归入专家库"),
			// training bases (cn.rtms.training.base.BaseAction)
			Map.entry("TRAINING_BASE_CREATE", "创建培训基地申请"), Map.entry("TRAINING_BASE_INSTRUCTOR_ADD", "增加指导医师"),
			Map.entry("TRAINING_BASE_INSTRUCTOR_END", "指导医师离任"), Map.entry("TRAINING_BASE_SUBMIT", "提交培训基地申请"),
			Map.entry("TRAINING_BASE_WITHDRAW", "撤回培训基地申请"), Map.entry("TRAINING_BASE_START_REVIEW", "培训基地专家评审"),
			Map.entry("TRAINING_BASE_EXPERT_OPINION", "培训基地专家意见"), Map.entry("TRAINING_BASE_FILE", "培训基地备案"),
			Map.entry("TRAINING_BASE_RETURN", "退回培训基地申请"), Map.entry("TRAINING_BASE_REJECT", "培训基地不予备案"),
			Map.entry("TRAINING_BASE_DESIGNATE", "指定培训基地"), Map.entry("TRAINING_BASE_REVOKE", "撤销培训基地"),
			Map.entry("TRAINING_BASE_REVOCATION_PROPOSED", "培训基地撤销建议"),
			Map.entry("TRAINING_BASE_PROPOSAL_DISMISSED", "驳回培训基地撤销建议"),
			// trainee files (cn.rtms.training.trainee)
			Map.entry("TRAINEE_ENROLLED", "学员入培"), Map.entry("TRAINEE_FILE_UPDATED", "修改学员培训档案"),
			Map.entry("TRAINEE_CASE_LOGGED", "登记学员培训病例"), Map.entry("TRAINEE_CASE_REMOVED", "删除学员培训病例"),
			Map.entry("TRAINEE_EXAM_RECORDED", "登记学员考核"), Map.entry("TRAINEE_CONCLUDED", "作出培训结论"),
			Map.entry("TRAINEE_CERTIFICATE_PRINTED", "打印培训合格证明"), Map.entry("TRAINEE_FILE_EXPORTED", "导出学员培训档案"),
			Map.entry("OVERSEAS_TRAINING_SUBMITTED", "提交境外培训"), Map.entry("OVERSEAS_TRAINING_ACCEPTED", "认可境外培训"),
			Map.entry("OVERSEAS_TRAINING_REJECTED", "不予认可境外培训"), Map.entry("TRAINING_EXEMPTION_REQUESTED", "申请免于培训"),
			Map.entry("TRAINING_EXEMPTION_APPROVED", "批准免于培训"), Map.entry("TRAINING_EXEMPTION_REJECTED", "不予批准免于培训"));

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("Institution", "医疗机构"),
			Map.entry("Registration", "注册申请"), Map.entry("Person", "人员"), Map.entry("Filing", "备案"),
			Map.entry("Authorization", "授权"), Map.entry("Case", "病例"), Map.entry("CaseImport", "病例导入"),
			Map.entry("FollowUp", "随访"), Map.entry("GateOverride", "拦截放行"), Map.entry("DischargeBatch", "出院记录"),
			Map.entry("User", "用户"), Map.entry("ApiKey", "接口密钥"), Map.entry("Request", "请求"),
			Map.entry("AuditChain", "审计链"), Map.entry("Database", "数据库"), Map.entry("Audit", "审计记录"),
			Map.entry("Assessment", "能力评估"), Map.entry("Alert", "监管预警"), Map.entry("TrainingBase", "培训基地"),
			Map.entry("Equipment", "设备"), Map.entry("SeedLot", "粒子批次"), Map.entry("SeedIncident", "粒子应急事件"),
			Map.entry("SeedLedger", "粒子台账"), Map.entry("RadiationSafetyRecord", "辐射安全记录"),
			Map.entry("TraineeFile", "学员培训档案"), Map.entry("OverseasTraining", "境外培训"),
			Map.entry("TrainingExemption", "免于培训申请"),
			// expert pools (experts)
			Map.entry("Expert", "评审专家"),
			// bulk load
			Map.entry("BulkImport", "批量导入"));

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "名称"), Map.entry("state", "状态"),
			Map.entry("status", "状态"), Map.entry("version", "版本"), Map.entry("regionCode", "行政区划"),
			Map.entry("level", "级别"), Map.entry("type", "类别"), Map.entry("technology", "技术"), Map.entry("reason", "原因"),
			Map.entry("opinion", "意见"), Map.entry("note", "备注"), Map.entry("holderRegionCode", "当前办理机关"),
			Map.entry("actionDueOn", "办理期限"), Map.entry("documents", "材料"), Map.entry("lastStep", "最近操作"),
			Map.entry("validFrom", "生效日期"), Map.entry("validUntil", "截止日期"), Map.entry("username", "用户名"),
			Map.entry("displayName", "姓名"), Map.entry("role", "角色"), Map.entry("enabled", "启用"),
			Map.entry("locked", "锁定"), Map.entry("format", "格式"), Map.entry("rows", "行数"), Map.entry("q", "关键词"),
			Map.entry("fileName", "文件名"), Map.entry("sha256", "校验值"), Map.entry("path", "请求地址"),
			Map.entry("method", "请求方法"), Map.entry("beds", "床位数"), Map.entry("departments", "科室"),
			Map.entry("facilities", "设施"), Map.entry("equipment", "设备"), Map.entry("licences", "许可证"),
			Map.entry("practiceLicence", "执业许可证"), Map.entry("titles", "职称"), Map.entry("roles", "人员类别"),
			Map.entry("clause", "条款"), Map.entry("evidence", "证明材料"), Map.entry("submittedOn", "提交日期"),
			Map.entry("firstCaseDate", "首例日期"), Map.entry("count", "数量"), Map.entry("technologyCode", "技术"),
			Map.entry("seed", "随机种子"), Map.entry("algorithm", "抽取算法"), Map.entry("candidates", "候选专家"),
			Map.entry("drawn", "抽中专家"), Map.entry("institution", "医疗机构"), Map.entry("from", "起始日期"),
			Map.entry("to", "截止日期"), Map.entry("subTechniques", "术式"), Map.entry("conclusion", "评估结论"),
			Map.entry("institutionName", "医疗机构"), Map.entry("physicianName", "医师"), Map.entry("cases", "病例数"),
			Map.entry("signedOn", "签字日期"), Map.entry("creditCode", "统一社会信用代码"), Map.entry("specialty", "专科"),
			Map.entry("licenceNumber", "执业许可证登记号"), Map.entry("licenceIssuedBy", "发证机关"),
			Map.entry("licenceIssuerRegionCode", "发证机关所在地"), Map.entry("licenceValidFrom", "许可证有效期起"),
			Map.entry("licenceValidUntil", "许可证有效期至"), Map.entry("operatingRooms", "手术间"), Map.entry("gender", "性别"),
			Map.entry("birthDate", "出生日期"), Map.entry("licenceIssuedOn", "执业证书发证日期"),
			Map.entry("licenceScopes", "执业范围"), Map.entry("clinicalStart", "从事临床工作起始"), Map.entry("specialties", "专业"),
			Map.entry("trainings", "培训"), Map.entry("caseVolumes", "年度例数"));

	private static final Map<String, String> VALUES = Map.ofEntries(
			// why a request was refused (REQUEST_REFUSED's code): every 401/403 problem
			// code
			Map.entry("UNAUTHENTICATED", "未登录或会话已失效"), Map.entry("LOGIN_FAILED", "用户名或密码错误"),
			Map.entry("ACCOUNT_DISABLED", "账号已停用"), Map.entry("API_KEY_REQUIRED", "缺少接口密钥"),
			Map.entry("API_KEY_INVALID", "接口密钥无效"), Map.entry("API_KEY_SCOPE", "接口密钥无权查询该机构"),
			Map.entry("CSRF_TOKEN_INVALID", "安全令牌缺失或无效"), Map.entry("FORBIDDEN", "无权访问"),
			Map.entry("GATE_OTHER_INSTITUTION", "查询其他医疗机构"), Map.entry("JURISDICTION_CHANGE_REFUSED", "无权变更属地"),
			Map.entry("PASSWORD_CHANGE_REQUIRED", "须先修改初始密码"), Map.entry("REGION_NOT_COVERED", "不在管辖范围内"),
			Map.entry("HTTP_401", "未认证"), Map.entry("HTTP_403", "被拒绝"), Map.entry("DRAFT", "草稿"),
			Map.entry("SELF_ASSESSED", "已自评"), Map.entry("SUBMITTED", "已提交"), Map.entry("RECEIVED", "已受理"),
			Map.entry("ESCALATED", "已逐级上报"), Map.entry("UNDER_EXPERT_REVIEW", "专家审查中"), Map.entry("APPROVED", "审查通过"),
			Map.entry("RETURNED_FOR_SUPPLEMENT", "退回补充"), Map.entry("REJECTED", "已驳回"),
			Map.entry("RESULT_NOTIFIED", "已逐级通知"), Map.entry("ACTIVE", "备案有效"), Map.entry("SUSPENDED", "已中止"),
			Map.entry("REVOKED", "已撤销"), Map.entry("PENDING", "待审批"), Map.entry("GRANTED", "已授权"),
			Map.entry("XLSX", "Excel"), Map.entry("PDF", "PDF"), Map.entry("CSV", "CSV"), Map.entry("JSON", "JSON"),
			Map.entry("FHIR", "FHIR"), Map.entry("GET", "查询"), Map.entry("POST", "提交"), Map.entry("PUT", "修改"),
			Map.entry("DELETE", "删除"), Map.entry("QUALIFIED", "合格"), Map.entry("BASICALLY_QUALIFIED", "基本合格"),
			Map.entry("UNQUALIFIED", "不合格"));

	private AuditLabels() {
	}

	/**
	 * @param action an action code
	 * @return its Chinese label, or null when it has none
	 */
	public static @Nullable String actionLabel(String action) {
		return ACTIONS.get(action);
	}

	/**
	 * @return every labelled action code with its label
	 */
	public static Map<String, String> actions() {
		return ACTIONS;
	}

	/**
	 * @return every labelled kind of object with its label
	 */
	public static Map<String, String> types() {
		return TYPES;
	}

	/**
	 * @param entityType a kind of object
	 * @return its Chinese label, 其他对象 when unknown
	 */
	public static String typeLabel(String entityType) {
		return TYPES.getOrDefault(entityType, "其他对象");
	}

	/**
	 * @param code a code recorded as a value (a state, a format)
	 * @return its Chinese label, or null when it has none
	 */
	static @Nullable String valueLabel(String code) {
		return VALUES.get(code);
	}

	/**
	 * @param field a field name of a recorded state
	 * @return its Chinese label, or null when it has none
	 */
	public static @Nullable String fieldLabel(String field) {
		return FIELDS.get(field);
	}

}
