import type { Facts, Institution, Person, Subject } from '@/api/types'
import { isIsoDate, serverNow, todayIso } from '@/app/dates'
import { jsonSyntaxMessage } from './whatIf'

type FactsInstitution = NonNullable<Facts['institution']>
type FactsPerson = NonNullable<Facts['person']>

/*
 * The what-if facts document (docs/facts-format.md): worked examples, client-side checks, and conversion
 * from stored records.
 */

const exampleInstitution: FactsInstitution = {
  name: '长春市示例肿瘤医院',
  regionCode: '220102',
  level: 'TERTIARY_A',
  type: 'GENERAL',
  registeredSubjects: ['内科', '外科', '肿瘤科', '医学影像科', '麻醉科'],
  departments: [
    { name: '肿瘤科', subjects: ['肿瘤科'], beds: 40 },
    { name: '介入科', subjects: ['医学影像科'], beds: 24 },
  ],
  facilities: [
    { kind: 'PACU', count: 1, beds: 4 },
    { kind: 'ICU', count: 1, beds: 12 },
  ],
  equipment: [
    { kind: 'CT', count: 2 },
    { kind: 'ULTRASOUND', count: 3 },
  ],
  operatingRooms: [{ name: '3号手术间', cleanGrade: 'I' }],
  licences: [
    { kind: 'RADIOLOGY', number: '吉放证字〔2021〕001号', validFrom: '2021-03-01', validUntil: '2027-02-28' },
  ],
  firstCases: { G08: '2014-05-10' },
  caseVolumes: [
    { technology: 'G08', year: 2025, cases: 530 },
    { technology: 'G08', subTechnique: 'RFA', year: 2025, cases: 260 },
  ],
  attestations: [
    {
      clause: 'G08/2022 一(一)',
      confirmedBy: '李明',
      confirmedOn: '2026-03-01',
      kind: 'REVIEW',
      evidence: '院感科现场检查记录',
    },
  ],
}

const examplePhysician: FactsPerson = {
  name: '王强',
  roles: ['PHYSICIAN'],
  licence: {
    number: '110220000012345',
    issuedOn: '2008-08-01',
    scopes: ['外科专业'],
    registeredInstitution: '长春市示例肿瘤医院',
  },
  titles: [
    { title: 'RESIDENT', since: '2008-08-01' },
    { title: 'ATTENDING', since: '2013-12-01' },
  ],
  clinicalStart: '2008-07-01',
  specialties: [{ name: '肿瘤', since: '2010-01-01' }],
  trainings: [
    {
      technology: 'G08',
      base: '吉林大学第一医院',
      baseFiled: true,
      abroad: false,
      startedOn: '2019-03-01',
      endedOn: '2019-09-01',
      cases: 30,
      independentCases: 26,
      patientsManaged: 26,
      theoryHours: 40,
      passed: true,
    },
  ],
  caseVolumes: [{ technology: 'G08', year: 2025, cases: 120 }],
  adverseEvents: [],
}

const exampleStaff: FactsPerson = {
  name: '赵敏',
  roles: ['PHYSICIST'],
  licence: null,
  titles: [{ title: 'ATTENDING', since: '2016-07-01' }],
  clinicalStart: '2012-07-01',
  specialties: [{ name: '放射物理', since: '2012-07-01' }],
  trainings: [],
  caseVolumes: [],
  adverseEvents: [],
  attestations: [
    {
      clause: 'G07/2022 二(二)',
      confirmedBy: '李明',
      confirmedOn: '2026-03-01',
      kind: 'REVIEW',
      evidence: 'TPS 操作考核记录',
    },
  ],
}

