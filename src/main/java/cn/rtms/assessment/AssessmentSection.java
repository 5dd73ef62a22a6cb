package cn.rtms.assessment;

import java.util.Locale;

/**
 * The sections of a capability assessment in the order the 管理规范 name them (e.g.
 * 肿瘤消融治疗技术临床应用管理规范 （五）5: 病例选择、手术成功率、严重并发症、死亡病例、医疗不良事件发生情况、 术后患者管理、患者生存质量、随访情况和病历质量), and
 * which section an indicator of the engine belongs to.
 */
public enum AssessmentSection {

	/** 病例选择: indication correctness, pre-operative evaluation and planning, case mix. */
	CASE_SELECTION("病例选择"),

	/** 手术成功率/治疗有效性: completion, local control, dose verification, response. */
	EFFECTIVENESS("手术成功率与治疗有效性"),

	/** 严重并发症. */
	SERIOUS_COMPLICATIONS("严重并发症"),

	/** 死亡病例. */
	DEATHS("死亡病例"),

	/** 医疗不良事件: violations flagged by the case registry, filing completeness. */
	ADVERSE_EVENTS("医疗不良事件"),

	/** 术后患者管理: discharge and length of stay. */
	POST_OPERATIVE("术后患者管理"),

	/** 随访情况 and 患者生存质量: follow-up per horizon, survival. */
	FOLLOW_UP("随访情况与患者生存"),

	/** 病历质量: completeness, amendments, registry completeness. */
	RECORD_QUALITY("病历质量"),

	/** Indicators no other section claims. */
	OTHER("其他质控指标");

	private final String title;

	AssessmentSection(String title) {
		this.title = title;
	}

	/**
	 * @return the Chinese heading
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The section an indicator belongs to, read from its Chinese name and its code (the
	 * dictionary's codes name what they count, e.g. {@code G08.INDICATION}). The first
	 * matching rule wins: complications before deaths (a 30-day complication rate is not
	 * a death figure), follow-up and survival before deaths (1-year survival is
	 * follow-up).
	 * @param code indicator code
	 * @param name indicator name in Chinese
	 * @return the section
	 */
	public static AssessmentSection of(String code, String name) {
		String c = code.toUpperCase(Locale.ROOT);
		if (name.contains("并发症") || c.contains("COMPLICATION")) {
			return SERIOUS_COMPLICATIONS;
		}
		if (name.contains("随访") || name.contains("生存") || c.contains("FOLLOW") || c.contains("SURVIVAL")) {
			return FOLLOW_UP;
		}
		if (name.contains("死亡") || c.contains("MORTALITY") || c.contains("DEATH")) {
			return DEATHS;
		}
		if (name.contains("住院日") || name.contains("住院天数") || c.contains("LENGTH_OF_STAY") || c.contains("LOS")) {
			return POST_OPERATIVE;
		}
		if (name.contains("备案") || c.contains("FILING")) {
			return ADVERSE_EVENTS;
		}
		if (name.contains("填报") || c.contains("REPORTING")) {
			return RECORD_QUALITY;
		}
		if (name.contains("适应证") || name.contains("指征") || name.contains("术前") || name.contains("甲状腺")
				|| name.contains("病例选择") || c.contains("INDICATION") || c.contains("PLANNING")
				|| c.contains("THYROID")) {
			return CASE_SELECTION;
		}
		if (name.contains("消融") || name.contains("剂量") || name.contains("有效") || name.contains("成功")
				|| name.contains("缓解") || name.contains("控制") || name.contains("手术时间") || c.contains("RECIST")
				|| c.contains("DOSE") || c.contains("ABLATION") || c.contains("RESPONSE")
				|| c.contains("OPERATIVE_TIME")) {
			return EFFECTIVENESS;
		}
		return OTHER;
	}

}
