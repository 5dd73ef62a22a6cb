import { http } from '@/api/http'
import type {
  Assessment,
  AssessmentReport,
  AssessmentSaveRequest,
  AssessmentSubjectRequest,
  AssessmentSummary,
} from '@/api/types'

const seg = encodeURIComponent

/** Capability assessments (能力评估, docs/assessment.md). */
export const assessmentsApi = {
  /** Computes an assessment without saving it. */
  preview: (subject: AssessmentSubjectRequest) =>
    http.post<AssessmentReport>('/api/assessments/preview', subject, { silent: true }),
  /** Saves the conclusion and signatures with a snapshot of the figures. */
  save: (body: AssessmentSaveRequest) => http.post<Assessment>('/api/assessments', body, { silent: true }),
  list: (query: { institutionId?: string; filingId?: string; technology?: string } = {}) =>
    http.get<AssessmentSummary[]>('/api/assessments', { query }),
  get: (id: string) => http.get<Assessment>(`/api/assessments/${seg(id)}`),
  pdfUrl: (id: string) => `/api/assessments/${seg(id)}/pdf`,
}

/** A half-year of the OPPE cycle: label and its first and last day. */
export interface HalfYear {
  label: string
  from: string
  to: string
}

/**
 * The half-years to offer, newest first: the current one (up to today) and the `count - 1` before it.
 * @param today ISO date of today
 */
export function halfYears(today: string, count = 6): HalfYear[] {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  let y = year
  let h = month <= 6 ? 1 : 2
  const out: HalfYear[] = []
  for (let i = 0; i < count; i++) {
    const from = h === 1 ? `${y}-01-01` : `${y}-07-01`
    const end = h === 1 ? `${y}-06-30` : `${y}-12-31`
    out.push({ label: `${y}年${h === 1 ? '上' : '下'}半年`, from, to: end > today ? today : end })
    if (h === 1) {
      h = 2
      y -= 1
    } else {
      h = 1
    }
  }
  return out
}

/** Whether a period is at most two years (the server's bound): to before from + 2 years. */
export function withinTwoYears(from: string, to: string): boolean {
  if (!from || !to || from > to) return false
  const limit = `${Number(from.slice(0, 4)) + 2}${from.slice(4)}`
  return to < limit
}
