import { upload } from '@/api/http'

/** What a bulk-load workbook holds (the path segment of /api/bulk-load/{kind}). */
export type BulkKind = 'institutions' | 'people'

/** One bad cell (column empty: the whole row) of an uploaded workbook. */
export interface BulkProblem {
  sheet: string
  row: number
  column: string
  header: string
  message: string
}

/** The outcome of a check or an import (BulkReport on the server). */
export interface BulkReport {
  kind: 'INSTITUTIONS' | 'PEOPLE'
  fileName: string
  status: 'VALID' | 'COMMITTED' | 'REJECTED'
  rows: Record<string, number>
  created: number
  updated: number
  unchanged: number
  problemCount: number
  problems: BulkProblem[]
}

export const KIND_LABELS: Record<BulkKind, string> = { institutions: '医疗机构', people: '人员' }

export const bulkLoadApi = {
  templateHref: (kind: BulkKind) => `/api/bulk-load/${kind}/template`,
  check: (kind: BulkKind, file: File, onProgress?: (f: number) => void) =>
    upload<BulkReport>(`/api/bulk-load/${kind}/check`, file, { onProgress }),
  commit: (kind: BulkKind, file: File, onProgress?: (f: number) => void) =>
    upload<BulkReport>(`/api/bulk-load/${kind}`, file, { onProgress }),
}

/** The report's outcome in one Chinese sentence. */
export function summary(report: BulkReport): string {
  const rows = Object.entries(report.rows)
    .map(([sheet, n]) => `${sheet} ${n} 行`)
    .join('，')
  switch (report.status) {
    case 'REJECTED':
      return `发现 ${report.problemCount} 处问题，未保存任何数据（${rows}）`
    case 'VALID':
      return `校验通过：将新建 ${report.created} 条、更新 ${report.updated} 条，${report.unchanged} 条不变（${rows}）；尚未保存，请提交`
    case 'COMMITTED':
      return `已导入：新建 ${report.created} 条、更新 ${report.updated} 条，${report.unchanged} 条不变（${rows}）`
  }
}

/** Where a problem is, e.g. “机构 第 5 行 C 列（所在行政区划代码）”. */
export function problemPlace(problem: BulkProblem): string {
  return (
    `${problem.sheet} 第 ${problem.row} 行` +
    (problem.column ? ` ${problem.column} 列（${problem.header}）` : '')
  )
}

/** Client-side refusal before uploading (the server checks again). */
export function fileProblem(file: File | null): string | null {
  if (!file) return '请选择要导入的 .xlsx 文件'
  if (!file.name.toLowerCase().endsWith('.xlsx')) return '只接受按模板填写的 .xlsx 工作簿'
  return null
}
