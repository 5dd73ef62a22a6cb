package cn.rtms.training.base;

import java.util.EnumSet;
import java.util.Set;

import cn.rtms.training.TrainingBaseStatus;

import static cn.rtms.training.TrainingBaseStatus.DRAFT;
import static cn.rtms.training.TrainingBaseStatus.FILED;
import static cn.rtms.training.TrainingBaseStatus.RETURNED;
import static cn.rtms.training.TrainingBaseStatus.SUBMITTED;
import static cn.rtms.training.TrainingBaseStatus.UNDER_REVIEW;

/**
 * The training-base workflow as one table (docs/training.md "Workflow"): per action the
 * states it may be taken from, who takes it and the audit action recorded. The service
 * checks the party first (403 {@code FORBIDDEN}), then the state (409
 * {@code ILLEGAL_TRAINING_BASE_TRANSITION}); the UI offers exactly the actions
 * {@link #allowed} lists.
 */
public enum BaseAction {

	/** 创建申请: the institution starts a draft. */
	CREATE("创建申请", Party.INSTITUTION, EnumSet.noneOf(TrainingBaseStatus.class), "TRAINING_BASE_CREATE"),

	/** 增加指导医师: before a decision, and while filed. */
	ADD_INSTRUCTOR("增加指导医师", Party.INSTITUTION, EnumSet.of(DRAFT, RETURNED, FILED), "TRAINING_BASE_INSTRUCTOR_ADD"),

	/** 指导医师离任 (or removed from a draft). */
	END_INSTRUCTOR("指导医师离任", Party.INSTITUTION, EnumSet.of(DRAFT, RETURNED, FILED), "TRAINING_BASE_INSTRUCTOR_END"),

	/** 提交 (also after a return). */
	SUBMIT("提交申请", Party.INSTITUTION, EnumSet.of(DRAFT, RETURNED), "TRAINING_BASE_SUBMIT"),

	/** 撤回: before the province decides. */
	WITHDRAW("撤回申请", Party.INSTITUTION, EnumSet.of(DRAFT, SUBMITTED, UNDER_REVIEW, RETURNED), "TRAINING_BASE_WITHDRAW"),

	/** 组织专家评审: assigns experts. */
	START_REVIEW("组织专家评审", Party.PROVINCE, EnumSet.of(SUBMITTED), "TRAINING_BASE_START_REVIEW"),

	/** 专家意见. */
	EXPERT_OPINION("提交专家意见", Party.ASSIGNED_EXPERT, EnumSet.of(UNDER_REVIEW), "TRAINING_BASE_EXPERT_OPINION"),

	/** 予以备案: after every assigned expert's opinion. */
	FILE("予以备案", Party.PROVINCE, EnumSet.of(UNDER_REVIEW), "TRAINING_BASE_FILE"),

	/** 退回修改 with reasons; the institution may resubmit. */
	RETURN("退回修改", Party.PROVINCE, EnumSet.of(SUBMITTED, UNDER_REVIEW), "TRAINING_BASE_RETURN"),

	/** 不予备案 with reasons: final. */
	REJECT("不予备案", Party.PROVINCE, EnumSet.of(UNDER_REVIEW), "TRAINING_BASE_REJECT"),

	/** 直接指定: the province files a base without an application. */
	DESIGNATE("直接指定", Party.PROVINCE, EnumSet.noneOf(TrainingBaseStatus.class), "TRAINING_BASE_DESIGNATE"),

	/** 撤销 with reason. */
	REVOKE("撤销备案", Party.PROVINCE, EnumSet.of(FILED), "TRAINING_BASE_REVOKE"),

	/** 驳回撤销建议: the province keeps the base filed. */
	DISMISS_PROPOSAL("驳回撤销建议", Party.PROVINCE, EnumSet.of(FILED), "TRAINING_BASE_PROPOSAL_DISMISSED"),

	/** 撤销建议: the system's re-check found unmet clauses. */
	PROPOSE_REVOCATION("系统提出撤销建议", Party.SYSTEM, EnumSet.of(FILED), "TRAINING_BASE_REVOCATION_PROPOSED");

	/** Who takes an action. */
	public enum Party {

		/** The institution's HOSPITAL_ADMIN or TRAINING_BASE_ADMIN. */
		INSTITUTION,

		/** PROVINCE_AUTHORITY covering the institution's region. */
		PROVINCE,

		/** An expert assigned to the base. */
		ASSIGNED_EXPERT,

		/** The system's re-check. */
		SYSTEM

	}

	private final String label;

	private final Party party;

	private final Set<TrainingBaseStatus> from;

	private final String auditAction;

	BaseAction(String label, Party party, Set<TrainingBaseStatus> from, String auditAction) {
		this.label = label;
		this.party = party;
		this.from = from;
		this.auditAction = auditAction;
	}

	/**
	 * @return the Chinese label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return who takes it
	 */
	public Party party() {
		return this.party;
	}

	/**
	 * @return the states it may be taken from (empty: it creates the base)
	 */
	public Set<TrainingBaseStatus> from() {
		return this.from;
	}

	/**
	 * @return the audit action code
	 */
	public String auditAction() {
		return this.auditAction;
	}

	/**
	 * @param status a state
	 * @return whether the action may be taken in it
	 */
	public boolean allowedIn(TrainingBaseStatus status) {
		return this.from.contains(status);
	}

}
