import { http } from '@/api/http'

const seg = encodeURIComponent

/** Movement kinds of the seed ledger (docs/seed-ledger.md). */
export type MovementKind =
  'RECEIVED' | 'ISSUED' | 'IMPLANTED' | 'RETURNED' | 'LOST' | 'LEAKED' | 'DISPOSED' | 'RELOCATED'

export interface Isotope {
  code: string
  name: string
  halfLifeDays: number
}

export interface SeedLot {
  id: string
  institutionId: string
  institutionName?: string | null
  isotope: string
  isotopeName: string
  halfLifeDays: number
  supplier: string
  nmpaApproval: string
  lotNo: string
  activityMci: number
  calibrationDate: string
  receivedOn: string
  storageLocation: string
  custodianId: string
  custodianName: string
  received: number
  inStock: number
  outstanding: number
  activityToday: number
  lastCountedOn?: string | null
  lastDiscrepancy?: number | null
  countDueOn: string
  countOverdue: boolean
}

export interface SeedMovement {
  id: string
  seq: number
  lotId: string
  kind: MovementKind
  kindLabel: string
  quantity: number
  sign: number
  issueId?: string | null
  caseId?: string | null
  correctsId?: string | null
  correctedById?: string | null
  note?: string | null
  actorName: string
  occurredAt: string
  /** For a relocation (转移): the new storage place and custodian. */
  storageLocation?: string | null
  custodianName?: string | null
}

/** A ledger entry as a G07 case shows it (GET /api/cases/{id}/seed-entries). */
export interface CaseSeedEntry {
  id: string
  seq: number
  lotId: string
  lotNo: string
  isotope: string
  kind: MovementKind
  kindLabel: string
  quantity: number
  sign: number
  issueId?: string | null
  /** Whether the entry names the case itself (else it belongs to an issue that does). */
  linked: boolean
  correctedById?: string | null
  note?: string | null
  actorName: string
  occurredAt: string
}

export interface SeedIssue {
  issueId: string
  caseId?: string | null
  issuedAt: string
  issued: number
  implanted: number
  returned: number
  lost: number
  outstanding: number
}

export interface SeedCount {
  id: string
  countedOn: string
  expected: number
  counted: number
  discrepancy: number
  note?: string | null
  actorName: string
  recordedAt: string
}

export interface LotLedger {
  lot: SeedLot
  activityDate: string
  activityOnDate: number
  movements: SeedMovement[]
  issues: SeedIssue[]
  counts: SeedCount[]
}

export interface IncidentStep {
  code: string
  label: string
  guidance: string
  done: boolean
  actorName?: string | null
  doneAt?: string | null
  note?: string | null
}

export interface SeedIncident {
  id: string
  institutionId: string
  institutionName?: string | null
  lotId: string
  lotNo: string
  movementId: string
  kind: MovementKind
  kindLabel: string
  quantity: number
  openedAt: string
  closedAt?: string | null
  /** The correction's reason when the entry was cancelled as a mistake (冲正). */
  cancelledReason?: string | null
  steps: IncidentStep[]
}

export type SafetyKind = 'TRAINING' | 'HEALTH_EXAM' | 'ENV_INSPECTION'

export interface SafetyRecord {
  id?: string | null
  institutionId: string
  kind: string
  kindLabel: string
  personId?: string | null
  personName?: string | null
  doneOn?: string | null
  dueOn?: string | null
  reference?: string | null
  conclusion?: string | null
  state: 'OK' | 'DUE_SOON' | 'OVERDUE' | 'MISSING'
  current: boolean
  actorName?: string | null
}

export interface ReceiveLotRequest {
  isotope: string
  supplier: string
  nmpaApproval: string
  lotNo: string
  quantity: number | null
  activityMci: number | null
  calibrationDate: string
  storageLocation: string
  custodianId: string
  note?: string
}

export interface MovementRequest {
  kind: MovementKind
  quantity: number | null
  issueId?: string | null
  caseId?: string | null
  note?: string
  /** For a relocation (转移): the new storage place and custodian. */
  storageLocation?: string | null
  custodianId?: string | null
}

export interface SafetyRequest {
  kind: SafetyKind
  personId?: string | null
  doneOn: string
  dueOn?: string | null
  reference?: string
  conclusion?: string
}

