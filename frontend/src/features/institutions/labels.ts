export const INSTITUTION_LEVELS: { value: string; label: string }[] = [
  { value: 'TERTIARY_A', label: '三级甲等' },
  { value: 'TERTIARY_B', label: '三级乙等' },
  { value: 'TERTIARY_C', label: '三级丙等' },
  { value: 'TERTIARY', label: '三级（未定等）' },
  { value: 'SECONDARY_A', label: '二级甲等' },
  { value: 'SECONDARY_B', label: '二级乙等' },
  { value: 'SECONDARY_C', label: '二级丙等' },
  { value: 'SECONDARY', label: '二级（未定等）' },
  { value: 'PRIMARY_A', label: '一级甲等' },
  { value: 'PRIMARY_B', label: '一级乙等' },
  { value: 'PRIMARY_C', label: '一级丙等' },
  { value: 'PRIMARY', label: '一级（未定等）' },
  { value: 'UNRATED', label: '未定级' },
]

export const INSTITUTION_TYPES: { value: string; label: string }[] = [
  { value: 'GENERAL', label: '综合' },
  { value: 'SPECIALTY', label: '专科' },
]

/** Specialties of a 专科 hospital (the backend's InstitutionDetails.SPECIALTIES). */
export const SPECIALTIES: { value: string; label: string }[] = [
  { value: 'ONCOLOGY', label: '肿瘤' },
  { value: 'STOMATOLOGY', label: '口腔' },
  { value: 'ENT', label: '耳鼻咽喉' },
  { value: 'NEUROSURGERY', label: '神经外科' },
  { value: 'OPHTHALMOLOGY', label: '眼科' },
  { value: 'ORTHOPAEDICS', label: '骨科' },
  { value: 'CARDIOVASCULAR', label: '心血管病' },
  { value: 'OBSTETRICS_GYNAECOLOGY', label: '妇产（妇幼）' },
  { value: 'PAEDIATRICS', label: '儿童' },
  { value: 'CHEST', label: '胸科' },
  { value: 'BURNS_PLASTIC', label: '烧伤整形' },
  { value: 'OTHER', label: '其他' },
]

/** Facility codes used by the specs and the demo data; other upper-case codes may be typed in. */
export const FACILITY_KINDS: { value: string; label: string }[] = [
  { value: 'ICU', label: '重症监护室（ICU）' },
  { value: 'PACU', label: '麻醉复苏室（PACU）' },
  { value: 'OPERATING_ROOM', label: '手术室' },
  { value: 'INTERVENTION_ROOM', label: '介入手术室' },
  { value: 'IMAGING_GUIDED_ROOM', label: '影像引导治疗室' },
  { value: 'TREATMENT_ROOM', label: '治疗室' },
  { value: 'LAB', label: '医学检验科' },
  { value: 'PATHOLOGY', label: '病理科' },
  { value: 'BLOOD_BANK', label: '输血科（血库）' },
  { value: 'DISINFECTION_CENTER', label: '消毒供应中心' },
  { value: 'LAMINAR_AIRFLOW', label: '空气层流设施' },
  { value: 'SEED_STORAGE', label: '放射性粒子储存室' },
  { value: 'PACS', label: '医学影像图像管理系统（PACS）' },
  { value: 'EMERGENCY_KIT', label: '急救设备和药品' },
]

/** Equipment codes used by the specs and the demo data; other upper-case codes may be typed in. */
export const EQUIPMENT_KINDS: { value: string; label: string }[] = [
  { value: 'CT', label: 'CT' },
  { value: 'MRI', label: '磁共振（MRI）' },
  { value: 'ULTRASOUND', label: '超声' },
  { value: 'DSA', label: '数字减影血管造影（DSA）' },
  { value: 'PET_CT', label: 'PET-CT' },
  { value: 'TPS', label: '治疗计划系统（TPS）' },
  { value: 'LINAC', label: '直线加速器' },
  { value: 'MONITOR', label: '监护仪' },
  { value: 'DEFIBRILLATOR', label: '除颤仪' },
  { value: 'VENTILATOR', label: '呼吸机' },
  { value: 'ANESTHESIA_MACHINE', label: '麻醉机' },
  { value: 'SUCTION', label: '吸引器' },
  { value: 'ENDOSCOPE', label: '内镜' },
  { value: 'OPERATING_MICROSCOPE', label: '手术显微镜' },
  { value: 'SURGICAL_POWER_SYSTEM', label: '骨科手术动力系统' },
  { value: 'TEMPERATURE_MONITOR', label: '测温设备' },
  { value: 'HYPERTHERMIA_DEEP', label: '深部热疗设备' },
  { value: 'HYPERTHERMIA_WHOLE_BODY', label: '全身热疗设备' },
  { value: 'DR', label: '数字化 X 线摄影（DR）' },
  { value: 'SPECT', label: '单光子发射计算机断层成像（SPECT）' },
  { value: 'MICRO_POWER_OSTEOTOMY_SYSTEM', label: '微动力截骨系统' },
  { value: 'TISSUE_BLOOD_FLOW_MONITOR', label: '组织血流监测设备' },
  { value: 'CENTRAL_OXYGEN', label: '中心供氧' },
  { value: 'CENTRAL_SUCTION', label: '中心吸引器' },
  { value: 'LIQUID_NITROGEN_STORAGE', label: '液氮保存设备' },
  { value: 'ELECTRIC_DERMATOME', label: '电动取皮刀' },
  { value: 'ROLLER_DERMATOME', label: '滚轴取皮刀' },
  { value: 'DRUM_DERMATOME', label: '鼓式取皮机' },
  { value: 'SKIN_MESHER', label: '皮肤拉网机' },
]

/** Sub-techniques (forms) whose clauses differ, per technology; other upper-case codes may be typed in. */
export const SUB_TECHNIQUES: Record<string, { value: string; label: string }[]> = {
  S04: [
    { value: 'DEEP', label: '深部热疗（区域性热疗）' },
    { value: 'WHOLE_BODY', label: '全身热疗' },
  ],
}

export const LICENCE_KINDS: { value: string; label: string }[] = [
  { value: 'RADIOLOGY', label: '放射诊疗许可证' },
  { value: 'RADIATION_SAFETY', label: '辐射安全许可证' },
]

export const CLEAN_GRADES = ['I', 'II', 'III', 'IV']

export function optionLabel(
  options: { value: string; label: string }[],
  value: string | null | undefined,
): string {
  if (!value) return '—'
  return options.find((o) => o.value === value)?.label ?? value
}
