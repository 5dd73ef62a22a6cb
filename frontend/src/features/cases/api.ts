/** HTTP calls of the case registry (docs/cases.md). Kept beside the feature so other features' edits of api/ do not collide. */
import { http } from '@/api/http'
import type {
  CaseAmendment,
  CaseFormBundle,
  CaseInput,
  CasePage,
  CaseQuery,
  CaseView,
  DeviceView,
  PatientContact,
} from '@/api/types'

const seg = encodeURIComponent

/** 17 digits and a digit or X, as typed (spaces, a small x): what the server treats as a patient ID number. */
export function looksLikeIdNumber(text: string): boolean {
  return /^\d{17}[\dX]$/.test(text.replace(/\s/g, '').toUpperCase())
}

export const casesApi = {
  form: (technology: string, date?: string | null) =>
    http.get<CaseFormBundle>(`/api/case-forms/${seg(technology)}`, { query: { date: date ?? undefined } }),
  /**
   * The case list. A search text shaped like an ID number goes in a request body (POST /api/cases/search), never in a
   * URL, where it would stay in the browser's history and in proxy logs.
   */
  search: (query: CaseQuery) =>
    query.q && looksLikeIdNumber(query.q)
      ? http.post<CasePage>('/api/cases/search', { ...query })
      : http.get<CasePage>('/api/cases', { query: { ...query } }),
  get: (id: string) => http.get<CaseView>(`/api/cases/${seg(id)}`),
  /** The patient's name and full phone (the hospital's own staff; each read audited by the server). */
  patientContact: (id: string) => http.get<PatientContact>(`/api/cases/${seg(id)}/patient-contact`),
  /** Silent: field errors are shown at the fields. */
  create: (body: CaseInput) => http.post<CaseView>('/api/cases', body, { silent: true }),
  update: (id: string, version: number, body: CaseInput) =>
    http.put<CaseView>(`/api/cases/${seg(id)}`, { version, case: body }, { silent: true }),
  remove: (id: string, version: number) => http.delete<void>(`/api/cases/${seg(id)}`, { query: { version } }),
  submit: (id: string, version: number, confirmedWarnings: string[]) =>
    http.post<CaseView>(`/api/cases/${seg(id)}/submit`, { version, confirmedWarnings }, { silent: true }),
  amend: (id: string, version: number, reason: string, body: CaseInput) =>
    http.post<CaseView>(
      `/api/cases/${seg(id)}/amendments`,
      { version, reason, case: body },
      { silent: true },
    ),
  amendments: (id: string) => http.get<CaseAmendment[]>(`/api/cases/${seg(id)}/amendments`),
  /**
   * Reads a scanned code; with the case's operation date, expiry is judged on that day (else today). Silent: an
   * unreadable barcode is shown under the scanner field.
   */
  readDevice: (scanned: string, operationDate?: string) =>
    http.post<DeviceView>('/api/devices/read', operationDate ? { scanned, operationDate } : { scanned }, {
      silent: true,
    }),
}
