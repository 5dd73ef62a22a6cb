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

export interface Spec extends SpecSummary {
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
  cases: number
}

export interface Attestation {
  clause: string
  confirmedBy: string
  confirmedOn: IsoDate
  evidence: string
}

export interface Institution {
  id?: string
  name: string
  regionCode: string | null
  regionName?: string | null
  level: string | null
  type: string | null
  licence: PracticeLicence
  registeredSubjects: string[]
  departments: Department[]
  facilities: Facility[]
  equipment: Equipment[]
  operatingRooms: OperatingRoom[]
  licences: OtherLicence[]
  firstCases: Record<string, IsoDate>
  caseVolumes: InstitutionCaseVolume[]
  attestations: Attestation[]
}

// ---- Eligibility ----
export type EligibilityStatus = 'MET' | 'NOT_MET' | 'UNKNOWN' | 'NEEDS_ATTESTATION' | 'NO_SPEC'
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
  /** In docs/api.md, but not (yet) in the backend's PersonDetails. */
  registeredInstitutionId?: string | null
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
