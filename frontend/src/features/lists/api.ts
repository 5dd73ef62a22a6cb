import { fetchFile, http } from '@/api/http'
import { showError } from '@/api'
import type { AuthorizationSummaryRow, AuditRow, FilingSummaryRow, InstitutionRow, PersonRow } from './types'

/** One page of a server-side list (cn.rtms.web.ListPage). */
export interface ListPage<T> {
  items: T[]
  total: number
  page: number
  size: number
  sort: string
}

type Query = Record<string, string | number>

export const listsApi = {
  institutions: (query: Query) => http.get<ListPage<InstitutionRow>>('/api/institutions/page', { query }),
  people: (query: Query) => http.get<ListPage<PersonRow>>('/api/people/page', { query }),
  filings: (query: Query) => http.get<ListPage<FilingSummaryRow>>('/api/filings/page', { query }),
  authorizations: (query: Query) =>
    http.get<ListPage<AuthorizationSummaryRow>>('/api/authorizations/page', { query }),
  audit: (query: Query) => http.get<ListPage<AuditRow>>('/api/audit/page', { query }),
  auditLabels: () =>
    http.get<{ actions: Record<string, string>; entityTypes: Record<string, string> }>('/api/audit/labels'),
}

/**
 * Downloads a list's export (…/export.xlsx with the current filters and sort); a refusal
 * (too many rows, unknown sort) is shown as the server's Chinese problem, not as a file.
 */
export async function downloadExport(path: string, query: Record<string, string>, fileName: string) {
  let response: Response
  try {
    response = await fetchFile(path, query)
  } catch {
    return // shown (and a lost session handed over to the login page) by fetchFile
  }
  try {
    const blob = await response.blob()
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  } catch (error) {
    showError(error)
  }
}
