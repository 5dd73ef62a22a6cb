import { http } from '@/api/http'
import type { AlertCounts, AlertPage, AlertRefreshResult, AlertView } from '@/api/types'

/** Filters of the alert list (docs/supervision.md); empty strings mean "all". */
export interface AlertFilters {
  kind?: string
  status?: string
  technology?: string
  institutionId?: string
}

/** Longest acknowledgement note the server accepts. */
export const MAX_NOTE_LENGTH = 500

export const alertsApi = {
  list: (filters: AlertFilters, page: number, size: number) =>
    http.get<AlertPage>('/api/alerts', { query: { ...clean(filters), page, size } }),
  counts: () => http.get<AlertCounts>('/api/alerts/counts'),
  get: (id: string) => http.get<AlertView>(`/api/alerts/${encodeURIComponent(id)}`),
  acknowledge: (id: string, note: string) =>
    http.post<AlertView>(`/api/alerts/${encodeURIComponent(id)}/acknowledge`, { note }),
  refresh: () => http.post<AlertRefreshResult>('/api/alerts/refresh', {}),
}

function clean(filters: AlertFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value
  return query
}

/** Element Plus tag type of a severity. */
export function severityTagType(severity: string): 'danger' | 'warning' | 'info' {
  if (severity === 'HIGH') return 'danger'
  if (severity === 'MEDIUM') return 'warning'
  return 'info'
}

/** Element Plus tag type of the viewer's status. */
export function statusTagType(status: string): 'danger' | 'success' | 'info' {
  if (status === 'OPEN') return 'danger'
  if (status === 'ACKNOWLEDGED') return 'success'
  return 'info'
}

/** Why a note cannot be sent, or null when it can. */
export function noteProblem(note: string): string | null {
  const text = note.trim()
  if (!text) return '请填写确认说明'
  if (text.length > MAX_NOTE_LENGTH) return `确认说明不能超过 ${MAX_NOTE_LENGTH} 个字`
  return null
}

/**
 * The evidence link as a router location: path and query. An indicator alert links to the region's indicator page;
 * a hospital user (who may not open it) gets the same set, indicator and period on 本院质控指标.
 */
export function evidenceLocation(
  link: string,
  hospitalUser = false,
): { path: string; query: Record<string, string> } {
  const [path, search = ''] = link.split('?', 2)
  const query: Record<string, string> = {}
  new URLSearchParams(search).forEach((value, key) => (query[key] = value))
  if (hospitalUser && path === '/indicators') return { path: '/indicators/hospital', query }
  return { path: path ?? link, query }
}
