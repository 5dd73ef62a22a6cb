/*
 * Types of the HTTP API, transcribed from docs/api.md (the contract). Once the backend publishes
 * /api/openapi these should be generated from it instead.
 */

export type IsoDate = string

// ---- Catalogue ----
export type CatalogueLevel = 'NATIONAL' | 'PROVINCIAL'
export type TechnologyStatus = 'IN_FORCE' | 'WITHDRAWN'
export type SpecStatus = 'ENCODED' | 'NOT_ENCODED'

export interface TechnologyHistoryEntry {
  date: IsoDate
  event: string
}

export interface Technology {
  code: string
  name: string
  level: CatalogueLevel
  catalogueEdition: string
  status: TechnologyStatus
  specStatus: SpecStatus
  specStatusLabel: string
  history: TechnologyHistoryEntry[]
}

export interface TechnologySpecRef {
  key: string
  edition: string
  title: string
  effectiveFrom: IsoDate | null
  /** Last day the edition applies; null while no end is known. */
  effectiveUntil?: IsoDate | null
  issuedOnAssumed?: boolean
  jurisdiction: string | null
  level: CatalogueLevel
  truncated: boolean
}

export interface TechnologyDetail extends Technology {
  specs: TechnologySpecRef[]
}

// ---- Specs ----
export interface SpecSummary {
  key: string
  technology: string
  edition: string
  title: string
  level: CatalogueLevel
  jurisdiction: string | null
  issuedOn: IsoDate | null
  effectiveFrom: IsoDate | null
  /** Last day the edition applies; null while no end is known. */
  effectiveUntil?: IsoDate | null
  /** The issue date is an assumption (the source does not state it). */
  issuedOnAssumed?: boolean
  issuedOnNote?: string | null
  truncated: boolean
  clauseCount: number
  ruleCount: number
  attestationCount: number
}

export interface CodeName {
  code: string
  name: string
}

export interface ProcedureCode extends CodeName {
  subTechnique: string | null
}

export interface SpecClause {
  ref: string
  citation: string
  section: string
  sectionLabel: string
  subject: string | null
  text: string
  heading: boolean | string | null
  pathway: string | null
  ruleSummary: string | null
  attestation: { evidence: string } | null
}

/**
 * GET /api/specs/{key}: the edition's fields, its clauses and, in {@code summary}, the
 * counts (clause, rule, attestation) that only the summary carries.
 */
export interface Spec extends Omit<SpecSummary, 'clauseCount' | 'ruleCount' | 'attestationCount'> {
  summary: SpecSummary
  truncationNote: string | null
  notes: string[]
  scope: string | null
  subTechniques: CodeName[]
  routes: CodeName[]
  procedureCodes: ProcedureCode[]
  clauses: SpecClause[]
}

// ---- Regions ----
export interface Region {
  code: string
  name: string
  level: string
  children?: Region[]
}

// ---- Institutions ----
export interface InstitutionSummary {
  id: string
  name: string
  regionCode: string
  regionName: string
  level: string
  levelLabel: string
  type: string
  typeLabel: string
  beds: number
}

export interface PracticeLicence {
  number: string | null
  issuedBy: string | null
  issuerRegionCode: string | null
  validFrom: IsoDate | null
  validUntil: IsoDate | null
}

export interface Department {
  name: string
  subjects: string[]
  beds: number | null
  /** When the department started its clinical work; null = not recorded. */
  since?: IsoDate | null
  /** Restricted technologies the department carries out; null = not recorded. */
  technologies?: string[] | null
  /** Operations in the last complete year (年手术量); null = not recorded. */
  annualOperations?: number | null
}

export interface Facility {
  kind: string
  count: number | null
  beds: number | null
}

export interface Equipment {
  kind: string
  count: number | null
  model: string | null
}

export interface OperatingRoom {
  name: string
  cleanGrade: string | null
}

export interface OtherLicence {
  kind: string
  number: string | null
  validFrom: IsoDate | null
  validUntil: IsoDate | null
}

export interface InstitutionCaseVolume {
  technology: string
  subTechnique?: string | null
  year: number
  /** 1–12 for a monthly row (rolling windows such as 申报前一年内); absent for the whole year. */
  month?: number | null
  cases: number
}

/** How much a clause confirmation is worth: the hospital's own declaration, or an authority's review. */
export type ConfirmationKind = 'SELF_DECLARATION' | 'REVIEW'

