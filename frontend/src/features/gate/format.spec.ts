import { describe, expect, it } from 'vitest'
import {
  blockingReasons,
  curlExample,
  formatInstant,
  keyNameProblem,
  keyStatusLabel,
  lastUsedLabel,
  procedureLabel,
} from './format'

describe('gate formatting', () => {
  it('checks key names like the backend', () => {
    expect(keyNameProblem('  ')).toContain('请填写名称')
    expect(keyNameProblem('x'.repeat(61))).toContain('60')
    expect(keyNameProblem(' HIS 手术申请 ')).toBeNull()
  })

  it('says when a key was last used', () => {
    const now = new Date('2026-11-22T10:00:00Z')
    expect(lastUsedLabel(null, now)).toBe('从未使用')
    expect(lastUsedLabel('2026-11-22T09:59:30Z', now)).toBe('1 分钟内')
    expect(lastUsedLabel('2026-11-22T09:15:00Z', now)).toBe('45 分钟前')
    expect(lastUsedLabel('2026-11-22T05:00:00Z', now)).toBe('5 小时前')
    expect(lastUsedLabel('2026-11-19T10:00:00Z', now)).toBe('3 天前')
    expect(lastUsedLabel('nonsense', now)).toBe('—')
  })

  it('formats instants to the minute and tolerates missing ones', () => {
    expect(formatInstant(null)).toBe('—')
    expect(formatInstant('bad')).toBe('—')
    expect(formatInstant('2026-11-22T02:03:04Z')).toMatch(/^2026-11-2[12] \d\d:03$/)
  })

  it('labels statuses, procedures and blocking reasons', () => {
    expect(keyStatusLabel({ status: 'ACTIVE' })).toBe('有效')
    expect(keyStatusLabel({ status: 'REVOKED' })).toBe('已吊销')
    expect(procedureLabel({ procedureCode: '50.2400x001', technology: 'G08' })).toBe('50.2400x001（G08）')
    expect(procedureLabel({ procedureCode: null, technology: 'G08' })).toBe('G08')
    expect(procedureLabel({ procedureCode: null, technology: null })).toBe('—')
    expect(
      blockingReasons({
        reasons: [
          { code: 'FILING_PENDING', blocking: false, message: '备案尚未生效' },
          { code: 'UNAUTHORIZED', blocking: true, message: '未授权' },
          { code: 'NOT_ELIGIBLE', blocking: true, message: '资质不再符合' },
        ],
      }),
    ).toBe('未授权；资质不再符合')
    expect(blockingReasons({ reasons: [] })).toBe('—')
  })

  it('shows the integrator a call with the new key', () => {
    const line = curlExample('https://rtms.example', 'rtms_0123456789ab.secret')
    expect(line).toContain("-H 'Authorization: ApiKey rtms_0123456789ab.secret'")
    expect(line).toContain('https://rtms.example/api/gate?')
  })
})
