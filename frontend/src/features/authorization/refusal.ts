import { ApiError } from '@/api/http'
import type { RefusedClause } from '@/api/types'

/** A grant refused by the eligibility engine (422 NOT_ELIGIBLE), as shown to the administrator. */
export interface Refusal {
  title: string
  detail: string
  specKey: string | null
  statusLabel: string | null
  clauses: RefusedClause[]
}

/** Reads the NOT_ELIGIBLE problem; null for any other error. */
export function refusalFrom(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.code !== 'NOT_ELIGIBLE') return null
  const p = error.problem
  const raw = Array.isArray(p.clauses) ? (p.clauses as Partial<RefusedClause>[]) : []
  return {
    title: p.title || '不符合授权条件',
    detail: p.detail || '',
    specKey: typeof p.specKey === 'string' ? p.specKey : null,
    statusLabel: typeof p.eligibilityStatusLabel === 'string' ? p.eligibilityStatusLabel : null,
    clauses: raw.map((c) => ({
      citation: c.citation ?? '',
      status: c.status ?? '',
      statusLabel: c.statusLabel ?? c.status ?? '',
      explanation: c.explanation ?? null,
    })),
  }
}

export const AUTHORIZATION_STATUS: {
  value: string
  label: string
  type: 'warning' | 'success' | 'danger' | 'info'
}[] = [
  { value: 'PENDING', label: '待审批', type: 'warning' },
  { value: 'GRANTED', label: '已授权', type: 'success' },
  { value: 'REJECTED', label: '已驳回', type: 'danger' },
  { value: 'REVOKED', label: '已撤销', type: 'info' },
]

export function authorizationStatusType(status: string): 'warning' | 'success' | 'danger' | 'info' {
  return AUTHORIZATION_STATUS.find((s) => s.value === status)?.type ?? 'info'
}
