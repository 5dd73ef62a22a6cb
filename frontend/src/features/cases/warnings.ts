/** Plausibility warnings the server asks the clerk to confirm (422 CASE_WARNINGS_UNCONFIRMED). */
import type { ProblemDetail } from '@/api/http'

export interface CaseWarning {
  field: string
  code: string
  message: string
  /** What the checkbox says. */
  text: string
}

/** The warnings of a problem detail, one per code (the code is what the clerk confirms). */
export function pendingWarnings(problem: ProblemDetail): CaseWarning[] {
  const raw = Array.isArray(problem.warnings) ? (problem.warnings as unknown[]) : []
  const seen = new Set<string>()
  const list: CaseWarning[] = []
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue
    const w = item as { field?: unknown; code?: unknown; message?: unknown }
    const code = typeof w.code === 'string' ? w.code : ''
    if (!code || seen.has(code)) continue
    seen.add(code)
    const message = typeof w.message === 'string' && w.message ? w.message : code
    list.push({ field: typeof w.field === 'string' ? w.field : '', code, message, text: message })
  }
  return list
}