const exampleTrainee: FactsPerson = {
  name: '刘洋',
  roles: ['PHYSICIAN'],
  licence: {
    number: '110220000067890',
    issuedOn: '2015-08-01',
    scopes: ['外科专业'],
    registeredInstitution: '长春市示例肿瘤医院',
  },
  titles: [
    { title: 'RESIDENT', since: '2015-08-01' },
    { title: 'ATTENDING', since: '2020-12-01' },
  ],
  clinicalStart: '2015-07-01',
  specialties: [{ name: '肿瘤', since: '2016-01-01' }],
  trainings: [
    {
      technology: 'G08',
      base: '吉林大学第一医院',
      baseFiled: true,
      abroad: false,
      startedOn: '2025-03-01',
      endedOn: '2025-09-01',
      cases: 30,
      independentCases: 20,
      patientsManaged: 25,
      theoryHours: 40,
      passed: true,
    },
  ],
  caseVolumes: [],
  adverseEvents: [],
}

const exampleTrainingBase: FactsInstitution = {
  ...exampleInstitution,
  name: '吉林省示例培训基地医院',
  caseVolumes: [
    { technology: 'G08', year: 2023, cases: 480 },
    { technology: 'G08', year: 2024, cases: 510 },
    { technology: 'G08', year: 2025, cases: 530 },
  ],
  staff: [
    {
      ...examplePhysician,
      name: '张伟',
      titles: [
        { title: 'ATTENDING', since: '2005-12-01' },
        { title: 'ASSOCIATE_CHIEF', since: '2012-12-01' },
      ],
      caseVolumes: [{ technology: 'G08', year: 2025, cases: 210 }],
    },
  ],
}

/** A worked example of the facts per evaluation subject. */
export function exampleFacts(subject: Subject): Facts {
  switch (subject) {
    case 'INSTITUTION':
      return { institution: structuredClone(exampleInstitution) }
    case 'PHYSICIAN':
      return { institution: structuredClone(exampleInstitution), person: structuredClone(examplePhysician) }
    case 'STAFF':
      return { institution: structuredClone(exampleInstitution), person: structuredClone(exampleStaff) }
    case 'TRAINEE':
      return { person: structuredClone(exampleTrainee) }
    case 'TRAINING_BASE':
      return { institution: structuredClone(exampleTrainingBase) }
  }
}

export function factsToText(facts: Facts): string {
  return JSON.stringify(facts, null, 2)
}

const DATE_KEYS = new Set([
  'validFrom',
  'validUntil',
  'issuedOn',
  'since',
  'clinicalStart',
  'startedOn',
  'endedOn',
  'occurredOn',
  'confirmedOn',
  'birthDate',
])
const COUNT_KEYS = new Set(['beds', 'count', 'cases', 'independentCases', 'patientsManaged', 'theoryHours'])
const LIST_KEYS = new Set([
  'registeredSubjects',
  'departments',
  'subjects',
  'facilities',
  'equipment',
  'operatingRooms',
  'licences',
  'caseVolumes',
  'attestations',
  'staff',
  'roles',
  'scopes',
  'titles',
  'specialties',
  'trainings',
  'adverseEvents',
  'operatorVolumes',
])
const BOOLEAN_KEYS = new Set(['baseFiled', 'abroad', 'passed', 'serious'])
const ENUMS: Record<string, string[]> = {
  level: [
    'TERTIARY_A',
    'TERTIARY_B',
    'TERTIARY_C',
    'TERTIARY',
    'SECONDARY_A',
    'SECONDARY_B',
    'SECONDARY_C',
    'SECONDARY',
    'PRIMARY_A',
    'PRIMARY_B',
    'PRIMARY_C',
    'PRIMARY',
    'UNRATED',
  ],
  type: ['GENERAL', 'SPECIALTY'],
  cleanGrade: ['I', 'II', 'III', 'IV'],
  title: ['RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF'],
}
const ROLES = ['PHYSICIAN', 'PHYSICIST', 'NURSE', 'TECHNICIAN', 'TREATMENT_PLANNER', 'OTHER']

