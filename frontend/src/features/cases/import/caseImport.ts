import { http, upload } from '@/api/http'
import { CASE_FLAG_LABELS } from '../labels'

/** One bad cell (column empty: the whole row) of an uploaded case file. */
export interface CellProblem {
  sheet: string
  row: number
  column: string
  header: string
  message: string
}

/** A case import as GET /api/case-imports/{id} returns it. */
export interface CaseImportJob {
  id: string
  technology: string
  formKey: string
  fileName: string
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'
  validOnly: boolean
  totalRows?: number | null
  processedRows: number
  inserted: number
  duplicates: number
  invalidRows: number
  problemCount: number
  findings: Record<string, number>
  outcome?: string | null
  createdAt: string
  finishedAt?: string | null
  problems: CellProblem[]
  annotatedCopy: boolean
}

/** A case form as GET /api/case-forms lists it (only what this page needs). */
export interface CaseFormSummary {
  key: string
  technology: string
  edition: string
  title: string
}

const seg = encodeURIComponent

export const caseImportApi = {
  forms: () => http.get<CaseFormSummary[]>('/api/case-forms'),
  get: (id: string) => http.get<CaseImportJob>(`/api/case-imports/${seg(id)}`, { silent: true }),
  start: (
    file: File,
    technology: string,
    validOnly: boolean,
    confirmWarnings: boolean,
    onProgress?: (f: number) => void,
  ) =>
    upload<CaseImportJob>('/api/case-imports', file, {
      fields: { technology, validOnly: String(validOnly), confirmWarnings: String(confirmWarnings) },
      onProgress,
    }),
  templateHref: (technology: string) => `/api/case-imports/template?technology=${seg(technology)}`,
  annotatedHref: (id: string) => `/api/case-imports/${seg(id)}/annotated`,
  exportHref: (technology: string, from?: string, to?: string) => {
    const params = new URLSearchParams({ technology })
    if (from) params.append('from', from)
    if (to) params.append('to', to)
    return `/api/case-imports/export?${params.toString()}`
  },
}

/** Technologies that have a case form, one entry each (latest edition's title), sorted by code. */
export function technologies(forms: CaseFormSummary[]): { code: string; title: string }[] {
  const latest = new Map<string, CaseFormSummary>()
  for (const form of forms) {
    const seen = latest.get(form.technology)
    if (!seen || seen.edition < form.edition) latest.set(form.technology, form)
  }
  return [...latest.values()]
    .sort((a, b) => a.technology.localeCompare(b.technology))
    .map((f) => ({ code: f.technology, title: f.title }))
}

/** Whether the import has ended (stop polling). */
export function finished(job: CaseImportJob): boolean {
  return job.status === 'DONE' || job.status === 'FAILED'
}

/** Percentage for the progress bar: 100 when finished; otherwise processed of (approximate) total, at most 99. */
export function progressPercent(job: CaseImportJob): number {
  if (finished(job)) return 100
  const total = job.totalRows ?? 0
  if (total <= 0) return 0
  return Math.min(99, Math.floor((job.processedRows / total) * 100))
}

export const STATUS_LABELS: Record<CaseImportJob['status'], string> = {
  QUEUED: '排队中',
  RUNNING: '检查中',
  DONE: '已导入',
  FAILED: '未导入',
}

/** Element Plus tag/progress type of a status. */
export function statusType(job: CaseImportJob): 'success' | 'warning' | 'exception' | undefined {
  if (job.status === 'DONE') return job.invalidRows > 0 ? 'warning' : 'success'
  if (job.status === 'FAILED') return 'exception'
  return undefined
}

/** Flag counts as "未备案开展 3、未授权 1". */
export function findingsText(findings: Record<string, number>): string {
  return Object.entries(findings)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${CASE_FLAG_LABELS[code] ?? code} ${n}`)
    .join('、')
}

/** The place of a problem as shown in the table: "F 列（性别）" or "整行". */
export function problemPlace(problem: CellProblem): string {
  return problem.column ? `${problem.column} 列（${problem.header}）` : '整行'
}

/** Delay before the next poll: quick at first, then every 2 s. */
export function pollDelay(polls: number): number {
  return polls < 5 ? 500 : 2000
}

/** Client-side refusal before uploading (the server checks again). */
export function fileProblem(file: File | null, maxBytes = 100 * 1024 * 1024): string | null {
  if (!file) return '请选择要导入的文件'
  if (file.size === 0) return `文件 “${file.name}” 为空`
  if (file.size > maxBytes)
    return `文件 “${file.name}” 超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请拆分后导入`
  if (!/\.(xlsx|csv)$/i.test(file.name)) return `文件 “${file.name}” 不是 .xlsx 或 .csv 文件`
  return null
}
