import { http } from '@/api/http'
import type { UserSummary } from '@/api/types'

const seg = encodeURIComponent

/** A specialty of an expert: a catalogue technology (docs/experts.md). */
export interface Specialty {
  code: string
  name: string
}

/** An expert of a regional pool (GET /api/experts). */
export interface PoolExpert {
  id: string
  username: string
  displayName: string
  regionCode?: string | null
  regionName?: string | null
  enabled: boolean
  inPool: boolean
  specialties: Specialty[]
  employerInstitutionId?: string | null
  employerName?: string | null
  active: boolean
  version: number
}

export interface CreateExpertRequest {
  username: string
  displayName: string
  regionCode: string
  initialPassword: string
  specialties: string[]
  employerInstitutionId?: string | null
  employerName?: string | null
}

export interface ExpertProfileRequest {
  regionCode?: string | null
  specialties: string[]
  employerInstitutionId?: string | null
  employerName?: string | null
  active?: boolean | null
  version?: number | null
}

/** An account an authority runs (GET /api/authority/accounts). */
export interface SubordinateAccount {
  account: UserSummary
  regionName?: string | null
}

export interface CreateSubordinateRequest {
  username: string
  displayName: string
  role: 'CITY_AUTHORITY' | 'COUNTY_AUTHORITY' | 'EXPERT'
  regionCode: string
  initialPassword: string
}

/** An expert offered for an assignment, with specialty match and recusal. */
export interface ExpertCandidate {
  id: string
  username: string
  displayName: string
  regionCode: string
  regionName?: string | null
  /** 本级, 上级, 下级 (or 全部 for the system administrator). */
  pool: string
  specialties: Specialty[]
  specialtyMatch: boolean
  employerName?: string | null
  recused: boolean
  recusalReason?: string | null
}

/** A random draw, as recorded in the audit trail. */
export interface ExpertDrawResult {
  subjectType: string
  subjectId: string
  technologyCode: string
  count: number
  seed: string
  algorithm: string
  candidateIds: string[]
  drawn: ExpertCandidate[]
}

/** What experts are assigned to: a filing or a training base. */
export interface AssignmentTarget {
  kind: 'filings' | 'training-bases'
  id: string
}

export const expertPoolApi = {
  list: () => http.get<PoolExpert[]>('/api/experts'),
  create: (body: CreateExpertRequest) => http.post<PoolExpert>('/api/experts', body),
  save: (id: string, body: ExpertProfileRequest) => http.put<PoolExpert>(`/api/experts/${seg(id)}`, body),
}

export const authorityAccountsApi = {
  list: () => http.get<SubordinateAccount[]>('/api/authority/accounts'),
  create: (body: CreateSubordinateRequest) => http.post<SubordinateAccount>('/api/authority/accounts', body),
  disable: (id: string) => http.post<SubordinateAccount>(`/api/authority/accounts/${seg(id)}/disable`, {}),
  enable: (id: string) => http.post<SubordinateAccount>(`/api/authority/accounts/${seg(id)}/enable`, {}),
  resetPassword: (id: string, password: string) =>
    http.post<SubordinateAccount>(`/api/authority/accounts/${seg(id)}/password-reset`, { password }),
}

export const assignmentApi = {
  /** Silent: a user who may not assign gets the plain expert list instead. */
  candidates: (target: AssignmentTarget) =>
    http.get<ExpertCandidate[]>(`/api/${target.kind}/${seg(target.id)}/expert-candidates`, { silent: true }),
  draw: (target: AssignmentTarget, count: number) =>
    http.post<ExpertDrawResult>(`/api/${target.kind}/${seg(target.id)}/expert-draw`, { count }),
}

/** How many specialty tags a row of the expert list shows before folding the rest into 「等 N 项」. */
export const SHOWN_SPECIALTIES = 4

/** The specialties a row shows and the ones folded away (named in the fold's tooltip). */
export function foldSpecialties<T>(
  specialties: readonly T[],
  shown = SHOWN_SPECIALTIES,
): { shown: T[]; folded: T[] } {
  // folding a single item saves no room: show it
  if (specialties.length <= shown + 1) return { shown: [...specialties], folded: [] }
  return { shown: specialties.slice(0, shown), folded: specialties.slice(shown) }
}