export interface FactsCheck {
  facts: Facts | null
  errors: string[]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function walk(value: unknown, path: string, errors: string[], maxYear: number): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, errors, maxYear))
    return
  }
  if (!isPlainObject(value)) return
  for (const [key, v] of Object.entries(value)) {
    const p = path ? `${path}.${key}` : key
    if (v === null || v === undefined) continue
    if (DATE_KEYS.has(key)) {
      if (!isIsoDate(v)) errors.push(`${p}：日期应为 yyyy-MM-dd 格式的有效日期，当前为 ${JSON.stringify(v)}`)
    } else if (COUNT_KEYS.has(key)) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push(`${p}：应为非负整数`)
    } else if (key === 'year') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1900 || v > maxYear) {
        errors.push(`${p}：年度应为 1900–${maxYear} 之间的整数`)
      }
    } else if (BOOLEAN_KEYS.has(key)) {
      if (typeof v !== 'boolean') errors.push(`${p}：应为 true 或 false`)
    } else if (LIST_KEYS.has(key)) {
      if (!Array.isArray(v)) errors.push(`${p}：应为列表（[...]）；未记录请写 null`)
      else if (key === 'roles') {
        v.forEach((r, i) => {
          if (!ROLES.includes(r as string)) errors.push(`${p}[${i}]：未知人员类别 ${JSON.stringify(r)}`)
        })
      }
      walk(v, p, errors, maxYear)
    } else if (key === 'firstCases') {
      if (!isPlainObject(v)) errors.push(`${p}：应为「技术编码: 日期」的对象`)
      else
        for (const [tech, d] of Object.entries(v)) {
          if (!isIsoDate(d)) errors.push(`${p}.${tech}：日期应为 yyyy-MM-dd 格式的有效日期`)
        }
    } else if (key in ENUMS && (path.endsWith('institution') || key === 'cleanGrade' || key === 'title')) {
      if (!ENUMS[key].includes(v as string)) {
        errors.push(`${p}：取值应为 ${ENUMS[key].join(' / ')} 之一，当前为 ${JSON.stringify(v)}`)
      }
    } else if (isPlainObject(v)) {
      walk(v, p, errors, maxYear)
    }
  }
}

const NEEDS: Record<Subject, ('institution' | 'person')[]> = {
  INSTITUTION: ['institution'],
  TRAINING_BASE: ['institution'],
  PHYSICIAN: ['person'],
  STAFF: ['person'],
  TRAINEE: ['person'],
}

/**
 * Parses and checks the facts JSON typed by the user: syntax, the parts the subject needs, date and count
 * formats, enum values. The server validates again; this catches typing mistakes before the request.
 */
export function checkFacts(text: string, subject: Subject, now: Date = serverNow()): FactsCheck {
  const errors: string[] = []
  if (!text.trim()) return { facts: null, errors: ['请填写事实数据（JSON）'] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return { facts: null, errors: [jsonSyntaxMessage(text, e)] }
  }
  if (!isPlainObject(parsed))
    return { facts: null, errors: ['事实数据应为对象：{ "institution": {…}, "person": {…} }'] }
  for (const key of Object.keys(parsed)) {
    if (key !== 'institution' && key !== 'person')
      errors.push(`未知的顶层字段「${key}」，只允许 institution 和 person`)
  }
  for (const part of NEEDS[subject]) {
    if (!isPlainObject(parsed[part])) errors.push(`评估该主体需要填写 ${part} 对象`)
  }
  for (const part of ['institution', 'person'] as const) {
    const v = parsed[part]
    if (v !== undefined && v !== null && !isPlainObject(v)) errors.push(`${part} 应为对象`)
  }
  walk(parsed, '', errors, Number(todayIso(now).slice(0, 4)))
  return { facts: errors.length ? null : (parsed as Facts), errors }
}

/**
 * The fields of each list item the facts format knows (docs/facts-format.md). Stored records carry more (ids,
 * labels, who confirmed when), and the server refuses facts with unknown fields.
 */
