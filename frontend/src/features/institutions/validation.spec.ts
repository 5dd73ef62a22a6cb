import { describe, expect, it } from 'vitest'
import type { Institution } from '@/api/types'
import { emptyInstitution, validateInstitution } from './validation'

describe('validateInstitution', () => {
  it('requires name, region, level and type', () => {
    expect(validateInstitution(emptyInstitution(), '2026-06-30')).toMatchObject({
      name: '请填写机构名称',
      regionCode: '请选择行政区划',
      level: '请选择机构级别',
      type: '请选择机构类型',
    })
  })

  it('checks beds and licence validity ranges', () => {
    const i: Institution = {
      ...emptyInstitution(),
      name: '长春市中心医院',
      regionCode: '220102',
      level: 'TERTIARY_A',
      type: 'GENERAL',
    }
    i.departments = [{ name: '肿瘤科', subjects: ['肿瘤科'], beds: -4 }]
    i.licences = [{ kind: 'RADIOLOGY', number: '1', validFrom: '2024-01-01', validUntil: '2023-12-31' }]
    expect(validateInstitution(i, '2026-06-30')).toEqual({
      'departments[0].beds': '应为非负整数',
      'licences[0].validUntil': '有效期止不能早于有效期起',
    })
  })

  it('requires at least one sub-technique per technology recorded', () => {
    const i: Institution = {
      ...emptyInstitution(),
      name: '松原市查干湖医院',
      regionCode: '220702',
      level: 'TERTIARY_B',
      type: 'GENERAL',
      subTechniques: { S04: [], G08: ['RFA'] },
    }
    expect(validateInstitution(i, '2026-06-30')).toEqual({
      'subTechniques.S04': '至少选择一个开展的亚类',
    })
  })

  it('tells monthly rows apart from the year and from each other', () => {
    const i: Institution = {
      ...emptyInstitution(),
      name: '吉林省松江肿瘤医院',
      regionCode: '220104',
      level: 'TERTIARY_A',
      type: 'SPECIALTY',
    }
    i.caseVolumes = [
      { technology: 'G08', year: 2025, cases: 1610 },
      { technology: 'G08', year: 2026, month: 1, cases: 140 },
      { technology: 'G08', year: 2026, month: 2, cases: 140 },
      { technology: 'G08', year: 2026, month: 2, cases: 150 },
      { technology: 'G08', year: 2026, month: 13, cases: 1 },
    ]
    expect(validateInstitution(i, '2026-06-30')).toEqual({
      'caseVolumes[3].year': 'G08 2026 年2 月的例数重复录入',
      'caseVolumes[4].month': '月份应为 1–12',
    })
  })
})
