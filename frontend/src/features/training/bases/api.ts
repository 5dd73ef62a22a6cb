import { http } from '@/api/http'
import type { ClauseEvaluation } from '@/api/types'

/** A clause not met (or undecided) when the base was submitted. */
export interface UnmetClause {
  citation: string
  status: string
  statusLabel: string
  actual?: string | null
  required?: string | null
  explanation: string
}

export interface BaseInstructor {
  personId: string
  name: string
  title?: string | null
  clinicalStart?: string | null
  specialties: string[]
  since: string
  until?: string | null
}

export interface BaseExpert {
  expertId: string
  name: string
  recommendation?: string | null
  opinion?: string | null
  opinionAt?: string | null
}

export interface BaseStep {
  action: string
  actionLabel: string
  fromStatus?: string | null
  toStatus: string
  actorName: string
  actorRole?: string | null
  note?: string | null
  at: string
}

export interface TrainingBase {
  id: string
  institutionId: string
  institutionName: string
  regionCode: string
  regionName?: string | null
  technology: string
  technologyName: string
  status: string
  statusLabel: string
  designated: boolean
  submittedOn?: string | null
  filedOn?: string | null
  decidedOn?: string | null
  decisionReason?: string | null
  revokedOn?: string | null
  revocationReason?: string | null
  verdictStatus?: string | null
  verdict?: ClauseEvaluation | null
  unmetClauses: UnmetClause[]
  proposal?: { on: string; reason: string } | null
  instructors: BaseInstructor[]
  experts: BaseExpert[]
  steps: BaseStep[]
  actions: string[]
  version: number
}

export interface TrainingBaseSummary {
  id: string
  institutionId: string
  institutionName: string
  regionCode: string
  regionName?: string | null
  technology: string
  technologyName: string
  status: string
  statusLabel: string
  designated: boolean
  submittedOn?: string | null
  filedOn?: string | null
  verdictStatus?: string | null
  unmetCount: number
  instructors: number
  revocationProposed: boolean
}

export interface PublicTrainingBase {
  institutionName: string
  regionCode: string
  regionName?: string | null
  technology: string
  technologyName: string
  filedOn: string
  designated: boolean
  instructors: number
}

const seg = (s: string) => encodeURIComponent(s)

/** The training-base endpoints (docs/training.md). */
export const trainingBasesApi = {
  list: (query: { technology?: string; status?: string; proposals?: boolean } = {}) =>
    http.get<TrainingBaseSummary[]>('/api/training-bases', { query: { ...query } }),
  publicList: (technology?: string) =>
    http.get<PublicTrainingBase[]>('/api/public/training-bases', { query: { technology } }),
  get: (id: string) => http.get<TrainingBase>(`/api/training-bases/${seg(id)}`),
  verdict: (id: string) => http.get<ClauseEvaluation>(`/api/training-bases/${seg(id)}/verdict`),
  create: (technology: string) => http.post<TrainingBase>('/api/training-bases', { technology }),
  designate: (body: { institutionId: string; technology: string; instructorIds: string[]; note?: string }) =>
    http.post<TrainingBase>('/api/training-bases/designations', body),
  addInstructor: (id: string, personId: string, since: string | null, version: number) =>
    http.post<TrainingBase>(`/api/training-bases/${seg(id)}/instructors`, { personId, since, version }),
  endInstructor: (id: string, personId: string, until: string | null, version: number) =>
    http.post<TrainingBase>(`/api/training-bases/${seg(id)}/instructors/${seg(personId)}/end`, {
      until,
      version,
    }),
  review: (id: string, expertIds: string[], version: number) =>
    http.post<TrainingBase>(`/api/training-bases/${seg(id)}/review`, { expertIds, version }),
  opinion: (id: string, recommendation: string, opinion: string, version: number) =>
    http.post<TrainingBase>(`/api/training-bases/${seg(id)}/opinion`, {
      recommendation,
      opinion,
      version,
    }),
  /** submit, withdraw, file, return, reject, revoke, dismiss-proposal: an optional or required note. */
  step: (id: string, step: string, note: string | null, version: number) =>
    http.post<TrainingBase>(`/api/training-bases/${seg(id)}/${step}`, { note, version }),
}

/** The path of each note-carrying action, and whether its note is required. */
export const NOTE_ACTIONS: Record<string, { path: string; label: string; required: boolean }> = {
  SUBMIT: { path: 'submit', label: '提交申请', required: false },
  WITHDRAW: { path: 'withdraw', label: '撤回申请', required: false },
  FILE: { path: 'file', label: '予以备案', required: false },
  RETURN: { path: 'return', label: '退回修改', required: true },
  REJECT: { path: 'reject', label: '不予备案', required: true },
  REVOKE: { path: 'revoke', label: '撤销备案', required: true },
  DISMISS_PROPOSAL: { path: 'dismiss-proposal', label: '驳回撤销建议', required: true },
}

export const RECOMMENDATIONS: Record<string, string> = {
  FILE: '建议予以备案',
  RETURN: '建议退回修改',
  REJECT: '建议不予备案',
}

/** Element Plus tag type per base status. */
export function baseStatusType(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'FILED':
      return 'success'
    case 'SUBMITTED':
    case 'UNDER_REVIEW':
      return 'primary'
    case 'RETURNED':
      return 'warning'
    case 'REJECTED':
    case 'REVOKED':
      return 'danger'
    default:
      return 'info'
  }
}

/** The warning shown before submitting with open clauses (submission is not blocked, as for filings). */
export function submitWarning(unmet: { citation: string; statusLabel: string }[]): string | null {
  if (unmet.length === 0) return null
  return (
    '以下条款尚未满足或待确认，将随申请一并列出供省级卫生健康行政部门审查：' +
    unmet.map((c) => `${c.citation}（${c.statusLabel}）`).join('、') +
    '。确定仍要提交吗？'
  )
}
