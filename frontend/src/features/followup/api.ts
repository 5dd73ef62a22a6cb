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

export const followUpsApi = {
  /** One list; `q` finds the points of cases whose 病案号 or 住院号 begins with it. */
  list: (status: 'DUE' | 'OVERDUE' | 'DONE', page = 0, size = 50, institutionId?: string, q?: string) =>
    http.get<FollowUpPage>('/api/follow-ups', {
      query: { status, page, size, ...(institutionId ? { institutionId } : {}), ...(q ? { q } : {}) },
    }),
  ofCase: (caseId: string) => http.get<FollowUp[]>(`/api/follow-ups/by-case/${encodeURIComponent(caseId)}`),
  record: (id: string, record: FollowUpRecord) =>
    http.put<FollowUp>(`/api/follow-ups/${encodeURIComponent(id)}`, record),
}
