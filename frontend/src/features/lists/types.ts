/** Rows of the server-side lists (docs/lists.md). */
export type {
  InstitutionSummary as InstitutionRow,
  PersonSummary as PersonRow,
  FilingSummary as FilingSummaryRow,
} from '@/api/types'
export type { Authorization as AuthorizationSummaryRow } from '@/api/types'

/** One audit entry made readable (cn.rtms.audit.AuditView). */
export interface AuditRow {
  id: number
  occurredAt: string
  actorName: string
  actorRoleLabel: string | null
  action: string
  actionLabel: string
  entityType: string
  entityTypeLabel: string
  entityId: string
  subjectName: string | null
  subjectLink: string | null
  address: string
  changes: { field: string; before: string | null; after: string | null }[]
}
