import { ApiError, buildUrl, http, upload, type UploadOptions } from '@/api/http'

/** A code (or text) of an uploaded file and how often it occurred. */
export interface CodeCount {
  code: string
  count: number
  message: string | null
}

/** What one upload of discharge abstracts brought in (POST /api/discharge-records). */
export interface DischargeBatch {
  id: string
  institutionId: string
  institutionName: string | null
  fileName: string
  format: 'CSV' | 'XLSX'
  charset: string | null
  rows: number
  inserted: number
  duplicates: number
  restricted: number
  restrictedByTechnology: Record<string, number>
  operatorsUnresolved: number
  firstDischarge: string | null
  lastDischarge: string | null
  alreadyImported: boolean
  uploadedAt: string
  ignoredColumns: string[]
  invalidCodes: CodeCount[]
  suspectCodes: CodeCount[]
  unmatchedCodes: CodeCount[]
  /** What was read but may be wrong, naming the column (病案号/住院号 in Excel number cells). */
  warnings: string[]
}

/** One bad cell of a refused file (422 DISCHARGE_FILE_INVALID, `rows`). */
export interface RowError {
  row: number
  column: string
  message: string
}

export interface TechnologyScan {
  technology: string
  restricted: number
  reported: number
  reportingRate: number | null
  counts: Record<string, number>
}

export interface HospitalScan {
  institutionId: string
  institutionName: string | null
  regionCode: string | null
  restricted: number
  reported: number
  reportingRate: number | null
  counts: Record<string, number>
  technologies: TechnologyScan[]
}

/** GET /api/discharge-scan */
export interface ScanReport {
  from: string
  to: string
  matchingRule: string
  categories: Record<string, string>
  hospitals: HospitalScan[]
}

/** One drill-down line (GET /api/discharge-scan/items). */
export interface ScanItem {
  recordId: string
  medicalRecordNo: string
  technology: string | null
  subTechnique: string | null
  code: string
  name: string | null
  mainProcedure: string | null
  operationDate: string
  dischargeDate: string
  department: string | null
  operator: string | null
  operatorId: string | null
  operatorStatus: string | null
  categories: string[]
  findings: string[]
  caseId: string | null
  fileName: string
  row: number
}

export interface ScanItemPage {
  items: ScanItem[]
  total: number
}

export interface Period {
  from: string
  to: string
}

export const dischargeApi = {
  upload: (file: File, options?: UploadOptions) =>
    upload<DischargeBatch>('/api/discharge-records', file, { ...options, silent: true }),
  batches: (institutionId?: string) =>
    http.get<DischargeBatch[]>(buildUrl('/api/discharge-records/batches', { institutionId })),
  report: (period: Period, institutionId?: string) =>
    http.get<ScanReport>(buildUrl('/api/discharge-scan', { ...period, institutionId })),
  items: (institutionId: string, period: Period, category: string, page: number, size: number) =>
    http.get<ScanItemPage>(
      buildUrl('/api/discharge-scan/items', { institutionId, ...period, category, page, size }),
    ),
}

/** The categories shown as columns of the report, in this order (the rest are in the drill-down). */
export const REPORT_COLUMNS = [
  'NOT_REPORTED',
  'UNFILED',
  'FILING_PENDING',
  'UNAUTHORIZED',
  'OUT_OF_SCOPE',
  'OPERATOR_UNRESOLVED',
  'INVALID_CODE',
  'SUSPECT_CODE',
] as const

/** Categories that are violations (shown in red when not zero). */
const SERIOUS = new Set(['NOT_REPORTED', 'UNFILED', 'UNAUTHORIZED', 'OUT_OF_SCOPE'])

export function isSerious(category: string): boolean {
  return SERIOUS.has(category)
}

/** 系统填报率 as a percentage with one decimal, or "—" when nothing was found. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** Colour of the rate: below 90 % is a warning, below 60 % an alarm. */
export function rateType(rate: number | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  if (rate === null || rate === undefined) return 'info'
  if (rate >= 0.9) return 'success'
  if (rate >= 0.6) return 'warning'
  return 'danger'
}

function iso(d: Date): string {
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return `${d.getFullYear()}-${m}-${day}`
}

/** The default period: the 12 months up to today, as the server defaults (a year back, clamped to the month's end, plus a day). */
export function defaultPeriod(today: Date): Period {
  const y = today.getFullYear() - 1
  const m = today.getMonth()
  const lastDay = new Date(y, m + 1, 0).getDate()
  const from = new Date(y, m, Math.min(today.getDate(), lastDay) + 1)
  return { from: iso(from), to: iso(today) }
}

/** The default period ending on the platform's today (the date in China by the server's clock), not the browser's. */
export function defaultPeriodOn(todayIso: string): Period {
  const [y, m, d] = todayIso.split('-').map(Number)
  return defaultPeriod(new Date(y, m - 1, d))
}

/** Totals over all hospitals of a report, with the overall rate. */
export function totals(report: ScanReport): HospitalScan {
  const counts: Record<string, number> = {}
  let restricted = 0
  let reported = 0
  for (const h of report.hospitals) {
    restricted += h.restricted
    reported += h.reported
    for (const [k, v] of Object.entries(h.counts)) counts[k] = (counts[k] ?? 0) + v
  }
  return {
    institutionId: '',
    institutionName: '合计',
    regionCode: null,
    restricted,
    reported,
    reportingRate: restricted === 0 ? null : reported / restricted,
    counts,
    technologies: [],
  }
}

/** The bad cells of a refused upload, or null when the error is something else. */
export function rowErrorsFrom(error: unknown): { detail: string; rows: RowError[] } | null {
  if (!(error instanceof ApiError)) return null
  const p = error.problem
  if (p.code !== 'DISCHARGE_FILE_INVALID' && p.code !== 'FILE_TOO_LARGE') return null
  const raw = Array.isArray(p.rows) ? (p.rows as Partial<RowError>[]) : []
  return {
    detail: p.detail || p.title || '文件有误',
    rows: raw.map((r) => ({ row: r.row ?? 0, column: r.column ?? '', message: r.message ?? '' })),
  }
}

const OPERATOR_STATUS: Record<string, string> = {
  RESOLVED: '已识别',
  MISSING: '未填写',
  UNKNOWN: '本院无此人员',
  AMBIGUOUS: '同名多人',
}

export function operatorStatusLabel(status: string | null | undefined): string {
  if (!status) return ''
  return OPERATOR_STATUS[status] ?? status
}
