import { http, upload } from '@/api/http'

const seg = encodeURIComponent

/** A clause verdict from the engine (EligibilityReport.ClauseResult). */
export interface ClauseResult {
  ref: string
  citation: string
  text: string
  status: string
  statusLabel: string
  explanation: string
  pathwayLabel?: string | null
}

export interface CaseEntry {
  id: string
  performedOn: string
  role: CaseRole
  roleLabel: string
  instructorId: string
  instructorName: string
  caseId?: string | null
  note?: string | null
}

export interface ExamEntry {
  id: string
  kind: 'THEORY' | 'SKILLS'
  kindLabel: string
  score: number
  passed: boolean
  takenOn: string
}

export type CaseRole = 'PARTICIPATED' | 'SUPERVISED' | 'FULL_COURSE'

export interface TraineeFile {
  id: string
  personId: string
  personName: string
  personInstitutionName?: string | null
  baseId: string
  baseName?: string | null
  technology: string
  specKey: string
  enrolledOn: string
  startedOn: string
  endedOn: string
  theoryHours: number
  conclusion?: 'PASSED' | 'FAILED' | null
  conclusionLabel: string
  concludedOn?: string | null
  conclusionNote?: string | null
  version: number
  cases: CaseEntry[]
  exams: ExamEntry[]
  tally: {
    participated: number
    independent: number
    fullCourse: number
    theoryPassed: boolean
    skillsPassed: boolean
  }
  mayEdit: boolean
}

export interface TraineeSummary {
  id: string
  personId: string
  personName: string
  personInstitutionName?: string | null
  baseName?: string | null
  technology: string
  startedOn: string
  endedOn: string
  conclusion?: 'PASSED' | 'FAILED' | null
  conclusionLabel: string
}

export interface Verdict {
  specKey: string
  asOf: string
  status: string
  statusLabel: string
  baseFiled: boolean
  prerequisites: ClauseResult[]
  training: ClauseResult[]
  notice?: string | null
}

export interface Exemption {
  id: string
  personId: string
  personName: string
  technology: string
  specKey: string
  reason: string
  requestedOn: string
  evaluationStatus: string
  clauses: ClauseResult[]
  status: string
  statusLabel: string
  decisionNote?: string | null
  decidedBy?: string | null
  decidedOn?: string | null
  mayDecide: boolean
}

export interface Overseas {
  id: string
  personId: string
  personName: string
  technology: string
  host: string
  country: string
  startedOn: string
  endedOn: string
  certificateName: string
  status: string
  statusLabel: string
  assessment?: string | null
  assessedBy?: string | null
  assessedOn?: string | null
  mayAssess: boolean
}

/** A base filed for its technology today, offered when enrolling (`GET /api/trainees/enrolment-bases`). */
export interface BaseOption {
  id: string
  institutionId: string
  institutionName?: string | null
  technology: string
  filedOn?: string | null
}

/** An instructor of the file's base on the case's day (`GET /api/trainees/{id}/instructors?on=`). */
export interface InstructorOption {
  personId: string
  name: string
  title?: string | null
}

export const CASE_ROLES: { value: CaseRole; label: string }[] = [
  { value: 'PARTICIPATED', label: '参与完成' },
  { value: 'SUPERVISED', label: '在指导下独立完成' },
  { value: 'FULL_COURSE', label: '全过程管理' },
]