/**
 * A clause confirmation as an act (output only): the server records the account, its role and the time; a request
 * names only the clause and the evidence.
 */
export interface Attestation {
  id: string
  clause: string
  kind: ConfirmationKind
  kindLabel: string
  evidence: string
  confirmedById: string | null
  confirmedBy: string
  confirmedByRole: string | null
  confirmedByRoleLabel: string
  confirmedOn: IsoDate
  confirmedAt: string | null
}

/** What a clause confirmation request carries. */
export interface ConfirmationRequest {
  clause: string
  evidence: string
}

/** A change of region, level, type and practice licence, by the authority or the system administrator. */
export interface JurisdictionChange {
  regionCode: string
  level: string
  type: string
  licence: PracticeLicence | null
  reason: string
  version: number
}

export interface Institution {
  id?: string
  name: string
  regionCode: string | null
  regionName?: string | null
  level: string | null
  type: string | null
  /** A specialty hospital's specialty (ONCOLOGY, STOMATOLOGY, ENT, NEUROSURGERY …); null for general hospitals. */
  specialty?: string | null
  licence: PracticeLicence
  registeredSubjects: string[]
  departments: Department[]
  facilities: Facility[]
  equipment: Equipment[]
  operatingRooms: OperatingRoom[]
  licences: OtherLicence[]
  firstCases: Record<string, IsoDate>
  /** Sub-techniques (forms) performed per technology, e.g. { S04: ['DEEP'] }; null = not recorded. */
  subTechniques?: Record<string, string[]> | null
  caseVolumes: InstitutionCaseVolume[]
  attestations: Attestation[]
  /** The record's version: sent back unchanged on update; a stale one is refused with 409 STALE_EDIT. */
  version?: number | null
}

// ---- Eligibility ----
export type EligibilityStatus =
  'MET' | 'NOT_MET' | 'UNKNOWN' | 'NEEDS_ATTESTATION' | 'NOT_APPLICABLE' | 'NO_SPEC'
export type ClauseStatus = EligibilityStatus | 'NOT_APPLICABLE' | 'ERROR'
export type Subject = 'INSTITUTION' | 'PHYSICIAN' | 'STAFF' | 'TRAINEE' | 'TRAINING_BASE'

export interface EligibilityRow {
  technology: string
  technologyName: string
  specKey: string | null
  specTitle: string | null
  status: EligibilityStatus
  statusLabel: string
  counts: Partial<Record<ClauseStatus, number>>
}

export interface EligibilityMatrix {
  institutionId: string
  asOf: IsoDate
  rows: EligibilityRow[]
}

export type Evidence = string | Record<string, unknown>

export interface ClauseResult {
  ref: string
  citation: string
  section: string
  sectionLabel: string
  text: string
  status: ClauseStatus
  statusLabel: string
  explanation: string | null
  actual: unknown
  required: unknown
  evidence: Evidence[] | null
  pathway?: string | null
}

export interface QualifiedPhysician {
  personId: string
  name: string
  status: ClauseStatus
}

export interface TraineeResult {
  status: ClauseStatus
  pathways: { pathway: string; status: ClauseStatus; statusLabel?: string }[]
  /** e.g. 本规范无培训要求 for a spec without a training section (S01). */
  notices?: string[]
}

export interface ClauseEvaluation {
  subject: Subject
  specKey: string | null
  specTitle: string | null
  asOf: IsoDate
  status: EligibilityStatus
  statusLabel: string
  clauses: ClauseResult[]
  qualifiedPhysicians?: QualifiedPhysician[]
  trainee?: TraineeResult | null
  /** What the reader must know beyond the clauses (本规范无培训要求, assumed issue date, stray confirmations). */
  notices?: string[]
}

// ---- People ----
export type Role = 'PHYSICIAN' | 'PHYSICIST' | 'NURSE' | 'TECHNICIAN' | 'TREATMENT_PLANNER' | 'OTHER'

export interface PersonSummary {
  id: string
  name: string
  roles: Role[]
  institutionId: string | null
  institutionName: string | null
  currentTitle: string | null
  currentTitleLabel: string | null
}

export interface PhysicianLicence {
  number: string | null
  issuedOn: IsoDate | null
  scopes: string[]
  /** 执业注册机构 when it is an institution of the platform (may differ from the staff list's institution). */
  registeredInstitutionId?: string | null
  /** Its name: output for registeredInstitutionId; input only for an institution outside the platform. */
  registeredInstitution?: string | null
}

