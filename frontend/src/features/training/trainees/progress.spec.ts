import { describe, expect, it } from 'vitest'
import { conclusionText, isProgress, matchesProgress, periodEnded, plusDays } from './progress'

const TODAY = '2026-11-22'

describe('trainee progress', () => {
  it('adds calendar days across months and years', () => {
    expect(plusDays('2026-11-22', 30)).toBe('2026-12-22')
    expect(plusDays('2026-12-15', 30)).toBe('2027-01-14')
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('counts a period as ended from the day after its last day, and only while no conclusion', () => {
    expect(periodEnded({ endedOn: '2026-11-21', conclusion: null }, TODAY)).toBe(true)
    expect(periodEnded({ endedOn: TODAY, conclusion: null }, TODAY)).toBe(false)
    expect(periodEnded({ endedOn: '2026-11-21', conclusion: 'PASSED' }, TODAY)).toBe(false)
  })

  it('filters open files by their period as the workbench counts them', () => {
    const ended = { endedOn: '2026-10-31', conclusion: null }
    const lastDay = { endedOn: TODAY, conclusion: null }
    const inThirty = { endedOn: '2026-12-22', conclusion: null }
    const later = { endedOn: '2026-12-23', conclusion: null }
    const concluded = { endedOn: '2026-10-31', conclusion: 'PASSED' }
    const pick = (p: 'OPEN' | 'PERIOD_ENDED' | 'ENDING_SOON' | '') =>
      [ended, lastDay, inThirty, later, concluded].filter((f) => matchesProgress(f, p, TODAY))
    expect(pick('')).toHaveLength(5)
    expect(pick('OPEN')).toEqual([ended, lastDay, inThirty, later])
    expect(pick('PERIOD_ENDED')).toEqual([ended])
    expect(pick('ENDING_SOON')).toEqual([lastDay, inThirty])
  })

  it('accepts only the known filters from an address', () => {
    expect(isProgress('PERIOD_ENDED')).toBe(true)
    expect(isProgress('toString')).toBe(false)
    expect(isProgress(undefined)).toBe(false)
  })

  it('reads 培训中 until the base concludes, then the conclusion', () => {
    expect(conclusionText({ conclusion: null, conclusionLabel: '培训中' })).toBe('培训中')
    expect(conclusionText({ conclusion: 'PASSED', conclusionLabel: '合格' })).toBe('合格')
    expect(conclusionText({ conclusion: 'FAILED', conclusionLabel: '不合格' })).toBe('不合格')
  })
})
