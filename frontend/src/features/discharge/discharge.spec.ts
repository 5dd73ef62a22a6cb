import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { CurrentUser } from '@/api/types'
import { menuFor } from '@/features/auth/roles'
import {
  defaultPeriod,
  formatRate,
  isSerious,
  operatorStatusLabel,
  rateType,
  rowErrorsFrom,
  totals,
  type ScanReport,
} from './discharge'

describe('discharge scan logic', () => {
  it('formats the reporting rate and says when there is none', () => {
    expect(formatRate(0.2)).toBe('20.0%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0.98765)).toBe('98.8%')
    expect(formatRate(null)).toBe('—')
    expect(formatRate(undefined)).toBe('—')
  })

  it('colours the rate by thresholds', () => {
    expect(rateType(0.95)).toBe('success')
    expect(rateType(0.9)).toBe('success')
    expect(rateType(0.75)).toBe('warning')
    expect(rateType(0.2)).toBe('danger')
    expect(rateType(null)).toBe('info')
  })

  it('defaults to the twelve months up to today', () => {
    expect(defaultPeriod(new Date(2026, 10, 22))).toEqual({ from: '2025-11-23', to: '2026-11-22' })
    expect(defaultPeriod(new Date(2028, 1, 29))).toEqual({ from: '2027-03-01', to: '2028-02-29' })
  })

  it('adds up the hospitals with the overall rate', () => {
    const report: ScanReport = {
      from: '2026-01-01',
      to: '2026-11-22',
      matchingRule: '',
      categories: {},
      hospitals: [
        {
          institutionId: 'a',
          institutionName: 'A',
          regionCode: null,
          restricted: 5,
          reported: 1,
          reportingRate: 0.2,
          counts: { NOT_REPORTED: 4, UNFILED: 2 },
          technologies: [],
        },
        {
          institutionId: 'b',
          institutionName: 'B',
          regionCode: null,
          restricted: 5,
          reported: 5,
          reportingRate: 1,
          counts: { NOT_REPORTED: 0, UNAUTHORIZED: 1 },
          technologies: [],
        },
      ],
    }
    const sum = totals(report)
    expect(sum.restricted).toBe(10)
    expect(sum.reported).toBe(6)
    expect(sum.reportingRate).toBeCloseTo(0.6)
    expect(sum.counts).toEqual({ NOT_REPORTED: 4, UNFILED: 2, UNAUTHORIZED: 1 })
    expect(totals({ ...report, hospitals: [] }).reportingRate).toBeNull()
  })

  it('reads the bad cells of a refused upload and nothing else', () => {
    const refused = new ApiError({
      status: 422,
      code: 'DISCHARGE_FILE_INVALID',
      detail: '文件“a.csv”有 1 处错误，全部未导入',
      rows: [{ row: 3, column: '入院日期', message: '“十月”不是日期' }],
    })
    expect(rowErrorsFrom(refused)).toEqual({
      detail: '文件“a.csv”有 1 处错误，全部未导入',
      rows: [{ row: 3, column: '入院日期', message: '“十月”不是日期' }],
    })
    expect(rowErrorsFrom(new ApiError({ status: 413, code: 'FILE_TOO_LARGE', detail: '过大' }))).toEqual({
      detail: '过大',
      rows: [],
    })
    expect(rowErrorsFrom(new ApiError({ status: 403, code: 'FORBIDDEN' }))).toBeNull()
    expect(rowErrorsFrom(new Error('x'))).toBeNull()
  })

  it('marks violations and names operator statuses', () => {
    expect(isSerious('UNFILED')).toBe(true)
    expect(isSerious('FILING_PENDING')).toBe(false)
    expect(operatorStatusLabel('AMBIGUOUS')).toBe('同名多人')
    expect(operatorStatusLabel(null)).toBe('')
  })
})

describe('discharge scan menu entry', () => {
  const clerk: CurrentUser = {
    id: 'u1',
    username: 'songjiang-clerk',
    displayName: '松江肿瘤医院医务科',
    role: 'HOSPITAL_CLERK',
    institutionId: 'i1',
    personId: null,
    regionCode: '220104',
    mustChangePassword: false,
  } as CurrentUser

  it('shows the scan to hospitals, authorities and the system admin only', () => {
    const entry = (role: CurrentUser['role']) =>
      menuFor({ ...clerk, role }).find((i) => i.title === '病案首页筛查')?.index
    expect(entry('HOSPITAL_CLERK')).toBe('/discharge-scan')
    expect(entry('HOSPITAL_ADMIN')).toBe('/discharge-scan')
    expect(entry('COUNTY_AUTHORITY')).toBe('/discharge-scan')
    expect(entry('PROVINCE_AUTHORITY')).toBe('/discharge-scan')
    expect(entry('SYSTEM_ADMIN')).toBe('/discharge-scan')
    expect(entry('PHYSICIAN')).toBeUndefined()
    expect(entry('EXPERT')).toBeUndefined()
    expect(entry('TRAINING_BASE_ADMIN')).toBeUndefined()
  })
})