export interface TitleEntry {
  title: string
  since: IsoDate | null
}

export interface Specialty {
  name: string
  since: IsoDate | null
}

export interface Training {
  technology: string
  base: string
  baseFiled: boolean
  abroad: boolean
  startedOn: IsoDate | null
  endedOn: IsoDate | null
  cases: number | null
  independentCases: number | null
  patientsManaged: number | null
  theoryHours: number | null
  passed: boolean
}

export interface PersonCaseVolume {
  technology: string
  year: number | null
  /** 1–12 for a monthly row (rolling windows); absent for the whole year. */
  month?: number | null
  cases: number | null
}

/** Operations of a category (e.g. SKIN_DEFECT_REPAIR) performed as operator (术者) in one year. */
export interface OperatorVolume {
  category: string
  year: number | null
  cases: number | null
}

export interface AdverseEvent {
  technology: string
  occurredOn: IsoDate | null
  serious: boolean
  summary: string
}

export interface Person {
  id?: string
  name: string
  gender: string | null
  birthDate: IsoDate | null
  roles: Role[]
  institutionId: string | null
  institutionName?: string | null
  licence: PhysicianLicence
  titles: TitleEntry[]
  clinicalStart: IsoDate | null
  specialties: Specialty[]
  trainings: Training[]
  caseVolumes: PersonCaseVolume[]
  adverseEvents: AdverseEvent[]
  attestations?: Attestation[]
  operatorVolumes?: OperatorVolume[] | null
  /** The record's version: sent back unchanged on update; a stale one is refused with 409 STALE_EDIT. */
  version?: number | null
}

export interface PersonEligibilityRow {
  technology: string
  technologyName: string
  specKey: string | null
  status: EligibilityStatus
  statusLabel: string
  failing: { citation: string; explanation: string | null }[]
}

export interface PersonEligibility {
  personId: string
  asOf: IsoDate
  rows: PersonEligibilityRow[]
}

// ---- What-if ----
export interface Facts {
  institution?: Record<string, unknown>
  person?: Record<string, unknown>
}

export interface EvaluateRequest {
  technology: string
  subject: Subject
  staffRole?: Role
  asOf?: IsoDate
  regionCode?: string
  facts: Facts
}

// ---- Identity (docs/identity-filing-contracts.md) ----
export type UserRole =
  | 'HOSPITAL_CLERK'
  | 'HOSPITAL_ADMIN'
  | 'PHYSICIAN'
  | 'COUNTY_AUTHORITY'
  | 'CITY_AUTHORITY'
  | 'PROVINCE_AUTHORITY'
  | 'EXPERT'
  | 'TRAINING_BASE_ADMIN'
  | 'SYSTEM_ADMIN'

export interface CurrentUser {
  id: string
  username: string
  displayName: string
  role: UserRole
  roleLabel?: string
  institutionId: string | null
  institutionName?: string | null
  personId: string | null
  regionCode: string | null
  regionName?: string | null
  mustChangePassword: boolean
}

export interface LoginRequest {
  username: string
  password: string
}

export interface PasswordChangeRequest {
  oldPassword: string
  newPassword: string
}

// ---- Audit ----
export interface AuditEntry {
  id: number
  occurredAt: string
  actorId: string | null
  actorName: string
  actorRole: string | null
  address: string
  action: string
  entityType: string
  entityId: string
  before: string | null
  after: string | null
  previousHash: string
  hash: string
}

export interface ChainVerification {
  valid: boolean
  entries: number
  firstBrokenId?: number | null
  message: string
}

// ---- Filing (docs/filing.md) ----
export type FilingState =
  | 'DRAFT'
  | 'SELF_ASSESSED'
  | 'SUBMITTED'
  | 'RECEIVED'
  | 'ESCALATED'
  | 'UNDER_EXPERT_REVIEW'
  | 'APPROVED'
  | 'RESULT_NOTIFIED'
  | 'ACTIVE'
  | 'RETURNED_FOR_SUPPLEMENT'
  | 'REJECTED'
  | 'SUSPENDED'
  | 'REVOKED'

export interface Actor {
  userId: string | null
  name: string
  role: string | null
  roleLabel?: string | null
}

