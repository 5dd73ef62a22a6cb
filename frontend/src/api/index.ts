import { http } from './http'
import type {
  ClauseEvaluation,
  EligibilityMatrix,
  EvaluateRequest,
  Institution,
  InstitutionSummary,
  Person,
  PersonEligibility,
  PersonSummary,
  Region,
  Spec,
  SpecSummary,
  Technology,
  TechnologyDetail,
} from './types'

export { ApiError, showError } from './http'
export type { FieldError, ProblemDetail } from './http'

const seg = encodeURIComponent

export const catalogApi = {
  technologies: () => http.get<Technology[]>('/api/technologies'),
  technology: (code: string) => http.get<TechnologyDetail>(`/api/technologies/${seg(code)}`),
}

export const specsApi = {
  list: () => http.get<SpecSummary[]>('/api/specs'),
  get: (key: string) => http.get<Spec>(`/api/specs/${seg(key)}`),
}

export const regionsApi = {
  tree: () => http.get<Region[]>('/api/regions'),
}

export const institutionsApi = {
  list: (query: { q?: string; regionCode?: string } = {}) =>
    http.get<InstitutionSummary[]>('/api/institutions', { query }),
  get: (id: string) => http.get<Institution>(`/api/institutions/${seg(id)}`),
  create: (body: Institution) => http.post<Institution>('/api/institutions', body),
  update: (id: string, body: Institution) => http.put<Institution>(`/api/institutions/${seg(id)}`, body),
  eligibility: (id: string, asOf?: string, silent = false) =>
    http.get<EligibilityMatrix>(`/api/institutions/${seg(id)}/eligibility`, { query: { asOf }, silent }),
  clauses: (id: string, technology: string, asOf?: string) =>
    http.get<ClauseEvaluation>(`/api/institutions/${seg(id)}/eligibility/${seg(technology)}`, {
      query: { asOf },
    }),
}

export const peopleApi = {
  list: (query: { institutionId?: string; q?: string; role?: string } = {}) =>
    http.get<PersonSummary[]>('/api/people', { query }),
  get: (id: string) => http.get<Person>(`/api/people/${seg(id)}`),
  create: (body: Person) => http.post<Person>('/api/people', body),
  update: (id: string, body: Person) => http.put<Person>(`/api/people/${seg(id)}`, body),
  eligibility: (id: string, asOf?: string) =>
    http.get<PersonEligibility>(`/api/people/${seg(id)}/eligibility`, { query: { asOf } }),
  clauses: (id: string, technology: string, asOf?: string) =>
    http.get<ClauseEvaluation>(`/api/people/${seg(id)}/eligibility/${seg(technology)}`, { query: { asOf } }),
}

export const eligibilityApi = {
  evaluate: (body: EvaluateRequest) => http.post<ClauseEvaluation>('/api/eligibility/evaluate', body),
}
