import { buildUrl, fetchFile } from '@/api/http'

/** The three downloads of the export panel. */
export type ExportKind = 'xlsx' | 'json' | 'fhir'

export interface ExportParams {
  institutionId?: string | null
  from: string
  to: string
}

/** Same limit as the server (CaseExports.MAX_MONTHS): `to` must be before `from` + 12 months. */
export const MAX_MONTHS = 12

export const EXPORT_LABELS: Record<ExportKind, string> = {
  xlsx: '省级平台上报（Excel）',
  json: '省级平台上报（JSON）',
  fhir: 'FHIR R4 Bundle',
}

/** The download URL of an export. */
export function exportUrl(kind: ExportKind, params: ExportParams): string {
  const query = { institutionId: params.institutionId, from: params.from, to: params.to }
  if (kind === 'fhir') return buildUrl('/api/case-exports/fhir', query)
  return buildUrl('/api/case-exports/provincial', { ...query, format: kind })
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, last))
  return target.toISOString().slice(0, 10)
}

/** The period checks the server makes, in Chinese, or null when the period is fine. */
export function periodProblem(from: string | null | undefined, to: string | null | undefined): string | null {
  if (!from || !to) return '请选择手术日期期间'
  if (to < from) return `结束日期 ${to} 早于开始日期 ${from}`
  const limit = addMonths(from, MAX_MONTHS)
  if (to >= limit) return `导出期间最长 1 年：结束日期应早于 ${limit}，请分段导出`
  return null
}

/** The first half of the current year up to today, or the last quarter when the year has just begun. */
export function defaultPeriod(today: string): [string, string] {
  const year = today.slice(0, 4)
  const start = `${year}-01-01`
  return today.slice(5) < '02-01' ? [addMonths(today, -3), today] : [start, today]
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first), or the fallback. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition)
  if (extended) {
    try {
      return decodeURIComponent(extended[1])
    } catch {
      // malformed: fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(contentDisposition)
  return plain ? plain[1] : fallback
}

/**
 * Downloads an export: on success the browser saves the file; on failure (the server's problem
 * with its Chinese detail and field errors, or no network) it is shown and the ApiError thrown.
 */
export async function downloadExport(kind: ExportKind, params: ExportParams): Promise<string> {
  const response = await fetchFile(exportUrl(kind, params), undefined, { Accept: '*/*' })
  const name = fileNameFrom(
    response.headers.get('content-disposition'),
    kind === 'xlsx' ? 'case-export.xlsx' : 'case-export.json',
  )
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
  return name
}