export interface FilingAttestation {
  clauseRef: string
  citation: string
  evidence: string
  documentId: string | null
  confirmedBy: Actor | null
  confirmedAt: string | null
}

export type Committee = 'TECHNOLOGY_MANAGEMENT' | 'ETHICS'

export interface CommitteeOpinion {
  committee: Committee
  committeeLabel: string
  meetingDate: IsoDate
  opinion: string
  minutesDocumentId: string | null
  recordedBy: Actor | null
  recordedAt: string | null
}

export interface FilingDocument {
  id: string
  fileName: string
  contentType: string
  size: number
  sha256: string
  description: string | null
  uploadedBy: Actor | null
  uploadedAt: string | null
}

export type ExpertVerdict = 'AGREE' | 'DISAGREE' | 'SUPPLEMENT'

export interface ExpertAssignment {
  userId: string
  name: string
  verdict: ExpertVerdict | null
  verdictLabel: string | null
  text: string | null
  at: string | null
}

export type FilingDecisionKind = 'APPROVED' | 'RETURNED_FOR_SUPPLEMENT' | 'REJECTED'

export interface FilingDecision {
  decision: FilingDecisionKind
  decisionLabel: string
  reasons: string
  by: Actor | null
  at: string | null
}

export interface FilingEnding {
  reason: string | null
  reasonLabel: string | null
  text: string | null
  by: Actor | null
  at: string | null
}

export interface RevocationProposal {
  id: string
  reason: string
  reasonLabel: string
  detail: string | null
  proposedAt: string
  dueOn: IsoDate | null
  overdue: boolean
}

export interface FilingStep {
  action: string
  actionLabel: string
  fromState: FilingState | null
  toState: FilingState | null
  regionCode: string | null
  actor: Actor | null
  at: string
  opinion: string | null
}

export interface FilingAssessment {
  specKey: string | null
  assessedAt: string
  status: EligibilityStatus
  statusLabel: string
  report: Partial<ClauseEvaluation> | null
}

export interface FilingSummary {
  id: string
  version: number
  institutionId: string
  institutionName: string
  institutionRegionCode: string
  technology: string
  technologyName: string
  technologyLevel: CatalogueLevel
  state: FilingState
  stateLabel: string
  holderRegionCode: string | null
  holderRegionName: string | null
  firstCaseDate: IsoDate | null
  filingDeadline: IsoDate | null
  lateFiling: boolean
  actionDueOn: IsoDate | null
  overdue: boolean
  submittedOn: IsoDate | null
  updatedAt: string | null
  /** Set when a deadline falls in a year the holiday calendar does not cover (weekends only). */
  calendarNote?: string | null
}

export interface Filing extends FilingSummary {
  technologyLevelLabel: string
  receivingRegionCode: string | null
  receivingRegionName: string | null
  reviewRegionCode: string | null
  reviewRegionName: string | null
  path: string[]
  assessment: FilingAssessment | null
  attestations: FilingAttestation[]
  pendingAttestations: string[]
  committeeOpinions: CommitteeOpinion[]
  documents: FilingDocument[]
  experts: ExpertAssignment[]
  decision: FilingDecision | null
  licenceNote: string | null
  cancellationRequested: boolean
  ending: FilingEnding | null
  revocationProposal: RevocationProposal | null
  steps: FilingStep[]
  allowedActions: string[]
  activatedOn?: IsoDate | null
  /** WORKFLOW (filed on the platform) or PRIOR_REGISTRATION (存量备案, registered from a paper approval). */
  origin?: FilingOrigin
  originLabel?: string
  /** 批准文号/备案号 of a prior filing. */
  documentNo?: string | null
  /** The registering authority's remark on a prior filing. */
  originNote?: string | null
  /** The authority holding the filing, named as an authority (长春市卫生健康委员会); null when none holds it. */
  holderAuthorityName?: string | null
  /** The authorities of `path`, in the same order (receiving … review). */
  pathAuthorities?: string[]
}

/** The first-case date proposed for a technology from the institution's records. */
export interface FirstCaseSuggestion {
  technology: string
  firstCaseDate?: IsoDate | null
  /** REGISTRY (病例登记) or VOLUMES (机构登记的开展例数). */
  source?: 'REGISTRY' | 'VOLUMES' | null
  note: string
}

