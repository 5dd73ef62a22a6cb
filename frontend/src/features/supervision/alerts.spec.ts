import { describe, expect, it } from 'vitest'
import { evidenceLocation, noteProblem, severityTagType, statusTagType } from './alerts'

describe('supervision alerts helpers', () => {
  it('splits an evidence link into path and query', () => {
    expect(evidenceLocation('/cases?institutionId=a&flag=UNAUTHORIZED')).toEqual({
      path: '/cases',
      query: { institutionId: 'a', flag: 'UNAUTHORIZED' },
    })
    expect(evidenceLocation('/filings/x')).toEqual({ path: '/filings/x', query: {} })
    const indicator =
      '/indicators?set=G08-2023&indicator=G08.X&institutionId=i1&from=2026-07-01&to=2026-09-30'
    expect(evidenceLocation(indicator).path).toBe('/indicators')
    expect(evidenceLocation(indicator, true)).toEqual({
      path: '/indicators/hospital',
      query: {
        set: 'G08-2023',
        indicator: 'G08.X',
        institutionId: 'i1',
        from: '2026-07-01',
        to: '2026-09-30',
      },
    })
    expect(evidenceLocation('/cases?flag=UNAUTHORIZED', true).path).toBe('/cases')
  })

  it('requires a bounded note', () => {
    expect(noteProblem('   ')).toBe('请填写确认说明')
    expect(noteProblem('长'.repeat(501))).toContain('500')
    expect(noteProblem('已核实')).toBeNull()
  })

  it('colours severities and statuses', () => {
    expect(severityTagType('HIGH')).toBe('danger')
    expect(severityTagType('MEDIUM')).toBe('warning')
    expect(severityTagType('LOW')).toBe('info')
    expect(statusTagType('OPEN')).toBe('danger')
    expect(statusTagType('ACKNOWLEDGED')).toBe('success')
    expect(statusTagType('CLOSED')).toBe('info')
  })
})
