import { describe, expect, it } from 'vitest'
import { baseStatusType, submitWarning } from './api'

describe('training bases', () => {
  it('lists every open clause in the submit warning', () => {
    expect(submitWarning([])).toBeNull()
    const text = submitWarning([
      { citation: 'G08/2022 四(二)1(5)', statusLabel: '不符合' },
      { citation: 'G08/2022 四(二)2(1)', statusLabel: '待确认' },
    ])
    expect(text).toContain('G08/2022 四(二)1(5)（不符合）')
    expect(text).toContain('G08/2022 四(二)2(1)（待确认）')
  })

  it('colours filed green and revoked red', () => {
    expect(baseStatusType('FILED')).toBe('success')
    expect(baseStatusType('REVOKED')).toBe('danger')
    expect(baseStatusType('DRAFT')).toBe('info')
  })
})
