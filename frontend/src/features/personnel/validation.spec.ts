import { describe, expect, it } from 'vitest'
import type { Person } from '@/api/types'
import { emptyPerson, toPayload, unrecordedLists, validatePerson } from './validation'

const TODAY = '2026-06-30'

function physician(): Person {
  return {
    ...emptyPerson(),
    name: '王强',
    roles: ['PHYSICIAN'],
    licence: {
      number: '110220000012345',
      issuedOn: '2008-08-01',
      scopes: ['外科专业'],
      registeredInstitutionId: null,
    },
    titles: [
      { title: 'RESIDENT', since: '2008-08-01' },
      { title: 'ATTENDING', since: '2013-12-01' },
    ],
    clinicalStart: '2008-07-01',
    caseVolumes: [{ technology: 'G08', year: 2025, cases: 120 }],
  }
}

describe('validatePerson', () => {
  it('accepts a complete physician', () => {
    expect(validatePerson(physician(), TODAY)).toEqual({})
  })

  it('requires a name and a role', () => {
    const p = { ...physician(), name: ' ', roles: [] }
    expect(validatePerson(p, TODAY)).toMatchObject({ name: '请填写姓名', roles: '请至少选择一个人员类别' })
  })

  it('rejects future dates', () => {
    const p = physician()
    p.clinicalStart = '2026-07-01'
    p.titles[1].since = '2027-01-01'
    const errors = validatePerson(p, TODAY)
    expect(errors.clinicalStart).toBe('日期不能晚于今天')
    expect(errors['titles[1].since']).toBe('日期不能晚于今天')
  })

  it('accepts today', () => {
    const p = physician()
    p.titles[1].since = TODAY
    expect(validatePerson(p, TODAY)).toEqual({})
  })

  it('rejects a title obtained before the licence was issued', () => {
    const p = physician()
    p.titles[0].since = '2008-07-31'
    expect(validatePerson(p, TODAY)['titles[0].since']).toBe('取得日期不能早于执业证书发证日期（2008-08-01）')
  })

  it('rejects a higher title obtained before a lower one, and duplicates', () => {
    const p = physician()
    p.titles = [
      { title: 'RESIDENT', since: '2010-01-01' },
      { title: 'ATTENDING', since: '2009-01-01' },
      { title: 'RESIDENT', since: '2011-01-01' },
    ]
    const errors = validatePerson(p, TODAY)
    expect(errors['titles[1].since']).toBe('取得日期不能早于较低职称的取得日期（2010-01-01）')
    expect(errors['titles[2].title']).toBe('职称重复录入')
  })

  it('checks the licence number and requires a licence for a physician with titles', () => {
    const p = physician()
    p.licence.number = '12345'
    expect(validatePerson(p, TODAY)['licence.number']).toBe('医师执业证书编码必须是 15 位数字')
    p.licence = { number: '', issuedOn: null, scopes: [] }
    expect(validatePerson(p, TODAY)['licence.number']).toBe('医师已有职称记录，请录入医师执业证书')
  })

  it('rejects negative counts and future years', () => {
    const p = physician()
    p.caseVolumes = [{ technology: 'G08', year: 2027, cases: -1 }]
    p.trainings = [
      {
        technology: 'G08',
        base: '吉林大学第一医院',
        baseFiled: true,
        abroad: false,
        startedOn: '2019-09-01',
        endedOn: '2019-03-01',
        cases: 30,
        independentCases: -2,
        patientsManaged: 26,
        theoryHours: 40,
        passed: true,
      },
    ]
    const errors = validatePerson(p, TODAY)
    expect(errors).toMatchObject({
      'caseVolumes[0].year': '年度不能晚于今年',
      'caseVolumes[0].cases': '应为非负整数',
      'trainings[0].independentCases': '应为非负整数',
      'trainings[0].endedOn': '结束日期不能早于开始日期',
    })
  })

  it('checks operator volumes by category and year', () => {
    const p = physician()
    p.operatorVolumes = [
      { category: 'SKIN_DEFECT_REPAIR', year: 2025, cases: 150 },
      { category: 'SKIN_DEFECT_REPAIR', year: 2025, cases: 149 },
      { category: 'SKIN_DEFECT_REPAIR', year: 2027, cases: -1 },
    ]
    expect(validatePerson(p, TODAY)).toEqual({
      'operatorVolumes[1].year': '2025 年该类别的例数重复录入',
      'operatorVolumes[2].year': '年度不能晚于今年',
      'operatorVolumes[2].cases': '应为非负整数',
    })
  })
})

describe('validatePerson case volumes by month', () => {
  it('accepts monthly rows of one year and refuses a repeated month', () => {
    const p = { ...emptyPerson(), name: '王强', roles: ['PHYSICIAN' as const] }
    p.caseVolumes = [
      { technology: 'S04', year: 2017, cases: 30 },
      { technology: 'S04', year: 2017, month: 12, cases: 10 },
      { technology: 'S04', year: 2017, month: 12, cases: 11 },
      { technology: 'S04', year: 2018, month: 0, cases: 1 },
    ]
    expect(validatePerson(p, TODAY)).toEqual({
      'caseVolumes[2].year': 'S04 2017 年12 月的例数重复录入',
      'caseVolumes[3].month': '月份应为 1–12',
    })
  })
})

describe('toPayload', () => {
  it('keeps lists that were not recorded as null, and drops the id', () => {
    const stored = { ...physician(), id: 'p1', adverseEvents: null } as unknown as Person
    const unrecorded = unrecordedLists(stored)
    expect(unrecorded).toEqual(['adverseEvents'])
    const body = toPayload({ ...physician(), id: 'p1' }, unrecorded) as unknown as Record<string, unknown>
    expect(body.adverseEvents).toBeNull()
    expect(body.titles).toHaveLength(2)
    expect(body).not.toHaveProperty('id')
  })

  it('sends no licence when none was entered', () => {
    const p = { ...physician(), titles: [], licence: { number: ' ', issuedOn: null, scopes: [] } }
    expect((toPayload(p, []) as unknown as Record<string, unknown>).licence).toBeNull()
  })
})
