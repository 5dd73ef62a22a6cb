import type { Institution } from '@/api/types'
import { isIsoDate, todayIso } from '@/app/dates'
import type { InstitutionSection } from '@/features/eligibility/factSections'

export type FieldErrors = Record<string, string>

const KIND = /^[A-Z][A-Z0-9_]*$/

function nonNegative(errors: FieldErrors, path: string, value: number | null | undefined) {
  if (value === null || value === undefined || errors[path]) return
  if (!Number.isInteger(value) || value < 0) errors[path] = '应为非负整数'
}

function kind(errors: FieldErrors, path: string, value: string | null | undefined, what: string) {
  if (!value) errors[path] = `请选择${what}`
  else if (!KIND.test(value)) errors[path] = `${what}代码只能包含大写字母、数字和下划线`
}

function dateRange(
  errors: FieldErrors,
  path: string,
  from: string | null | undefined,
  until: string | null | undefined,
  today: string,
) {
  if (from && !isIsoDate(from)) errors[`${path}.validFrom`] = '日期格式应为 yyyy-MM-dd'
  else if (from && from > today) errors[`${path}.validFrom`] = '发证日期不能晚于今天'
  if (until && !isIsoDate(until)) errors[`${path}.validUntil`] = '日期格式应为 yyyy-MM-dd'
  else if (from && until && until < from) errors[`${path}.validUntil`] = '有效期止不能早于有效期起'
}

/** A practice licence counts as entered once any of its fields is filled. */
export function hasLicence(i: Institution): boolean {
  const l = i.licence
  return (
    !!l && !!(l.number?.trim() || l.issuedBy?.trim() || l.issuerRegionCode || l.validFrom || l.validUntil)
  )
}

/** Client-side checks mirroring the server's; keys are the server's field paths. */
export function validateInstitution(i: Institution, today: string = todayIso()): FieldErrors {
  const errors: FieldErrors = {}
  const year = Number(today.slice(0, 4))
  if (!i.name?.trim()) errors.name = '请填写机构名称'
  else if (i.name.trim().length > 100) errors.name = '机构名称不能超过 100 个字'
  if (!i.regionCode) errors.regionCode = '请选择行政区划'
  else if (!/^\d{6}$/.test(i.regionCode)) errors.regionCode = '行政区划代码必须是 6 位数字'
  if (!i.level) errors.level = '请选择机构级别'
  if (!i.type) errors.type = '请选择机构类型'
  else if (i.type === 'GENERAL' && i.specialty) errors.specialty = '综合医院不填写专科类别'
  if (hasLicence(i)) {
    if (!i.licence.number?.trim()) errors['licence.number'] = '请填写许可证登记号'
    if (!i.licence.issuedBy?.trim()) errors['licence.issuedBy'] = '请填写发证机关'
    if (!i.licence.issuerRegionCode) errors['licence.issuerRegionCode'] = '请选择发证机关所在地'
    dateRange(errors, 'licence', i.licence.validFrom, i.licence.validUntil, today)
  }
  i.registeredSubjects.forEach((s, k) => {
    if (!s.trim()) errors[`registeredSubjects[${k}]`] = '诊疗科目不能为空'
  })
  i.departments.forEach((d, k) => {
    if (!d.name?.trim()) errors[`departments[${k}].name`] = '请填写科室名称'
    if (d.beds === null || d.beds === undefined) errors[`departments[${k}].beds`] = '请填写床位数'
    nonNegative(errors, `departments[${k}].beds`, d.beds)
    nonNegative(errors, `departments[${k}].annualOperations`, d.annualOperations)
    if (d.since && !isIsoDate(d.since)) errors[`departments[${k}].since`] = '日期格式应为 yyyy-MM-dd'
    else if (d.since && d.since > today) errors[`departments[${k}].since`] = '科室开展诊疗工作的日期晚于今天'
  })
  i.facilities.forEach((f, k) => {
    kind(errors, `facilities[${k}].kind`, f.kind, '设施类型')
    nonNegative(errors, `facilities[${k}].count`, f.count)
    nonNegative(errors, `facilities[${k}].beds`, f.beds)
  })
  i.equipment.forEach((e, k) => {
    kind(errors, `equipment[${k}].kind`, e.kind, '设备类型')
    nonNegative(errors, `equipment[${k}].count`, e.count)
  })
  i.operatingRooms.forEach((r, k) => {
    if (!r.name?.trim()) errors[`operatingRooms[${k}].name`] = '请填写手术间名称'
    if (!r.cleanGrade) errors[`operatingRooms[${k}].cleanGrade`] = '请选择洁净级别'
  })
  i.licences.forEach((l, k) => {
    kind(errors, `licences[${k}].kind`, l.kind, '许可证类型')
    dateRange(errors, `licences[${k}]`, l.validFrom, l.validUntil, today)
  })
  for (const [technology, date] of Object.entries(i.firstCases)) {
    if (!isIsoDate(date)) errors[`firstCases.${technology}`] = '首例日期不能为空'
    else if (date > today) errors[`firstCases.${technology}`] = '首例日期不能晚于今天'
  }
  for (const [technology, codes] of Object.entries(i.subTechniques ?? {})) {
    if (!codes.length) errors[`subTechniques.${technology}`] = '至少选择一个开展的亚类'
    else if (codes.some((c) => !KIND.test(c)))
      errors[`subTechniques.${technology}`] = '亚类代码只能包含大写字母、数字和下划线'
  }
  const seen = new Set<string>()
  i.caseVolumes.forEach((c, k) => {
    const base = `caseVolumes[${k}]`
    if (!c.technology) errors[`${base}.technology`] = '请选择技术'
    if (c.year === null || c.year === undefined) errors[`${base}.year`] = '请填写年度'
    else if (c.year > year) errors[`${base}.year`] = '年度不能晚于今年'
    else if (c.year < 1950) errors[`${base}.year`] = '年份不能早于 1950 年'
    if (c.cases === null || c.cases === undefined) errors[`${base}.cases`] = '请填写例数'
    nonNegative(errors, `${base}.cases`, c.cases)
    const month = c.month ?? null
    if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12))
      errors[`${base}.month`] = '月份应为 1–12'
    const key = `${c.technology}/${c.subTechnique ?? ''}/${c.year}/${month ?? ''}`
    if (seen.has(key) && !errors[`${base}.year`])
      errors[`${base}.year`] =
        `${c.technology} ${c.year} 年${month !== null ? `${month} 月` : ''}的例数重复录入`
    seen.add(key)
  })
  return errors
}

