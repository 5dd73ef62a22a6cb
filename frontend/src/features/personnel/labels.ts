export const ROLES: { value: string; label: string }[] = [
  { value: 'PHYSICIAN', label: '医师' },
  { value: 'PHYSICIST', label: '物理师' },
  { value: 'NURSE', label: '护士' },
  { value: 'TECHNICIAN', label: '技师' },
  { value: 'TREATMENT_PLANNER', label: '治疗计划制订人员' },
  { value: 'OTHER', label: '其他专业技术人员' },
]

/** Professional titles, lowest first (住院医师 < 主治医师 < 副主任医师 < 主任医师). */
export const TITLES: { value: string; label: string }[] = [
  { value: 'RESIDENT', label: '住院医师' },
  { value: 'ATTENDING', label: '主治医师' },
  { value: 'ASSOCIATE_CHIEF', label: '副主任医师' },
  { value: 'CHIEF', label: '主任医师' },
]

/** Operation categories counted per year as operator (术者), wider than one technology. */
export const OPERATION_CATEGORIES: { value: string; label: string }[] = [
  { value: 'SKIN_DEFECT_REPAIR', label: '皮肤组织缺损修复重建手术' },
]

export const GENDERS: { value: string; label: string }[] = [
  { value: '男', label: '男' },
  { value: '女', label: '女' },
]
