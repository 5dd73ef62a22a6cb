import { describe, expect, it } from 'vitest'
import type { CaseAmendment } from '@/api/types'
import { setDictionary } from '@/api/dictionary'
import { amendmentChanges, amendmentUser } from './amendments'
import { pathLabel } from './caseForm'
import { g08Bundle } from './fixtures'
import { asFlag } from './labels'

const amendment: CaseAmendment = {
  id: 'a1',
  caseId: 'c1',
  amendedAt: '2026-11-20T02:30:00Z',
  amendedBy: 'u1',
  amendedByName: '松江肿瘤医院医务科',
  reason: '病案首页核对后更正',
  before: { operationDate: '2026-11-03', 'fields.ptaPercent': 90, informedConsent: null },
  after: { operationDate: '2026-11-04', 'fields.ptaPercent': 95, informedConsent: true },
}

describe('amendment history', () => {
  it('lists each changed field with its label, before and after', () => {
    const bundle = g08Bundle()
    expect(amendmentChanges(amendment, (p) => pathLabel(bundle, p))).toBe(
      '手术日期：2026-11-03 → 2026-11-04；凝血酶原活动度（PTA）：90 → 95；知情同意：（空） → 是',
    )
    expect(amendmentUser(amendment)).toBe('松江肿瘤医院医务科')
  })

  it('shows changed complications with their type name and seriousness, never the code', () => {
    setDictionary({
      version: 't',
      groups: { complicationType: [{ code: 'MAJOR_BLEEDING', label: '大量出血' }] },
    })
    const changed: CaseAmendment = {
      ...amendment,
      before: { complications: [] },
      after: {
        complications: [
          {
            name: '腹腔大出血',
            onsetDate: '2026-11-04',
            grade: 'III',
            type: 'MAJOR_BLEEDING',
            serious: true,
          },
          { name: '低热', onsetDate: null, grade: 'I', serious: false },
        ],
      },
    }
    const text = amendmentChanges(changed, () => '并发症')
    expect(text).toBe('并发症：（空） → 腹腔大出血（III 级，大量出血，严重并发症）、低热（I 级，非严重）')
    expect(text).not.toContain('MAJOR_BLEEDING')
    setDictionary(null)
  })

  it('labels server paths as the form does', () => {
    const bundle = g08Bundle()
    expect(pathLabel(bundle, 'patient.name')).toBe('患者姓名')
    expect(pathLabel(bundle, 'operatorId')).toBe('术者')
    expect(pathLabel(bundle, 'ptaPercent')).toBe('凝血酶原活动度（PTA）')
    expect(pathLabel(bundle, 'devices[1].quantity')).toBe('器械第 2 条·数量')
    expect(pathLabel(null, 'x')).toBe('x')
  })
})

describe('flags in the list', () => {
  it('explain a bare code in the tooltip', () => {
    expect(asFlag('UNAUTHORIZED')).toEqual({
      code: 'UNAUTHORIZED',
      message: '术者在手术日期当天没有本机构对该技术的有效授权',
    })
    expect(asFlag({ code: 'UNFILED', message: '2026-11-03 无有效备案' }).message).toBe(
      '2026-11-03 无有效备案',
    )
  })
})
