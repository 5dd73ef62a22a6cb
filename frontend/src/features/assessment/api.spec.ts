import { describe, expect, it } from 'vitest'
import { halfYears, withinTwoYears } from './api'

describe('halfYears', () => {
  it('offers the current half-year up to today, then the earlier ones newest first', () => {
    const list = halfYears('2026-11-22', 3)
    expect(list).toEqual([
      { label: '2026年下半年', from: '2026-07-01', to: '2026-11-22' },
      { label: '2026年上半年', from: '2026-01-01', to: '2026-06-30' },
      { label: '2025年下半年', from: '2025-07-01', to: '2025-12-31' },
    ])
  })

  it('starts in the first half in June', () => {
    expect(halfYears('2026-06-30', 1)[0]).toEqual({
      label: '2026年上半年',
      from: '2026-01-01',
      to: '2026-06-30',
    })
  })
})

describe('withinTwoYears', () => {
  it('allows exactly two years and refuses one day more or a reversed period', () => {
    expect(withinTwoYears('2025-01-01', '2026-12-31')).toBe(true)
    expect(withinTwoYears('2025-01-01', '2027-01-01')).toBe(false)
    expect(withinTwoYears('2026-06-30', '2026-01-01')).toBe(false)
  })
})
