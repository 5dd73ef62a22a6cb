import { describe, expect, it } from 'vitest'
import { insidePeriod, statusTag } from './api'

describe('trainee file helpers', () => {
  it('accepts a case on the first and last day of the period only', () => {
    expect(insidePeriod('2026-03-01', '2026-03-01', '2026-09-01')).toBe(true)
    expect(insidePeriod('2026-09-01', '2026-03-01', '2026-09-01')).toBe(true)
    expect(insidePeriod('2026-02-28', '2026-03-01', '2026-09-01')).toBe(false)
    expect(insidePeriod('2026-09-02', '2026-03-01', '2026-09-01')).toBe(false)
    expect(insidePeriod('', '2026-03-01', '2026-09-01')).toBe(false)
  })
  it('colours verdicts', () => {
    expect(statusTag('MET')).toBe('success')
    expect(statusTag('NOT_MET')).toBe('danger')
    expect(statusTag('UNKNOWN')).toBe('warning')
  })
})
