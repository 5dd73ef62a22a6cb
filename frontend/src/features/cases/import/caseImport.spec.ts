import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '@/api/types'
import { menuFor } from '@/features/auth/roles'
import {
  fileProblem,
  findingsText,
  finished,
  pollDelay,
  problemPlace,
  progressPercent,
  statusType,
  technologies,
  type CaseImportJob,
} from './caseImport'

function job(overrides: Partial<CaseImportJob>): CaseImportJob {
  return {
    id: 'j1',
    technology: 'G08',
    formKey: 'G08-2023',
    fileName: 'cases.xlsx',
    status: 'RUNNING',
    validOnly: false,
    totalRows: 1000,
    processedRows: 250,
    inserted: 0,
    duplicates: 0,
    invalidRows: 0,
    problemCount: 0,
    findings: {},
    createdAt: '2026-11-30T08:00:00Z',
    problems: [],
    annotatedCopy: false,
    ...overrides,
  }
}

describe('case import progress', () => {
  it('shows processed of total while running, never 100 before the end', () => {
    expect(progressPercent(job({}))).toBe(25)
    expect(progressPercent(job({ processedRows: 1000 }))).toBe(99)
    expect(progressPercent(job({ totalRows: null }))).toBe(0)
    expect(progressPercent(job({ status: 'FAILED', processedRows: 10 }))).toBe(100)
  })

  it('stops polling when done or failed, and slows down after a few polls', () => {
    expect(finished(job({ status: 'QUEUED' }))).toBe(false)
    expect(finished(job({ status: 'DONE' }))).toBe(true)
    expect(finished(job({ status: 'FAILED' }))).toBe(true)
    expect(pollDelay(0)).toBe(500)
    expect(pollDelay(10)).toBe(2000)
  })

  it('marks a committed import with skipped invalid rows as a warning', () => {
    expect(statusType(job({ status: 'DONE' }))).toBe('success')
    expect(statusType(job({ status: 'DONE', invalidRows: 2 }))).toBe('warning')
    expect(statusType(job({ status: 'FAILED' }))).toBe('exception')
    expect(statusType(job({}))).toBeUndefined()
  })
})

describe('case import texts', () => {
  it('names the place of a bad cell or the whole row', () => {
    expect(problemPlace({ sheet: '病例', row: 3, column: 'F', header: '性别', message: 'x' })).toBe(
      'F 列（性别）',
    )
    expect(problemPlace({ sheet: '病例', row: 3, column: '', header: '', message: '与第 2 行重复' })).toBe(
      '整行',
    )
  })

  it('lists flag counts in Chinese', () => {
    expect(
      findingsText({ UNFILED: 3, UNAUTHORIZED: 1, OUT_OF_SCOPE: 0, CODE_NOT_IN_SPEC: 1, NEW_CODE: 2 }),
    ).toBe('未备案开展 3、未授权 1、编码不在规范内 1、NEW_CODE 2')
  })

  it('offers one entry per technology with the latest edition title', () => {
    expect(
      technologies([
        { key: 'G08-2022', technology: 'G08', edition: '2022', title: '旧' },
        { key: 'G08-2023', technology: 'G08', edition: '2023', title: '肿瘤消融治疗病例' },
        { key: 'G07-2022', technology: 'G07', edition: '2022', title: '放射性粒子植入病例' },
      ]),
    ).toEqual([
      { code: 'G07', title: '放射性粒子植入病例' },
      { code: 'G08', title: '肿瘤消融治疗病例' },
    ])
  })

  it('refuses files the server would refuse before uploading them', () => {
    expect(fileProblem(null)).toBe('请选择要导入的文件')
    expect(fileProblem(new File([], 'a.xlsx'))).toBe('文件 “a.xlsx” 为空')
    expect(fileProblem(new File(['x'], 'a.xls'))).toBe('文件 “a.xls” 不是 .xlsx 或 .csv 文件')
    expect(fileProblem(new File(['xx'], 'a.csv'), 1)).toBe('文件 “a.csv” 超过 0 MB，请拆分后导入')
    expect(fileProblem(new File(['x'], '病例.XLSX'))).toBeNull()
  })
})

describe('case import menu entry', () => {
  const clerk: CurrentUser = {
    id: 'u1',
    username: 'ccszx-clerk',
    displayName: '医务科',
    role: 'HOSPITAL_CLERK',
    institutionId: 'i1',
    personId: null,
    regionCode: '220102',
    roleLabel: '角色',
    mustChangePassword: false,
  }

  it('is offered to hospital users only', () => {
    expect(menuFor(clerk).find((i) => i.title === '病例导入')?.index).toBe('/cases/import')
    expect(menuFor({ ...clerk, role: 'HOSPITAL_ADMIN' }).map((i) => i.title)).toContain('病例导入')
    expect(
      menuFor({ ...clerk, role: 'CITY_AUTHORITY', institutionId: null }).map((i) => i.title),
    ).not.toContain('病例导入')
    expect(menuFor({ ...clerk, role: 'PHYSICIAN' }).map((i) => i.title)).not.toContain('病例导入')
  })
})
