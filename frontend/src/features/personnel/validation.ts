import type { Person } from '@/api/types'
import type { PersonSection } from '@/features/eligibility/factSections'
import { isIsoDate, todayIso } from '@/app/dates'

export type FieldErrors = Record<string, string>

function date(errors: FieldErrors, path: string, value: string | null | undefined, today: string): void {
  if (!value || errors[path]) return
  if (!isIsoDate(value)) errors[path] = '日期格式应为 yyyy-MM-dd'
  else if (value > today) errors[path] = '日期不能晚于今天'
}

function count(errors: FieldErrors, path: string, value: number | null | undefined): void {
  if (value === null || value === undefined || errors[path]) return
  if (!Number.isInteger(value) || value < 0) errors[path] = '应为非负整数'
}

/**
 * Client-side checks mirroring the server's: no future dates, no title before the licence was issued,
 * non-negative counts. Keys are the server's field paths, so server errors land on the same fields.
 */
export function validatePerson(p: Person, today: string = todayIso()): FieldErrors {
  const errors: FieldErrors = {}
  const year = Number(today.slice(0, 4))
  const add = (path: string, message: string) => {
    if (!errors[path]) errors[path] = message
  }
  if (!p.name?.trim()) add('name', '请填写姓名')
  if (p.gender && p.gender !== '男' && p.gender !== '女') add('gender', '性别只能是“男”或“女”')
  if (!p.roles?.length) add('roles', '请至少选择一个人员类别')
  date(errors, 'birthDate', p.birthDate, today)
  const adult =
    p.birthDate && isIsoDate(p.birthDate)
      ? `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}`
      : null
  const licence = hasLicence(p) ? p.licence : null
  if (licence) {
    if (!licence.number?.trim()) add('licence.number', '请填写执业证书编码')
    else if (!/^\d{15}$/.test(licence.number.trim()))
      add('licence.number', '医师执业证书编码必须是 15 位数字')
    if (!licence.issuedOn) add('licence.issuedOn', '请填写发证日期')
    date(errors, 'licence.issuedOn', licence.issuedOn, today)
    if (licence.issuedOn && adult && licence.issuedOn < adult)
      add('licence.issuedOn', '发证日期早于年满 18 周岁')
  } else if (p.roles?.includes('PHYSICIAN') && p.titles.length) {
    add('licence.number', '医师已有职称记录，请录入医师执业证书')
  }
  date(errors, 'clinicalStart', p.clinicalStart, today)
  if (p.clinicalStart && adult && p.clinicalStart < adult)
    add('clinicalStart', '临床工作开始日期早于年满 18 周岁')
  const issuedOn = licence?.issuedOn && isIsoDate(licence.issuedOn) ? licence.issuedOn : null
  const clinicalStart = p.clinicalStart && isIsoDate(p.clinicalStart) ? p.clinicalStart : null
  const rank = (title: string | null) => (title ? TITLE_ORDER.indexOf(title) : -1)
  p.titles.forEach((t, i) => {
    const path = `titles[${i}].since`
    if (!t.title) add(`titles[${i}].title`, '请选择职称')
    else if (p.titles.findIndex((x) => x.title === t.title) !== i) add(`titles[${i}].title`, '职称重复录入')
    if (!t.since) add(path, '请填写取得日期')
    date(errors, path, t.since, today)
    if (!t.since || !isIsoDate(t.since)) return
    if (issuedOn && t.since < issuedOn) add(path, `取得日期不能早于执业证书发证日期（${issuedOn}）`)
    if (clinicalStart && t.since < clinicalStart)
      add(path, `取得日期不能早于临床工作开始日期（${clinicalStart}）`)
    const lower = p.titles.find(
      (x) => x.title && rank(x.title) < rank(t.title) && x.since && t.since! < x.since,
    )
    if (lower) add(path, `取得日期不能早于较低职称的取得日期（${lower.since}）`)
  })
  p.specialties.forEach((s, i) => {
    if (!s.name?.trim()) add(`specialties[${i}].name`, '请填写专业方向')
    date(errors, `specialties[${i}].since`, s.since, today)
  })
  p.trainings.forEach((t, i) => {
    const base = `trainings[${i}]`
    if (!t.technology) add(`${base}.technology`, '请选择技术')
    if (!t.startedOn) add(`${base}.startedOn`, '请填写培训开始日期')
    date(errors, `${base}.startedOn`, t.startedOn, today)
    date(errors, `${base}.endedOn`, t.endedOn, today)
    if (t.startedOn && t.endedOn && t.endedOn < t.startedOn)
      add(`${base}.endedOn`, '结束日期不能早于开始日期')
    count(errors, `${base}.cases`, t.cases)
    count(errors, `${base}.independentCases`, t.independentCases)
    count(errors, `${base}.patientsManaged`, t.patientsManaged)
    count(errors, `${base}.theoryHours`, t.theoryHours)
  })
  const seen = new Set<string>()
  p.caseVolumes.forEach((c, i) => {
    const base = `caseVolumes[${i}]`
    if (!c.technology) add(`${base}.technology`, '请选择技术')
    if (c.year == null || !Number.isInteger(c.year)) add(`${base}.year`, '请填写年度')
    else if (c.year > year) add(`${base}.year`, '年度不能晚于今年')
    else if (c.year < 1950) add(`${base}.year`, '年份不能早于 1950 年')
    else if (clinicalStart && c.year < Number(clinicalStart.slice(0, 4)) && (c.cases ?? 0) > 0) {
      add(`${base}.year`, '年度早于临床工作开始年份')
    }
    if (c.cases == null) add(`${base}.cases`, '请填写例数')
    count(errors, `${base}.cases`, c.cases)
    const month = c.month ?? null
    if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12))
      add(`${base}.month`, '月份应为 1–12')
    const key = `${c.technology}/${c.year}/${month ?? ''}`
    if (seen.has(key))
      add(`${base}.year`, `${c.technology} ${c.year} 年${month !== null ? `${month} 月` : ''}的例数重复录入`)
    seen.add(key)
  })
  const seenOperator = new Set<string>()
  ;(p.operatorVolumes ?? []).forEach((c, i) => {
    const base = `operatorVolumes[${i}]`
    if (!c.category) add(`${base}.category`, '请选择手术类别')
    if (c.year == null || !Number.isInteger(c.year)) add(`${base}.year`, '请填写年度')
    else if (c.year > year) add(`${base}.year`, '年度不能晚于今年')
    else if (c.year < 1950) add(`${base}.year`, '年份不能早于 1950 年')
    if (c.cases == null) add(`${base}.cases`, '请填写例数')
    count(errors, `${base}.cases`, c.cases)
    const key = `${c.category}/${c.year}`
    if (seenOperator.has(key)) add(`${base}.year`, `${c.year} 年该类别的例数重复录入`)
    seenOperator.add(key)
  })
  p.adverseEvents.forEach((a, i) => {
    if (!a.occurredOn) add(`adverseEvents[${i}].occurredOn`, '请填写发生日期')
    date(errors, `adverseEvents[${i}].occurredOn`, a.occurredOn, today)
  })
  return errors
}

