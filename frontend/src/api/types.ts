/*
 * Types of the HTTP API. Most are aliases onto the schemas generated from the OpenAPI document
 * (frontend/openapi.json, refreshed from /api/openapi by `./rtms openapi`; `npm run api-types` writes
 * src/api/generated/openapi.ts, see ADR 0025 and docs/api.md "Generated types"). Only what the document does
 * not describe is written by hand, in the second part below; add new hand-written types at the end.
 */
import type { components } from './generated/openapi'

type Schemas = components['schemas']

/** A schema with some of its plain-string code fields narrowed to the codes the front end knows. */
type Narrowed<T, N> = Omit<T, keyof N> & N

/**
 * A row of a form's working copy of a request body: the schema's fields, each of which may still be empty (null)
 * until the form validates it (the server refuses what is still missing with VALIDATION_FAILED).
 */
export type Draft<T> = { [K in keyof T]: T[K] | null }

// ==== Generated from the OpenAPI document ====

export type IsoDate = string

// ---- Catalogue ----
export type TechnologyHistoryEntry = Schemas['HistoryEntry']
export type Technology = Schemas['TechnologyResponse']
export type TechnologyDetail = Schemas['TechnologyResponse']
export type TechnologySpecRef = Schemas['SpecSummary']

// ---- Specs ----
export type SpecSummary = Schemas['SpecSummary']
export type CodeName = Schemas['CodedName']
export type ProcedureCode = Schemas['ProcedureCode']
export type SpecClause = Schemas['ClauseResponse']
export type Spec = Schemas['SpecResponse']

// ---- Regions ----
export interface Region extends Omit<Schemas['Region'], 'children'> {
  children: Region[]
}

// ---- Institutions ----
export type InstitutionSummary = Schemas['InstitutionSummary']
export type PracticeLicence = Draft<Schemas['PracticeLicence']>
export type Department = Draft<Schemas['InstitutionDetailsDepartment']>
export type Facility = Draft<Schemas['InstitutionDetailsFacility']>
export type Equipment = Draft<Schemas['InstitutionDetailsEquipment']>
export type OperatingRoom = Draft<Schemas['InstitutionDetailsOperatingRoom']>
export type OtherLicence = Draft<Schemas['OtherLicence']>
export type InstitutionCaseVolume = Draft<Schemas['InstitutionDetailsCaseVolume']>
/** How much a clause confirmation is worth: the hospital's own declaration, or an authority's review. */
export type ConfirmationKind = Schemas['Confirmation']['kind']
/** A clause confirmation as an act (output only): the server records the account, its role and the time. */
export type Attestation = Schemas['Confirmation']
/** What a clause confirmation request carries. */
export type ConfirmationRequest = Schemas['InstitutionControllerConfirmationRequest']
/** A change of region, level, type and practice licence, by the authority or the system administrator. */
export type JurisdictionChange = Schemas['JurisdictionChange']
/**
 * GET /api/institutions/{id} and the form's draft of the request body. The lists and the licence may be left out of a
 * request (so the schema has them optional); the server always sends them, and the forms always keep them.
 */