export interface InboxItem {
  filing: FilingSummary
  action: string
  actionLabel: string
  dueOn: IsoDate | null
  overdue: boolean
}

export interface PublicFiling {
  institutionName: string
  institutionRegionCode: string
  institutionRegionName: string
  technology: string
  technologyName: string
  state: FilingState
  stateLabel: string
  activatedOn: IsoDate | null
  revokedOn: IsoDate | null
  revocationReasonLabel: string | null
  licenceNote: string | null
}

export interface RevocationFinding {
  filing: FilingSummary
  detail: string
}

export interface RevocationCheckResult {
  checked: number
  proposed: FilingSummary[]
  /** Filings for which a condition could not be decided (e.g. no case volumes recorded). */
  undetermined?: RevocationFinding[]
  /** Filings whose check failed: never treated as passing. */
  errors?: RevocationFinding[]
}

// ---- Authorization (docs/authorization.md) ----
export type AuthorizationStatus = 'PENDING' | 'GRANTED' | 'REJECTED' | 'REVOKED'
export type AuthorizationAction = 'EDIT' | 'GRANT' | 'REJECT' | 'REVOKE'

export interface Authorization {
  id: string
  personId: string
  personName: string
  institutionId: string
  institutionName: string
  technology: string
  technologyName: string
  subTechniques: CodeName[]
  validFrom: IsoDate
  validUntil: IsoDate
  note?: string
  status: AuthorizationStatus
  statusLabel: string
  effective: boolean
  validityLabel?: string
  createdBy?: string
  createdByName?: string
  createdAt?: string
  decidedBy?: string
  decidedByName?: string
  decidedAt?: string
  rejectionReason?: string
  eligibilitySpecKey?: string
  eligibilityStatus?: string
  revokedBy?: string
  revokedByName?: string
  revokedAt?: string
  revocationReason?: string
  version: number
  actions: AuthorizationAction[]
}

export interface AuthorizationRequest {
  personId: string
  technology: string
  subTechniques: string[]
  validFrom: IsoDate
  validUntil: IsoDate
  note?: string
  version?: number
}

export interface RefusedClause {
  citation: string
  status: string
  statusLabel: string
  explanation: string | null
}

export interface ReminderItem {
  kind: 'AUTHORIZATION' | 'PRACTICE_LICENCE' | 'OTHER_LICENCE'
  kindLabel: string
  subjectType: 'INSTITUTION' | 'PERSON'
  subjectId: string
  subjectName: string
  institutionId: string | null
  institutionName: string | null
  what: string
  expiresOn: IsoDate
  daysLeft: number
  bucket: number
  bucketLabel: string
  referenceId: string | null
}

export interface Reminders {
  asOf: IsoDate
  days: number
  total: number
  buckets: { bucket: number; label: string; items: ReminderItem[] }[]
}

export interface UserSummary {
  id: string
  username: string
  displayName: string
  role: UserRole
  roleLabel: string
  institutionId: string | null
  personId: string | null
  regionCode: string | null
  enabled: boolean
  mustChangePassword: boolean
  lockedUntil: string | null
  failedAttempts: number
  lastLoginAt: string | null
  createdAt: string
}

export interface CreateUserRequest {
  username: string
  displayName: string
  role: UserRole
  institutionId: string | null
  personId: string | null
  regionCode: string | null
  initialPassword: string
}

// ---- cases (issue 8): the case registry, see docs/cases.md ----

export type CaseFieldType = 'TEXT' | 'INTEGER' | 'DECIMAL' | 'DATE' | 'BOOLEAN' | 'CHOICE' | 'PERSON'

export interface CaseFieldOption {
  code: string
  name: string
}

/** One field of a case form as GET /api/case-forms/{technology} describes it (common or technology-specific). */
export interface CaseField {
  key: string
  label: string
  type: CaseFieldType
  required: boolean
  unit?: string | null
  min?: number | null
  max?: number | null
  maxLength?: number | null
  options?: CaseFieldOption[] | null
  requiredWhen?: { field: string; equals: string } | null
  warnIf?: { below?: number | null; above?: number | null; code: string; message: string } | null
  help?: string | null
  group?: string | null
  /** PERSON lists (assistants) and code lists, when the server says so. */
  multiple?: boolean | null
}

export interface CaseFormDefinition {
  key: string
  technology: string
  edition: string
  title: string
  followUps: { period: string; label: string }[]
  fields: CaseField[]
  notes: string[]
}