/** The radioactive seed ledger (放射性粒子台账). */
export const seedsApi = {
  isotopes: () => http.get<Isotope[]>('/api/seeds/isotopes'),
  lots: (institutionId?: string) => http.get<SeedLot[]>('/api/seeds/lots', { query: { institutionId } }),
  ledger: (id: string, date?: string) =>
    http.get<LotLedger>(`/api/seeds/lots/${seg(id)}`, { query: { date } }),
  receive: (body: ReceiveLotRequest) => http.post<LotLedger>('/api/seeds/lots', body, { silent: true }),
  move: (lotId: string, body: MovementRequest) =>
    http.post<LotLedger>(`/api/seeds/lots/${seg(lotId)}/movements`, body, { silent: true }),
  correct: (movementId: string, reason: string) =>
    http.post<LotLedger>(`/api/seeds/movements/${seg(movementId)}/corrections`, { reason }),
  count: (lotId: string, counted: number, note?: string) =>
    http.post<SeedCount>(`/api/seeds/lots/${seg(lotId)}/counts`, { counted, note }),
  incidents: (open: boolean) => http.get<SeedIncident[]>('/api/seeds/incidents', { query: { open } }),
  tick: (incidentId: string, code: string, note?: string) =>
    http.post<SeedIncident>(`/api/seeds/incidents/${seg(incidentId)}/steps/${seg(code)}`, { note }),
  safety: (institutionId: string) =>
    http.get<SafetyRecord[]>('/api/seeds/safety-records', { query: { institutionId } }),
  recordSafety: (body: SafetyRequest) =>
    http.post<SafetyRecord>('/api/seeds/safety-records', body, { silent: true }),
  caseEntries: (caseId: string) =>
    http.get<CaseSeedEntry[]>(`/api/cases/${seg(caseId)}/seed-entries`, { silent: true }),
  exportUrl: (institutionId?: string) =>
    institutionId ? `/api/seeds/ledger.xlsx?institutionId=${seg(institutionId)}` : '/api/seeds/ledger.xlsx',
}

/** The kinds a user records on an existing lot, with their labels. */
export const MOVEMENT_KINDS: { value: MovementKind; label: string }[] = [
  { value: 'ISSUED', label: '领用' },
  { value: 'IMPLANTED', label: '植入' },
  { value: 'RETURNED', label: '退回入库' },
  { value: 'LOST', label: '丢失' },
  { value: 'LEAKED', label: '泄漏' },
  { value: 'DISPOSED', label: '衰变处置' },
  { value: 'RELOCATED', label: '转移' },
]

/** Whether a movement of this kind needs (IMPLANTED, RETURNED) or may take (LOST, LEAKED) an issue. */
export function issueChoice(kind: MovementKind): 'required' | 'optional' | 'none' {
  if (kind === 'IMPLANTED' || kind === 'RETURNED') return 'required'
  if (kind === 'LOST' || kind === 'LEAKED') return 'optional'
  return 'none'
}

/** Whether a movement of this kind may be linked to a G07 case. */
export function takesCase(kind: MovementKind): boolean {
  return kind === 'ISSUED' || kind === 'IMPLANTED'
}

/** Whether a movement of this kind moves the lot's store to another place or custodian (balances unchanged). */
export function relocates(kind: MovementKind): boolean {
  return kind === 'RELOCATED'
}

/** The signed quantity as shown in the ledger: a compensating entry is negative. */
export function signedQuantity(m: Pick<SeedMovement, 'sign' | 'quantity'>): number {
  return m.sign * m.quantity
}

export const SAFETY_STATE: Record<
  SafetyRecord['state'],
  { label: string; type: 'success' | 'warning' | 'danger' }
> = {
  OK: { label: '有效', type: 'success' },
  DUE_SOON: { label: '即将到期', type: 'warning' },
  OVERDUE: { label: '已过期', type: 'danger' },
  MISSING: { label: '未登记', type: 'danger' },
}

/** Activity per seed on a day, A = A0 · 2^(−Δt / T½), mCi rounded to 4 decimals (as the server computes it). */
export function activityOn(a0: number, halfLifeDays: number, calibrationDate: string, day: string): number {
  const days = (Date.parse(day) - Date.parse(calibrationDate)) / 86_400_000
  return Math.round(a0 * Math.pow(2, -days / halfLifeDays) * 10_000) / 10_000
}
