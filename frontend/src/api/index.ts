import { buildUrl, http, upload, type UploadOptions } from './http'
import type {
  AuditEntry,
  Authorization,
  AuthorizationRequest,
  Filing,
  FirstCaseSuggestion,
  PriorFilingInput,
  FilingSummary,
  InboxItem,
  PublicFiling,
  Reminders,
  UserSummary,
  RevocationCheckResult,
  ChainVerification,
  ClauseEvaluation,
  ConfirmationRequest,
  CreateUserRequest,
  CurrentUser,
  LoginRequest,
  PasswordChangeRequest,
  EditionDiff,
  EligibilityMatrix,
  EvaluateRequest,
  Institution,
  InstitutionSummary,
  JurisdictionChange,
  Person,
  PersonEligibility,
  PersonSummary,
  Region,
  ScenarioRequest,
  ScenarioResult,
  Spec,
  SpecSummary,
  Technology,
  TechnologyDetail,
} from './types'

export { ApiError, showError, upload } from './http'
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
  create: (body: Institution) => http.post<Institution>('/api/institutions', body, { silent: true }),
  update: (id: string, body: Institution) =>
    http.put<Institution>(`/api/institutions/${seg(id)}`, body, { silent: true }),
  changeJurisdiction: (id: string, body: JurisdictionChange) =>
    http.put<Institution>(`/api/institutions/${seg(id)}/jurisdiction`, body),
  confirm: (id: string, body: ConfirmationRequest) =>
    http.post<Institution>(`/api/institutions/${seg(id)}/attestations`, body),
  withdrawConfirmation: (id: string, confirmationId: string) =>
    http.delete<Institution>(`/api/institutions/${seg(id)}/attestations/${seg(confirmationId)}`),
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
  create: (body: Person) => http.post<Person>('/api/people', body, { silent: true }),
  update: (id: string, body: Person) => http.put<Person>(`/api/people/${seg(id)}`, body, { silent: true }),
  confirm: (id: string, body: ConfirmationRequest) =>
    http.post<Person>(`/api/people/${seg(id)}/attestations`, body),
  withdrawConfirmation: (id: string, confirmationId: string) =>
    http.delete<Person>(`/api/people/${seg(id)}/attestations/${seg(confirmationId)}`),
  eligibility: (id: string, asOf?: string) =>
    http.get<PersonEligibility>(`/api/people/${seg(id)}/eligibility`, { query: { asOf } }),
  clauses: (id: string, technology: string, asOf?: string) =>
    http.get<ClauseEvaluation>(`/api/people/${seg(id)}/eligibility/${seg(technology)}`, { query: { asOf } }),
}

export const eligibilityApi = {
  evaluate: (body: EvaluateRequest, silent = false) =>
    http.post<ClauseEvaluation>('/api/eligibility/evaluate', body, { silent }),
}

export const authApi = {
  /** Silent: the login page shows wrong password / lockout itself. */
  login: (body: LoginRequest) => http.post<CurrentUser>('/api/auth/login', body, { silent: true }),
  logout: () => http.post<void>('/api/auth/logout', {}, { silent: true }),
  /** Silent: 401 just means nobody is logged in. */
  me: () => http.get<CurrentUser>('/api/auth/me', { silent: true }),
  changePassword: (body: PasswordChangeRequest) =>
    http.post<CurrentUser | undefined>('/api/auth/password', body, { silent: true }),
}

export const auditApi = {
  entries: (query: { entityType?: string; entityId?: string; limit?: number } = {}) =>
    http.get<AuditEntry[]>('/api/audit', { query }),
  verify: () => http.get<ChainVerification>('/api/audit/verify'),
}

export interface ExpertOption {
  id: string
  name?: string
  displayName?: string
  username?: string
}

export interface FilingListQuery {
  state?: string
  technology?: string
  regionCode?: string
}

/** A filing workflow command: POST /api/filings/{id}/{action} with a JSON body. */
function filingCommand(id: string, action: string, body: Record<string, unknown>, silent = false) {
  return http.post<Filing>(`/api/filings/${seg(id)}/${action}`, body, { silent })
}

function withVersion(
  version: number | undefined,
  fields: Record<string, string> = {},
): Record<string, string> {
  return version === undefined ? fields : { version: String(version), ...fields }
}

