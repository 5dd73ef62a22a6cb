/** Chinese names for the field paths the server reports in `errors[].field`, e.g. `titles[1].since`. */
const SEGMENT_LABELS: Record<string, string> = {
  name: '名称',
  regionCode: '行政区划',
  level: '级别',
  type: '类型',
  specialty: '专科类别',
  subTechniques: '开展的亚类',
  technologies: '开展的限制类技术',
  annualOperations: '年手术量',
  licence: '执业许可证',
  number: '编号',
  issuedBy: '发证机关',
  issuerRegionCode: '发证机关所在地',
  issuedOn: '发证日期',
  validFrom: '有效期起',
  validUntil: '有效期止',
  registeredSubjects: '诊疗科目',
  departments: '科室',
  subjects: '诊疗科目',
  beds: '床位',
  facilities: '设施',
  kind: '类别',
  count: '数量',
  equipment: '设备',
  model: '型号',
  operatingRooms: '手术间',
  cleanGrade: '洁净级别',
  licences: '其他许可证',
  firstCases: '首例日期',
  caseVolumes: '年度例数',
  technology: '技术',
  subTechnique: '子技术',
  year: '年度',
  cases: '例数',
  attestations: '人工确认',
  gender: '性别',
  birthDate: '出生日期',
  roles: '人员类别',
  institutionId: '所在机构',
  scopes: '执业范围',
  registeredInstitutionId: '执业注册机构',
  registeredInstitution: '执业注册机构（外院）',
  titles: '职称',
  title: '职称',
  since: '取得日期',
  clinicalStart: '从事临床工作起始日期',
  specialties: '专业方向',
  trainings: '培训记录',
  base: '培训基地',
  startedOn: '开始日期',
  endedOn: '结束日期',
  independentCases: '独立完成例数',
  patientsManaged: '管理患者数',
  theoryHours: '理论学时',
  adverseEvents: '不良事件',
  occurredOn: '发生日期',
  summary: '概要',
}

/** `titles[1].since` → `职称第 2 条·取得日期`; unknown segments are kept as they are. */
export function fieldLabel(path: string): string {
  if (!path) return ''
  return path
    .split('.')
    .map((segment) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(segment)
      if (!m) return segment
      const label = SEGMENT_LABELS[m[1]] ?? m[1]
      const indexes = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => `第 ${Number(x[1]) + 1} 条`)
      return label + indexes.join('')
    })
    .join('·')
}

/**
 * The label of a field path when every segment is known (`titles[1].since`), else null: a key the front end has no
 * name for (`performedOn`, `personId`) is not shown to users, whose messages name the field in Chinese already.
 */
export function knownFieldLabel(path: string): string | null {
  if (!path) return null
  const known = path.split('.').every((segment) => {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(segment)
    return m !== null && SEGMENT_LABELS[m[1]] !== undefined
  })
  return known ? fieldLabel(path) : null
}
