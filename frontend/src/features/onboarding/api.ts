import { http, upload } from '@/api/http'
import type { Region, UserRole, UserSummary } from '@/api/types'

/** The registration form's fields (all strings, checked by the server with Chinese messages). */
export interface RegistrationFields {
  name: string
  creditCode: string
  licenceNumber: string
  issuerName: string
  issuerRegionCode: string
  regionCode: string
  level: string
  type: string
  contactName: string
  contactMobile: string
  adminUsername: string
}

export interface Captcha {
  id: string
  image: string
}

export interface Option {
  code: string
  label: string
}

export interface RegistrationOptions {
  regions: Region[]
  levels: Option[]
  types: Option[]
}

export interface Submitted {
  id: string
  statusToken: string
  statusPath: string
}

export interface RegistrationView {
  id: string
  status: 'PENDING' | 'RETURNED' | 'APPROVED'
  statusLabel: string
  name: string
  creditCode: string
  licenceNumber: string
  issuerName: string
  issuerRegionCode: string
  issuerRegionName: string | null
  regionCode: string
  regionName: string | null
  level: string
  levelLabel: string
  type: string
  typeLabel: string
  contactName: string
  contactMobile: string
  adminUsername: string
  scanName: string
  returnReasons: string | null
  submittedAt: string
  decidedAt: string | null
  institutionId: string | null
  activationPath: string | null
  activated: boolean
}

export interface IssuedActivation {
  account: UserSummary
  token: string
  activationPath: string
  expiresAt: string
}

export interface ActivationView {
  username: string
  displayName: string
  roleLabel: string
  institutionName: string | null
  expiresAt: string
}

export const onboardingApi = {
  options: () => http.get<RegistrationOptions>('/api/public/onboarding/options'),
  captcha: () => http.post<Captcha>('/api/public/onboarding/captcha', {}),
  submit: (fields: RegistrationFields, captcha: { id: string; answer: string }, scan: File | null) =>
    upload<Submitted>('/api/public/onboarding/registrations', scan, {
      field: 'scan',
      silent: true,
      fields: { ...fields, captchaId: captcha.id, captchaAnswer: captcha.answer },
    }),
  resubmit: (
    token: string,
    fields: RegistrationFields,
    captcha: { id: string; answer: string },
    scan: File | null,
  ) =>
    upload<Submitted>(`/api/public/onboarding/resubmit?token=${encodeURIComponent(token)}`, scan, {
      field: 'scan',
      silent: true,
      fields: { ...fields, captchaId: captcha.id, captchaAnswer: captcha.answer },
    }),
  status: (token: string) =>
    http.post<RegistrationView>('/api/public/onboarding/status', { token }, { silent: true }),
  inbox: (status: string) => http.get<RegistrationView[]>('/api/registrations', { query: { status } }),
  approve: (id: string) => http.post<RegistrationView>(`/api/registrations/${id}/approve`, {}),
  returnWithReasons: (id: string, reasons: string) =>
    http.post<RegistrationView>(`/api/registrations/${id}/return`, { reasons }),
  inspectActivation: (token: string) =>
    http.post<ActivationView>('/api/public/activation/inspect', { token }, { silent: true }),
  activate: (token: string, password: string) =>
    http.post<{ username: string }>('/api/public/activation', { token, password }, { silent: true }),
}

export const MANAGEABLE_ROLES: UserRole[] = ['HOSPITAL_CLERK', 'TRAINING_BASE_ADMIN', 'PHYSICIAN']

export const accountsApi = {
  list: () => http.get<UserSummary[]>('/api/institution-accounts'),
  create: (body: { username: string; displayName: string; role: UserRole; personId: string | null }) =>
    http.post<IssuedActivation>('/api/institution-accounts', body),
  disable: (id: string) => http.post<UserSummary>(`/api/institution-accounts/${id}/disable`, {}),
  enable: (id: string) => http.post<UserSummary>(`/api/institution-accounts/${id}/enable`, {}),
  reset: (id: string) => http.post<IssuedActivation>(`/api/institution-accounts/${id}/reset`, {}),
  personLeaves: (personId: string) =>
    http.post<{ personId: string; accountsDisabled: number }>(`/api/people/${personId}/leave`, {}),
}

/** The full link to show for a path of this application (activation or status page). */
export function absoluteLink(path: string): string {
  return `${window.location.origin}${path}`
}

export const EMPTY_FIELDS: RegistrationFields = {
  name: '',
  creditCode: '',
  licenceNumber: '',
  issuerName: '',
  issuerRegionCode: '',
  regionCode: '',
  level: '',
  type: '',
  contactName: '',
  contactMobile: '',
  adminUsername: '',
}