/** The trainee file (学员培训档案, docs/training.md "Trainees"). */
export const traineesApi = {
  list: () => http.get<TraineeSummary[]>('/api/trainees'),
  enrol: (body: { personId: string; baseId: string; startedOn: string; endedOn: string }) =>
    http.post<TraineeFile>('/api/trainees', body),
  get: (id: string) => http.get<TraineeFile>(`/api/trainees/${seg(id)}`),
  enrolmentBases: (technology?: string) =>
    http.get<BaseOption[]>('/api/trainees/enrolment-bases', { query: { technology } }),
  instructors: (id: string, on: string) =>
    http.get<InstructorOption[]>(`/api/trainees/${seg(id)}/instructors`, { query: { on } }),
  update: (id: string, body: { startedOn: string; endedOn: string; theoryHours: number; version: number }) =>
    http.put<TraineeFile>(`/api/trainees/${seg(id)}`, body),
  logCase: (
    id: string,
    body: { performedOn: string; role: CaseRole; instructorId: string; caseId?: string; note?: string },
  ) => http.post<TraineeFile>(`/api/trainees/${seg(id)}/cases`, body),
  removeCase: (id: string, caseId: string) =>
    http.delete<TraineeFile>(`/api/trainees/${seg(id)}/cases/${seg(caseId)}`),
  recordExam: (id: string, body: { kind: string; score: number; takenOn: string }) =>
    http.post<TraineeFile>(`/api/trainees/${seg(id)}/exams`, body),
  conclude: (id: string, body: { conclusion: string; note?: string }) =>
    http.post<TraineeFile>(`/api/trainees/${seg(id)}/conclusion`, body),
  verdict: (id: string) => http.get<Verdict>(`/api/trainees/${seg(id)}/verdict`),
  certificateUrl: (id: string) => `/api/trainees/${seg(id)}/certificate.pdf`,
  exportUrl: (id: string) => `/api/trainees/${seg(id)}/export.pdf`,
  exemptions: () => http.get<Exemption[]>('/api/training-exemptions'),
  requestExemption: (body: { personId: string; technology: string; reason: string }) =>
    http.post<Exemption>('/api/training-exemptions', body),
  decide: (id: string, body: { approve: boolean; note?: string }) =>
    http.post<Exemption>(`/api/training-exemptions/${seg(id)}/decision`, body),
  overseas: () => http.get<Overseas[]>('/api/overseas-trainings'),
  submitOverseas: (fields: Record<string, string>, file: File) =>
    upload<Overseas>('/api/overseas-trainings', file, { fields }),
  assess: (id: string, body: { accept: boolean; assessment: string }) =>
    http.post<Overseas>(`/api/overseas-trainings/${seg(id)}/assessment`, body),
  overseasCertificateUrl: (id: string) => `/api/overseas-trainings/${seg(id)}/certificate`,
}

/** Element Plus tag type of a verdict status. */
export function statusTag(status: string): 'success' | 'danger' | 'warning' | 'info' {
  if (status === 'MET') return 'success'
  if (status === 'NOT_MET') return 'danger'
  if (status === 'NEEDS_ATTESTATION' || status === 'UNKNOWN') return 'warning'
  return 'info'
}

/** Whether a date lies inside a period (inclusive), the rule the server checks for a logged case. */
export function insidePeriod(day: string, from: string, to: string): boolean {
  return !!day && day >= from && day <= to
}

/**
 * The validator of a decision note typed in a prompt (ElMessageBox.prompt's inputValidator):
 * true when acceptable, else the Chinese message shown under the input.
 */
export function noteValidator(required: boolean, max = 500): (value: string | null) => true | string {
  return (value) => {
    const text = (value ?? '').trim()
    if (required && !text) return '请填写意见'
    if (text.length > max) return `不能超过 ${max} 个字`
    return true
  }
}

/** What is missing or wrong in an enrolment before it is sent, in Chinese; null when complete. */
export function enrolmentProblem(form: {
  personId: string
  baseId: string
  startedOn: string
  endedOn: string
}): string | null {
  if (!form.personId) return '请选择学员'
  if (!form.baseId) return '请选择培训基地'
  if (!form.startedOn || !form.endedOn) return '请选择培训开始和结束日期'
  if (form.endedOn < form.startedOn) return '培训结束日期不能早于开始日期'
  return null
}

/** The label of an instructor in the picker: name and the title held that day. */
export function instructorLabel(option: InstructorOption): string {
  return option.title ? `${option.name}（${option.title}）` : option.name
}