export type Institution = Narrowed<
  Schemas['InstitutionDetails'],
  {
    regionCode: string | null
    level: Schemas['InstitutionDetails']['level'] | null
    type: Schemas['InstitutionDetails']['type'] | null
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
>

// ---- Eligibility ----
export type Subject = Schemas['EvaluationRequest']['subject']
export type EligibilityRow = Narrowed<Schemas['Row'], { status: EligibilityStatus }>
export type EligibilityMatrix = Narrowed<Schemas['EligibilityMatrix'], { rows: EligibilityRow[] }>
export type Evidence = Schemas['ClauseResult']['evidence'][number]
export type ClauseResult = Narrowed<Schemas['ClauseResult'], { status: ClauseStatus }>
export type QualifiedPhysician = Schemas['PersonResult']
export type TraineeResult = ClauseEvaluation
export interface ClauseEvaluation extends Omit<
  Schemas['EligibilityReport'],
  'status' | 'clauses' | 'trainee'
> {
  status: EligibilityStatus
  clauses: ClauseResult[]
  /** For physicians: the training requirement evaluated as a trainee. */
  trainee?: ClauseEvaluation | null
}

// ---- People ----
export type Role = Schemas['PersonSummary']['roles'][number]
export type PersonSummary = Schemas['PersonSummary']
export type PhysicianLicence = Draft<Schemas['PersonDetailsPhysicianLicence']>
export type TitleEntry = Draft<Schemas['PersonDetailsTitleRecord']>
export type Specialty = Draft<Schemas['PersonDetailsSpecialty']>
export type Training = Draft<Schemas['TrainingRecord']>
export type PersonCaseVolume = Draft<Schemas['PersonDetailsCaseVolume']>
/** Operations of a category (e.g. SKIN_DEFECT_REPAIR) performed as operator (术者) in one year. */
export type OperatorVolume = Draft<Schemas['PersonDetailsOperatorVolume']>
export type AdverseEvent = Draft<Schemas['PersonDetailsAdverseEvent']>
/** GET /api/people/{id} and the form's draft; like Institution, the lists are always in a response and a form. */
export type Person = Narrowed<
  Schemas['PersonDetails'],
  {
    licence: PhysicianLicence
    titles: TitleEntry[]
    specialties: Specialty[]
    trainings: Training[]
    caseVolumes: PersonCaseVolume[]
    operatorVolumes?: OperatorVolume[] | null
    adverseEvents: AdverseEvent[]
  }
>
export type PersonEligibilityRow = EligibilityRow
export type PersonEligibility = EligibilityMatrix

// ---- What-if ----
export type Facts = Schemas['Facts']
export type EvaluateRequest = Schemas['EvaluationRequest']

// ---- Identity (docs/identity-filing-contracts.md) ----
export type UserRole = Schemas['UserResponse']['role']
export type CurrentUser = Schemas['UserResponse']
export type LoginRequest = Schemas['LoginRequest']
export type PasswordChangeRequest = Schemas['PasswordChangeRequest']
export type UserSummary = Schemas['UserSummary']
export type CreateUserRequest = Schemas['CreateUser']

// ---- Audit ----
export type AuditEntry = Schemas['AuditEntry']
export type ChainVerification = Schemas['ChainVerification']

// ---- Filing (docs/filing.md) ----
export type Actor = Schemas['ActorView']
export type FilingAttestation = Schemas['AttestationView']
export type CommitteeOpinion = Narrowed<Schemas['CommitteeOpinionView'], { committee: Committee }>
export type FilingDocument = Schemas['DocumentView']
export type ExpertAssignment = Narrowed<Schemas['ExpertView'], { verdict?: ExpertVerdict | null }>
export type FilingDecision = Narrowed<Schemas['DecisionView'], { decision: FilingDecisionKind }>
export type FilingEnding = Schemas['EndingView']
export type RevocationProposal = Schemas['ProposalView']
export type FilingStep = Narrowed<
  Schemas['StepView'],
  { fromState?: FilingState | null; toState?: FilingState | null }
>
export type FilingAssessment = Narrowed<
  Schemas['AssessmentView'],
  { status: EligibilityStatus; report?: ClauseEvaluation | null }
>
export type FilingSummary = Narrowed<Schemas['FilingSummary'], { state: FilingState }>
export type Filing = Narrowed<
  Schemas['FilingView'],
  {
    state: FilingState
    origin: FilingOrigin
    assessment?: FilingAssessment | null
    steps: FilingStep[]
    experts: ExpertAssignment[]
    decision?: FilingDecision | null
    committeeOpinions: CommitteeOpinion[]
  }
>
export type InboxItem = Narrowed<Schemas['InboxItem'], { filing: FilingSummary }>
export type PublicFiling = Narrowed<Schemas['PublicFiling'], { state: FilingState }>
export type RevocationFinding = Narrowed<Schemas['Finding'], { filing: FilingSummary }>
export type RevocationCheckResult = Narrowed<
  Schemas['RevocationCheckResult'],
  { proposed: FilingSummary[]; undetermined?: RevocationFinding[]; errors?: RevocationFinding[] }
>
/** POST /api/filings/prior: a filing approved on paper before the platform, registered by the review authority. */
export type PriorFilingInput = Schemas['PriorFilingRequest']
/** GET /api/filings/first-case-date: the first-case date proposed from the institution's records. */
export type FirstCaseSuggestion = Narrowed<
  Schemas['FirstCaseSuggestion'],
  { source?: 'REGISTRY' | 'VOLUMES' | null }
>

// ---- Authorization (docs/authorization.md) ----
export type Authorization = Narrowed<
  Schemas['AuthorizationDetails'],
  { status: AuthorizationStatus; actions: AuthorizationAction[] }
>
export type AuthorizationRequest = Schemas['AuthorizationRequest']
export type ReminderItem = Schemas['Item']
export type Reminders = Schemas['Reminders']

// ---- Cases (docs/cases.md) ----
export type CaseFieldType = Schemas['CaseField']['type']
export type CaseFieldOption = Schemas['Option']
/** One field of a case form as GET /api/case-forms/{technology} describes it (common or technology-specific). */
export type CaseField = Schemas['CaseField']
export type CaseFormDefinition = Schemas['CaseForm']
/** A coded value offered by the spec in force (sub-technique, route, procedure code). */
export type CaseCode = Schemas['CodeName']
export type CaseFormBundle = Schemas['FormResponse']
export type CaseComplication = Schemas['Complication']
export type CaseDeviceInput = Schemas['DeviceInput']
export type CasePatientInput = Schemas['PatientInput']
export type CaseInput = Schemas['CaseInput']
/** A device as read from its barcode (POST /api/devices/read) or as stored with a case. */
export type DeviceView = Schemas['DeviceView']
export type CaseFlag = Schemas['CaseFlag']
export type CasePatientView = Schemas['PatientView']
export type CaseView = Schemas['CaseView']
export type PatientContact = Schemas['PatientContact']
export type CaseSummary = Schemas['CaseSummary']
export type CasePage = Schemas['CasePage']
export type CaseAmendment = Schemas['Amendment']

// ---- Capability assessment (docs/assessment.md) ----
export type AssessmentReport = Schemas['AssessmentReport']
export type Assessment = Schemas['Assessment']
export type AssessmentSummary = Schemas['AssessmentSummary']
export type AssessmentSubjectRequest = Schemas['SubjectRequest']
export type AssessmentSaveRequest = Schemas['SaveRequest']

// ---- Supervision (docs/supervision.md) ----
export type AlertView = Schemas['AlertView']
export type AlertPage = Schemas['AlertPage']
export type AlertCounts = Schemas['AlertCounts']
export type AlertEvidence = Schemas['Evidence']
export type AlertRefreshResult = Schemas['RefreshResult']

// ==== Hand-written: what the OpenAPI document does not describe ====
// Codes the API sends as plain strings, query shapes, and problem extensions. Keep this part small: when the
// API can describe a type, describe it there (springdoc) and alias it above.

export type CatalogueLevel = 'NATIONAL' | 'PROVINCIAL'
export type TechnologyStatus = 'IN_FORCE' | 'WITHDRAWN'
export type SpecStatus = 'ENCODED' | 'NOT_ENCODED'

export type EligibilityStatus =
  'MET' | 'NOT_MET' | 'UNKNOWN' | 'NEEDS_ATTESTATION' | 'NOT_APPLICABLE' | 'NO_SPEC'
export type ClauseStatus = EligibilityStatus | 'NOT_APPLICABLE' | 'ERROR'

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
export type Committee = 'TECHNOLOGY_MANAGEMENT' | 'ETHICS'
export type ExpertVerdict = 'AGREE' | 'DISAGREE' | 'SUPPLEMENT'
export type FilingDecisionKind = 'APPROVED' | 'RETURNED_FOR_SUPPLEMENT' | 'REJECTED'
/** WORKFLOW (filed on the platform) or PRIOR_REGISTRATION (存量备案, registered from a paper approval). */
export type FilingOrigin = 'WORKFLOW' | 'PRIOR_REGISTRATION'

export type AuthorizationStatus = 'PENDING' | 'GRANTED' | 'REJECTED' | 'REVOKED'
export type AuthorizationAction = 'EDIT' | 'GRANT' | 'REJECT' | 'REVOKE'

/** A clause standing in the way of a grant: an extension of the AUTHORIZATION_NOT_ELIGIBLE problem. */
export interface RefusedClause {
  citation: string
  status: string
  statusLabel: string
  explanation: string | null
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
  /** 病案号 or 住院号 (beginning), or — the hospital's own users, through casesApi.searchByBody — a patient ID number. */
  q?: string
}

// ---- what-if scenarios and edition diff (issue 10 item 5, docs/what-if.md) ----
export type ScenarioKind = Schemas['ScenarioRequest']['kind']
export type ScenarioRequest = Schemas['ScenarioRequest']
export type ScenarioResult = Schemas['ScenarioResult']
export type EditionDiff = Schemas['EditionDiffView']

// ---- equipment register (issue 11 item 3, docs/equipment.md) ----
// Written by hand while frontend/openapi.json is refreshed on merge; they mirror cn.rtms.equipment's records.
export type EquipmentStatus = 'IN_SERVICE' | 'OUT_OF_SERVICE' | 'UNDER_REPAIR' | 'SCRAPPED'
export type EquipmentScheduleKind = 'MAINTENANCE' | 'INSPECTION' | 'SAFETY_TEST'
export type EquipmentRecordResult = 'QUALIFIED' | 'UNQUALIFIED'

export interface EquipmentInput {
  kind: string
  registrationNumber?: string
  manufacturer: string
  model: string
  serialNumber: string
  installedOn: IsoDate
  status: EquipmentStatus
  location?: string
  note?: string
  version?: number
}

export interface EquipmentScheduleInput {
  kind: EquipmentScheduleKind
  item: string
  intervalMonths: number
  firstDue?: IsoDate
}

export interface EquipmentRecordInput {
  performedOn: IsoDate
  performedBy: string
  result: EquipmentRecordResult
  note?: string
  nextDue?: IsoDate
}

export interface EquipmentRecord {
  id: string
  performedOn: IsoDate
  performedBy: string
  result: EquipmentRecordResult
  resultLabel: string
  note?: string | null
  nextDue: IsoDate
  recordedBy: string
}

export interface EquipmentSchedule {
  id: string
  kind: EquipmentScheduleKind
  kindLabel: string
  item: string
  intervalMonths: number
  nextDue: IsoDate
  overdue: boolean
  records: EquipmentRecord[]
}

export interface EquipmentAttachment {
  id: string
  purpose: string
  purposeLabel: string
  recordId?: string | null
  fileName: string
  contentType: string
  size: number
  sha256: string
  uploadedBy: string
  uploadedAt: string
}

export interface EquipmentUnit {
  id: string
  institutionId: string
  kind: string
  kindLabel: string
  registrationNumber?: string | null
  manufacturer: string
  model: string
  serialNumber: string
  installedOn: IsoDate
  status: EquipmentStatus
  statusLabel: string
  location?: string | null
  note?: string | null
  version: number
  usable: boolean
  notCounted?: string | null
  overdue: boolean
  hyperthermia: boolean
  missingDocuments: string[]
  schedules: EquipmentSchedule[]
  attachments: EquipmentAttachment[]
}

export interface EquipmentRegister {
  institutionId: string
  institutionName: string
  canEdit: boolean
  units: EquipmentUnit[]
}

export interface EquipmentRegisterSummary {
  institutionId: string
  institutionName: string
  regionCode: string
  units: number
  notUsable: number
  overdue: number
}