const TITLE_ORDER = ['RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF']

/** A licence counts as entered once any of its fields is filled. */
export function hasLicence(p: Person): boolean {
  const l = p.licence
  return !!l && !!(l.number?.trim() || l.issuedOn || l.scopes?.length)
}

export function emptyPerson(institutionId: string | null = null): Person {
  return {
    name: '',
    gender: null,
    birthDate: null,
    roles: ['PHYSICIAN'],
    institutionId,
    licence: {
      number: null,
      issuedOn: null,
      scopes: [],
      registeredInstitutionId: null,
      registeredInstitution: null,
    },
    titles: [],
    clinicalStart: null,
    specialties: [],
    trainings: [],
    caseVolumes: [],
    adverseEvents: [],
    attestations: [],
    operatorVolumes: [],
  }
}

const LIST_KEYS = [
  'titles',
  'specialties',
  'trainings',
  'caseVolumes',
  'adverseEvents',
  'attestations',
  'operatorVolumes',
] as const

/** The list fields absent in the stored record ("not recorded", which differs from "none"). */
export function unrecordedLists(record: Partial<Person>): string[] {
  return LIST_KEYS.filter((k) => record[k] === null || record[k] === undefined)
}

export function normalisePerson(record: Person): Person {
  const blank = emptyPerson()
  return {
    ...blank,
    ...record,
    roles: record.roles ?? [],
    licence: { ...blank.licence, ...(record.licence ?? {}), scopes: record.licence?.scopes ?? [] },
    titles: record.titles ?? [],
    specialties: record.specialties ?? [],
    trainings: record.trainings ?? [],
    caseVolumes: record.caseVolumes ?? [],
    adverseEvents: record.adverseEvents ?? [],
    attestations: record.attestations ?? [],
    operatorVolumes: record.operatorVolumes ?? [],
  }
}

export function toPayload(form: Person, unrecorded: string[]): Person {
  const body: Record<string, unknown> = { ...form }
  delete body.id
  delete body.attestations
  if (!hasLicence(form)) body.licence = null
  for (const key of unrecorded) {
    const v = body[key]
    if (Array.isArray(v) && v.length === 0) body[key] = null
  }
  return body as unknown as Person
}

/** The section of the person page a field path belongs to (`titles[0].since` → titles). */
export function sectionOfPath(path: string): PersonSection {
  const head = path.split(/[.[]/, 1)[0]
  switch (head) {
    case 'licence':
      return 'licence'
    case 'titles':
      return 'titles'
    case 'specialties':
      return 'specialties'
    case 'trainings':
      return 'trainings'
    case 'caseVolumes':
    case 'operatorVolumes':
      return 'volumes'
    case 'adverseEvents':
      return 'adverseEvents'
    default:
      return 'basic'
  }
}
