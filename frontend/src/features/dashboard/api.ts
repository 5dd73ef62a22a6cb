import { http } from '@/api/http'

/** A count under a code, with its Chinese label (server side). */
export interface Count {
  code: string
  label: string
  count: number
}

/** A front-end route and its query. */
export interface WorkbenchLink {
  path: string
  query: Record<string, string>
}

export type Tone = 'danger' | 'warning' | 'info'

export interface Todo {
  key: string
  label: string
  count: number
  tone: Tone
  hint: string
  link: WorkbenchLink
}

export interface Review {
  filingId: string
  institutionName: string
  technology: string
  technologyName: string
  dueOn?: string | null
  workingDaysLeft?: number | null
  overdue: boolean
}

export interface OwnAuthorization {
  id: string
  technology: string
  technologyName: string
  status: string
  statusLabel: string
  effective: boolean
  validFrom: string
  validUntil: string
  validityLabel?: string | null
}

/** The current user's home page (工作台), see docs/workbench.md; absent sections are not the role's. */
export interface Workbench {
  role: string
  roleLabel: string
  scopeLabel?: string | null
  asOf: string
  todos: Todo[]
  inbox?: {
    total: number
    overdue: number
    byAction: Count[]
    byDeadline: Count[]
    link: WorkbenchLink
  } | null
  statistics?: {
    regionCode: string
    regionName: string
    total: number
    byState: Count[]
    byTechnology: Count[]
    byDistrict: Count[]
  } | null
  reviews?: Review[] | null
  authorizations?: OwnAuthorization[] | null
  eligibility?: {
    personId: string
    byStatus: Count[]
    rows: { technology: string; technologyName: string; status: string; statusLabel: string }[]
  } | null
}

export const workbenchApi = {
  get: () => http.get<Workbench>('/api/workbench'),
}
