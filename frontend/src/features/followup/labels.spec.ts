import { describe, expect, it } from 'vitest'
import { daysUntil, recordProblems } from './labels'

describe('follow-up labels', () => {
  it('counts days across month ends and leap days', () => {
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2)
    expect(daysUntil('2026-11-21', '2026-11-22')).toBe(-1)
  })

  it('asks for a death date only when the patient died, and not after the follow-up', () => {
    const base = { performedOn: '2026-11-20', method: 'PHONE', vitalStatus: 'ALIVE', deathDate: null }
    expect(recordProblems(base)).toEqual([])
    expect(recordProblems({ ...base, vitalStatus: 'DEAD' })).toEqual(['生存状态为死亡时必须填写死亡日期'])
    expect(recordProblems({ ...base, vitalStatus: 'DEAD', deathDate: '2026-11-21' })).toEqual([
      '死亡日期不能晚于随访日期',
    ])
    expect(
      recordProblems({ performedOn: null, method: null, vitalStatus: null, deathDate: null }),
    ).toHaveLength(3)
  })
})
