import { http } from '@/api/http'

/** Where a follow-up point stands (docs/follow-ups.md). */
export type FollowUpStatus = 'UPCOMING' | 'DUE' | 'OVERDUE' | 'DONE' | 'CANCELLED'

export interface FollowUp {
  id: string
  version: number
  caseId: string
  institutionId: string
  institutionName: string | null
  technology: string
  medicalRecordNo: string | null
  patientPseudonym: string
  operationDate: string
  label: string
  period: string
  dueDate: string
  status: FollowUpStatus
  statusLabel: string
  performedOn: string | null
  method: string | null
  vitalStatus: string | null
  deathDate: string | null
  diseaseStatus: string | null
  note: string | null
  cancelReason: string | null
  /** Days since the due date when overdue (the platform's clock), else null. */
  overdueDays?: number | null
}

export interface FollowUpPage {
  items: FollowUp[]
  total: number
  due: number
  overdue: number
  done: number
}

export interface FollowUpRecord {
  version: number
  performedOn: string | null
  method: string | null
  vitalStatus: string | null
  deathDate: string | null
  diseaseStatus: string | null
  note: string | null
}

/** What narrows a follow-up list (and its export) besides its status. */
export interface FollowUpFilter {
  institutionId?: string
  q?: string
  from?: string
  to?: string
}

/** The filter's non-empty entries, in a fixed order (the address and the request read alike). */
export function present(filter: FollowUpFilter): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of ['institutionId', 'q', 'from', 'to'] as const) {
    const value = filter[key]
    if (value) out[key] = value
  }
  return out
}

export const followUpsApi = {
  /** One list, narrowed by hospital, 病案号 or 住院号 (its beginning) and due-date range (应随访日期). */
  list: (status: 'DUE' | 'OVERDUE' | 'DONE', page = 0, size = 50, filter: FollowUpFilter = {}) =>
    http.get<FollowUpPage>('/api/follow-ups', { query: { status, page, size, ...present(filter) } }),
  ofCase: (caseId: string) => http.get<FollowUp[]>(`/api/follow-ups/by-case/${encodeURIComponent(caseId)}`),
  record: (id: string, record: FollowUpRecord) =>
    http.put<FollowUp>(`/api/follow-ups/${encodeURIComponent(id)}`, record),
}
