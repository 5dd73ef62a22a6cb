import { http } from '@/api/http'

/** An API key as the hospital administrator sees it (never the secret). */
export interface ApiKey {
  id: string
  name: string
  prefix: string
  institutionId: string
  status: 'ACTIVE' | 'REVOKED'
  createdAt: string
  createdBy: string
  rotatedAt?: string | null
  revokedAt?: string | null
  revokedBy?: string | null
  lastUsedAt?: string | null
}

/** A key just created or rotated: the secret is shown this once. */
export interface IssuedApiKey {
  key: ApiKey
  secret: string
}

export interface GateReason {
  code: string
  blocking: boolean
  message: string
}

/** An emergency override recorded by a hospital system, confirmed afterwards by the 医务科. */
export interface GateOverride {
  id: string
  institutionId: string
  physician: string
  physicianId?: string | null
  /** the person's name when the id or licence number resolved to one of the hospital's staff */
  physicianName?: string | null
  procedureCode?: string | null
  technology?: string | null
  decision: 'ALLOW' | 'DENY' | 'NOT_RESTRICTED'
  reasons: GateReason[]
  reason: string
  apiKeyName: string
  requestedAt: string
  status: 'UNCONFIRMED' | 'CONFIRMED'
  confirmedAt?: string | null
  confirmedBy?: string | null
  confirmationNote?: string | null
}

const seg = (id: string) => encodeURIComponent(id)

export const apiKeysApi = {
  list: () => http.get<ApiKey[]>('/api/api-keys'),
  create: (name: string) => http.post<IssuedApiKey>('/api/api-keys', { name }),
  rotate: (id: string) => http.post<IssuedApiKey>(`/api/api-keys/${seg(id)}/rotate`, {}),
  revoke: (id: string) => http.delete<ApiKey>(`/api/api-keys/${seg(id)}`),
}

export const overridesApi = {
  list: (unconfirmedOnly: boolean) =>
    http.get<GateOverride[]>('/api/gate/overrides', {
      query: { status: unconfirmedOnly ? 'UNCONFIRMED' : undefined },
    }),
  confirm: (id: string, note: string) =>
    http.post<GateOverride>(`/api/gate/overrides/${seg(id)}/confirm`, { note: note || null }),
}
