import { describe, expect, it } from 'vitest'
import { lastApplicableDay } from './applicability'

describe('lastApplicableDay', () => {
  it('takes the edition\u2019s own end, else the day before its successor, else none', () => {
    expect(lastApplicableDay({ effectiveUntil: '2022-04-19' })).toBe('2022-04-19')
    expect(lastApplicableDay({ supersededBy: 'G08-2023', supersededOn: '2023-01-01' })).toBe(
      '2022-12-31（由 G08-2023 取代）',
    )
    expect(lastApplicableDay({ supersededBy: 'X-2024', supersededOn: '2024-03-01' })).toBe(
      '2024-02-29（由 X-2024 取代）',
    )
    expect(lastApplicableDay({})).toBe('—')
    expect(lastApplicableDay({}, '仍适用（未设终止日期）')).toBe('仍适用（未设终止日期）')
  })
})
