import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '@/api/types'
import { menuFor } from '@/features/auth/roles'
import { defaultPeriod, exportUrl, fileNameFrom, periodProblem } from './caseExport'

describe('case export panel helpers', () => {
  it('builds the provincial and FHIR URLs, leaving out a missing institution', () => {
    expect(exportUrl('xlsx', { from: '2026-01-01', to: '2026-06-30' })).toBe(
      '/api/case-exports/provincial?from=2026-01-01&to=2026-06-30&format=xlsx',
    )
    expect(exportUrl('fhir', { institutionId: 'abc', from: '2026-01-01', to: '2026-06-30' })).toBe(
      '/api/case-exports/fhir?institutionId=abc&from=2026-01-01&to=2026-06-30',
    )
  })

  it('checks the period as the server does (at most one year)', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull()
    expect(periodProblem('2026-01-01', '2027-01-01')).toContain('导出期间最长 1 年')
    expect(periodProblem('2024-02-29', '2025-02-28')).toContain('结束日期应早于 2025-02-28')
    expect(periodProblem('2026-06-30', '2026-01-01')).toBe('结束日期 2026-01-01 早于开始日期 2026-06-30')
    expect(periodProblem(null, '2026-01-01')).toBe('请选择手术日期期间')
  })

  it('proposes this year so far, or the last quarter in January', () => {
    expect(defaultPeriod('2026-11-22')).toEqual(['2026-01-01', '2026-11-22'])
    expect(defaultPeriod('2026-01-10')).toEqual(['2025-10-10', '2026-01-10'])
  })

  it('reads the Chinese file name from Content-Disposition', () => {
    const header =
      'attachment; filename="=?UTF-8?Q?x?="; filename*=UTF-8\'\'%E7%97%85%E4%BE%8B%E4%B8%8A%E6%8A%A5.xlsx'
    expect(fileNameFrom(header, 'f')).toBe('病例上报.xlsx')
    expect(fileNameFrom('attachment; filename="a.json"', 'f')).toBe('a.json')
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json')
  })
})

describe('case export menu entry', () => {
  const base: CurrentUser = {
    id: 'u1',
    username: 'ccszx-clerk',
    displayName: '医务科',
    role: 'HOSPITAL_CLERK',
    institutionId: 'i1',
    institutionName: '长春市中心医院',
    regionCode: null,
    regionName: null,
    personId: null,
    roleLabel: '角色',
    mustChangePassword: false,
  }

  it('is offered to hospital clerks and admins, authorities and the system admin only', () => {
    const has = (role: CurrentUser['role']) =>
      menuFor({ ...base, role }).some((i) => i.index === '/case-exports' && i.title === '病例导出')
    expect(
      ['HOSPITAL_CLERK', 'HOSPITAL_ADMIN', 'CITY_AUTHORITY', 'PROVINCE_AUTHORITY', 'SYSTEM_ADMIN'].every(
        (r) => has(r as CurrentUser['role']),
      ),
    ).toBe(true)
    expect(has('PHYSICIAN')).toBe(false)
    expect(has('EXPERT')).toBe(false)
    expect(has('TRAINING_BASE_ADMIN')).toBe(false)
  })
})