export const filingsApi = {
  list: (query: FilingListQuery = {}) => http.get<FilingSummary[]>('/api/filings', { query: { ...query } }),
  inbox: () => http.get<InboxItem[]>('/api/filings/inbox'),
  get: (id: string) => http.get<Filing>(`/api/filings/${seg(id)}`),
  create: (body: { technology: string; firstCaseDate?: string | null }) =>
    http.post<Filing>('/api/filings', body),
  /**
   * Registers a prior filing (存量备案, approved on paper before the platform) as the review authority: JSON, or
   * multipart with the JSON part `prior` and the file part `approvalDocument`.
   */
  registerPrior: (body: PriorFilingInput, approvalDocument: File | null, options: UploadOptions = {}) =>
    approvalDocument
      ? upload<Filing>('/api/filings/prior', approvalDocument, {
          ...options,
          field: 'approvalDocument',
          jsonParts: { prior: body },
        })
      : http.post<Filing>('/api/filings/prior', body, { silent: options.silent }),
  command: filingCommand,
  selfAssess: (id: string, version: number) => filingCommand(id, 'self-assessment', { version }),
  attest: (
    id: string,
    version: number,
    fields: { clauseRef: string; evidence: string },
    file: File | null,
    options: UploadOptions = {},
  ) =>
    file
      ? upload<Filing>(`/api/filings/${seg(id)}/attestations`, file, {
          ...options,
          fields: withVersion(version, fields),
        })
      : uploadFields<Filing>(`/api/filings/${seg(id)}/attestations`, withVersion(version, fields)),
  committeeOpinion: (
    id: string,
    version: number,
    fields: { committee: string; meetingDate: string; opinion: string },
    minutes: File,
    options: UploadOptions = {},
  ) =>
    upload<Filing>(`/api/filings/${seg(id)}/committee-opinions`, minutes, {
      ...options,
      field: 'minutes',
      fields: withVersion(version, fields),
    }),
  document: (id: string, version: number, description: string, file: File, options: UploadOptions = {}) =>
    upload<Filing>(`/api/filings/${seg(id)}/documents`, file, {
      ...options,
      fields: withVersion(version, { description }),
    }),
  documentUrl: (id: string, documentId: string) => `/api/filings/${seg(id)}/documents/${seg(documentId)}`,
  pdfUrl: (id: string) => `/api/filings/${seg(id)}/pdf`,
  exportUrl: (query: FilingListQuery = {}) => buildUrl('/api/filings/export.xlsx', { ...query }),
  /** The review experts an authority can assign (id + name). */
  experts: () => http.get<ExpertOption[]>('/api/filings/experts', { silent: true }),
  revocationCheck: () => http.post<RevocationCheckResult>('/api/filings/revocation-check', {}),
  publicList: (regionCode?: string) =>
    http.get<PublicFiling[]>('/api/public/filings', { query: { regionCode } }),
  /** Confirms several pending clauses with one evidence file (批量确认). */
  attestAll: (
    id: string,
    version: number,
    clauseRefs: string[],
    evidence: string,
    file: File,
    options: UploadOptions = {},
  ) =>
    upload<Filing>(`/api/filings/${seg(id)}/attestations/batch`, file, {
      ...options,
      fields: withVersion(version, { evidence }),
      repeatedFields: { clauseRefs },
    }),
  /** Takes back a submission the authority has not received yet (撤回提交). */
  withdraw: (id: string, version: number, reason?: string) =>
    filingCommand(id, 'withdraw', reason ? { version, reason } : { version }),
  /** Deletes a draft that was never submitted. */
  deleteDraft: (id: string, version: number) =>
    http.delete<void>(`/api/filings/${seg(id)}`, { query: { version } }),
  /** The first-case date proposed from the institution's own records. */
  firstCaseDate: (technology: string) =>
    http.get<FirstCaseSuggestion>('/api/filings/first-case-date', { query: { technology }, silent: true }),
}

/** A multipart POST without a file (e.g. an attestation with only a written evidence). */
function uploadFields<T>(path: string, fields: Record<string, string>): Promise<T> {
  return upload<T>(path, null, { fields })
}

export const authorizationsApi = {
  list: (
    query: {
      institutionId?: string
      personId?: string
      technology?: string
      status?: string
      effective?: boolean
    } = {},
  ) => http.get<Authorization[]>('/api/authorizations', { query }),
  get: (id: string) => http.get<Authorization>(`/api/authorizations/${seg(id)}`),
  create: (body: AuthorizationRequest) => http.post<Authorization>('/api/authorizations', body),
  update: (id: string, body: AuthorizationRequest) =>
    http.put<Authorization>(`/api/authorizations/${seg(id)}`, body),
  /** Silent: a NOT_ELIGIBLE refusal is shown with its failing clauses by the caller. */
  grant: (id: string, version: number) =>
    http.post<Authorization>(`/api/authorizations/${seg(id)}/grant`, { version }, { silent: true }),
  reject: (id: string, version: number, reason: string) =>
    http.post<Authorization>(`/api/authorizations/${seg(id)}/reject`, { version, reason }),
  revoke: (id: string, version: number, reason: string) =>
    http.post<Authorization>(`/api/authorizations/${seg(id)}/revoke`, { version, reason }),
  reminders: (days = 90) => http.get<Reminders>('/api/reminders', { query: { days } }),
}

export const usersApi = {
  list: () => http.get<UserSummary[]>('/api/users'),
  create: (body: CreateUserRequest) => http.post<UserSummary>('/api/users', body, { silent: true }),
  unlock: (id: string) => http.post<UserSummary>(`/api/users/${seg(id)}/unlock`, {}),
  disable: (id: string) => http.post<UserSummary>(`/api/users/${seg(id)}/disable`, {}),
  enable: (id: string) => http.post<UserSummary>(`/api/users/${seg(id)}/enable`, {}),
  resetPassword: (id: string, password: string) =>
    http.post<UserSummary>(`/api/users/${seg(id)}/password-reset`, { password }),
}

/** What-if across saved records and the edition diff (docs/what-if.md); nothing is saved. */
export const whatIfApi = {
  scenario: (body: ScenarioRequest) => http.post<ScenarioResult>('/api/what-if/scenarios', body),
  diff: (from: string, to: string) => http.get<EditionDiff>('/api/specs/diff', { query: { from, to } }),
}