/** A blank institution for the create form. */
export function emptyInstitution(): Institution {
  return {
    name: '',
    regionCode: null,
    level: null,
    type: null,
    licence: { number: null, issuedBy: null, issuerRegionCode: null, validFrom: null, validUntil: null },
    registeredSubjects: [],
    departments: [],
    facilities: [],
    equipment: [],
    operatingRooms: [],
    licences: [],
    firstCases: {},
    caseVolumes: [],
    attestations: [],
  }
}

/** Fills missing lists of a record so the form can bind to them. */
export function normaliseInstitution(record: Institution): Institution {
  const blank = emptyInstitution()
  return {
    ...blank,
    ...record,
    licence: { ...blank.licence, ...(record.licence ?? {}) },
    registeredSubjects: record.registeredSubjects ?? [],
    departments: (record.departments ?? []).map((d) => ({ ...d, subjects: d.subjects ?? [] })),
    facilities: record.facilities ?? [],
    equipment: record.equipment ?? [],
    operatingRooms: record.operatingRooms ?? [],
    licences: record.licences ?? [],
    firstCases: record.firstCases ?? {},
    caseVolumes: record.caseVolumes ?? [],
    attestations: record.attestations ?? [],
  }
}

const LIST_KEYS = [
  'registeredSubjects',
  'departments',
  'facilities',
  'equipment',
  'operatingRooms',
  'licences',
  'caseVolumes',
  'attestations',
] as const

/** The list fields that were absent (null) in the stored record: "not recorded", which differs from "none". */
export function unrecordedLists(record: Partial<Institution>): string[] {
  return LIST_KEYS.filter((k) => record[k] === null || record[k] === undefined)
}

/** The body to send: lists that were not recorded and are still empty stay null (not recorded). */
export function toPayload(form: Institution, unrecorded: string[]): Institution {
  const body: Record<string, unknown> = { ...form }
  delete body.id
  delete body.attestations
  delete body.regionName
  if (!hasLicence(form)) body.licence = null
  for (const key of unrecorded) {
    const v = body[key]
    if (Array.isArray(v) && v.length === 0) body[key] = null
  }
  return body as unknown as Institution
}

/** The section of the institution page a field path belongs to (`departments[2].beds` → departments). */
export function sectionOfPath(path: string): InstitutionSection {
  const head = path.split(/[.[]/, 1)[0]
  switch (head) {
    case 'licence':
      return 'licence'
    case 'registeredSubjects':
    case 'departments':
      return 'departments'
    case 'facilities':
      return 'facilities'
    case 'equipment':
      return 'equipment'
    case 'operatingRooms':
      return 'rooms'
    case 'licences':
      return 'licences'
    case 'firstCases':
    case 'caseVolumes':
    case 'subTechniques':
      return 'volumes'
    default:
      return 'basic'
  }
}
