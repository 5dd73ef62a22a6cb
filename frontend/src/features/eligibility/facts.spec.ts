import { describe, expect, it } from 'vitest'
import type { Institution, Person, Subject } from '@/api/types'
import { checkFacts, exampleFacts, factsToText, institutionToFacts, personToFacts } from './facts'

const NOW = new Date('2026-06-30T12:00:00')
const SUBJECTS: Subject[] = ['INSTITUTION', 'PHYSICIAN', 'STAFF', 'TRAINEE', 'TRAINING_BASE']

describe('checkFacts', () => {
  it.each(SUBJECTS)('accepts the worked example for %s', (subject) => {
    const check = checkFacts(factsToText(exampleFacts(subject)), subject, NOW)
    expect(check.errors).toEqual([])
    expect(check.facts).not.toBeNull()
  })

  it('reports a JSON syntax error', () => {
    const check = checkFacts('{ "person": { "name": "王强", } ', 'PHYSICIAN', NOW)
    expect(check.facts).toBeNull()
    expect(check.errors[0]).toMatch(/^JSON 格式错误/)
  })

  it('requires the part the subject needs', () => {
    const check = checkFacts(JSON.stringify({ institution: { name: '某医院' } }), 'PHYSICIAN', NOW)
    expect(check.errors).toContain('评估该主体需要填写 person 对象')
  })

  it('rejects unknown top-level keys and non-objects', () => {
    expect(checkFacts('[]', 'INSTITUTION', NOW).errors[0]).toContain('事实数据应为对象')
    expect(checkFacts('{"institution":{},"hospital":{}}', 'INSTITUTION', NOW).errors).toContain(
      '未知的顶层字段「hospital」，只允许 institution 和 person',
    )
  })

  it('checks dates, counts, years, lists and enums with their paths', () => {
    const facts = exampleFacts('PHYSICIAN')
    const person = facts.person as Record<string, unknown>
    person.titles = [{ title: 'BOSS', since: '2013-02-30' }]
    person.caseVolumes = [{ technology: 'G08', year: 2027, cases: -3 }]
    person.roles = 'PHYSICIAN'
    const institution = facts.institution as Record<string, unknown>
    institution.level = '三甲'
    const { errors, facts: parsed } = checkFacts(JSON.stringify(facts), 'PHYSICIAN', NOW)
    expect(parsed).toBeNull()
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('person.titles[0].since：日期应为 yyyy-MM-dd'),
        expect.stringContaining('person.titles[0].title：取值应为'),
        'person.caseVolumes[0].year：年度应为 1900–2026 之间的整数',
        'person.caseVolumes[0].cases：应为非负整数',
        'person.roles：应为列表（[...]）；未记录请写 null',
        expect.stringContaining('institution.level：取值应为'),
      ]),
    )
  })

  it('allows null lists (not recorded)', () => {
    const check = checkFacts(
      JSON.stringify({ institution: { name: '某医院', equipment: null } }),
      'INSTITUTION',
      NOW,
    )
    expect(check.errors).toEqual([])
  })
})

describe('personToFacts', () => {
  it('replaces the registered institution id by its name', () => {
    const person: Person = {
      id: 'p1',
      name: '王强',
      gender: 'MALE',
      birthDate: '1980-01-01',
      roles: ['PHYSICIAN'],
      institutionId: 'i1',
      licence: { number: '110', issuedOn: '2008-08-01', scopes: ['外科专业'], registeredInstitutionId: 'i1' },
      titles: [{ title: 'ATTENDING', since: '2013-12-01' }],
      clinicalStart: '2008-07-01',
      specialties: [],
      trainings: [],
      caseVolumes: [],
      adverseEvents: [],
    }
    const facts = personToFacts(person, new Map([['i1', '长春市中心医院']]))
    expect(facts.licence).toEqual({
      number: '110',
      issuedOn: '2008-08-01',
      scopes: ['外科专业'],
      registeredInstitution: '长春市中心医院',
      registeredInstitutionId: 'i1',
    })
    expect(facts).not.toHaveProperty('gender')
    expect(checkFacts(JSON.stringify({ person: facts }), 'PHYSICIAN', NOW).errors).toEqual([])
  })

  it('never takes the staff list for the registration', () => {
    const person: Person = {
      id: 'p2',
      name: '李明',
      gender: null,
      birthDate: null,
      roles: ['PHYSICIAN'],
      institutionId: 'i1',
      institutionName: '长春市中心医院',
      licence: { number: '111', issuedOn: '2008-08-01', scopes: ['外科专业'] },
      titles: [],
      clinicalStart: '2008-07-01',
      specialties: [],
      trainings: [],
      caseVolumes: [],
      adverseEvents: [],
    }
    expect(personToFacts(person).licence).toMatchObject({ registeredInstitution: null })
    const elsewhere = {
      ...person,
      licence: { ...person.licence!, registeredInstitution: '北京协和医院' },
    } as Person
    expect(personToFacts(elsewhere).licence).toMatchObject({ registeredInstitution: '北京协和医院' })
  })
})

describe('institutionToFacts', () => {
  it('carries the specialty and the sub-techniques performed, which S03 and S04 clauses read', () => {
    const record = {
      name: '示例专科医院',
      regionCode: '220102',
      level: 'TERTIARY_A',
      type: 'SPECIALTY',
      specialty: 'ONCOLOGY',
      subTechniques: { S04: ['DEEP'] },
      registeredSubjects: [],
      departments: [],
      facilities: [],
      equipment: [],
      operatingRooms: [],
      licences: [],
      firstCases: {},
      caseVolumes: [],
      attestations: [],
    } as unknown as Institution
    expect(institutionToFacts(record)).toMatchObject({
      specialty: 'ONCOLOGY',
      subTechniques: { S04: ['DEEP'] },
    })
  })

  it('keeps only the fields the facts format knows: a stored confirmation carries ids and labels the server refuses', () => {
    const record = {
      name: '长春市中心医院',
      regionCode: '220102',
      level: 'TERTIARY_A',
      type: 'GENERAL',
      registeredSubjects: [],
      departments: [{ id: 'd1', name: '烧伤科', subjects: ['外科'], beds: 40 }],
      facilities: [{ kind: 'ICU', count: 1, beds: 12, label: '重症监护室' }],
      equipment: [],
      operatingRooms: [],
      licences: [],
      firstCases: {},
      caseVolumes: [{ technology: 'S01', year: 2025, cases: 30, source: 'MANUAL' }],
      attestations: [
        {
          id: 'a1',
          clause: 'S01/2022 一(一)',
          kind: 'REVIEW',
          kindLabel: '审核确认',
          evidence: '现场检查记录',
          confirmedById: 'u1',
          confirmedBy: '李明',
          confirmedByRole: 'CITY_AUTHORITY',
          confirmedByRoleLabel: '市（州）级卫生健康行政部门',
          confirmedOn: '2026-03-01',
          confirmedAt: '2026-03-01T10:00:00Z',
        },
      ],
    } as unknown as Institution
    const facts = institutionToFacts(record)
    expect(facts.attestations).toEqual([
      {
        clause: 'S01/2022 一(一)',
        confirmedBy: '李明',
        confirmedOn: '2026-03-01',
        evidence: '现场检查记录',
        kind: 'REVIEW',
      },
    ])
    expect(facts.departments).toEqual([{ name: '烧伤科', subjects: ['外科'], beds: 40 }])
    expect(facts.facilities).toEqual([{ kind: 'ICU', count: 1, beds: 12 }])
    expect(facts.caseVolumes).toEqual([{ technology: 'S01', year: 2025, cases: 30 }])
  })
})