const ITEM_FIELDS: Record<string, string[]> = {
  departments: ['name', 'subjects', 'beds', 'since', 'technologies', 'annualOperations'],
  facilities: ['kind', 'count', 'beds'],
  equipment: ['kind', 'count', 'model'],
  operatingRooms: ['name', 'cleanGrade'],
  licences: ['kind', 'number', 'validFrom', 'validUntil'],
  caseVolumes: ['technology', 'subTechnique', 'year', 'month', 'cases'],
  attestations: ['clause', 'confirmedBy', 'confirmedOn', 'evidence', 'kind'],
  titles: ['title', 'since'],
  specialties: ['name', 'since'],
  trainings: [
    'technology',
    'base',
    'baseFiled',
    'abroad',
    'startedOn',
    'endedOn',
    'cases',
    'independentCases',
    'patientsManaged',
    'theoryHours',
    'passed',
  ],
  adverseEvents: ['technology', 'occurredOn', 'serious', 'summary'],
  operatorVolumes: ['category', 'year', 'cases'],
}

/** A stored list as facts: only the known fields of each item; null and absent stay as they are. */
function items(key: string, list: unknown): unknown {
  if (!Array.isArray(list)) return list
  const fields = ITEM_FIELDS[key]
  return list.map((item) =>
    item && typeof item === 'object'
      ? Object.fromEntries(
          fields
            .filter((f) => (item as Record<string, unknown>)[f] !== undefined)
            .map((f) => [f, (item as Record<string, unknown>)[f]]),
        )
      : item,
  )
}

function omitEmpty<T extends Record<string, unknown>>(obj: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined))
}

/** Converts a stored institution (and optionally its staff) to the facts `institution` part. */
export function institutionToFacts(
  record: Institution,
  staff?: Person[],
  institutionNames?: Map<string, string>,
) {
  return omitEmpty({
    id: record.id,
    name: record.name,
    regionCode: record.regionCode,
    level: record.level,
    type: record.type,
    specialty: record.specialty ?? undefined,
    registeredSubjects: record.registeredSubjects,
    departments: items('departments', record.departments),
    facilities: items('facilities', record.facilities),
    equipment: items('equipment', record.equipment),
    operatingRooms: items('operatingRooms', record.operatingRooms),
    licences: items('licences', record.licences),
    firstCases: record.firstCases,
    subTechniques: record.subTechniques ?? undefined,
    caseVolumes: items('caseVolumes', record.caseVolumes),
    attestations: items('attestations', record.attestations),
    staff: staff?.map((p) => personToFacts(p, institutionNames)),
  })
}

/**
 * Converts a stored person to the facts `person` part. The registered institution (执业注册机构) is the
 * person's own record, never the institution whose staff list the person is on; unrecorded stays unrecorded.
 */
export function personToFacts(record: Person, institutionNames?: Map<string, string>) {
  const regId = record.licence?.registeredInstitutionId ?? null
  return omitEmpty({
    id: record.id,
    name: record.name,
    roles: record.roles,
    licence: record.licence
      ? {
          number: record.licence.number,
          issuedOn: record.licence.issuedOn,
          scopes: record.licence.scopes,
          registeredInstitution: regId
            ? (institutionNames?.get(regId) ?? record.licence.registeredInstitution ?? null)
            : (record.licence.registeredInstitution ?? null),
          registeredInstitutionId: regId,
        }
      : null,
    titles: items('titles', record.titles),
    clinicalStart: record.clinicalStart,
    specialties: items('specialties', record.specialties),
    trainings: items('trainings', record.trainings),
    caseVolumes: items('caseVolumes', record.caseVolumes),
    adverseEvents: items('adverseEvents', record.adverseEvents),
    attestations: items('attestations', record.attestations),
    operatorVolumes: items('operatorVolumes', record.operatorVolumes),
  })
}
