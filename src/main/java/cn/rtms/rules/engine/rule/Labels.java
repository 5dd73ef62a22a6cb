package cn.rtms.rules.engine.rule;

import java.util.Map;
import java.util.Set;

/**
 * Chinese names of the facility, equipment and licence codes used in spec files.
 */
public final class Labels {

	private static final Map<String, String> FACILITIES = Map.ofEntries(Map.entry("PACU", "麻醉后监测治疗室（PACU）"),
			Map.entry("ICU", "重症监护室（ICU）"), Map.entry("OPERATING_ROOM", "手术室"), Map.entry("TREATMENT_ROOM", "治疗室"),
			Map.entry("INTERVENTION_ROOM", "介入治疗室"), Map.entry("IMAGING_GUIDED_ROOM", "影像引导治疗室"),
			Map.entry("SEED_STORAGE", "放射性粒子贮存场所"), Map.entry("EMERGENCY_KIT", "急救设备和药品"),
			Map.entry("PACS", "医学影像图像管理系统（PACS）"), Map.entry("LAB", "检验科"), Map.entry("PATHOLOGY", "病理科"),
			Map.entry("BLOOD_BANK", "输血科（血库）"), Map.entry("DISINFECTION_CENTER", "消毒供应中心"),
			Map.entry("RADIOTHERAPY", "放疗科"), Map.entry("IMAGING", "医学影像科"), Map.entry("ANESTHESIA", "麻醉科"),
			Map.entry("LAMINAR_AIRFLOW", "空气层流设施"), Map.entry("BURN_UNIT", "烧伤病房"), Map.entry("SKIN_BANK", "皮库"));

	private static final Map<String, String> EQUIPMENT = Map.ofEntries(Map.entry("MRI", "磁共振（MRI）"),
			Map.entry("CT", "CT"), Map.entry("ULTRASOUND", "超声"), Map.entry("DSA", "数字减影血管造影（DSA）"),
			Map.entry("ENDOSCOPE", "内镜"), Map.entry("TPS", "治疗计划系统（TPS）"), Map.entry("HYPERTHERMIA_DEEP", "深部热疗设备"),
			Map.entry("HYPERTHERMIA_WHOLE_BODY", "全身热疗设备"), Map.entry("PET_CT", "PET-CT"), Map.entry("LINAC", "直线加速器"),
			Map.entry("ANESTHESIA_MACHINE", "麻醉机"), Map.entry("VENTILATOR", "呼吸机"), Map.entry("MONITOR", "监护仪"),
			Map.entry("DEFIBRILLATOR", "除颤仪"), Map.entry("SURGICAL_ROBOT", "手术机器人"), Map.entry("DOSIMETER", "剂量仪"),
			Map.entry("SURVEY_METER", "辐射监测仪"), Map.entry("SUCTION", "吸引器"), Map.entry("TEMPERATURE_MONITOR", "测温设备"),
			Map.entry("DR", "数字化 X 线摄影（DR）"), Map.entry("SPECT", "单光子发射计算机断层成像（SPECT）"),
			Map.entry("OPERATING_MICROSCOPE", "手术显微镜"), Map.entry("SURGICAL_POWER_SYSTEM", "骨科手术动力系统"),
			Map.entry("MICRO_POWER_OSTEOTOMY_SYSTEM", "微动力截骨系统"), Map.entry("TISSUE_BLOOD_FLOW_MONITOR", "组织血流监测设备"),
			Map.entry("CENTRAL_OXYGEN", "中心供氧"), Map.entry("CENTRAL_SUCTION", "中心吸引器"),
			Map.entry("LIQUID_NITROGEN_STORAGE", "液氮保存设备"), Map.entry("ELECTRIC_DERMATOME", "电动取皮刀"),
			Map.entry("ROLLER_DERMATOME", "滚轴取皮刀"), Map.entry("DRUM_DERMATOME", "鼓式取皮机"),
			Map.entry("SKIN_MESHER", "皮肤拉网机"));

	private static final Map<String, String> LICENCES = Map.of("RADIOLOGY", "放射诊疗许可证", "RADIATION_SAFETY", "辐射安全许可证",
			"PRACTICE", "医疗机构执业许可证", "TISSUE_BANK", "组织库许可");

	private static final Map<String, String> SPECIALTIES = Map.ofEntries(Map.entry("ONCOLOGY", "肿瘤"),
			Map.entry("STOMATOLOGY", "口腔"), Map.entry("ENT", "耳鼻咽喉"), Map.entry("NEUROSURGERY", "神经外科"),
			Map.entry("OPHTHALMOLOGY", "眼科"), Map.entry("ORTHOPAEDICS", "骨科"), Map.entry("CARDIOVASCULAR", "心血管病"),
			Map.entry("OBSTETRICS_GYNAECOLOGY", "妇产（妇幼）"), Map.entry("PAEDIATRICS", "儿童"), Map.entry("CHEST", "胸科"),
			Map.entry("BURNS_PLASTIC", "烧伤整形"), Map.entry("OTHER", "其他"));

	private Labels() {
	}

	/**
	 * Returns the facility codes that have a Chinese name.
	 * @return the codes
	 */
	public static Set<String> facilityCodes() {
		return FACILITIES.keySet();
	}

	/**
	 * Returns the equipment codes that have a Chinese name.
	 * @return the codes
	 */
	public static Set<String> equipmentCodes() {
		return EQUIPMENT.keySet();
	}

	/**
	 * Returns the Chinese name of a facility code.
	 * @param code e.g. PACU
	 * @return the name, or the code when unknown
	 */
	public static String facility(String code) {
		return FACILITIES.getOrDefault(code, code);
	}

	/**
	 * Returns the Chinese name of an equipment code.
	 * @param code e.g. MRI
	 * @return the name, or the code when unknown
	 */
	public static String equipment(String code) {
		return EQUIPMENT.getOrDefault(code, code);
	}

	/**
	 * Returns the specialty codes of 专科 hospitals.
	 * @return the codes
	 */
	public static Set<String> specialtyCodes() {
		return SPECIALTIES.keySet();
	}

	/**
	 * Returns the Chinese name of a specialty code, e.g. 口腔 for STOMATOLOGY.
	 * @param code the code
	 * @return the name, or the code when unknown
	 */
	public static String specialty(String code) {
		return SPECIALTIES.getOrDefault(code, code);
	}

	/**
	 * Returns the Chinese name of a licence code.
	 * @param code e.g. RADIOLOGY
	 * @return the name, or the code when unknown
	 */
	public static String licence(String code) {
		return LICENCES.getOrDefault(code, code);
	}

}