/** A coded value offered by the spec in force (sub-technique, route, procedure code). */
export interface CaseCode {
  code: string
  name?: string | null
}

export interface CaseFormBundle {
  form: CaseFormDefinition
  commonFields: CaseField[]
  subTechniques: (CaseCode | string)[]
  routes: (CaseCode | string)[]
  procedureCodes: (CaseCode | string)[]
}

export interface CaseComplication {
  name: string
  onsetDate: IsoDate | null
  grade: string | null
}

export interface CaseDeviceInput {
  scanned: string
  registrationNo: string | null
  name: string | null
  singleUse: boolean | null
  quantity: number | null
}

export interface CasePatientInput {
  name: string | null
  idNumber: string | null
  phone: string | null
  sex: string | null
  birthDate: IsoDate | null
}

export interface CaseInput {
  institutionId: string | null
  technology: string
  subTechnique: string | null
  route: string | null
  procedureCodes: string[]
  medicalRecordNo: string
  inpatientNo: string | null
  patient: CasePatientInput
  admissionDate: IsoDate | null
  operationDate: IsoDate | null
  dischargeDate: IsoDate | null
  department: string | null
  operatorId: string | null
  assistantIds: string[]
  informedConsent: boolean | null
  complications: CaseComplication[]
  deathDate: IsoDate | null
  dischargeStatus: string | null
  fields: Record<string, unknown>
  devices: CaseDeviceInput[]
}

/** A device as read from its barcode (POST /api/devices/read) or as stored with a case. */
export interface DeviceView {
  scanned: string
  type: string | null
  gtin: string | null
  lot: string | null
  serial: string | null
  expiryDate: IsoDate | null
  productionDate: IsoDate | null
  registrationNo: string | null
  name: string | null
  singleUse: boolean | null
  quantity: number | null
  expired: boolean
}

export interface CaseFlag {
  code: string
  message: string
  blocking?: boolean
}

export interface CasePatientView {
  pseudonym: string
  name: string | null
  idNumberMasked: string | null
  phoneMasked: string | null
  sex: string | null
  birthDate: IsoDate | null
}

export interface CaseView {
  id: string
  version: number
  status: string
  institutionId: string
  institutionName: string | null
  technology: string
  formKey: string | null
  subTechnique: string | null
  route: string | null
  procedureCodes: string[]
  medicalRecordNo: string
  inpatientNo: string | null
  patient: CasePatientView
  admissionDate: IsoDate | null
  operationDate: IsoDate | null
  dischargeDate: IsoDate | null
  department: string | null
  operatorId: string | null
  operatorName: string | null
  assistantIds: string[]
  assistantNames?: string[] | null
  informedConsent: boolean | null
  complications: CaseComplication[]
  deathDate: IsoDate | null
  dischargeStatus: string | null
  fields: Record<string, unknown>
  devices: DeviceView[]
  flags: CaseFlag[]
  submittedAt: string | null
  amendmentCount: number
}

export interface CaseSummary {
  id: string
  status: string
  technology: string
  medicalRecordNo: string
  /** The masked name for the hospital's own users, the pseudonym for everyone else. */
  patient: string | null
  operationDate: IsoDate | null
  operatorName: string | null
  institutionName: string | null
  /** Flag codes (or flags with their messages). */
  flags: (string | CaseFlag)[]
}

export interface CasePage {
  items: CaseSummary[]
  total: number
}

export interface CaseQuery {
  institutionId?: string
  technology?: string
  status?: string
  flag?: string
  from?: IsoDate
  to?: IsoDate
  page?: number
  size?: number
}

export interface CaseAmendment {
  id: string
  caseId: string
  amendedAt: string
  amendedBy: string
  amendedByName: string | null
  reason: string
  /** The changed fields as they were, and as they are now. */
  before: Record<string, unknown>
  after: Record<string, unknown>
  [extra: string]: unknown
}

// ---- Prior filings (存量备案, docs/filing.md "Prior filings") ----
export type FilingOrigin = 'WORKFLOW' | 'PRIOR_REGISTRATION'

/** POST /api/filings/prior: a filing approved on paper before the platform, registered by the review authority. */
export interface PriorFilingInput {
  institutionId: string
  technology: string
  approvedOn: IsoDate
  documentNo: string
  firstCaseDate?: IsoDate | null
  note?: string | null
}
