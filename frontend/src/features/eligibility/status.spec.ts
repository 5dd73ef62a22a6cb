import { describe, expect, it } from 'vitest'
import { pathwayLabel, statusLabel, statusStyle } from './status'

describe('status tags', () => {
  it.each([
    ['MET', '符合', 'success'],
    ['NOT_MET', '不符合', 'danger'],
    ['UNKNOWN', '信息不全', 'info'],
    ['NEEDS_ATTESTATION', '待确认', 'warning'],
    ['NO_SPEC', '规范未录入', 'info'],
    ['NOT_APPLICABLE', '不适用', 'info'],
  ])('%s is shown as %s (%s)', (status, label, type) => {
    expect(statusStyle(status)).toMatchObject({ label, type })
  })

  it('prefers the label sent by the server', () => {
    expect(statusLabel('NOT_MET', '不符合（人员）')).toBe('不符合（人员）')
  })

  it('shows an unknown status as it is, in grey', () => {
    expect(statusStyle('SOMETHING_NEW')).toMatchObject({ label: 'SOMETHING_NEW', type: 'info' })
    expect(statusLabel(null)).toBe('—')
  })

  it('labels trainee pathways', () => {
    expect(pathwayLabel('EXEMPTION')).toBe('免于培训')
    expect(pathwayLabel('STANDARD')).toBe('系统培训')
    expect(pathwayLabel('ABROAD')).toBe('境外培训')
    expect(pathwayLabel('OTHER')).toBe('OTHER')
  })
})
